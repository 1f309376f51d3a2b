/**
 * vn-level-meter: a vertical peak + RMS meter on a dBFS scale, one bar per channel, with
 * peak hold and a latching clip light (click the meter to clear it).
 *
 *   <${levelMeterTag} .host=${host} offset="0" channels="2" label="Out"></${levelMeterTag}>
 *
 * Reads the host's meter frames (MeterController): channel c's peak at
 * frame[offset + c * stride] and its RMS at frame[offset + c * stride + 1]; values are
 * linear amplitudes (input="linear", default) or dBFS (input="db"). Without a host, set
 * `.frame` directly. Ballistics: instant rise, 20 dB / 1.7 s fall, 1.5 s hold (MeterBallistics).
 * Drawn with clip-paths in an animation loop that runs only while the meter is on screen.
 * role=meter; aria-valuenow is the held peak in dBFS (rounded to 0.1 dB).
 * Height: --vn-meter-height (default 160px; 100% to fill).
 */
import { LitElement, css } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { ParamHost } from '../param-host.js';
import { scopedTag } from '../define.js';
import { tokens } from '../theme.js';
import { MeterController } from '../controllers/meter-controller.js';
import { RafController } from '../controllers/raf-controller.js';
import { meterStyles, showReading } from './meter-parts.js';
import { MeterBallistics, SILENCE_DB, ampToDb, dbToMeter, meterTicks, type MeterRange } from '../logic/meter-scale.js';

export const LEVEL_METER_TAG = scopedTag('vn-level-meter');
export const levelMeterTag = unsafeStatic(LEVEL_METER_TAG);

/** frames older than this count as silence (the processor stopped) */
const STALE_SECONDS = 0.25;

export class VnLevelMeter extends LitElement {
  static override properties = {
    host: { attribute: false },
    frame: { attribute: false },
    offset: { type: Number },
    channels: { type: Number },
    stride: { type: Number },
    input: { type: String },
    minDb: { type: Number, attribute: 'min-db' },
    maxDb: { type: Number, attribute: 'max-db' },
    label: { type: String },
    scale: { type: Boolean, reflect: true },
  };

