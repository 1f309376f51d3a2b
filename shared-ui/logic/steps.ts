/**
 * Step arithmetic shared by keyboard, wheel and drag: pure functions over a ResolvedParam,
 * no DOM. Continuous parameters step in the control's normalised space (so a log frequency
 * moves by a ratio, a dB gain by dB); discrete ones by whole units.
 */
import { clampTo, fromNormalized, toNormalized, type ResolvedParam } from '../../shared-wam/params.js';

/** normalised steps for continuous parameters */
export const SMALL_STEP = 0.01;
export const LARGE_STEP = 0.1;
/** factor applied with Shift (keyboard, wheel, drag) */
export const FINE_FACTOR = 0.1;
/** pixels of vertical drag for the full range of a knob */
export const DRAG_PIXELS = 200;

export type StepKind = 'small' | 'large';

export function isDiscrete(p: ResolvedParam): boolean {
  return p.type !== 'float';
}

/** Number of discrete units from min to max (0 for floats). */
export function unitCount(p: ResolvedParam): number {
  return isDiscrete(p) ? p.max - p.min : 0;
}

/**
 * The value `count` steps away from v (count may be negative or fractional for floats).
 * Discrete: small = 1 unit, large = a tenth of the range (at least 1 unit); fine does not apply.
 */
export function stepValue(p: ResolvedParam, v: number, count: number, kind: StepKind = 'small', fine = false): number {
  if (isDiscrete(p)) {
    const unit = kind === 'large' ? Math.max(1, Math.round(unitCount(p) / 10)) : 1;
    return clampTo(p, Math.round(clampTo(p, v)) + Math.round(count) * unit);
  }
  const size = (kind === 'large' ? LARGE_STEP : SMALL_STEP) * (fine ? FINE_FACTOR : 1);
  return fromNormalized(p, toNormalized(p, v) + count * size);
}

export interface KeyLike {
  key: string;
  shiftKey?: boolean;
}

/**
 * Slider keyboard contract (WAI-ARIA APG slider pattern): arrows step, PageUp/PageDown step
 * large, Home/End go to min/max; Shift makes arrow steps fine. Returns the new value, or
 * null when the key is not a stepping key.
 */
export function valueForKey(p: ResolvedParam, v: number, e: KeyLike): number | null {
  switch (e.key) {
    case 'ArrowUp':
    case 'ArrowRight':
      return stepValue(p, v, 1, 'small', !!e.shiftKey);
    case 'ArrowDown':
    case 'ArrowLeft':
      return stepValue(p, v, -1, 'small', !!e.shiftKey);
    case 'PageUp':
      return stepValue(p, v, 1, 'large');
    case 'PageDown':
      return stepValue(p, v, -1, 'large');
    case 'Home':
      return p.min;
    case 'End':
      return p.max;
    default:
      return null;
  }
}

/** DOM WheelEvent.deltaMode values */
export const DELTA_PIXEL = 0;
export const DELTA_LINE = 1;
export const DELTA_PAGE = 2;

export interface WheelLike {
  deltaX: number;
  deltaY: number;
  deltaMode: number;
  shiftKey?: boolean;
}

/**
 * Wheel movement in notches, positive = up (away from the user). One notch is 100 px in
 * Chromium's pixel mode, 3 lines in Firefox's line mode. Shift+wheel is turned into
 * horizontal scrolling by some browsers, so deltaX stands in when deltaY is 0.
 */
export function wheelNotches(e: WheelLike): number {
  const d = e.deltaY !== 0 ? e.deltaY : e.deltaX;
  const perNotch = e.deltaMode === DELTA_LINE ? 3 : e.deltaMode === DELTA_PAGE ? 1 : 100;
  return -d / perNotch;
}

/**
 * Wheel accumulator: continuous parameters move by notches * small step (fine with Shift);
 * discrete ones by whole units once a full notch has accumulated, so a touchpad's small
 * deltas still add up to steps.
 */
export class WheelAccumulator {
  private rest = 0;

  apply(p: ResolvedParam, v: number, e: WheelLike): number {
    const notches = wheelNotches(e);
    if (!isDiscrete(p)) return stepValue(p, v, notches, 'small', !!e.shiftKey);
    this.rest += notches;
    // whole notches so far (the epsilon absorbs rounding of sums like 0.4 + 0.4 + 0.4 - 1.2)
    const whole = Math.trunc(this.rest + (this.rest > 0 ? 1e-9 : -1e-9));
    if (whole === 0) return clampTo(p, v);
    this.rest -= whole;
    return stepValue(p, v, whole, 'small');
  }

  reset(): void {
    this.rest = 0;
  }
}

/**
 * Relative drag: the position on the control (normalised, clamped so reversing direction
 * answers at once) follows pointer movement; `pixels` is the travel for the full range,
 * Shift multiplies it by 1/FINE_FACTOR. Screen y grows downwards, so up is dy < 0.
 */
export class DragAccumulator {
  position = 0;

  start(normalized: number): void {
    this.position = normalized;
  }

  /** move by (dx, dy) pixels; returns the new normalised position */
  move(dx: number, dy: number, pixels: number, fine: boolean, orientation: 'vertical' | 'horizontal' = 'vertical'): number {
    const travel = orientation === 'vertical' ? -dy : dx;
    const n = this.position + (travel / Math.max(1, pixels)) * (fine ? FINE_FACTOR : 1);
    this.position = n < 0 ? 0 : n > 1 ? 1 : n;
    return this.position;
  }
}

/** Drag travel for a parameter: discrete ones get ~24 px per unit so few choices are not twitchy. */
export function dragPixelsFor(p: ResolvedParam, base = DRAG_PIXELS): number {
  return isDiscrete(p) ? Math.max(base / 2, unitCount(p) * 24) : base;
}
