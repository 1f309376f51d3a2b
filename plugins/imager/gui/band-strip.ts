/**
 * The per-band width display: a 20 Hz - 20 kHz strip (log frequency) with each band's width
 * as a bar (0..200 %, 100 % marked), the crossovers as dividers and, with bass mono on, the
 * mono region below its corner.
 *
 * Mouse/touch: drag a divider sideways to move that crossover (xover1..3), or the mono edge
 * for monoBelow; drag a band up or down for its width (width1..4; Shift: 5x finer); wheel on a
 * band changes its width by 2 % per notch (Shift 0.5 %); double-click resets what is under
 * the pointer. Every move is one host gesture. Numeric and keyboard entry: the knobs and
 * number boxes of the same parameters beside the strip.
 * The dashed line in a band is the width heard (global width x band width) when it differs.
 */
import { LitElement, css } from 'lit';
import { html } from 'lit/static-html.js';
import { CanvasController, ParamWatchController, canvasPanel, freqGrid, freqToX, tokens, xToFreq, type GraphContext, type ParamHost } from '../../../shared-ui/index.js';
import { BAND_COLORS, WIDTH_MAX, bandLayout, shortFreq, type BandLayout } from './stereo-model.js';

const TOP = 18;
const BOTTOM = 16;
/** pointer distance (CSS px) within which a divider is grabbed */
const GRAB = 7;

type Target = { kind: 'xover'; k: number } | { kind: 'mono' } | { kind: 'band'; k: number } | null;

interface DragState {
  id: number;
  param: string;
  kind: 'freq' | 'width';
  startY: number;
  startValue: number;
}

export class ImagerBandStrip extends LitElement {
  static override properties = {
    host: { attribute: false },
    hover: { state: true },
  };

