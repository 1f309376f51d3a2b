/**
 * Layout shared by the editors built as a column of header, main view and control sections
 * (compressor, limiter, reverb). Each editor lists these after `panel` and before its own sheet,
 * which sets its accent, sizes and container-query variants.
 */
import { css } from 'lit';

/** The editor root (a column filling the host), its header row, title, spacer and lit badges. */
export const editorFrame = css`
  .root {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 10px;
    width: 100%;
    height: 100%;
    box-sizing: border-box;
  }
  header {
    display: flex;
    align-items: center;
    gap: 12px;
    flex: none;
  }
  h1 {
    margin: 0 8px 0 0;
    font-size: 13px;
    font-weight: 600;
    letter-spacing: 0.18em;
    text-transform: uppercase;
    color: var(--_accent);
    white-space: nowrap;
  }
  .spacer {
    flex: 1;
  }
  .badge[data-on] {
    color: var(--_accent);
    border-color: color-mix(in srgb, var(--_accent) 55%, var(--_line));
  }
`;

/** Meter strip, control rows and titled sections of knobs. */
export const editorSections = css`
  .meters {
    flex: none;
    display: flex;
    gap: 6px;
    padding: 6px 8px 4px;
    background: var(--_panel);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    --vn-meter-height: 100%;
  }
  .controls {
    flex: none;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .row {
    display: flex;
    gap: 8px;
  }
  section {
    display: flex;
    flex-direction: column;
    min-width: 0;
    padding: 5px 8px 6px;
    background: var(--_panel);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    box-shadow: inset 0 2px 0 color-mix(in srgb, var(--_accent) 35%, transparent);
  }
  h2 {
    margin: 0 0 2px;
    font-size: 11px;
    font-weight: 600;
    font-variant: all-small-caps;
    letter-spacing: 0.14em;
    color: var(--_dim);
  }
  .ctl {
    flex: 1;
    display: flex;
    align-items: flex-start;
    justify-content: space-evenly;
    gap: 6px;
  }
`;
