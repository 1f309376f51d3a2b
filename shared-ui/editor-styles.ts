/**
 * Layout shared by the editors built as a column of header, main view and control sections
 * (compressor, limiter, reverb; the EQ and imager take editorFrame alone, their host being the
 * column). Each editor lists these after `panel` and before its own sheet, which sets its
 * accent, sizes and container-query variants.
 */
import { css } from 'lit';

/** The editor root (a column filling the host), its header row, title, spacer, badges, main row and output column. */
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
  .badge {
    flex: none;
    font: 500 10px/1 var(--_font);
    letter-spacing: 0.1em;
    text-transform: uppercase;
    color: var(--_dim);
    border: 1px solid var(--_line);
    border-radius: 10px;
    padding: 4px 8px;
    white-space: nowrap;
  }
  .badge[data-on] {
    color: var(--_accent);
    border-color: color-mix(in srgb, var(--_accent) 55%, var(--_line));
  }
  /* the editor sets its min-height */
  .main {
    flex: 1 1 auto;
    display: flex;
    gap: 8px;
  }
  /* an output column in the main row: the output knob above a meter that fills the rest */
  .out {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 6px;
    --vn-meter-height: 100%;
  }
  .out > :last-child {
    flex: 1;
    min-height: 60px;
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
  /* switches and choices (class sw) beside knobs: label on the knobs' label line, body centred on the dials */
  .sw::part(switch),
  .sw::part(segments),
  .sw::part(select) {
    margin-top: calc(var(--vn-knob-size) / 2 - 12px);
  }
`;

/**
 * Tighter sections when the window is short or narrow, and no badges when it is very narrow
 * (knobs with class kn, switches and choices with class sw). --vn-value-width-narrow on :host
 * sets the knobs' value width when narrow (4.4em). Knob sizes stay the editor's: a vn-panel
 * query cannot restyle :host, which is that container itself.
 */
export const editorCompact = css`
  @container vn-panel (max-height: 470px) {
    .root {
      gap: 6px;
      padding: 8px;
    }
    /* the knobs' own labels carry the groups when height is short */
    h2 {
      display: none;
    }
    section {
      padding-top: 6px;
    }
  }
  @container vn-panel (max-width: 780px) {
    .ctl {
      gap: 2px;
    }
    section {
      padding: 5px 4px 6px;
    }
    .kn::part(value) {
      min-width: var(--vn-value-width-narrow, 4.4em);
    }
    .kn::part(label),
    .sw::part(label) {
      letter-spacing: 0.03em;
    }
  }
  @container vn-panel (max-width: 700px) {
    .badge {
      display: none;
    }
  }
`;
