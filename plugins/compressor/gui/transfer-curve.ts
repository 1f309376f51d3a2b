/**
 * The transfer-curve display: detector level in (x) against output level (y), both -60..0 dB.
 * Draws the unity line, the knee region (T - W/2 .. T + W/2) with its two end points, the
 * threshold, the static curve of the kernel's own gain computer (curve-model.ts, with make-up
 * and the parallel mix), and a live dot at the detector level the meters report
 * (COMP_METER_LEVEL). Drag the threshold line sideways to move the threshold.
 */
import { LitElement, css } from 'lit';
import { html } from 'lit/static-html.js';
import { CanvasController, MeterController, ParamWatchController, canvasPanel, tokens, type GraphContext, type ParamHost } from '../../../shared-ui/index.js';
import { COMP_METER_LEVEL } from '../../../shared-dsp/dynamics/compressor-meters.js';
import { TransferModel, formatRatio } from './curve-model.js';

export const DB_MIN = -60;
export const DB_MAX = 0;
/** params that change the curve (others do not redraw it) */
const CURVE_IDS = new Set(['threshold', 'ratio', 'knee', 'range', 'makeup', 'autoMakeup', 'mix']);
/** the dot falls at most this fast (dB/s), so it stays readable at 30 frames a second */
const DOT_FALL_DB_PER_S = 40;
/** frames older than this hide the dot (processor stopped) */
const STALE_S = 0.25;
const GRAB_PX = 9;

export class CompTransferCurve extends LitElement {
  static override properties = { host: { attribute: false } };

  static override styles = [
    tokens,
    canvasPanel,
    css`
      :host {
        touch-action: none;
      }
      canvas[data-grab] {
        cursor: ew-resize;
      }
    `,
  ];

  declare host: ParamHost | undefined;

  private readonly model = new TransferModel();
  private dotDb = -Infinity;
  private lastFrameAt = 0;
  private width = 1;
  private dragging: number | null = null;
  /** redraws once frames stop, to take the dot away */
  private staleTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly canvas = new CanvasController(this, {
    canvas: () => this.renderRoot.querySelector('canvas'),
    draw: (g) => this.paint(g),
  });

