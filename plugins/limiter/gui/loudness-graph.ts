/**
 * Short-term loudness (EBU R128: 3 s window) over the last LOUDNESS_SECONDS, with the target's
 * loudness as a dashed line and a +-1 LU band around it (the EBU R128 tolerance for live
 * programmes), and the integrated loudness as a dotted line. One point per SAMPLE_FRAMES meter
 * frames (10 per second at the processor's ~30 Hz); readings under the absolute gate leave a
 * gap. Redrawn on new points, only while on screen.
 */
import { LitElement, css } from 'lit';
import { html } from 'lit/static-html.js';
import { CanvasController, MeterController, ParamWatchController, canvasPanel, tokens, type GraphContext, type ParamHost } from '../../../shared-ui/index.js';
import { HistoryRing } from '../../../shared-ui/logic/history-ring.js';
import { LIM_METER_INTEGRATED, LIM_METER_SHORT_TERM } from '../../../shared-dsp/limiter/limiter-meters.js';
import { reading, targetAt } from './target-math.js';

export const LOUDNESS_SECONDS = 60;
/** meter frames per history point: 3 at ~30 frames/s = 10 points per second */
const SAMPLE_FRAMES = 3;
const POINTS_PER_SECOND = 10;
const LU_MIN = -39;
const LU_MAX = -3;

export class LimLoudnessGraph extends LitElement {
  static override properties = { host: { attribute: false } };

  static override styles = [
    tokens,
    canvasPanel,
    css`
      :host {
        min-height: 60px;
      }
    `,
  ];

  declare host: ParamHost | undefined;

  /** short-term loudness per point (LUFS, NaN: no measurement); public for tests */
  readonly history = new HistoryRing(LOUDNESS_SECONDS * POINTS_PER_SECOND, 1);
  private integrated = -Infinity;
  private frames = 0;

  private readonly canvas = new CanvasController(this, {
    canvas: () => this.renderRoot.querySelector('canvas'),
    draw: (g) => this.paint(g),
  });

  private readonly meters = new MeterController(this as LitElement & { host?: ParamHost }, (f) => {
    if (++this.frames < SAMPLE_FRAMES) return;
    this.frames = 0;
    const s = reading(f[LIM_METER_SHORT_TERM]);
    this.history.push(s === null ? NaN : s);
    this.integrated = f[LIM_METER_INTEGRATED];
    this.canvas.requestDraw();
  });

  /** forget the drawn history (after a loudness reset) */
  clear(): void {
    this.history.clear();
    this.integrated = -Infinity;
    this.canvas.requestDraw();
  }

  /** the target line moves with its parameter */
  private readonly watch = new ParamWatchController(this, ['target'], () => this.canvas.requestDraw());

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('host')) this.clear();
    this.canvas.requestDraw();
  }

  protected override render() {
    return html`<canvas role="img" aria-label="Short-term loudness, last ${LOUDNESS_SECONDS} seconds, and the target"></canvas>`;
  }

  private paint(g: GraphContext): void {
    const { ctx, width: w, height: h, colors } = g;
    const Y = (lu: number) => ((LU_MAX - (lu < LU_MIN ? LU_MIN : lu > LU_MAX ? LU_MAX : lu)) / (LU_MAX - LU_MIN)) * h;
    const px = 1 / g.dpr;
    const snap = (v: number) => Math.round(v * g.dpr) / g.dpr + px / 2;
    const cap = this.history.capacity;
    const step = w / (cap - 1);

    ctx.save();
    ctx.lineWidth = px;
    ctx.strokeStyle = colors.line;
    for (let lu = -36; lu < LU_MAX; lu += 6) {
      ctx.globalAlpha = 0.6;
      ctx.beginPath();
      ctx.moveTo(0, snap(Y(lu)));
      ctx.lineTo(w, snap(Y(lu)));
      ctx.stroke();
    }
    ctx.globalAlpha = 0.35;
    for (let s = 15; s < LOUDNESS_SECONDS; s += 15) {
      const x = snap(w - s * POINTS_PER_SECOND * step);
      ctx.beginPath();
      ctx.moveTo(x, 0);
      ctx.lineTo(x, h);
      ctx.stroke();
    }
    ctx.restore();

    // target band and line
    const target = this.host ? targetAt(this.host.getValue('target')).lufs : null;
    if (target !== null) {
      ctx.save();
      ctx.fillStyle = colors.accent;
      ctx.globalAlpha = 0.1;
      ctx.fillRect(0, Y(target + 1), w, Y(target - 1) - Y(target + 1));
      ctx.globalAlpha = 0.85;
      ctx.strokeStyle = colors.accent;
      ctx.lineWidth = 1;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(0, snap(Y(target)));
      ctx.lineTo(w, snap(Y(target)));
      ctx.stroke();
      ctx.restore();
    }

    // short-term curve, broken where there is no measurement
    const H = this.history;
    const v = H.series[0];
    const n = H.count;
    const x0 = w - (n - 1) * step;
    ctx.save();
    ctx.beginPath();
    let pen = false;
    for (let k = 0; k < n; k++) {
      const s = v[H.at(k)];
      if (s !== s) {
        pen = false;
        continue;
      }
      const x = x0 + k * step;
      if (pen) ctx.lineTo(x, Y(s));
      else ctx.moveTo(x, Y(s));
      pen = true;
    }
    ctx.lineWidth = 1.5;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = colors.text;
    ctx.globalAlpha = 0.9;
    ctx.stroke();
    ctx.restore();

    // integrated
    const i = reading(this.integrated);
    if (i !== null) {
      ctx.save();
      ctx.strokeStyle = colors.text;
      ctx.globalAlpha = 0.5;
      ctx.lineWidth = 1;
      ctx.setLineDash([1, 3]);
      ctx.beginPath();
      ctx.moveTo(0, snap(Y(i)));
      ctx.lineTo(w, snap(Y(i)));
      ctx.stroke();
      ctx.restore();
    }

    ctx.save();
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillStyle = colors.dim;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let lu = -36; lu < LU_MAX; lu += 12) ctx.fillText(String(lu), w - 4, Y(lu) - 7);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    for (let s = 15; s < LOUDNESS_SECONDS; s += 15) ctx.fillText(`-${s}s`, w - s * POINTS_PER_SECOND * step + 3, h - 2);
    ctx.textBaseline = 'top';
    const title = 'short-term LUFS';
    ctx.globalAlpha = 0.85;
    ctx.fillStyle = colors.well;
    ctx.fillRect(0, 0, ctx.measureText(title).width + 12, 17);
    ctx.globalAlpha = 1;
    ctx.fillStyle = colors.dim;
    ctx.fillText(title, 6, 4);
    if (target !== null) {
      ctx.fillStyle = colors.accent;
      ctx.textBaseline = 'bottom';
      ctx.fillText(`target ${target}`, 6, Y(target + 1) - 1);
    }
    ctx.restore();
  }
}
