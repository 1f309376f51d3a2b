/**
 * Relative pointer drag with pointer capture. Bind `onPointerDown` on the element part that
 * should be draggable (`@pointerdown=${drag.onPointerDown}`); move/up listeners live on that
 * part only for the duration of the press and are removed on release, cancel, lost capture or
 * disconnect; the pointer is captured once the press moves beyond the tap slop. Vertical by default (up = more); Shift at any time during the drag gives fine
 * steps. A press that moves less than `tapSlop` pixels is reported as a tap instead.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DragAccumulator } from '../logic/steps.js';

export type Orientation = 'vertical' | 'horizontal';

export interface DragOptions {
  /** normalised position at drag start */
  start(): number;
  /** new normalised position during the drag */
  move(normalized: number): void;
  /** pixels of travel for the full range (read at drag start) */
  pixels(): number;
  /** called when a drag (not a tap) begins / ends: wrap in host gestures */
  begin?(): void;
  end?(): void;
  /** a press released without moving; receives the pointerup event */
  tap?(e: PointerEvent): void;
  /** vertical (default; up = more) or horizontal (right = more); read at drag start */
  orientation?: Orientation | (() => Orientation);
  /** movement (px) below which a press counts as a tap (default 3) */
  tapSlop?: number;
}

export class DragController implements ReactiveController {
  private target: Element | null = null;
  private pointerId = -1;
  private downX = 0;
  private downY = 0;
  private lastX = 0;
  private lastY = 0;
  private dragging = false;
  private pixels = 200;
  private orientation: Orientation = 'vertical';
  private readonly acc = new DragAccumulator();

  constructor(
    host: ReactiveControllerHost,
    private readonly opt: DragOptions,
  ) {
    host.addController(this);
  }

  /** whether the last press turned into a drag (a click event after it is not a tap) */
  lastWasDrag = false;

  get active(): boolean {
    return this.dragging;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.finish(undefined);
  }

  readonly onPointerDown = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    // a press whose release we never saw (released outside before capture) ends here
    if (this.target) this.finish(this.pointerId);
    const t = e.currentTarget as Element | null;
    if (!t) return;
    this.target = t;
    this.pointerId = e.pointerId;
    this.downX = this.lastX = e.clientX;
    this.downY = this.lastY = e.clientY;
    this.dragging = false;
    this.lastWasDrag = false;
    t.addEventListener('pointermove', this.onMove as EventListener);
    t.addEventListener('pointerleave', this.onMove as EventListener); // a fast flick out starts the drag
    t.addEventListener('pointerup', this.onUp as EventListener);
    t.addEventListener('pointercancel', this.onCancel as EventListener);
    t.addEventListener('lostpointercapture', this.onCancel as EventListener);
    // keep focus on the control (the focusable part may be this target or an ancestor)
    (t as HTMLElement).focus?.({ preventScroll: true });
    e.preventDefault();
  };

  private readonly onMove = (e: PointerEvent): void => {
    if (e.pointerId !== this.pointerId) return;
    if (e.type === 'pointerleave' && (this.dragging || (e.buttons & 1) === 0)) return;
    if (!this.dragging) {
      // below the slop the press may still be a tap; once beyond, the whole way counts
      if (Math.abs(e.clientX - this.downX) + Math.abs(e.clientY - this.downY) < (this.opt.tapSlop ?? 3)) return;
      this.lastX = this.downX;
      this.lastY = this.downY;
      this.dragging = true;
      this.lastWasDrag = true;
      // capture only once it is a drag: a tap or double-click keeps its real target (e.g. the
      // value text inside a number box opens the editor rather than resetting)
      try {
        this.target?.setPointerCapture(e.pointerId);
      } catch {
        // synthetic events have no active pointer; the drag still works over the target
      }
      this.pixels = this.opt.pixels();
      const o = this.opt.orientation;
      this.orientation = (typeof o === 'function' ? o() : o) ?? 'vertical';
      this.acc.start(this.opt.start());
      this.opt.begin?.();
    }
    const dx = e.clientX - this.lastX;
    const dy = e.clientY - this.lastY;
    this.lastX = e.clientX;
    this.lastY = e.clientY;
    this.opt.move(this.acc.move(dx, dy, this.pixels, e.shiftKey, this.orientation));
  };

  private readonly onUp = (e: PointerEvent): void => {
    if (e.pointerId !== this.pointerId) return;
    const wasDrag = this.dragging;
    this.finish(e.pointerId);
    if (!wasDrag) this.opt.tap?.(e);
  };

  private readonly onCancel = (e: PointerEvent): void => {
    if (e.pointerId === this.pointerId) this.finish(e.pointerId);
  };

  private finish(pointerId: number | undefined): void {
    const t = this.target;
    if (!t) return;
    this.target = null;
    this.pointerId = -1;
    t.removeEventListener('pointermove', this.onMove as EventListener);
    t.removeEventListener('pointerleave', this.onMove as EventListener);
    t.removeEventListener('pointerup', this.onUp as EventListener);
    t.removeEventListener('pointercancel', this.onCancel as EventListener);
    t.removeEventListener('lostpointercapture', this.onCancel as EventListener);
    if (pointerId !== undefined && t.hasPointerCapture?.(pointerId)) t.releasePointerCapture(pointerId);
    if (this.dragging) {
      this.dragging = false;
      this.opt.end?.();
    }
  }
}
