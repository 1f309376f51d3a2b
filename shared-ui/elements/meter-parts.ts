/**
 * What the kit's two meters (level-meter.ts, gr-meter.ts) share: the column of label, body
 * (scale beside the wells) and readout, and how a new reading reaches ARIA and the readout.
 * Each meter's own sheet adds its scale width, tick anchoring and bar layout.
 */
import { css } from 'lit';

export const meterStyles = css`
  :host {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    gap: 4px;
    height: var(--vn-meter-height, 160px);
    font-family: var(--_font);
    color: var(--_dim);
    user-select: none;
    -webkit-user-select: none;
  }
  .label {
    font-size: 11px;
    font-variant: all-small-caps;
    letter-spacing: 0.08em;
  }
  .body {
    flex: 1 1 auto;
    min-height: 40px;
    display: flex;
    gap: 3px;
  }
  .scale {
    position: relative;
    font: 9px/1 var(--_font);
    font-variant-numeric: tabular-nums;
  }
  .tick {
    position: absolute;
    right: 0;
  }
  .well {
    position: relative;
    background: var(--_well);
    border-radius: 2px;
    overflow: hidden;
  }
  .hold {
    position: absolute;
    left: 0;
    right: 0;
    height: 2px;
    background: var(--_text);
  }
  .readout {
    font: 500 10px/1 var(--_font);
    font-variant-numeric: tabular-nums;
    color: var(--_text);
    min-width: 3.5em;
    text-align: center;
  }
`;

/** a reading changed: the body's aria-valuenow/-valuetext (role=meter) and the readout text */
export function showReading(root: ParentNode, valueNow: string, valueText: string, readout: string): void {
  const body = root.querySelector('.body');
  body?.setAttribute('aria-valuenow', valueNow);
  body?.setAttribute('aria-valuetext', valueText);
  const out = root.querySelector('.readout');
  if (out) out.textContent = readout;
}
