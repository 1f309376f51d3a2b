/**
 * A horizontal -1..+1 meter for the imager's phase correlation or power balance, with the
 * value as text. Reads the kernel's meter frames (IMAGER_METER.CORRELATION / BALANCE, already
 * 0.3 s means); with no frame for STALE_MS (processing stopped) it returns to the centre.
 *
 * correlation: the bar grows from 0 towards the reading; red below 0 (out of phase), warning
 * colour up to +0.3, the accent above. balance: a needle between L and R, the text is the
 * level difference of the louder side (formatBalance).
 * role=meter, aria-valuenow = the reading rounded to 0.01 (tests poll it).
 */
import { LitElement, css } from 'lit';
import { html } from 'lit/static-html.js';
import { MeterController, tokens, type ParamHost } from '../../../shared-ui/index.js';
import { IMAGER_METER } from '../../../shared-dsp/stereo/imager-meters.js';
import { formatBalance, formatCorrelation } from './stereo-model.js';

const STALE_MS = 300;

export class ImagerStereoBar extends LitElement {
  static override properties = {
    host: { attribute: false },
    kind: { type: String, reflect: true },
    value: { state: true },
  };

  static override styles = [
    tokens,
    css`
      :host {
        display: grid;
        grid-template-columns: 5.6em minmax(0, 1fr) 4.6em;
        align-items: center;
        gap: 8px;
        font-family: var(--_font);
        color: var(--_dim);
        user-select: none;
        -webkit-user-select: none;
      }
      .name {
        font-size: 11px;
        font-variant: all-small-caps;
        letter-spacing: 0.08em;
        white-space: nowrap;
      }
      .track {
        position: relative;
        height: 14px;
        background: var(--_well);
        border: 1px solid var(--_line);
        border-radius: 3px;
        overflow: hidden;
      }
      .tick {
        position: absolute;
        top: 0;
        bottom: 0;
        width: 1px;
        background: var(--_line);
      }
      .tick.mid {
        background: var(--_dim);
        opacity: 0.7;
      }
      .fill {
        position: absolute;
        top: 2px;
        bottom: 2px;
        border-radius: 2px;
        transition: background-color 120ms;
      }
      .needle {
        position: absolute;
        top: 0;
        bottom: 0;
        width: 3px;
        margin-left: -1.5px;
        border-radius: 1px;
        background: var(--_accent);
        box-shadow: 0 0 6px color-mix(in srgb, var(--_accent) 60%, transparent);
      }
      .ends {
        position: absolute;
        inset: 0;
        display: flex;
        justify-content: space-between;
        align-items: center;
        padding: 0 4px;
        font: 600 9px/1 var(--_font);
        color: var(--_dim);
        opacity: 0.8;
        pointer-events: none;
      }
      .text {
        font: 600 12px/1 var(--_font);
        font-variant-numeric: tabular-nums;
        color: var(--_text);
        text-align: right;
        white-space: nowrap;
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare kind: 'correlation' | 'balance';
  declare value: number;
  private staleTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly meters = new MeterController(this as LitElement & { host?: ParamHost }, (frame) => {
    const i = this.kind === 'balance' ? IMAGER_METER.BALANCE : IMAGER_METER.CORRELATION;
    const v = frame[i];
    this.value = v === v ? (v > 1 ? 1 : v < -1 ? -1 : v) : 0;
    clearTimeout(this.staleTimer);
    this.staleTimer = setTimeout(() => (this.value = 0), STALE_MS);
  });

  constructor() {
    super();
    this.kind = 'correlation';
    this.value = 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.staleTimer);
    this.staleTimer = undefined;
  }

  protected override render() {
    void this.meters;
    const v = this.value;
    const pos = (x: number) => `${((x + 1) / 2) * 100}%`;
    const balance = this.kind === 'balance';
    const label = balance ? 'Balance' : 'Correlation';
    const text = balance ? formatBalance(v) : formatCorrelation(v);
    const ticks = [-0.5, 0, 0.5].map((t) => html`<span class="tick ${t === 0 ? 'mid' : ''}" style="left:${pos(t)}"></span>`);
    let body;
    if (balance) body = html`<span class="needle" style="left:${pos(v)}"></span>`;
    else {
      const color = v < 0 ? 'var(--_clip)' : v < 0.3 ? 'var(--_warn)' : 'var(--_accent)';
      const lo = Math.min(0, v), hi = Math.max(0, v);
      body = html`<span class="fill" style="left:${pos(lo)};right:${100 - ((hi + 1) / 2) * 100}%;background:${color}"></span>`;
    }
    return html`
      <span class="name">${label}</span>
      <div
        class="track"
        role="meter"
        aria-label=${label}
        aria-valuemin="-1"
        aria-valuemax="1"
        aria-valuenow=${Math.round(v * 100) / 100}
        aria-valuetext=${text}
      >
        ${ticks} ${body}
        <span class="ends" aria-hidden="true">${balance ? html`<span>L</span><span>R</span>` : html`<span>−1</span><span>+1</span>`}</span>
      </div>
      <span class="text" aria-hidden="true">${text}</span>
    `;
  }
}