  static override styles = [
    tokens,
    canvasPanel,
    css`
      :host {
        min-height: 100px;
        touch-action: none;
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare hover: Target;

  private width = 1;
  private height = 1;
  private layout: BandLayout | undefined;
  private drag: DragState | null = null;

  private readonly canvas = new CanvasController(this, {
    canvas: () => this.renderRoot.querySelector('canvas'),
    draw: (g) => this.paint(g),
    animate: false,
  });

  private readonly watch = new ParamWatchController(
    this,
    (id) => /^(width|bands|xover|monoOn|monoBelow)/.test(id),
    () => this.canvas.requestDraw(),
  );

  constructor() {
    super();
    this.hover = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.endDrag();
  }

  protected override updated(): void {
    this.canvas.requestDraw();
  }

  protected override render() {
    const h = this.hover;
    const cursor = !h ? 'default' : h.kind === 'band' ? 'ns-resize' : 'ew-resize';
    return html`<canvas
      style="cursor:${cursor}"
      role="img"
      aria-label="Band widths and crossovers"
      @pointerdown=${this.onDown}
      @pointermove=${this.onMove}
      @pointerup=${this.onUp}
      @pointercancel=${this.onUp}
      @pointerleave=${this.onLeave}
      @wheel=${this.onWheel}
      @dblclick=${this.onDblClick}
    ></canvas>`;
  }

  // ---- geometry ------------------------------------------------------------------------------

  private x(f: number): number {
    return freqToX(f, this.width);
  }

  private y(widthPercent: number): number {
    const span = this.height - TOP - BOTTOM;
    return TOP + (1 - Math.max(0, Math.min(WIDTH_MAX, widthPercent)) / WIDTH_MAX) * span;
  }

  private hit(px: number): Target {
    const l = this.layout;
    if (!l) return null;
    let best: Target = null;
    let bestD = GRAB;
    for (let k = 1; k < l.bands; k++) {
      const d = Math.abs(this.x(l.edges[k]) - px);
      if (d < bestD) {
        bestD = d;
        best = { kind: 'xover', k };
      }
    }
    if (l.monoBelow > 0) {
      const d = Math.abs(this.x(l.monoBelow) - px);
      if (d < bestD) best = { kind: 'mono' };
    }
    if (best) return best;
    for (let k = 0; k < l.bands; k++) if (px < this.x(l.edges[k + 1]) || k === l.bands - 1) return { kind: 'band', k: k + 1 };
    return null;
  }

  // ---- drawing -------------------------------------------------------------------------------

  private paint(g: GraphContext): void {
    const { ctx, width: w, height: h, colors } = g;
    this.width = w;
    this.height = h;
    const host = this.host;
    if (!host) return;
    const l = (this.layout = bandLayout(host));
    const px = 1 / g.dpr;
    const snap = (v: number) => Math.round(v * g.dpr) / g.dpr + px / 2;

    // frequency grid and labels
    ctx.save();
    ctx.lineWidth = px;
    ctx.strokeStyle = colors.line;
    ctx.fillStyle = colors.dim;
    ctx.font = '10px system-ui, sans-serif';
    ctx.textBaseline = 'bottom';
    for (const line of freqGrid()) {
      const x = snap(this.x(line.value));
      ctx.globalAlpha = line.major ? 0.8 : 0.35;
      ctx.beginPath();
      ctx.moveTo(x, TOP);
      ctx.lineTo(x, h - BOTTOM);
      ctx.stroke();
      if (line.label && this.x(line.value) < w - 22) {
        ctx.globalAlpha = 1;
        ctx.fillText(line.label, this.x(line.value) + 3, h - 2);
      }
    }
    // width grid: 50, 100 (dashed), 150 %, labelled at the left edge with 0 and 200 %
    for (const v of [50, 100, 150]) {
      const y = snap(this.y(v));
      ctx.globalAlpha = v === 100 ? 0.9 : 0.45;
      ctx.strokeStyle = v === 100 ? colors.dim : colors.line;
      if (v === 100) ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(0, y);
      ctx.lineTo(w, y);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.globalAlpha = 0.8;
    ctx.font = '9px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    for (const v of [0, 100, 200]) ctx.fillText(`${v}%`, 3, Math.min(h - BOTTOM - 6, Math.max(TOP + 6, this.y(v) + (v === 100 ? -7 : 0))));
    ctx.restore();

    // bars
    const hovered = this.drag ? null : this.hover;
    for (let k = 0; k < l.bands; k++) {
      const x0 = this.x(l.edges[k]), x1 = this.x(l.edges[k + 1]);
      const color = BAND_COLORS[k];
      const v = l.widths[k];
      const yTop = this.y(v), yBase = this.y(0);
      const active = (hovered?.kind === 'band' && hovered.k === k + 1) || (this.drag?.param === `width${k + 1}`);
      ctx.save();
      const grad = ctx.createLinearGradient(0, yTop, 0, yBase);
      grad.addColorStop(0, color);
      grad.addColorStop(1, 'transparent');
      ctx.globalAlpha = active ? 0.42 : 0.26;
      ctx.fillStyle = grad;
      ctx.fillRect(x0 + 1, yTop, x1 - x0 - 2, yBase - yTop);
      ctx.globalAlpha = 1;
      ctx.fillStyle = color;
      ctx.fillRect(x0 + 1, yTop - 1, x1 - x0 - 2, active ? 3 : 2);
      // the width heard, when the global width scales it
      const heard = (l.global * v) / 100;
      if (Math.abs(heard - v) > 0.5) {
        const yh = this.y(heard);
        ctx.strokeStyle = color;
        ctx.globalAlpha = 0.85;
        ctx.lineWidth = 1;
        ctx.setLineDash([3, 3]);
        ctx.beginPath();
        ctx.moveTo(x0 + 2, yh);
        ctx.lineTo(x1 - 2, yh);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.restore();
    }

    // bass mono region
    if (l.monoBelow > 0) {
      const xm = this.x(l.monoBelow);
      const active = hovered?.kind === 'mono' || this.drag?.param === 'monoBelow';
      ctx.save();
      ctx.beginPath();
      ctx.rect(0, TOP, xm, h - TOP - BOTTOM);
      ctx.clip();
      ctx.fillStyle = colors.well;
      ctx.globalAlpha = 0.55;
      ctx.fillRect(0, TOP, xm, h - TOP - BOTTOM);
      ctx.globalAlpha = 0.35;
      ctx.strokeStyle = colors.dim;
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (let d = -h; d < xm + h; d += 7) {
        ctx.moveTo(d, h);
        ctx.lineTo(d + h, 0);
      }
      ctx.stroke();
      ctx.restore();
      ctx.save();
      ctx.strokeStyle = colors.text;
      ctx.globalAlpha = active ? 1 : 0.7;
      ctx.lineWidth = active ? 2 : 1.25;
      ctx.beginPath();
      ctx.moveTo(xm, TOP);
      ctx.lineTo(xm, h - BOTTOM);
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.fillStyle = colors.text;
      ctx.font = '600 10px system-ui, sans-serif';
      ctx.textBaseline = 'top';
      const label = `MONO < ${shortFreq(l.monoBelow)}`;
      const tw = ctx.measureText(label).width;
      ctx.textAlign = xm + 4 + tw < w ? 'left' : 'right';
      ctx.fillText(label, ctx.textAlign === 'left' ? xm + 4 : xm - 4, h - BOTTOM - 14);
      ctx.restore();
    }

    // band widths as text (over the mono shading)
    for (let k = 0; k < l.bands; k++) {
      const x0 = this.x(l.edges[k]), x1 = this.x(l.edges[k + 1]);
      if (x1 - x0 <= 44) continue;
      ctx.save();
      ctx.font = '600 11px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      ctx.fillStyle = BAND_COLORS[k];
      ctx.fillText(`${Math.round(l.widths[k])} %`, (x0 + x1) / 2, Math.max(TOP + 13, this.y(l.widths[k]) - 5));
      ctx.restore();
    }

    // crossover dividers with their frequency on top
    for (let k = 1; k < l.bands; k++) {
      const x = this.x(l.edges[k]);
      const active = (hovered?.kind === 'xover' && hovered.k === k) || this.drag?.param === `xover${k}`;
      ctx.save();
      ctx.strokeStyle = colors.text;
      ctx.globalAlpha = active ? 1 : 0.75;
      ctx.lineWidth = active ? 2 : 1.25;
      ctx.beginPath();
      ctx.moveTo(x, TOP);
      ctx.lineTo(x, h - BOTTOM);
      ctx.stroke();
      // grip
      const gy = (TOP + h - BOTTOM) / 2;
      ctx.globalAlpha = 1;
      ctx.fillStyle = active ? colors.accent : colors.panel;
      ctx.strokeStyle = active ? colors.accent : colors.dim;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.roundRect(x - 4, gy - 12, 8, 24, 3);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = colors.text;
      ctx.font = '600 10px system-ui, sans-serif';
      ctx.textAlign = x < 30 ? 'left' : x > w - 30 ? 'right' : 'center';
      ctx.textBaseline = 'top';
      ctx.fillText(shortFreq(l.edges[k]), x, 3);
      ctx.restore();
    }
  }

  // ---- interaction ---------------------------------------------------------------------------

  private local(e: PointerEvent | WheelEvent | MouseEvent): { x: number; y: number } {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private readonly onDown = (e: PointerEvent): void => {
    const host = this.host;
    if (e.button !== 0 || !host) return;
    const { x, y } = this.local(e);
    const t = this.hit(x);
    if (!t) return;
    const param = t.kind === 'xover' ? `xover${t.k}` : t.kind === 'mono' ? 'monoBelow' : `width${t.k}`;
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    this.drag = { id: e.pointerId, param, kind: t.kind === 'band' ? 'width' : 'freq', startY: y, startValue: host.getValue(param) };
    host.beginGesture(param);
    e.preventDefault();
    this.canvas.requestDraw();
  };

  private readonly onMove = (e: PointerEvent): void => {
    const host = this.host;
    const d = this.drag;
    const { x, y } = this.local(e);
    if (!d || d.id !== e.pointerId || !host) {
      const t = this.hit(x);
      const same = JSON.stringify(t) === JSON.stringify(this.hover);
      if (!same) {
        this.hover = t;
        this.canvas.requestDraw();
      }
      return;
    }
    if (d.kind === 'freq') {
      host.setValue(d.param, xToFreq(Math.max(0, Math.min(this.width, x)), this.width));
    } else {
      const span = this.height - TOP - BOTTOM;
      const fine = e.shiftKey ? 0.2 : 1;
      host.setValue(d.param, d.startValue + ((d.startY - y) / span) * WIDTH_MAX * fine);
    }
  };

  private readonly onUp = (e: PointerEvent): void => {
    if (this.drag?.id === e.pointerId) this.endDrag();
  };

  private readonly onLeave = (): void => {
    if (!this.drag && this.hover) {
      this.hover = null;
      this.canvas.requestDraw();
    }
  };

  private endDrag(): void {
    const d = this.drag;
    if (!d) return;
    this.drag = null;
    this.host?.endGesture(d.param);
    this.canvas.requestDraw();
  }

  private readonly onWheel = (e: WheelEvent): void => {
    const host = this.host;
    if (!host) return;
    const t = this.hit(this.local(e).x);
    if (t?.kind !== 'band') return;
    e.preventDefault();
    const id = `width${t.k}`;
    const step = (e.shiftKey ? 0.5 : 2) * Math.sign(-e.deltaY);
    host.beginGesture(id);
    host.setValue(id, host.getValue(id) + step);
    host.endGesture(id);
  };

  private readonly onDblClick = (e: MouseEvent): void => {
    const host = this.host;
    if (!host) return;
    const t = this.hit(this.local(e).x);
    if (!t) return;
    const id = t.kind === 'xover' ? `xover${t.k}` : t.kind === 'mono' ? 'monoBelow' : `width${t.k}`;
    host.beginGesture(id);
    host.setValue(id, host.params.get(id).default);
    host.endGesture(id);
  };
}