  private readonly meters = new MeterController(this as LitElement & { host?: ParamHost }, (frame) => this.onFrame(frame));
  private readonly watch = new ParamWatchController(this, CURVE_IDS, () => this.canvas.requestDraw());

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.dragging !== null) this.host?.endGesture('threshold');
    this.dragging = null;
    clearTimeout(this.staleTimer);
    this.staleTimer = undefined;
  }

  protected override updated(): void {
    this.canvas.requestDraw();
  }

  private onFrame(frame: Float32Array): void {
    const now = performance.now();
    const dt = this.lastFrameAt ? Math.min(0.5, (now - this.lastFrameAt) / 1000) : 0;
    this.lastFrameAt = now;
    const level = frame[COMP_METER_LEVEL];
    const fallen = this.dotDb - DOT_FALL_DB_PER_S * dt;
    this.dotDb = level > fallen || !(fallen === fallen) ? level : fallen;
    this.canvas.requestDraw();
    clearTimeout(this.staleTimer);
    this.staleTimer = setTimeout(() => this.canvas.requestDraw(), STALE_S * 1000 + 20);
  }

  protected override render() {
    return html`<canvas
      role="img"
      aria-label="Transfer curve: input level against output level"
      @pointerdown=${this.onDown}
      @pointermove=${this.onMove}
      @pointerup=${this.onUp}
      @pointercancel=${this.onUp}
    ></canvas>`;
  }

  // ---- drawing -------------------------------------------------------------------------------

  private paint(g: GraphContext): void {
    const { ctx, width: w, height: h, colors } = g;
    this.width = w;
    const host = this.host;
    if (!host) return;
    const m = this.model;
    m.read(host);
    const X = (db: number) => ((db - DB_MIN) / (DB_MAX - DB_MIN)) * w;
    const Y = (db: number) => (1 - (db - DB_MIN) / (DB_MAX - DB_MIN)) * h;
    const px = 1 / g.dpr;
    const snap = (v: number) => Math.round(v * g.dpr) / g.dpr + px / 2;

    // grid: every 6 dB, stronger every 12 dB
    ctx.save();
    ctx.lineWidth = px;
    ctx.strokeStyle = colors.line;
    for (let db = DB_MIN + 6; db < DB_MAX; db += 6) {
      ctx.globalAlpha = db % 12 === 0 ? 0.9 : 0.4;
      ctx.beginPath();
      ctx.moveTo(snap(X(db)), 0);
      ctx.lineTo(snap(X(db)), h);
      ctx.moveTo(0, snap(Y(db)));
      ctx.lineTo(w, snap(Y(db)));
      ctx.stroke();
    }
    // unity line
    ctx.globalAlpha = 0.7;
    ctx.strokeStyle = colors.dim;
    ctx.setLineDash([3, 4]);
    ctx.beginPath();
    ctx.moveTo(0, h);
    ctx.lineTo(w, 0);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.restore();

    // knee region and threshold
    const T = m.thresholdDb;
    const W = m.kneeDb;
    ctx.save();
    if (W > 0) {
      ctx.fillStyle = colors.accent;
      ctx.globalAlpha = 0.08;
      ctx.fillRect(X(T - W / 2), 0, X(T + W / 2) - X(T - W / 2), h);
    }
    ctx.globalAlpha = this.dragging !== null ? 0.9 : 0.55;
    ctx.strokeStyle = colors.accent;
    ctx.lineWidth = 1;
    ctx.setLineDash([2, 3]);
    ctx.beginPath();
    ctx.moveTo(snap(X(T)), 0);
    ctx.lineTo(snap(X(T)), h);
    ctx.stroke();
    ctx.restore();

    // labels
    ctx.save();
    ctx.fillStyle = colors.dim;
    ctx.font = '10px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    for (let db = DB_MIN + 12; db < DB_MAX; db += 12) {
      const x = X(db);
      if (x < w - 20) ctx.fillText(String(db), x + 3, h - 2);
      const y = Y(db);
      if (y > 14) {
        ctx.textBaseline = 'middle';
        ctx.fillText(String(db), 3, y - 6);
        ctx.textBaseline = 'bottom';
      }
    }
    ctx.fillStyle = colors.text;
    ctx.font = '600 11px system-ui, sans-serif';
    ctx.textBaseline = 'top';
    ctx.fillText(formatRatio(m.ratio), 6, 6);
    ctx.fillStyle = colors.dim;
    ctx.font = '10px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'top';
    ctx.fillText('out', w - 5, 5);
    ctx.textBaseline = 'bottom';
    ctx.fillText('in', w - 5, h - 14);
    ctx.restore();

    // the curve, filled below
    const steps = Math.max(64, Math.min(600, Math.round(w)));
    ctx.save();
    ctx.beginPath();
    for (let i = 0; i <= steps; i++) {
      const x = DB_MIN + ((DB_MAX - DB_MIN) * i) / steps;
      const y = Math.max(DB_MIN - 12, Math.min(DB_MAX + 12, m.outputDb(x)));
      if (i === 0) ctx.moveTo(X(x), Y(y));
      else ctx.lineTo(X(x), Y(y));
    }
    ctx.lineJoin = 'round';
    ctx.lineWidth = 2.25;
    ctx.strokeStyle = colors.accent;
    ctx.stroke();
    ctx.lineTo(w, h);
    ctx.lineTo(0, h);
    ctx.closePath();
    const fill = ctx.createLinearGradient(0, 0, 0, h);
    fill.addColorStop(0, colors.accent);
    fill.addColorStop(1, 'transparent');
    ctx.globalAlpha = 0.14;
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.restore();

    // knee end points
    if (W > 0) {
      ctx.save();
      ctx.fillStyle = colors.well;
      ctx.strokeStyle = colors.accent;
      ctx.lineWidth = 1.5;
      for (const x of [T - W / 2, T + W / 2]) {
        if (x < DB_MIN || x > DB_MAX) continue;
        ctx.beginPath();
        ctx.arc(X(x), Y(m.outputDb(x)), 3, 0, Math.PI * 2);
        ctx.fill();
        ctx.stroke();
      }
      ctx.restore();
    }

    // live dot at the detector level
    const live = performance.now() - this.lastFrameAt < STALE_S * 1000;
    const d = this.dotDb;
    if (live && d > DB_MIN) {
      const xd = Math.min(DB_MAX, d);
      const yd = Math.max(DB_MIN, Math.min(DB_MAX, m.outputDb(xd)));
      const cx = X(xd);
      const cy = Y(yd);
      ctx.save();
      ctx.strokeStyle = colors.text;
      ctx.globalAlpha = 0.25;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(cx, h);
      ctx.lineTo(cx, cy);
      ctx.lineTo(0, cy);
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.shadowColor = colors.accent;
      ctx.shadowBlur = 10;
      ctx.fillStyle = colors.text;
      ctx.beginPath();
      ctx.arc(cx, cy, 4.5, 0, Math.PI * 2);
      ctx.fill();
      ctx.restore();
    }
  }

  // ---- threshold drag ------------------------------------------------------------------------

  private xToDb(x: number): number {
    return DB_MIN + (x / this.width) * (DB_MAX - DB_MIN);
  }

  private nearThreshold(x: number): boolean {
    if (!this.host) return false;
    const xt = ((this.host.getValue('threshold') - DB_MIN) / (DB_MAX - DB_MIN)) * this.width;
    return Math.abs(x - xt) <= GRAB_PX;
  }

  private localX(e: PointerEvent): number {
    return e.clientX - (e.currentTarget as HTMLElement).getBoundingClientRect().left;
  }

  private readonly onDown = (e: PointerEvent): void => {
    if (e.button !== 0 || !this.host) return;
    const x = this.localX(e);
    if (!this.nearThreshold(x)) return;
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    this.dragging = e.pointerId;
    this.host.beginGesture('threshold');
    e.preventDefault();
  };

  private readonly onMove = (e: PointerEvent): void => {
    const c = e.currentTarget as HTMLElement;
    const x = this.localX(e);
    if (this.dragging === e.pointerId && this.host) {
      this.host.setValue('threshold', this.xToDb(Math.max(0, Math.min(this.width, x))));
      return;
    }
    c.toggleAttribute('data-grab', this.nearThreshold(x));
  };

  private readonly onUp = (e: PointerEvent): void => {
    if (this.dragging !== e.pointerId) return;
    this.dragging = null;
    this.host?.endGesture('threshold');
    this.canvas.requestDraw();
  };
}
