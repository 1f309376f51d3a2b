/**
 * vn-gr-meter: gain reduction, a bar growing down from 0 dB, with a held maximum and a
 * numeric readout.
 *
 *   <${grMeterTag} .host=${host} index="4" scale="db" range="24"></${grMeterTag}>
 *
 * Reads frame[index] of the host's meter frames (or `.value` without a host). scale:
 * "db" (gain change in dB, negative = reduction; default), "reduction" (positive dB) or
 * "gain" (linear factor). The processor's detector already gives the reduction its attack
 * and release, so the bar shows it as is; the hold mark keeps the maximum for 1.5 s, then
 * falls at 20 dB / 1.7 s. role=meter; aria-valuenow is the reduction in dB.
 * Height: --vn-meter-height (default 160px).
 */
import { LitElement, css } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { ParamHost } from '../param-host.js';
import { scopedTag } from '../define.js';
import { tokens } from '../theme.js';
import { MeterController } from '../controllers/meter-controller.js';
import { RafController } from '../controllers/raf-controller.js';
import { meterStyles, showReading } from './meter-parts.js';
import { MeterBallistics, meterTicks, reductionDb, type ReductionScale } from '../logic/meter-scale.js';

export const GR_METER_TAG = scopedTag('vn-gr-meter');
export const grMeterTag = unsafeStatic(GR_METER_TAG);

export class VnGrMeter extends LitElement {
  static override properties = {
    host: { attribute: false },
    value: { type: Number },
    index: { type: Number },
    scale: { type: String },
    range: { type: Number },
    label: { type: String },
  };

  static override styles = [
    tokens,
    meterStyles,
    css`
      .scale {
        width: 18px;
      }
      .tick {
        transform: translateY(-50%);
      }
      .well {
        width: var(--vn-meter-width, 10px);
      }
      .bar {
        position: absolute;
        left: 0;
        right: 0;
        top: 0;
        height: 100%;
        transform-origin: top;
        transform: scaleY(0);
        background: linear-gradient(to bottom, var(--_warn), color-mix(in srgb, var(--_warn) 60%, var(--_clip)));
        will-change: transform;
      }
      .hold {
        top: 0;
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare value: number;
  declare index: number;
  declare scale: ReductionScale;
  declare range: number;
  declare label: string | undefined;

  /** held maximum, with the level meter's ballistics on the reduction amount */
  private readonly ball = new MeterBallistics({ fallDbPerSecond: 20 / 1.7, holdSeconds: 1.5, clipDb: Infinity });
  private shown = '';
  // frames wake the animation loop; it sleeps again once the display has settled at 0 dB
  private readonly meter = new MeterController(this, () => this.raf.start());
  private readonly raf = new RafController(this, (dt) => this.tick(dt));

  constructor() {
    super();
    this.value = 0;
    this.index = 0;
    this.scale = 'db';
    this.range = 24;
  }

  private lastCount = -1;
  private sinceFrame = 0;

  /** the current reduction in dB (>= 0) */
  get reduction(): number {
    const f = this.meter.frame;
    return reductionDb(f ? f[this.index] ?? 0 : this.value, this.scale);
  }

  override updated(): void {
    this.raf.start();
  }

  private tick(dt: number): void {
    const hosted = this.meter.frame !== undefined;
    this.sinceFrame = hosted && this.meter.count !== this.lastCount ? 0 : this.sinceFrame + dt;
    this.lastCount = this.meter.count;
    // frames that stopped coming (processor gone) read as no reduction
    const gr = hosted && this.sinceFrame > 0.25 ? 0 : this.reduction;
    const m = this.ball.update(gr, gr, dt);
    const range = Math.max(1, this.range);
    const root = this.renderRoot;
    const bar = root.querySelector<HTMLElement>('.bar');
    const hold = root.querySelector<HTMLElement>('.hold');
    if (bar) bar.style.transform = `scaleY(${Math.min(1, gr / range)})`;
    if (hold) {
      const h = Math.min(1, Math.max(0, m.hold) / range);
      hold.style.top = `calc(${h * 100}% - 2px)`;
      hold.style.opacity = h > 0 ? '1' : '0';
    }
    const now = gr.toFixed(1);
    if (now !== this.shown) {
      this.shown = now;
      showReading(root, now, `${now} dB gain reduction`, gr >= 0.05 ? `-${now}` : '0.0');
    }
    if (gr === 0 && m.hold <= 0) this.raf.stop();
  }

  override render() {
    const range = Math.max(1, this.range);
    const step = range > 24 ? 12 : range > 12 ? 6 : 3;
    return html`
      ${this.label ? html`<span class="label" part="label">${this.label}</span>` : ''}
      <div
        class="body"
        part="body"
        role="meter"
        aria-label=${this.label ?? 'Gain reduction'}
        aria-valuemin="0"
        aria-valuemax=${range}
        aria-valuenow="0"
      >
        <div class="scale" aria-hidden="true">
          ${meterTicks({ min: -range, max: 0 }, step).map(
            (db) => html`<span class="tick" style="top:${(-db / range) * 100}%">${db}</span>`,
          )}
        </div>
        <div class="well"><div class="bar"></div><div class="hold"></div></div>
      </div>
      <span class="readout" part="readout" aria-hidden="true">0.0</span>
    `;
  }
}
