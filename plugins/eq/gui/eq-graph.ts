/**
 * The EQ's response graph: log frequency 20 Hz to 20 kHz, dB grid, the live analyser behind
 * (pre and/or post, smoothed, optional peak hold), each band's curve in its colour, the summed
 * curve, and a handle per band.
 *
 * Handles: drag sets freq and gain (shift: fine), wheel or alt-drag sets Q, double-click on
 * empty space enables the nearest free band there, double-click on a handle switches it off,
 * right-click (or long press) opens a small menu for type, slope and stereo placement.
 */
import { LitElement, css } from 'lit';
import { html } from 'lit/static-html.js';
import {
  CanvasController,
  MeterController,
  ParamWatchController,
  canvasPanel,
  choiceTag,
  drawFreqGrid,
  toggleTag,
  tokens,
  type GraphContext,
  type ParamHost,
} from '../../../shared-ui/index.js';
import { AUDIO_BAND, dbToY, freqToX, logSpacedFrequencies, xToFreq, yToDb, type DbAxis } from '../../../shared-ui/logic/axes.js';
import { BAND_COUNT } from '../params.js';
import { BAND_COLORS, bandId, handleMovesGain, readBand, ResponseCache } from './band-model.js';
import { SpectrumAnalyser } from './spectrum.js';
import { EQ_METER_POST, EQ_METER_PRE } from '../../../shared-dsp/eq/eq-meters.js';

const DB: DbAxis = { dbMin: -24, dbMax: 24 };
const SPECTRUM_DB: DbAxis = { dbMin: -96, dbMax: 0 };
const HANDLE_R = 8;

export type AnalyserMode = 'off' | 'pre' | 'post' | 'both';

export class EqGraph extends LitElement {
  static override properties = {
    host: { attribute: false },
    selected: { type: Number },
    analyser: { type: String },
    peakHold: { type: Boolean, attribute: 'peak-hold' },
    menuBand: { state: true },
  };

