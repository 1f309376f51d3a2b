/**
 * Gain reduction drawn over the waveform: the last HISTORY_SECONDS of the driven input level
 * (input peak + gain, grey), the output level (accent) and the gain reduction (hanging from
 * the top on the same dB scale), newest at the right, with the ceiling as a dashed line. What
 * the grey rises above the output is what the limiter took away.
 *
 * Fed by the meter frames (~30 Hz) into a preallocated ring; the canvas redraws on each frame
 * and only while it is on screen (CanvasController).
 */
import { LitElement } from 'lit';
import { html } from 'lit/static-html.js';
import { CanvasController, MeterController, ParamWatchController, canvasPanel, tokens, type GraphContext, type ParamHost } from '../../../shared-ui/index.js';
import { HistoryRing } from '../../../shared-ui/logic/history-ring.js';
import {
  LIM_METER_GR,
  LIM_METER_IN_L,
  LIM_METER_IN_R,
  LIM_METER_OUT_L,
  LIM_METER_OUT_R,
} from '../../../shared-dsp/limiter/limiter-meters.js';

export const HISTORY_SECONDS = 6;
export const FRAME_RATE = 30;
const DB_MIN = -36;
const DB_MAX = 12;
/** series of the ring */
const IN = 0;
const OUT = 1;
const GR = 2;

export class LimGrHistory extends LitElement {
  static override properties = { host: { attribute: false } };

  static override styles = [tokens, canvasPanel];

  declare host: ParamHost | undefined;

  /** the ring the frames feed (public for tests) */
  readonly history = new HistoryRing(HISTORY_SECONDS * FRAME_RATE, 3);
  private grColor = '';

  private readonly canvas = new CanvasController(this, {
    canvas: () => this.renderRoot.querySelector('canvas'),
    draw: (g) => this.paint(g),
  });

  private readonly meters = new MeterController(this as LitElement & { host?: ParamHost }, (f) => {
    const drive = this.host ? this.host.getValue('gain') : 0;
    const inDb = Math.max(f[LIM_METER_IN_L], f[LIM_METER_IN_R]) + drive;
    const outDb = Math.max(f[LIM_METER_OUT_L], f[LIM_METER_OUT_R]);
    this.history.push(inDb, outDb, f[LIM_METER_GR]);
    this.canvas.requestDraw();
  });

