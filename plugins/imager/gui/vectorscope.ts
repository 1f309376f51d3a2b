/**
 * The imager's vectorscope (goniometer): the output's recent (L, R) pairs drawn mid-up
 * (toScopePoints: x = (R - L)/sqrt 2, y = (L + R)/sqrt 2), so a mono signal is a vertical line,
 * one side only the diagonal to that side, an inverted pair a horizontal line, and a wide
 * signal a round cloud.
 *
 * Each meter frame brings the last IMAGER_SCOPE_POINTS pairs (about 21 ms); the last
 * HISTORY frames stay on screen and fade with their age (exp(-age / FADE_S)), which gives the
 * phosphor-like persistence. Scale: a full-scale mono signal reaches the circle; a slow
 * automatic gain (at most MAX_GAIN, rising 6 dB/s, falling at once) keeps quiet material
 * readable. Drawing runs at display rate only while frames arrive or traces are still
 * fading, and only while the scope is on screen (CanvasController).
 */
import { LitElement, css } from 'lit';
import { html } from 'lit/static-html.js';
import { CanvasController, MeterController, canvasPanel, tokens, type GraphContext, type ParamHost } from '../../../shared-ui/index.js';
import { IMAGER_METER, IMAGER_SCOPE_POINTS } from '../../../shared-dsp/stereo/imager-meters.js';
import { toScopePoints } from '../../../shared-dsp/stereo/correlation.js';
import { formatSideToMid } from './stereo-model.js';

const HISTORY = 10;
const FADE_S = 0.09;
/** traces older than this are not drawn; once the newest is this old the loop sleeps */
const KEEP_S = 0.45;
const MAX_GAIN = 8;
/** the automatic gain rises at most this many dB per second */
const GAIN_RISE_DB_S = 6;
/** the points fill this share of the radius after the automatic gain */
const TARGET = 0.82;

export class ImagerVectorscope extends LitElement {
  static override properties = {
    host: { attribute: false },
  };

  static override styles = [
    tokens,
    canvasPanel,
    css`
      :host {
        min-height: 120px;
      }
    `,
  ];

  declare host: ParamHost | undefined;

  /** HISTORY slots of scope coordinates (x, y pairs), newest at `head` */
  private readonly traces = Array.from({ length: HISTORY }, () => new Float32Array(2 * IMAGER_SCOPE_POINTS));
  private readonly times = new Float64Array(HISTORY).fill(-Infinity);
  private head = 0;
  private gain = 1;
  private lastFrameAt = -Infinity;
  private lastGainAt = -Infinity;
  private animating = false;
  private sideToMid = '';

  private readonly canvas = new CanvasController(this, {
    canvas: () => this.renderRoot.querySelector('canvas'),
    draw: (g) => this.paint(g),
    animate: false,
  });

