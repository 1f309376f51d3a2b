/**
 * The controllers every parameter control combines, created in one call so element files
 * stay short: ParamController + DragController (gestures around drags, Alt-click resets)
 * + KeyboardStepController (Enter opens the editor) + WheelController + InlineEditController.
 * This is composition, not a base class: each element binds the handlers it wants.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ParamHost } from '../param-host.js';
import { dragPixelsFor } from '../logic/steps.js';
import { DragController, type Orientation } from './drag-controller.js';
import { InlineEditController } from './inline-edit-controller.js';
import { KeyboardStepController } from './keyboard-step-controller.js';
import { ParamController } from './param-controller.js';
import { WheelController } from './wheel-controller.js';

/** the reactive properties every parameter control declares */
export const paramProperties = {
  host: { attribute: false },
  param: { type: String },
  /** override the declaration's label (e.g. a shorter one) */
  label: { type: String },
  hideLabel: { type: Boolean, attribute: 'hide-label', reflect: true },
} as const;

export interface ParamElementFields {
  host?: ParamHost;
  param?: string;
  label?: string;
  hideLabel?: boolean;
}

export interface ControlSetOptions {
  /** the focusable control part (role=slider/spinbutton/switch) */
  focus(): HTMLElement | null | undefined;
  /** the inline editor's input */
  input?(): HTMLInputElement | null | undefined;
  /** drag travel for the full range in px (default: dragPixelsFor the declaration) */
  pixels?(): number;
  orientation?: Orientation | (() => Orientation);
  /** a press without movement (after Alt-click reset is handled) */
  tap?(e: PointerEvent): void;
  /** extra keys: return true when handled (Enter opens the editor unless handled here) */
  keys?(e: KeyboardEvent): boolean;
  /** no inline editor (Enter is left to `keys`) */
  noEdit?: boolean;
}

export interface ControlSet {
  param: ParamController;
  drag: DragController;
  keys: KeyboardStepController;
  wheel: WheelController;
  edit: InlineEditController;
  /** double-click handler: reset to the default */
  onDblClick(e: MouseEvent): void;
}

export function createControlSet(el: ReactiveControllerHost & ParamElementFields, o: ControlSetOptions): ControlSet {
  const param = new ParamController(el);
  const edit = new InlineEditController(el, param, { input: () => o.input?.(), focusBack: o.focus });
  const drag = new DragController(el, {
    start: () => param.normalized,
    move: (n) => param.setNormalized(n),
    pixels: () => o.pixels?.() ?? (param.decl ? dragPixelsFor(param.decl) : 200),
    begin: () => param.begin(),
    end: () => param.end(),
    tap: (e) => {
      if (e.altKey) param.reset();
      else o.tap?.(e);
    },
    orientation: o.orientation,
  });
  const keys = new KeyboardStepController(el, param, {
    extra: (e) => {
      if (o.keys?.(e)) return true;
      if (e.key === 'Enter' && !o.noEdit) {
        edit.open();
        return true;
      }
      return false;
    },
  });
  const wheel = new WheelController(el, param);
  return {
    param,
    drag,
    keys,
    wheel,
    edit,
    onDblClick: (e: MouseEvent) => {
      e.preventDefault();
      param.reset();
    },
  };
}