  /** the ceiling line moves with its parameters */
  private readonly watch = new ParamWatchController(this, ['ceiling', 'trim'], () => this.canvas.requestDraw());

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('host')) this.history.clear();
    this.canvas.requestDraw();
  }

  protected override render() {
    return html`<canvas role="img" aria-label="Input, output and gain reduction, last ${HISTORY_SECONDS} seconds"></canvas>`;
  }

  private paint(g: GraphContext): void {
    const { ctx, width: w, height: h, colors } = g;
    if (!this.grColor) this.grColor = getComputedStyle(this).getPropertyValue('--_warn').trim() || '#f2c14e';
    const pxPerDb = h / (DB_MAX - DB_MIN);
    const Y = (db: number) => (DB_MAX - (db < DB_MIN ? DB_MIN : db > DB_MAX ? DB_MAX : db)) * pxPerDb;
    const px = 1 / g.dpr;
    const snap = (v: number) => Math.round(v * g.dpr) / g.dpr + px / 2;
    const cap = this.history.capacity;
    const step = w / (cap - 1);

    // grid: every 6 dB (0 dBFS brighter), a line per second
    ctx.save();
    ctx.lineWidth = px;
    ctx.strokeStyle = colors.line;
    for (let db = DB_MIN + 6; db < DB_MAX; db += 6) {
      ctx.globalAlpha = db === 0 ? 1 : 0.6;
      ctx.beginPath();
      ctx.moveTo(0, snap(Y(db)));
      ctx.lineTo(w, snap(Y(db)));
      ctx.stroke();
    }
    ctx.globalAlpha = 0.35;
    for (let s = 1; s < HISTORY_SECONDS; s++) {
      const x = snap(w - s * FRAME_RATE * step);
      ctx.beginPath();
      ctx.moveTo(x, 0);
      ctx.lineTo(x, h);
      ctx.stroke();
    }
    ctx.restore();

    const H = this.history;
    const n = H.count;
    const x0 = w - (n - 1) * step;
    const area = (series: number, fill: string, alpha: number) => {
      const v = H.series[series];
      ctx.beginPath();
      ctx.moveTo(x0, h);
      for (let k = 0; k < n; k++) ctx.lineTo(x0 + k * step, Y(v[H.at(k)]));
      ctx.lineTo(w, h);
      ctx.closePath();
      ctx.globalAlpha = alpha;
      ctx.fillStyle = fill;
      ctx.fill();
    };
    const line = (series: number, y: (v: number) => number, stroke: string) => {
      const v = H.series[series];
      ctx.beginPath();
      for (let k = 0; k < n; k++) {
        const x = x0 + k * step;
        if (k === 0) ctx.moveTo(x, y(v[H.at(k)]));
        else ctx.lineTo(x, y(v[H.at(k)]));
      }
      ctx.globalAlpha = 0.95;
      ctx.lineWidth = 1.5;
      ctx.lineJoin = 'round';
      ctx.strokeStyle = stroke;
      ctx.stroke();
    };
    if (n >= 2) {
      ctx.save();
      // driven input: grey area; output: accent area and line on top of it
      area(IN, colors.dim, 0.3);
      area(OUT, colors.accent, 0.28);
      line(OUT, Y, colors.accent);
      // gain reduction hanging from the top, r dB reaches r dB down (not drawn while there is none)
      const grY = (r: number) => (r > 0 ? r : 0) * pxPerDb;
      const v = H.series[GR];
      let most = 0;
      for (let k = 0; k < n; k++) if (v[H.at(k)] > most) most = v[H.at(k)];
      if (most >= 0.01) {
        ctx.beginPath();
        ctx.moveTo(x0, 0);
        for (let k = 0; k < n; k++) ctx.lineTo(x0 + k * step, grY(v[H.at(k)]));
        ctx.lineTo(w, 0);
        ctx.closePath();
        ctx.globalAlpha = 0.22;
        ctx.fillStyle = this.grColor;
        ctx.fill();
        line(GR, grY, this.grColor);
      }
      ctx.restore();
    }

    // ceiling (+ output trim): the most the output can reach
    let ceilingDb = 0;
    if (this.host) {
      ceilingDb = this.host.getValue('ceiling') + this.host.getValue('trim');
      const yc = snap(Y(ceilingDb));
      ctx.save();
      ctx.strokeStyle = colors.accent;
      ctx.globalAlpha = 0.8;
      ctx.lineWidth = 1;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(0, yc);
      ctx.lineTo(w, yc);
      ctx.stroke();
      ctx.restore();
    }

    // labels and legend
    ctx.save();
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillStyle = colors.dim;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let db = DB_MIN + 6; db < DB_MAX; db += 6) ctx.fillText(db > 0 ? `+${db}` : String(db), w - 4, Y(db) - 7);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    for (let s = 1; s < HISTORY_SECONDS; s++) ctx.fillText(`-${s}s`, w - s * FRAME_RATE * step + 3, h - 2);
    if (this.host) {
      ctx.fillStyle = colors.accent;
      ctx.textBaseline = 'bottom';
      ctx.fillText(`ceiling ${ceilingDb.toFixed(1)} dBTP`, 6, Y(ceilingDb) - 3);
    }
    // legend bottom-left, on a backing so the oldest seconds' labels do not show through
    const legend: Array<[string, string]> = [
      ['in + gain', colors.dim],
      ['out', colors.accent],
      ['gain reduction', this.grColor],
    ];
    let lw = 6;
    for (const [text] of legend) lw += 11 + ctx.measureText(text).width + 12;
    ctx.globalAlpha = 0.85;
    ctx.fillStyle = colors.well;
    ctx.fillRect(0, h - 18, lw, 18);
    ctx.globalAlpha = 1;
    ctx.textBaseline = 'bottom';
    let x = 6;
    for (const [text, color] of legend) {
      ctx.fillStyle = color;
      ctx.fillRect(x, h - 9, 8, 2);
      ctx.fillStyle = colors.dim;
      ctx.fillText(text, x + 11, h - 3);
      x += 11 + ctx.measureText(text).width + 12;
    }
    ctx.restore();
  }
}