  static override styles = [
    tokens,
    canvasPanel,
    css`
      :host {
        min-height: 160px;
        touch-action: none;
      }
      canvas {
        cursor: crosshair;
      }
      .menu {
        position: absolute;
        z-index: 2;
        display: flex;
        flex-direction: column;
        gap: 6px;
        padding: 8px;
        background: var(--_panel-2);
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
        box-shadow: 0 6px 24px #0008;
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare selected: number;
  declare analyser: AnalyserMode;
  declare peakHold: boolean;
  declare menuBand: number;

  private readonly cache = new ResponseCache();
  private readonly pre = new SpectrumAnalyser();
  private readonly post = new SpectrumAnalyser();
  private freqs: Float64Array = new Float64Array(0);
  private drag: { n: number; id: number; q: boolean; startY: number; startQ: number } | null = null;
  private menuPos = { x: 0, y: 0 };
  private width = 1;
  private height = 1;

  private readonly canvas = new CanvasController(this, {
    canvas: () => this.renderRoot.querySelector('canvas'),
    draw: (g) => this.paint(g),
    animate: false,
  });

  private readonly meters = new MeterController(
    this as LitElement & { host?: ParamHost },
    (frame) => {
      if (this.analyser === 'pre' || this.analyser === 'both') this.pre.push(frame, EQ_METER_PRE, this.sampleRate);
      if (this.analyser === 'post' || this.analyser === 'both') this.post.push(frame, EQ_METER_POST, this.sampleRate);
      this.canvas.requestDraw();
    },
    () => this.analyser !== 'off',
  );

  /** every parameter can move the curves; a band's own change drops only its cached response */
  private readonly watch = new ParamWatchController(
    this,
    () => true,
    (id) => {
      const m = /^b(\d)_/.exec(id);
      if (m) this.cache.invalidate(Number(m[1]));
      this.canvas.requestDraw();
    },
  );

  constructor() {
    super();
    this.selected = 0;
    this.analyser = 'post';
    this.peakHold = false;
    this.menuBand = 0;
  }

  private get sampleRate(): number {
    return this.host?.sampleRate ?? 48000;
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('host')) this.cache.invalidate();
    if (changed.has('analyser')) {
      this.pre.reset();
      this.post.reset();
    }
    if (changed.has('peakHold')) {
      this.pre.peakHold = this.post.peakHold = this.peakHold;
    }
    this.canvas.requestDraw();
  }

  protected override render() {
    const n = this.menuBand;
    return html`<canvas
        @pointerdown=${this.onDown}
        @pointermove=${this.onMove}
        @pointerup=${this.onUp}
        @pointercancel=${this.onUp}
        @wheel=${this.onWheel}
        @dblclick=${this.onDblClick}
        @contextmenu=${this.onContextMenu}
        role="img"
        aria-label="EQ response and spectrum"
      ></canvas>
      ${n && this.host
        ? html`<div class="menu" style="left:${this.menuPos.x}px;top:${this.menuPos.y}px" @pointerdown=${(e: Event) => e.stopPropagation()}>
            <${toggleTag} .host=${this.host} param=${bandId(n, 'on')}></${toggleTag}>
            <${choiceTag} .host=${this.host} param=${bandId(n, 'type')} variant="dropdown"></${choiceTag}>
            <${choiceTag} .host=${this.host} param=${bandId(n, 'slope')} variant="dropdown"></${choiceTag}>
            <${choiceTag} .host=${this.host} param=${bandId(n, 'stereo')} variant="dropdown"></${choiceTag}>
          </div>`
        : ''}`;
  }

  // ---- drawing -------------------------------------------------------------------------------

  private paint(g: GraphContext): void {
    const { ctx, width: w, height: h, colors } = g;
    this.width = w;
    this.height = h;
    const host = this.host;
    ctx.clearRect(0, 0, w, h);
    drawFreqGrid(g, { db: DB, dbStep: 6, labels: true });
    if (!host) return;
    const points = Math.max(64, Math.min(1024, Math.round(w / 2)));
    if (this.freqs.length !== points) this.freqs = logSpacedFrequencies(points, AUDIO_BAND);
    if (this.analyser === 'pre' || this.analyser === 'both') this.drawSpectrum(g, this.pre, colors.dim, 0.35);
    if (this.analyser === 'post' || this.analyser === 'both') this.drawSpectrum(g, this.post, colors.accent, 0.28);
    const sum = this.cache.update(host, this.freqs, this.sampleRate);
    for (let n = 1; n <= BAND_COUNT; n++) {
      const b = readBand(host, n);
      if (!b.on) continue;
      this.drawCurve(ctx, this.cache.curves[n - 1], BAND_COLORS[n - 1], n === this.selected ? 0.95 : 0.55, 1.25, true);
    }
    this.drawCurve(ctx, sum, colors.text, 1, 2.25, false);
    for (let n = 1; n <= BAND_COUNT; n++) this.drawHandle(ctx, n);
  }

  private drawSpectrum(g: GraphContext, a: SpectrumAnalyser, color: string, alpha: number): void {
    const { ctx, width: w, height: h } = g;
    const levels = a.levelsAt(this.freqs);
    if (!levels) return;
    ctx.save();
    ctx.beginPath();
    ctx.moveTo(0, h);
    for (let i = 0; i < this.freqs.length; i++) {
      const x = freqToX(this.freqs[i], w);
      ctx.lineTo(x, dbToY(Math.max(SPECTRUM_DB.dbMin, levels[i]), h, SPECTRUM_DB));
    }
    ctx.lineTo(w, h);
    ctx.closePath();
    ctx.globalAlpha = alpha;
    ctx.fillStyle = color;
    ctx.fill();
    if (this.peakHold && a.peaks) {
      const peaks = a.peaksAt(this.freqs)!;
      ctx.globalAlpha = 0.8;
      ctx.strokeStyle = color;
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (let i = 0; i < this.freqs.length; i++) {
        const x = freqToX(this.freqs[i], w);
        const y = dbToY(Math.max(SPECTRUM_DB.dbMin, peaks[i]), h, SPECTRUM_DB);
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
    }
    ctx.restore();
  }

  private drawCurve(ctx: CanvasRenderingContext2D, curve: Float64Array, color: string, alpha: number, width: number, fill: boolean): void {
    const w = this.width;
    const h = this.height;
    const y0 = dbToY(0, h, DB);
    ctx.save();
    ctx.beginPath();
    for (let i = 0; i < this.freqs.length; i++) {
      const x = freqToX(this.freqs[i], w);
      const y = dbToY(Math.max(DB.dbMin - 6, Math.min(DB.dbMax + 6, curve[i])), h, DB);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.lineJoin = 'round';
    ctx.stroke();
    if (fill) {
      ctx.lineTo(w, y0);
      ctx.lineTo(0, y0);
      ctx.closePath();
      ctx.globalAlpha = alpha * 0.12;
      ctx.fillStyle = color;
      ctx.fill();
    }
    ctx.restore();
  }

  private handlePos(n: number): { x: number; y: number } {
    const b = readBand(this.host!, n);
    const x = freqToX(Math.min(AUDIO_BAND.fMax, Math.max(AUDIO_BAND.fMin, b.freq)), this.width);
    const y = dbToY(handleMovesGain(b.type) ? b.gain : 0, this.height, DB);
    return { x, y };
  }

  private drawHandle(ctx: CanvasRenderingContext2D, n: number): void {
    const b = readBand(this.host!, n);
    const { x, y } = this.handlePos(n);
    const r = n === this.selected ? HANDLE_R + 2 : HANDLE_R;
    ctx.save();
    ctx.globalAlpha = b.on ? 1 : 0.35;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fillStyle = b.on ? BAND_COLORS[n - 1] : 'transparent';
    ctx.strokeStyle = BAND_COLORS[n - 1];
    ctx.lineWidth = 1.5;
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = b.on ? '#111' : BAND_COLORS[n - 1];
    ctx.font = '600 10px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(n), x, y + 0.5);
    ctx.restore();
  }

  // ---- interaction ---------------------------------------------------------------------------

  private local(e: PointerEvent | WheelEvent | MouseEvent): { x: number; y: number } {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private hit(x: number, y: number): number {
    if (!this.host) return 0;
    let best = 0;
    let bestD = (HANDLE_R + 6) ** 2;
    for (let n = 1; n <= BAND_COUNT; n++) {
      const p = this.handlePos(n);
      const d = (p.x - x) ** 2 + (p.y - y) ** 2;
      // prefer enabled bands when handles overlap
      const bias = readBand(this.host, n).on ? 0 : 20;
      if (d + bias < bestD) {
        bestD = d + bias;
        best = n;
      }
    }
    return best;
  }

  private select(n: number): void {
    if (this.selected === n) return;
    this.selected = n;
    this.dispatchEvent(new CustomEvent('band-select', { detail: n, bubbles: true, composed: true }));
  }

  private readonly onDown = (e: PointerEvent): void => {
    if (e.button !== 0 || !this.host) return;
    this.menuBand = 0;
    const { x, y } = this.local(e);
    const n = this.hit(x, y);
    if (!n) return;
    this.select(n);
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    const q = e.altKey;
    this.drag = { n, id: e.pointerId, q, startY: y, startQ: this.host.getValue(bandId(n, 'q')) };
    this.host.beginGesture(bandId(n, q ? 'q' : 'freq'));
    e.preventDefault();
  };

  private readonly onMove = (e: PointerEvent): void => {
    const d = this.drag;
    if (!d || d.id !== e.pointerId || !this.host) return;
    const { x, y } = this.local(e);
    const n = d.n;
    if (d.q) {
      // alt-drag: up narrows, one octave of Q per 60 px (shift: 4x finer)
      const k = (e.shiftKey ? 0.25 : 1) * ((d.startY - y) / 60);
      this.host.setValue(bandId(n, 'q'), d.startQ * 2 ** k);
      return;
    }
    const fine = e.shiftKey ? 0.2 : 1;
    const cur = this.handlePos(n);
    const nx = cur.x + (x - cur.x) * fine;
    const ny = cur.y + (y - cur.y) * fine;
    this.host.setValue(bandId(n, 'freq'), xToFreq(Math.max(0, Math.min(this.width, nx)), this.width));
    if (handleMovesGain(readBand(this.host, n).type)) this.host.setValue(bandId(n, 'gain'), yToDb(ny, this.height, DB));
  };

  private readonly onUp = (e: PointerEvent): void => {
    const d = this.drag;
    if (!d || d.id !== e.pointerId) return;
    this.drag = null;
    this.host?.endGesture(bandId(d.n, d.q ? 'q' : 'freq'));
  };

  private readonly onWheel = (e: WheelEvent): void => {
    if (!this.host) return;
    const { x, y } = this.local(e);
    const n = this.hit(x, y) || this.selected;
    if (!n) return;
    e.preventDefault();
    const id = bandId(n, 'q');
    const step = (e.shiftKey ? 0.02 : 0.1) * Math.sign(-e.deltaY);
    this.host.setValue(id, this.host.getValue(id) * 2 ** step);
  };

  private readonly onDblClick = (e: MouseEvent): void => {
    if (!this.host) return;
    const { x, y } = this.local(e as PointerEvent);
    const hit = this.hit(x, y);
    if (hit) {
      this.host.setValue(bandId(hit, 'on'), 0);
      return;
    }
    // enable the free band whose frequency is nearest (in octaves) to the click
    const f = xToFreq(x, this.width);
    let best = 0;
    let bestD = Infinity;
    for (let n = 1; n <= BAND_COUNT; n++) {
      const b = readBand(this.host, n);
      if (b.on) continue;
      const d = Math.abs(Math.log2(b.freq / f));
      if (d < bestD) {
        bestD = d;
        best = n;
      }
    }
    if (!best) return;
    const b = readBand(this.host, best);
    if (b.type === 3 || b.type === 4) {
      // a cut placed in the middle of the spectrum is rarely meant: make it a bell there
      if (f > 60 && f < 12000) this.host.setValue(bandId(best, 'type'), 0);
    }
    this.host.setValue(bandId(best, 'freq'), f);
    if (handleMovesGain(readBand(this.host, best).type)) this.host.setValue(bandId(best, 'gain'), yToDb(y, this.height, DB));
    this.host.setValue(bandId(best, 'on'), 1);
    this.select(best);
  };

  private readonly onContextMenu = (e: MouseEvent): void => {
    const { x, y } = this.local(e as PointerEvent);
    const n = this.hit(x, y);
    if (!n) return;
    e.preventDefault();
    this.select(n);
    this.menuPos = { x: Math.min(x + 12, this.width - 170), y: Math.min(y + 12, this.height - 150) };
    this.menuBand = n;
  };
}
