/**
 * The one visual identity of the Varnish suite: deep charcoal panels, a single accent colour
 * per plugin (--vn-accent), a clean sans-serif with small-caps labels and tabular numbers.
 *
 * - `tokens`: the custom properties; every kit element includes them on :host with
 *   fallbacks, so a GUI only sets what it overrides (usually just --vn-accent).
 * - `controlStyles`: what every control shares (label and hide-label, value text, inline editor,
 *   focus ring).
 * - `panel`: the layout of a plugin GUI root: fills its host box (width/height 100 %), is a
 *   size container so GUIs adapt with @container queries, and offers .vn-row / .vn-section /
 *   .vn-grid helpers.
 * - `canvasPanel`: a canvas view in a framed well (history, curves, scopes).
 */
import { css } from 'lit';

/** Suggested accent per plugin (a GUI sets it with `style="--vn-accent: ..."` or in its CSS). */
export const ACCENTS = {
  eq: '#e0a84f',
  compressor: '#f2a950',
  reverb: '#a48ef5',
  imager: '#5fd6a4',
  limiter: '#f06a6a',
} as const;

export const tokens = css`
  :host {
    --_bg: var(--vn-bg, #111214);
    --_panel: var(--vn-panel, #1a1c20);
    --_panel-2: var(--vn-panel-2, #22252a);
    --_well: var(--vn-well, #0c0d0f);
    --_line: var(--vn-line, #30343b);
    --_text: var(--vn-text, #dde1e7);
    --_dim: var(--vn-dim, #8b929c);
    --_accent: var(--vn-accent, #4fc1e9);
    --_warn: var(--vn-warn, #f2c14e);
    --_clip: var(--vn-clip, #ef4d4d);
    --_font: var(--vn-font, 'Inter', 'Helvetica Neue', 'Segoe UI', Roboto, system-ui, sans-serif);
    --_radius: var(--vn-radius, 6px);
    --_focus: var(--vn-focus, color-mix(in srgb, var(--_accent) 70%, white));
  }
`;

export const controlStyles = css`
  :host {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    gap: 4px;
    font-family: var(--_font);
    color: var(--_text);
    user-select: none;
    -webkit-user-select: none;
    box-sizing: border-box;
    min-width: 0;
  }
  :host([hidden]) {
    display: none;
  }
  .label {
    font-size: 11px;
    font-variant: all-small-caps;
    letter-spacing: 0.08em;
    color: var(--_dim);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-width: 100%;
    line-height: 1.2;
  }
  :host([hide-label]) .label {
    display: none;
  }
  .value,
  .edit {
    font: 500 11px/1.4 var(--_font);
    font-variant-numeric: tabular-nums;
    color: var(--_text);
    text-align: center;
    min-width: 5.5em;
    white-space: nowrap;
    box-sizing: border-box;
  }
  .value {
    cursor: text;
    border-radius: 3px;
    padding: 1px 4px;
  }
  .value:hover {
    background: var(--_panel-2);
  }
  .edit {
    width: 6.5em;
    padding: 1px 4px;
    background: var(--_well);
    border: 1px solid var(--_accent);
    border-radius: 3px;
    outline: none;
  }
  .edit[aria-invalid='true'] {
    border-color: var(--_clip);
  }
  [role='slider'],
  [role='switch'],
  [role='spinbutton'] {
    outline: none;
    touch-action: none;
  }
  [role='slider']:focus-visible,
  [role='switch']:focus-visible,
  [role='spinbutton']:focus-visible {
    box-shadow: 0 0 0 2px var(--_focus);
  }
`;

export const panel = css`
  :host {
    display: block;
    width: 100%;
    height: 100%;
    box-sizing: border-box;
    container-type: size;
    container-name: vn-panel;
    overflow: hidden;
    position: relative;
    background: radial-gradient(120% 100% at 50% 0%, var(--_panel) 0%, var(--_bg) 100%);
    color: var(--_text);
    font-family: var(--_font);
    font-size: 12px;
  }
  .vn-root {
    display: flex;
    flex-direction: column;
    width: 100%;
    height: 100%;
    box-sizing: border-box;
    padding: 10px 12px;
    gap: 10px;
  }
  .vn-header {
    display: flex;
    align-items: baseline;
    gap: 10px;
    flex: none;
  }
  .vn-title {
    font-size: 13px;
    font-weight: 600;
    letter-spacing: 0.22em;
    text-transform: uppercase;
    color: var(--_text);
  }
  .vn-title::first-letter {
    color: var(--_accent);
  }
  .vn-section {
    background: var(--_panel);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: 8px 10px;
    box-sizing: border-box;
    min-width: 0;
    min-height: 0;
  }
  .vn-section-title {
    font-size: 11px;
    font-variant: all-small-caps;
    letter-spacing: 0.12em;
    color: var(--_dim);
    margin: 0 0 6px;
  }
  .vn-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: center;
    gap: 10px 14px;
  }
  .vn-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(72px, 1fr));
    gap: 10px;
    justify-items: center;
  }
  .vn-grow {
    flex: 1 1 auto;
    min-height: 0;
    min-width: 0;
  }
  @container vn-panel (max-width: 520px) {
    .vn-root {
      padding: 6px 8px;
      gap: 6px;
    }
    .vn-row {
      gap: 6px 8px;
    }
  }
`;

/** A canvas view: the element is the framed well and its canvas fills it (size comes from layout). */
export const canvasPanel = css`
  :host {
    display: block;
    position: relative;
    background: var(--_well);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  canvas {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    display: block;
  }
`;
