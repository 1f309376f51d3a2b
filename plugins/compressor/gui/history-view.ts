/**
 * The scrolling history: the last HISTORY_SECONDS of input level (grey area), output level
 * (light line) and gain reduction (hanging from the top, on the same dB scale), newest at
 * the right, with the threshold as a dashed line. Fed by the meter frames (~30 Hz) into a
 * preallocated ring (the kit's HistoryRing); the canvas redraws on each frame, and only while
 * it is on screen (CanvasController).
 */
import { LitElement } from 'lit';
import { html } from 'lit/static-html.js';
import { CanvasController, MeterController, ParamWatchController, canvasPanel, tokens, type GraphContext, type ParamHost } from '../../../shared-ui/index.js';
import { HistoryRing } from '../../../shared-ui/logic/history-ring.js';
import {
  COMP_METER_GR,
  COMP_METER_IN_L,
  COMP_METER_IN_R,
  COMP_METER_OUT_L,
  COMP_METER_OUT_R,
} from '../../../shared-dsp/dynamics/compressor-meters.js';

const HISTORY_SECONDS = 5;
const FRAME_RATE = 30;
const DB_MIN = -60;
const DB_MAX = 0;
/** series of the ring */
const IN = 0;
const OUT = 1;
const GR = 2;

export class CompHistoryView extends LitElement {
  static override properties = { host: { attribute: false } };

  static override styles = [tokens, canvasPanel];

  declare host: ParamHost | undefined;

  /** the ring the frames feed: input, output and reduction in dB (public for tests) */
  readonly history = new HistoryRing(HISTORY_SECONDS * FRAME_RATE, 3);
  private grColor = '';

  private readonly canvas = new CanvasController(this, {
    canvas: () => this.renderRoot.querySelector('canvas'),
    draw: (g) => this.paint(g),
  });

  private readonly meters = new MeterController(this as LitElement & { host?: ParamHost }, (f) => {
    const inDb = Math.max(f[COMP_METER_IN_L], f[COMP_METER_IN_R]);
    const outDb = Math.max(f[COMP_METER_OUT_L], f[COMP_METER_OUT_R]);
    this.history.push(inDb, outDb, f[COMP_METER_GR]);
    this.canvas.requestDraw();
  });

  /** the threshold line moves with its parameter */
  private readonly watch = new ParamWatchController(this, ['threshold'], () => this.canvas.requestDraw());

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('host')) this.history.clear();
    this.canvas.requestDraw();
  }

  protected override render() {
    return html`<canvas role="img" aria-label="Level and gain reduction history, last ${HISTORY_SECONDS} seconds"></canvas>`;
  }

  private paint(g: GraphContext): void {
    const { ctx, width: w, height: h, colors } = g;
    if (!this.grColor) this.grColor = getComputedStyle(this).getPropertyValue('--_warn').trim() || '#f2c14e';
    const Y = (db: number) => (1 - (Math.max(DB_MIN, Math.min(DB_MAX, db)) - DB_MIN) / (DB_MAX - DB_MIN)) * h;
    const px = 1 / g.dpr;
    const snap = (v: number) => Math.round(v * g.dpr) / g.dpr + px / 2;
    const cap = this.history.capacity;
    const step = w / (cap - 1);

    // grid: dB every 12, a line per second
    ctx.save();
    ctx.lineWidth = px;
    ctx.strokeStyle = colors.line;
    for (let db = DB_MIN + 12; db < DB_MAX; db += 12) {
      ctx.globalAlpha = 0.9;
      ctx.beginPath();
      ctx.moveTo(0, snap(Y(db)));
      ctx.lineTo(w, snap(Y(db)));
      ctx.stroke();
    }
    ctx.globalAlpha = 0.45;
    for (let s = 1; s < HISTORY_SECONDS; s++) {
      const x = snap(w - s * FRAME_RATE * step);
      ctx.beginPath();
      ctx.moveTo(x, 0);
      ctx.lineTo(x, h);
      ctx.stroke();
    }
    ctx.restore();

    const H = this.history;
    const input = H.series[IN];
    const output = H.series[OUT];
    const reduction = H.series[GR];
    const n = H.count;
    const x0 = w - (n - 1) * step;
    if (n >= 2) {
      // input: grey area from the bottom
      ctx.save();
      ctx.beginPath();
      ctx.moveTo(x0, h);
      for (let k = 0; k < n; k++) ctx.lineTo(x0 + k * step, Y(input[H.at(k)]));
      ctx.lineTo(w, h);
      ctx.closePath();
      ctx.globalAlpha = 0.24;
      ctx.fillStyle = colors.dim;
      ctx.fill();
      ctx.beginPath();
      for (let k = 0; k < n; k++) {
        const x = x0 + k * step;
        const y = Y(input[H.at(k)]);
        if (k === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.globalAlpha = 0.6;
      ctx.lineWidth = 1;
      ctx.strokeStyle = colors.dim;
      ctx.stroke();
      ctx.restore();

      // gain reduction: hanging from the top (GR of r dB reaches the -r dB line)
      ctx.save();
      ctx.beginPath();
      ctx.moveTo(x0, 0);
      for (let k = 0; k < n; k++) ctx.lineTo(x0 + k * step, Y(-reduction[H.at(k)]));
      ctx.lineTo(w, 0);
      ctx.closePath();
      ctx.globalAlpha = 0.16;
      ctx.fillStyle = this.grColor;
      ctx.fill();
      ctx.beginPath();
      for (let k = 0; k < n; k++) {
        const x = x0 + k * step;
        const y = Y(-reduction[H.at(k)]);
        if (k === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.globalAlpha = 0.95;
      ctx.lineWidth = 1.5;
      ctx.lineJoin = 'round';
      ctx.strokeStyle = this.grColor;
      ctx.stroke();
      ctx.restore();

      // output: a light line on top
      ctx.save();
      ctx.beginPath();
      for (let k = 0; k < n; k++) {
        const x = x0 + k * step;
        const y = Y(output[H.at(k)]);
        if (k === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.lineJoin = 'round';
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = colors.text;
      ctx.globalAlpha = 0.9;
      ctx.stroke();
      ctx.restore();
    }

    // threshold
    if (this.host) {
      const yt = snap(Y(this.host.getValue('threshold')));
      ctx.save();
      ctx.strokeStyle = colors.accent;
      ctx.globalAlpha = 0.55;
      ctx.lineWidth = 1;
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      ctx.moveTo(0, yt);
      ctx.lineTo(w, yt);
      ctx.stroke();
      ctx.restore();
    }

    // labels and legend
    ctx.save();
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillStyle = colors.dim;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let db = DB_MIN + 12; db < DB_MAX; db += 12) ctx.fillText(String(db), w - 4, Y(db) - 7);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    for (let s = 1; s < HISTORY_SECONDS; s++) ctx.fillText(`-${s}s`, w - s * FRAME_RATE * step + 3, h - 2);
    ctx.textBaseline = 'top';
    let x = 6;
    const legend: Array<[string, string]> = [
      ['in', colors.dim],
      ['out', colors.text],
      ['gain reduction', this.grColor],
    ];
    for (const [text, color] of legend) {
      ctx.fillStyle = color;
      ctx.fillRect(x, 9, 8, 2);
      ctx.fillStyle = colors.dim;
      ctx.fillText(text, x + 11, 5);
      x += 11 + ctx.measureText(text).width + 12;
    }
    ctx.restore();
  }
}
