/**
 * vn-graph: a canvas graph with the CanvasController's HiDPI sizing, resize redraws and
 * on-screen-only drawing, for response curves, spectra and scopes.
 *
 *   <${graphTag} .host=${host} .watch=${['b1_freq', 'b1_gain']} grid="freq"
 *      db-min="-24" db-max="24" .draw=${(g) => drawCurve(g, (f) => response(f), g)}></${graphTag}>
 *
 * - draw(g: GraphDrawContext): called with the context scaled to CSS pixels, after the grid.
 * - watch: parameter ids whose changes redraw (default: every parameter of the host).
 * - meters: subscribe to meter frames and redraw on each (g.frame holds the latest frame).
 * - animated: redraw every animation frame while visible.
 * - grid: "freq" draws the 20 Hz - 20 kHz log grid with the dB axis, "none" nothing.
 * Size comes from layout (default 100% x --vn-graph-height, 180px).
 */
import { LitElement, css } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { ParamHost } from '../param-host.js';
import { scopedTag } from '../define.js';
import { canvasPanel, tokens } from '../theme.js';
import { CanvasController, type GraphContext } from '../controllers/canvas-controller.js';
import { MeterController } from '../controllers/meter-controller.js';
import { ParamWatchController } from '../controllers/param-watch-controller.js';
import { drawFreqGrid } from '../graph-grid.js';
import { AUDIO_BAND, type DbAxis, type FreqAxis } from '../logic/axes.js';

export const GRAPH_TAG = scopedTag('vn-graph');
export const graphTag = unsafeStatic(GRAPH_TAG);

export interface GraphDrawContext extends GraphContext {
  host: ParamHost | undefined;
  /** latest meter frame when `meters` is set */
  frame: Float32Array | undefined;
  freq: FreqAxis;
  db: DbAxis;
}

export class VnGraph extends LitElement {
  static override properties = {
    host: { attribute: false },
    draw: { attribute: false },
    watch: { attribute: false },
    meters: { type: Boolean },
    animated: { type: Boolean },
    grid: { type: String },
    dbMin: { type: Number, attribute: 'db-min' },
    dbMax: { type: Number, attribute: 'db-max' },
    fMin: { type: Number, attribute: 'f-min' },
    fMax: { type: Number, attribute: 'f-max' },
    label: { type: String },
  };

  static override styles = [
    tokens,
    canvasPanel,
    css`
      :host {
        width: 100%;
        height: var(--vn-graph-height, 180px);
        min-height: 40px;
        box-sizing: border-box;
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare draw: ((g: GraphDrawContext) => void) | undefined;
  declare watch: readonly string[] | undefined;
  declare meters: boolean;
  declare animated: boolean;
  declare grid: 'freq' | 'none';
  declare dbMin: number;
  declare dbMax: number;
  declare fMin: number;
  declare fMax: number;
  declare label: string | undefined;

  private readonly meter = new MeterController(
    this as LitElement & { host?: ParamHost },
    () => this.canvas.requestDraw(),
    () => this.meters,
  );
  private readonly canvas = new CanvasController(this, {
    canvas: () => this.renderRoot.querySelector('canvas'),
    draw: (g) => this.paint(g),
  });
  private readonly paramWatch = new ParamWatchController(
    this,
    (id) => !this.watch || this.watch.includes(id),
    () => this.canvas.requestDraw(),
  );

  constructor() {
    super();
    this.meters = false;
    this.animated = false;
    this.grid = 'none';
    this.dbMin = -24;
    this.dbMax = 24;
    this.fMin = AUDIO_BAND.fMin;
    this.fMax = AUDIO_BAND.fMax;
  }

  /** redraw on the next frame (e.g. after changing data the draw function reads) */
  redraw(): void {
    this.canvas.requestDraw();
  }

  override updated(): void {
    this.canvas.setAnimated(this.animated);
    this.canvas.requestDraw();
  }

  private paint(g: GraphContext): void {
    const db = { dbMin: this.dbMin, dbMax: this.dbMax };
    const freq = { fMin: this.fMin, fMax: this.fMax };
    if (this.grid === 'freq') drawFreqGrid(g, { freq, db });
    this.draw?.({ ...g, host: this.host, frame: this.meters ? this.meter.frame : undefined, freq, db });
  }

  override render() {
    return html`<canvas part="canvas" role="img" aria-label=${this.label ?? 'graph'}></canvas>`;
  }
}
