/**
 * The slider keyboard contract for a ParamController-bound element: arrows (Shift: fine),
 * PageUp/PageDown, Home/End, Delete/Backspace to reset to the default. Bind
 * `@keydown=${keys.onKeyDown}` on the focusable part. Each key press is one host gesture.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ParamController } from './param-controller.js';
import { valueForKey } from '../logic/steps.js';

export interface KeyboardStepOptions {
  /** extra keys handled by the element (e.g. Enter opens the editor); return true if handled */
  extra?(e: KeyboardEvent): boolean;
}

export class KeyboardStepController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly param: ParamController,
    private readonly opt: KeyboardStepOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  readonly onKeyDown = (e: KeyboardEvent): void => {
    const p = this.param.decl;
    if (!p || e.altKey || e.ctrlKey || e.metaKey) return;
    if (this.opt.extra?.(e)) {
      e.preventDefault();
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      this.param.reset();
      e.preventDefault();
      return;
    }
    const v = valueForKey(p, this.param.value, e);
    if (v === null) return;
    e.preventDefault();
    this.param.commit(v);
  };
}