  private readonly meters = new MeterController(this as LitElement & { host?: ParamHost }, (frame) => this.receive(frame));

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // the next frame after a reconnect starts the loop again
    this.animating = false;
  }

  protected override render() {
    void this.meters;
    return html`<canvas role="img" aria-label="Vectorscope: output, mid up"></canvas>`;
  }

  private receive(frame: Float32Array): void {
    const now = performance.now() / 1000;
    this.head = (this.head + 1) % HISTORY;
    const t = this.traces[this.head];
    toScopePoints(frame, t, IMAGER_SCOPE_POINTS, IMAGER_METER.SCOPE);
    this.times[this.head] = now;
    this.lastFrameAt = now;
    // automatic gain from this frame's largest radius (unit: full-scale mono = 1)
    let peak = 0;
    for (let k = 0; k < 2 * IMAGER_SCOPE_POINTS; k += 2) {
      const r = t[k] * t[k] + t[k + 1] * t[k + 1];
      if (r > peak) peak = r;
    }
    peak = Math.sqrt(peak) * Math.SQRT1_2;
    const want = peak > 1e-6 ? Math.min(MAX_GAIN, Math.max(1, TARGET / peak)) : this.gain;
    const dt = Number.isFinite(this.lastGainAt) ? Math.min(0.5, now - this.lastGainAt) : 0;
    this.lastGainAt = now;
    this.gain = want < this.gain ? want : Math.min(want, this.gain * 10 ** ((GAIN_RISE_DB_S * dt) / 20));
    this.sideToMid = formatSideToMid(frame[IMAGER_METER.MID_RMS], frame[IMAGER_METER.SIDE_RMS]);
    if (!this.animating) {
      this.animating = true;
      this.canvas.setAnimated(true);
    }
  }

  private paint(g: GraphContext): void {
    const { ctx, width: w, height: h, colors } = g;
    const now = performance.now() / 1000;
    const size = Math.min(w, h);
    const cx = w / 2, cy = h / 2;
    const radius = size / 2 - 16;
    if (radius <= 4) return;
    this.drawGrid(g, cx, cy, radius);

    // traces, oldest first so the newest lies on top
    const scale = (radius * this.gain) * Math.SQRT1_2;
    ctx.save();
    ctx.beginPath();
    ctx.arc(cx, cy, radius + 6, 0, Math.PI * 2);
    ctx.clip();
    ctx.fillStyle = colors.accent;
    ctx.strokeStyle = colors.accent;
    ctx.lineWidth = 1;
    ctx.lineJoin = 'round';
    for (let age = HISTORY - 1; age >= 0; age--) {
      const slot = (this.head - age + HISTORY) % HISTORY;
      const t = now - this.times[slot];
      if (!(t < KEEP_S)) continue;
      const alpha = Math.exp(-Math.max(0, t) / FADE_S);
      const pts = this.traces[slot];
      // the trace (the beam's path), then the points themselves
      ctx.globalAlpha = 0.22 * alpha;
      ctx.beginPath();
      for (let k = 0; k < 2 * IMAGER_SCOPE_POINTS; k += 2) {
        const x = cx + pts[k] * scale, y = cy - pts[k + 1] * scale;
        if (k === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
      ctx.globalAlpha = 0.9 * alpha;
      for (let k = 0; k < 2 * IMAGER_SCOPE_POINTS; k += 2) {
        ctx.fillRect(cx + pts[k] * scale - 0.9, cy - pts[k + 1] * scale - 0.9, 1.8, 1.8);
      }
    }
    ctx.restore();

    // readouts
    ctx.save();
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillStyle = colors.dim;
    ctx.textBaseline = 'bottom';
    ctx.textAlign = 'left';
    const live = now - this.lastFrameAt < KEEP_S;
    if (live && this.sideToMid) ctx.fillText(`S/M ${this.sideToMid}`, 6, h - 5);
    ctx.textAlign = 'right';
    if (live && this.gain > 1.05) ctx.fillText(`+${(20 * Math.log10(this.gain)).toFixed(0)} dB`, w - 6, h - 5);
    ctx.restore();

    if (!live && this.animating) {
      // every trace has faded: stop the loop (one last frame draws the empty scope)
      this.animating = false;
      this.canvas.setAnimated(false);
      this.gain = 1;
    }
  }

  private drawGrid(g: GraphContext, cx: number, cy: number, r: number): void {
    const { ctx, colors } = g;
    const px = 1 / g.dpr;
    const d = r * Math.SQRT1_2;
    ctx.save();
    ctx.lineWidth = px;
    ctx.strokeStyle = colors.line;
    for (const k of [0.5, 1]) {
      ctx.globalAlpha = k === 1 ? 1 : 0.6;
      ctx.beginPath();
      ctx.arc(cx, cy, r * k, 0, Math.PI * 2);
      ctx.stroke();
    }
    ctx.globalAlpha = 0.9;
    ctx.beginPath();
    // M (vertical), S (horizontal), L and R (diagonals)
    ctx.moveTo(cx, cy - r);
    ctx.lineTo(cx, cy + r);
    ctx.moveTo(cx - r, cy);
    ctx.lineTo(cx + r, cy);
    ctx.moveTo(cx - d, cy - d);
    ctx.lineTo(cx + d, cy + d);
    ctx.moveTo(cx + d, cy - d);
    ctx.lineTo(cx - d, cy + d);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillStyle = colors.dim;
    ctx.font = '600 10px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('M', cx, cy - r - 8);
    ctx.fillText('L', cx - d - 7, cy - d - 7);
    ctx.fillText('R', cx + d + 7, cy - d - 7);
    ctx.restore();
  }
}
