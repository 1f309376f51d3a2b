/**
 * Mouse wheel / touchpad scrolling over a control steps its parameter (Shift: fine). Bind
 * `@wheel=${wheel.onWheel}` on the control part; the listener is an element listener (not
 * passive), so the page does not scroll while the pointer is over a control. A burst of
 * wheel events is one host gesture, closed after `idleMs` without events or on disconnect.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ParamController } from './param-controller.js';
import { WheelAccumulator } from '../logic/steps.js';

export class WheelController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly acc = new WheelAccumulator();

  constructor(
    host: ReactiveControllerHost,
    private readonly param: ParamController,
    private readonly idleMs = 400,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.close();
  }

  readonly onWheel = (e: WheelEvent): void => {
    const p = this.param.decl;
    if (!p || e.ctrlKey) return; // ctrl+wheel is the browser's zoom
    e.preventDefault();
    if (this.timer === undefined) this.param.begin();
    else clearTimeout(this.timer);
    this.timer = setTimeout(this.close, this.idleMs);
    this.param.set(this.acc.apply(p, this.param.value, e));
  };

  private readonly close = (): void => {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.acc.reset();
    this.param.end();
  };
}
