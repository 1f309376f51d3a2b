/**
 * Running FilterDesigns: the per-sample loops.
 *
 * SVF section, A. Simper (Cytomic), "SvfLinearTrapOptimised2" (2013):
 *   a1 = 1 / (1 + g (g + k)),  a2 = g a1,  a3 = g a2
 *   v3 = x - ic2;  v1 = a1 ic1 + a2 v3;  v2 = ic2 + a2 ic1 + a3 v3
 *   ic1 = 2 v1 - ic1;  ic2 = 2 v2 - ic2;  y = m0 x + m1 v1 + m2 v2
 * One-pole (Zavalishin, "The Art of VA Filter Design", ch. 3, TPT form):
 *   G = g / (1 + g);  v = (x - s) G;  lp = v + s;  s = lp + v;  y = mL lp + mH (x - lp)
 *
 * Runtime coefficients (RUN_SIZE values): per section [a1, a2, a3, m0, m1, m2] at 6 i, then the
 * one-pole [G, mL, mH] at RUN_OP. State: two values per section and channel, then one per
 * channel for the one-pole (see stateIndex).
 * The "ramp" variants interpolate every coefficient linearly from one set to the next across
 * the block (sample i of n uses c0 + (c1 - c0) i / n; the next block starts at c1), so a
 * moving parameter changes the filter smoothly between control-rate designs.
 */
import { MAX_SECTIONS, D_COUNT, D_ONEPOLE, D_OP_G, D_OP_ML, D_OP_MH, D_SECTIONS, SECTION_STRIDE } from './filter-design.js';

export const RUN_STRIDE = 6;
export const RUN_OP = MAX_SECTIONS * RUN_STRIDE;
export const RUN_SIZE = RUN_OP + 3;
/** Flush threshold for filter state (denormal protection). */
export const FLUSH = 1e-30;

/** Derive the runtime coefficients of a design. */
export function designToRun(d: Float64Array, c: Float64Array): void {
  const n = d[D_COUNT];
  for (let i = 0; i < n; i++) {
    const o = D_SECTIONS + SECTION_STRIDE * i;
    const r = RUN_STRIDE * i;
    const g = d[o];
    const k = d[o + 1];
    const a1 = 1 / (1 + g * (g + k));
    c[r] = a1;
    c[r + 1] = g * a1;
    c[r + 2] = g * g * a1;
    c[r + 3] = d[o + 2];
    c[r + 4] = d[o + 3];
    c[r + 5] = d[o + 4];
  }
  if (d[D_ONEPOLE] !== 0) {
    const g = d[D_OP_G];
    c[RUN_OP] = g / (1 + g);
    c[RUN_OP + 1] = d[D_OP_ML];
    c[RUN_OP + 2] = d[D_OP_MH];
  }
}

/** One SVF section over buf[0, n), state at st[so], st[so + 1]. */
export function runSvf(c: Float64Array, r: number, st: Float64Array, so: number, buf: Float64Array, n: number): void {
  const a1 = c[r];
  const a2 = c[r + 1];
  const a3 = c[r + 2];
  const m0 = c[r + 3];
  const m1 = c[r + 4];
  const m2 = c[r + 5];
  let ic1 = st[so];
  let ic2 = st[so + 1];
  for (let i = 0; i < n; i++) {
    const v0 = buf[i];
    const v3 = v0 - ic2;
    const v1 = a1 * ic1 + a2 * v3;
    const v2 = ic2 + a2 * ic1 + a3 * v3;
    ic1 = 2 * v1 - ic1;
    ic2 = 2 * v2 - ic2;
    buf[i] = m0 * v0 + m1 * v1 + m2 * v2;
  }
  st[so] = ic1 < FLUSH && ic1 > -FLUSH ? 0 : ic1;
  st[so + 1] = ic2 < FLUSH && ic2 > -FLUSH ? 0 : ic2;
}

/** One SVF section with coefficients moving linearly from c0 to c1 over the n samples. */
export function runSvfRamp(c0: Float64Array, c1: Float64Array, r: number, st: Float64Array, so: number, buf: Float64Array, n: number): void {
  const inv = 1 / n;
  let a1 = c0[r];
  let a2 = c0[r + 1];
  let a3 = c0[r + 2];
  let m0 = c0[r + 3];
  let m1 = c0[r + 4];
  let m2 = c0[r + 5];
  const da1 = (c1[r] - a1) * inv;
  const da2 = (c1[r + 1] - a2) * inv;
  const da3 = (c1[r + 2] - a3) * inv;
  const dm0 = (c1[r + 3] - m0) * inv;
  const dm1 = (c1[r + 4] - m1) * inv;
  const dm2 = (c1[r + 5] - m2) * inv;
  let ic1 = st[so];
  let ic2 = st[so + 1];
  for (let i = 0; i < n; i++) {
    const v0 = buf[i];
    const v3 = v0 - ic2;
    const v1 = a1 * ic1 + a2 * v3;
    const v2 = ic2 + a2 * ic1 + a3 * v3;
    ic1 = 2 * v1 - ic1;
    ic2 = 2 * v2 - ic2;
    buf[i] = m0 * v0 + m1 * v1 + m2 * v2;
    a1 += da1;
    a2 += da2;
    a3 += da3;
    m0 += dm0;
    m1 += dm1;
    m2 += dm2;
  }
  st[so] = ic1 < FLUSH && ic1 > -FLUSH ? 0 : ic1;
  st[so + 1] = ic2 < FLUSH && ic2 > -FLUSH ? 0 : ic2;
}

/** The one-pole section over buf[0, n), state st[so]. */
export function runOnePole(c: Float64Array, st: Float64Array, so: number, buf: Float64Array, n: number): void {
  const G = c[RUN_OP];
  const mL = c[RUN_OP + 1];
  const mH = c[RUN_OP + 2];
  let s = st[so];
  for (let i = 0; i < n; i++) {
    const x = buf[i];
    const v = (x - s) * G;
    const lp = v + s;
    s = lp + v;
    buf[i] = mL * lp + mH * (x - lp);
  }
  st[so] = s < FLUSH && s > -FLUSH ? 0 : s;
}

/** The one-pole section with coefficients moving linearly from c0 to c1. */
export function runOnePoleRamp(c0: Float64Array, c1: Float64Array, st: Float64Array, so: number, buf: Float64Array, n: number): void {
  const inv = 1 / n;
  let G = c0[RUN_OP];
  let mL = c0[RUN_OP + 1];
  let mH = c0[RUN_OP + 2];
  const dG = (c1[RUN_OP] - G) * inv;
  const dL = (c1[RUN_OP + 1] - mL) * inv;
  const dH = (c1[RUN_OP + 2] - mH) * inv;
  let s = st[so];
  for (let i = 0; i < n; i++) {
    const x = buf[i];
    const v = (x - s) * G;
    const lp = v + s;
    s = lp + v;
    buf[i] = mL * lp + mH * (x - lp);
    G += dG;
    mL += dL;
    mH += dH;
  }
  st[so] = s < FLUSH && s > -FLUSH ? 0 : s;
}
