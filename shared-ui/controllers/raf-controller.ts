/**
 * A requestAnimationFrame loop that runs only while the element is connected, on screen
 * (VisibilityController) and `running` is wanted; it stops on disconnect. The callback gets
 * the seconds since the previous frame (0 on the first frame after a pause, so ballistics
 * do not jump after the loop slept) and the frame time.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { VisibilityController } from './visibility-controller.js';

export type FrameCallback = (dt: number, now: number) => void;

export class RafController implements ReactiveController {
  private handle = 0;
  private last = -1;
  private wanted: boolean;
  private readonly visibility: VisibilityController;

  constructor(
    el: ReactiveControllerHost & Element,
    private readonly frame: FrameCallback,
    opts: { autoStart?: boolean } = {},
  ) {
    this.wanted = opts.autoStart ?? true;
    this.visibility = new VisibilityController(el, () => this.sync());
    el.addController(this);
  }

  /** true while frames are being scheduled */
  get running(): boolean {
    return this.handle !== 0;
  }

  get visible(): boolean {
    return this.visibility.visible;
  }

  start(): void {
    this.wanted = true;
    this.sync();
  }

  stop(): void {
    this.wanted = false;
    this.sync();
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.cancel();
  }

  private sync(): void {
    if (this.wanted && this.visibility.visible) {
      if (this.handle === 0) {
        this.last = -1;
        this.handle = requestAnimationFrame(this.tick);
      }
    } else this.cancel();
  }

  private cancel(): void {
    if (this.handle !== 0) cancelAnimationFrame(this.handle);
    this.handle = 0;
  }

  private readonly tick = (now: number): void => {
    this.handle = 0;
    if (!this.wanted || !this.visibility.visible) return;
    // a hidden page throttles rAF; treat a long gap as a pause
    const dt = this.last < 0 || now - this.last > 250 ? 0 : (now - this.last) / 1000;
    this.last = now;
    this.handle = requestAnimationFrame(this.tick);
    this.frame(dt, now);
  };
}