  static override styles = [
    tokens,
    meterStyles,
    css`
      .body {
        cursor: pointer;
      }
      .scale {
        width: 22px;
        margin-top: 7px; /* below the clip lights */
      }
      :host(:not([scale])) .scale {
        display: none;
      }
      .tick {
        transform: translateY(50%);
      }
      .ch {
        position: relative;
        width: var(--vn-meter-width, 8px);
        display: flex;
        flex-direction: column;
        gap: 3px;
      }
      .clip {
        flex: none;
        height: 4px;
        border-radius: 1px;
        background: var(--_well);
      }
      .clip.on {
        background: var(--_clip);
        box-shadow: 0 0 5px var(--_clip);
      }
      .well {
        flex: 1 1 auto;
      }
      .peak,
      .rms {
        position: absolute;
        left: 0;
        right: 0;
        bottom: 0;
        height: 100%;
        clip-path: inset(100% 0 0 0);
      }
      .peak {
        /* zones: accent below -6 dBFS, warning to 0 dBFS, clip colour above (positions set inline) */
        --_a: color-mix(in srgb, var(--_accent) 50%, transparent);
        --_w: color-mix(in srgb, var(--_warn) 75%, transparent);
        --_c: color-mix(in srgb, var(--_clip) 85%, transparent);
        background: linear-gradient(
          to top,
          var(--_a) 0%,
          var(--_a) var(--_p6),
          var(--_w) var(--_p6),
          var(--_w) var(--_p0),
          var(--_c) var(--_p0)
        );
      }
      .rms {
        background: var(--_accent);
      }
      .hold {
        bottom: 0;
        transform: translateY(100%);
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare frame: Float32Array | ArrayLike<number> | undefined;
  declare offset: number;
  declare channels: number;
  declare stride: number;
  declare input: 'linear' | 'db';
  declare minDb: number;
  declare maxDb: number;
  declare label: string | undefined;
  declare scale: boolean;

  private meters: MeterBallistics[] = [];
  private lastCount = -1;
  private lastFrame: ArrayLike<number> | undefined;
  private sinceFrame = 0;
  private shownNow = '';
  // frames wake the animation loop; it sleeps again once the display has settled at silence
  private readonly meter = new MeterController(this, () => this.raf.start());
  private readonly raf = new RafController(this, (dt) => this.tick(dt));

  constructor() {
    super();
    this.offset = 0;
    this.channels = 2;
    this.stride = 2;
    this.input = 'linear';
    this.minDb = -60;
    this.maxDb = 6;
  }

  get range(): MeterRange {
    return { min: this.minDb, max: this.maxDb };
  }

  /** current display state per channel (for tests and custom readouts) */
  get state(): ReadonlyArray<Readonly<MeterBallistics>> {
    return this.meters;
  }

  override willUpdate(): void {
    const n = Math.max(1, Math.floor(this.channels) || 1);
    while (this.meters.length < n) this.meters.push(new MeterBallistics());
    this.meters.length = n;
  }

  private toDb(v: number | undefined): number {
    if (v === undefined || !(v === v)) return SILENCE_DB;
    return this.input === 'db' ? Math.max(SILENCE_DB, v) : ampToDb(v);
  }

  private tick(dt: number): void {
    const src = this.meter.frame ?? this.frame;
    const fresh = this.meter.frame ? this.meter.count !== this.lastCount : src !== this.lastFrame;
    this.lastCount = this.meter.count;
    this.lastFrame = src;
    this.sinceFrame = fresh ? 0 : this.sinceFrame + dt;
    const live = src && this.sinceFrame < STALE_SECONDS;
    let held = SILENCE_DB;
    for (let c = 0; c < this.meters.length; c++) {
      const i = this.offset + c * this.stride;
      const peak = live ? this.toDb(src[i]) : SILENCE_DB;
      const rms = live ? this.toDb(src[i + 1]) : SILENCE_DB;
      const m = this.meters[c].update(peak, rms, dt);
      held = Math.max(held, m.hold);
    }
    this.paint(held);
    if (!live && held <= SILENCE_DB && this.meters.every((m) => m.peak <= SILENCE_DB)) this.raf.stop();
  }

  override updated(): void {
    this.raf.start();
  }

  private paint(held: number): void {
    const root = this.renderRoot;
    const chs = root.querySelectorAll<HTMLElement>('.ch');
    const r = this.range;
    chs.forEach((ch, c) => {
      const m = this.meters[c];
      if (!m) return;
      // clip rather than scale, so the colour zones stay fixed to the scale
      (ch.querySelector('.peak') as HTMLElement).style.clipPath = `inset(${(1 - dbToMeter(m.peak, r)) * 100}% 0 0 0)`;
      (ch.querySelector('.rms') as HTMLElement).style.clipPath = `inset(${(1 - dbToMeter(m.rms, r)) * 100}% 0 0 0)`;
      const hold = ch.querySelector('.hold') as HTMLElement;
      const h = dbToMeter(m.hold, r);
      hold.style.bottom = `${h * 100}%`;
      hold.style.opacity = h > 0 ? '1' : '0';
      ch.querySelector('.clip')!.classList.toggle('on', m.clipped);
    });
    const now = held <= r.min ? String(r.min) : Math.min(held, r.max).toFixed(1);
    if (now !== this.shownNow) {
      this.shownNow = now;
      const silent = held <= r.min;
      showReading(root, now, silent ? `below ${r.min} dBFS` : `${held.toFixed(1)} dBFS peak`, silent ? '-inf' : held.toFixed(1));
    }
  }

  private readonly onClick = (): void => {
    for (const m of this.meters) {
      m.resetClip();
      m.hold = m.peak;
    }
    this.shownNow = '';
  };

  override render() {
    const r = this.range;
    const label = this.label ?? 'Level';
    const zones = `--_p6:${dbToMeter(-6, r) * 100}%;--_p0:${dbToMeter(0, r) * 100}%`;
    return html`
      ${this.label ? html`<span class="label" part="label">${this.label}</span>` : ''}
      <div
        class="body"
        part="body"
        role="meter"
        aria-label=${label}
        aria-valuemin=${r.min}
        aria-valuemax=${r.max}
        aria-valuenow=${r.min}
        title="Click to clear clip and hold"
        @click=${this.onClick}
      >
        <div class="scale" aria-hidden="true">
          ${meterTicks(r, 12).map((db) => html`<span class="tick" style="bottom:${dbToMeter(db, r) * 100}%">${db}</span>`)}
        </div>
        ${this.meters.map(
          () => html`<div class="ch">
            <div class="clip"></div>
            <div class="well"><div class="peak" style=${zones}></div><div class="rms"></div><div class="hold"></div></div>
          </div>`,
        )}
      </div>
      <span class="readout" part="readout" aria-hidden="true">-inf</span>
    `;
  }
}
