/**
 * The base of every canvas graph (curves, spectra, scopes). The canvas is laid out by CSS;
 * this controller gives its bitmap devicePixelRatio times the CSS size for HiDPI sharpness,
 * redraws on resize (ResizeObserver, device-pixel box where supported, which also reports
 * moves between screens of different density), and draws only while the element is on
 * screen: a redraw requested while hidden waits until it shows. `animate` redraws every
 * animation frame instead (analysers, scopes).
 *
 * The draw callback gets a context already scaled to CSS pixels, so drawing code works in
 * the layout's units.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RafController } from './raf-controller.js';

export interface GraphColors {
  accent: string;
  text: string;
  dim: string;
  line: string;
  well: string;
  panel: string;
}

export interface GraphContext {
  ctx: CanvasRenderingContext2D;
  /** size in CSS pixels */
  width: number;
  height: number;
  dpr: number;
  colors: GraphColors;
  /** seconds since the previous animated frame (0 when not animating) */
  dt: number;
}

export interface CanvasOptions {
  canvas(): HTMLCanvasElement | null | undefined;
  draw(g: GraphContext): void;
  /** redraw every animation frame while visible */
  animate?: boolean;
}

export class CanvasController implements ReactiveController {
  private observer: ResizeObserver | undefined;
  private observed: HTMLCanvasElement | undefined;
  private ctx: CanvasRenderingContext2D | null = null;
  private cssW = 0;
  private cssH = 0;
  private dpr = 1;
  private dirty = true;
  private colors: GraphColors | undefined;
  private readonly raf: RafController;
  private animate: boolean;

  constructor(
    private readonly el: ReactiveControllerHost & HTMLElement,
    private readonly opt: CanvasOptions,
  ) {
    this.animate = !!opt.animate;
    // one rAF loop serves both modes: it runs while dirty (one frame) or animating
    this.raf = new RafController(el, (dt) => this.frame(dt), { autoStart: false });
    el.addController(this);
  }

  /** schedule a redraw on the next frame (or when the element shows again) */
  requestDraw(): void {
    this.dirty = true;
    this.raf.start();
  }

  setAnimated(on: boolean): void {
    this.animate = on;
    if (on) this.raf.start();
    else this.requestDraw();
  }

  /** re-read the theme colours (after a style change) */
  refreshColors(): void {
    this.colors = undefined;
    this.requestDraw();
  }

  hostConnected(): void {
    this.dirty = true;
    // re-attached elements (moved in the DOM) may not re-render: observe the canvas again now
    this.attach();
  }

  hostUpdated(): void {
    this.attach();
  }

  private attach(): void {
    const c = this.opt.canvas() ?? undefined;
    if (c === this.observed) return;
    this.observer?.disconnect();
    this.observed = c;
    this.ctx = c ? c.getContext('2d') : null;
    if (!c || typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => this.onResize(entries[entries.length - 1]));
    try {
      this.observer.observe(c, { box: 'device-pixel-content-box' });
    } catch {
      this.observer.observe(c);
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = undefined;
    this.ctx = null;
  }

  private onResize(entry: ResizeObserverEntry | undefined): void {
    const c = this.observed;
    if (!entry || !c) return;
    const dpr = window.devicePixelRatio || 1;
    const box = entry.contentBoxSize?.[0];
    const cssW = box ? box.inlineSize : entry.contentRect.width;
    const cssH = box ? box.blockSize : entry.contentRect.height;
    // the device-pixel box is exact (pixel snapping); it is used when it agrees with
    // devicePixelRatio, which emulated densities (test browsers) do not always honour
    const dev = entry.devicePixelContentBoxSize?.[0];
    const agrees = dev && Math.abs(dev.inlineSize - cssW * dpr) <= 1 && Math.abs(dev.blockSize - cssH * dpr) <= 1;
    const w = agrees ? dev.inlineSize : Math.round(cssW * dpr);
    const h = agrees ? dev.blockSize : Math.round(cssH * dpr);
    this.cssW = cssW;
    this.cssH = cssH;
    this.dpr = cssW > 0 ? w / cssW : dpr;
    if (c.width !== w || c.height !== h) {
      c.width = w;
      c.height = h;
    }
    this.colors = undefined;
    this.requestDraw();
  }

  private readColors(): GraphColors {
    const s = getComputedStyle(this.el);
    const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback;
    return {
      accent: v('--_accent', '#4fc1e9'),
      text: v('--_text', '#dde1e7'),
      dim: v('--_dim', '#8b929c'),
      line: v('--_line', '#30343b'),
      well: v('--_well', '#0c0d0f'),
      panel: v('--_panel', '#1a1c20'),
    };
  }

  private frame(dt: number): void {
    if (!this.animate && !this.dirty) {
      this.raf.stop();
      return;
    }
    this.dirty = false;
    if (!this.animate) this.raf.stop();
    const ctx = this.ctx;
    if (!ctx || this.cssW <= 0 || this.cssH <= 0) return;
    this.colors ??= this.readColors();
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, this.cssW, this.cssH);
    this.opt.draw({ ctx, width: this.cssW, height: this.cssH, dpr: this.dpr, colors: this.colors, dt: this.animate ? dt : 0 });
  }
}
