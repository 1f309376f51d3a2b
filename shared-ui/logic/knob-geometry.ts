/**
 * Knob drawing geometry, DOM-free: a 270 degree sweep from -135 degrees (7:30 o'clock) to
 * +135 degrees (4:30), angles measured clockwise from 12 o'clock, in an SVG viewBox whose
 * y axis points down.
 */
import { toNormalized, type ResolvedParam } from '../../shared-wam/params.js';

export const SWEEP_DEG = 270;
export const START_DEG = -135;

export function angleFor(normalized: number): number {
  const n = normalized < 0 ? 0 : normalized > 1 ? 1 : normalized;
  return START_DEG + SWEEP_DEG * n;
}

/** point at `deg` on a circle of radius r around (cx, cy) */
export function polar(cx: number, cy: number, r: number, deg: number): [number, number] {
  const a = (deg * Math.PI) / 180;
  return [cx + r * Math.sin(a), cy - r * Math.cos(a)];
}

const f = (x: number) => (Math.abs(x) < 1e-9 ? 0 : Math.round(x * 1000) / 1000);

/** SVG path of the arc from deg0 to deg1 (either order); empty when they coincide */
export function arcPath(cx: number, cy: number, r: number, deg0: number, deg1: number): string {
  if (Math.abs(deg1 - deg0) < 1e-6) return '';
  const [x0, y0] = polar(cx, cy, r, deg0);
  const [x1, y1] = polar(cx, cy, r, deg1);
  const large = Math.abs(deg1 - deg0) > 180 ? 1 : 0;
  const sweep = deg1 > deg0 ? 1 : 0;
  return `M ${f(x0)} ${f(y0)} A ${r} ${r} 0 ${large} ${sweep} ${f(x1)} ${f(y1)}`;
}

/**
 * Where the value arc starts: at 0 for ranges that straddle it (bipolar gains, pans), at
 * the bottom of the range otherwise.
 */
export function arcOrigin(p: ResolvedParam): number {
  return p.min < 0 && p.max > 0 ? toNormalized(p, 0) : 0;
}
