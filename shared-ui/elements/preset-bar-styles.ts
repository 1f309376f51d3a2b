/** Styles of vn-preset-bar (elements/preset-bar.ts). */
import { css } from 'lit';

export const presetBarStyles = css`
  :host {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
    font: 500 11px/1 var(--_font);
    color: var(--_text);
  }
  .bar {
    display: inline-flex;
    flex: 0 1 auto;
    align-items: center;
    gap: 2px;
    padding: 2px;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_well);
  }
  .bar.drop {
    border-color: var(--_accent);
    box-shadow: 0 0 0 2px color-mix(in srgb, var(--_accent) 40%, transparent);
  }
  button {
    flex: none;
    font: inherit;
    color: var(--_dim);
    background: transparent;
    border: 0;
    border-radius: 4px;
    height: 22px;
    min-width: 22px;
    padding: 0 6px;
    cursor: pointer;
    white-space: nowrap;
  }
  button:hover:not(:disabled) {
    background: var(--_panel-2);
    color: var(--_text);
  }
  button:disabled {
    opacity: 0.35;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -1px;
  }
  button[aria-pressed='true'] {
    color: var(--_accent);
    background: var(--_panel-2);
  }
  .copy {
    min-width: 14px;
    padding: 0 2px;
    font-size: 10px;
  }
  .name {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    max-width: 190px;
    min-width: 64px;
    flex: 0 1 auto;
    justify-content: space-between;
    color: var(--_text);
    background: var(--_panel-2);
  }
  .name .text {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .mark {
    color: var(--_accent);
    font-size: 13px;
    line-height: 1;
  }
  .caret {
    color: var(--_dim);
    font-size: 9px;
  }
  .sep {
    width: 1px;
    height: 14px;
    background: var(--_line);
    margin: 0 2px;
  }
  .status {
    position: absolute;
    top: 100%;
    left: 0;
    z-index: 5;
    margin-top: 4px;
    display: flex;
    align-items: flex-start;
    gap: 6px;
    max-width: 380px;
    padding: 5px 4px 5px 8px;
    box-sizing: border-box;
    border: 1px solid var(--_line);
    border-radius: 5px;
    background: var(--_panel);
    box-shadow: 0 4px 12px #0009;
    color: var(--_text);
    line-height: 1.35;
    overflow-wrap: anywhere;
  }
  .status:empty,
  .status.faded {
    display: none;
  }
  .status button {
    height: 16px;
    min-width: 16px;
    padding: 0 3px;
    font-size: 10px;
  }
  .status.error,
  .msg.error {
    color: var(--_clip);
  }
  .pop {
    position: fixed;
    inset: auto;
    margin: 0;
    padding: 8px;
    min-width: 240px;
    max-width: 360px;
    max-height: 360px;
    overflow: auto;
    box-sizing: border-box;
    border: 1px solid var(--_line);
    border-radius: 6px;
    background: var(--_panel);
    color: var(--_text);
    box-shadow: 0 8px 24px #000c;
    font: 500 11px/1.3 var(--_font);
  }
  .pop[data-panel='share'] {
    width: 360px;
  }
  .pop:not([data-open]) {
    display: none;
  }
  .pop .item {
    display: block;
    width: 100%;
    text-align: left;
    color: var(--_text);
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 3px;
    margin-bottom: 6px;
  }
  .tags button {
    height: 20px;
    border: 1px solid var(--_line);
    font-size: 10px;
  }
  .section {
    margin: 6px 0 2px;
    color: var(--_dim);
    font-variant: all-small-caps;
    letter-spacing: 0.08em;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 2px;
  }
  .row .load {
    flex: 1;
    min-width: 0;
    text-align: left;
    color: var(--_text);
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .row .load[aria-current='true'] {
    color: var(--_accent);
  }
  .row .small {
    min-width: 20px;
    padding: 0 4px;
  }
  .empty {
    color: var(--_dim);
    padding: 4px 6px;
  }
  label.field {
    display: flex;
    flex-direction: column;
    gap: 3px;
    margin-bottom: 6px;
    color: var(--_dim);
  }
  input[type='text'] {
    font: 500 11px/1.4 var(--_font);
    color: var(--_text);
    background: var(--_well);
    border: 1px solid var(--_line);
    border-radius: 4px;
    padding: 3px 6px;
    min-width: 0;
  }
  input.code {
    width: 100%;
    box-sizing: border-box;
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    font-size: 10px;
  }
  .actions {
    display: flex;
    gap: 4px;
    justify-content: flex-end;
    margin-top: 4px;
  }
  .actions button {
    border: 1px solid var(--_line);
    color: var(--_text);
  }
  .msg {
    margin-top: 4px;
    color: var(--_dim);
    overflow-wrap: anywhere;
  }
  .hidden {
    display: none;
  }
`;
