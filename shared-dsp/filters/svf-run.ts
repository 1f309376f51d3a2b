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
 * Runtime coefficients (RUN_SIZE values): per section, at RUN_STRIDE i, [a1, a2, a3, m0, m1, m2]
 * and the same update written as a state-space matrix (below), then the one-pole [G, mL, mH]
 * at RUN_OP.
 * Substituting v1, v2 and v3 gives the identical recursion on the same states in matrix form,
 *   ic1' = (2 a1 - 1) ic1 - 2 a2 ic2 + 2 a2 x
 *   ic2' = 2 a2 ic1 + (1 - 2 a3) ic2 + 2 a3 x
 *   y    = (m0 + m1 a2 + m2 a3) x + (m1 a1 + m2 a2) ic1 + (m2 (1 - a3) - m1 a2) ic2
 * and with u = x - ic2 (7 multiplies, 6 adds per sample):
 *   y = D x + C1 ic1 + C2 ic2,  ic1' = (2 a1 - 1) ic1 + 2 a2 u,  ic2' = ic2 + 2 a2 ic1 + 2 a3 u
 * The ramp loops use Simper's form with interpolated a1..m2, on the SVF's states.
 *
 * Static loops (coefficients constant over the block) run the same filter in observable
 * canonical form (the state space of transposed direct form II; e.g. Kailath, "Linear
 * Systems", 1980, sec. 2.1), which needs 5 multiplies and 4 adds per sample instead of 7 + 6,
 * and has a shorter loop-carried dependency chain (one multiply-add):
 *   y = D x + z1,  z1' = z2 - a1 z1 + b1 x,  z2' = -a2 z1 + b2 x
 * with a1 = -tr A, a2 = det A (so that A^2 + a1 A + a2 I = 0), b1 = C B, b2 = C A B + a1 C B.
 * Its states are a fixed linear map of the SVF's for the block's coefficients,
 *   z = T s,  T = [C; C A + a1 C],
 * so a static run maps the SVF states in, runs, and maps them back (s = T^-1 z) at its end:
 * between blocks the state is always the SVF's, and every coefficient change (a ramp, a jump)
 * acts on SVF states as before. Sections whose T is singular or ill-conditioned (C = 0: the
 * output does not see the state) run the SVF state-space form instead.
 * State: two values per section and channel, then one per channel for the one-pole.
 * The "ramp" variants interpolate every coefficient linearly from one set to the next across
 * the block (sample i of n uses c0 + (c1 - c0) i / n; the next block starts at c1), so a
 * moving parameter changes the filter smoothly between control-rate designs.
 */
import { MAX_SECTIONS, D_COUNT, D_ONEPOLE, D_OP_G, D_OP_ML, D_OP_MH, D_SECTIONS, SECTION_STRIDE } from './filter-design.js';

export const RUN_STRIDE = 32;
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
    const a2 = g * a1;
    const a3 = g * a2;
    c[r] = a1;
    c[r + 1] = a2;
    c[r + 2] = a3;
    const m0 = d[o + 2];
    const m1 = d[o + 3];
    const m2 = d[o + 4];
    c[r + 3] = m0;
    c[r + 4] = m1;
    c[r + 5] = m2;
    c[r + 6] = 2 * a1 - 1; // A11
    c[r + 7] = -2 * a2; // A12
    c[r + 8] = 2 * a2; // A21 = B1
    c[r + 9] = 1 - 2 * a3; // A22
    c[r + 10] = 2 * a3; // B2
    c[r + 11] = m0 + m1 * a2 + m2 * a3; // D
    c[r + 12] = m1 * a1 + m2 * a2; // C1
    c[r + 13] = m2 * (1 - a3) - m1 * a2; // C2
    observableForm(c, r);
  }
  if (d[D_ONEPOLE] !== 0) {
    const g = d[D_OP_G];
    c[RUN_OP] = g / (1 + g);
    c[RUN_OP + 1] = d[D_OP_ML];
    c[RUN_OP + 2] = d[D_OP_MH];
  }
}

/** Offsets (from a section's RUN_STRIDE base) of its observable-form coefficients. */
const OB_OK = 14; // 1 when the observable form is used for this section
const OB_A1 = 15;
const OB_A2 = 16;
const OB_B1 = 17;
const OB_B2 = 18;
const OB_T = 19; // T11, T12, T21, T22
const OB_TI = 23; // inverse of T: Ti11, Ti12, Ti21, Ti22

/** Observable canonical form of the state-space section at c[r..] (see the file header). */
function observableForm(c: Float64Array, r: number): void {
  const A11 = c[r + 6];
  const A12 = -c[r + 8];
  const A21 = c[r + 8];
  const A22 = c[r + 9];
  const B1 = c[r + 8];
  const B2 = c[r + 10];
  const C1 = c[r + 12];
  const C2 = c[r + 13];
  const a1 = -(A11 + A22);
  const a2 = A11 * A22 - A12 * A21;
  const cb = C1 * B1 + C2 * B2;
  const ca1 = C1 * A11 + C2 * A21;
  const ca2 = C1 * A12 + C2 * A22;
  const T21 = ca1 + a1 * C1;
  const T22 = ca2 + a1 * C2;
  const det = C1 * T22 - C2 * T21;
  const norm = C1 * C1 + C2 * C2 + T21 * T21 + T22 * T22;
  // |det| / |T|^2 bounds 1 / cond(T) from below up to a factor 2: states map with at most
  // ~1e6 eps relative error per block, far below -200 dB
  const ok = norm > 0 && Math.abs(det) > 1e-6 * norm;
  c[r + OB_OK] = ok ? 1 : 0;
  if (!ok) return;
  c[r + OB_A1] = a1;
  c[r + OB_A2] = a2;
  c[r + OB_B1] = cb;
  c[r + OB_B2] = ca1 * B1 + ca2 * B2 + a1 * cb;
  c[r + OB_T] = C1;
  c[r + OB_T + 1] = C2;
  c[r + OB_T + 2] = T21;
  c[r + OB_T + 3] = T22;
  const inv = 1 / det;
  c[r + OB_TI] = T22 * inv;
  c[r + OB_TI + 1] = -C2 * inv;
  c[r + OB_TI + 2] = -T21 * inv;
  c[r + OB_TI + 3] = C1 * inv;
}

/** Map SVF states (s1, s2) at st[so] into the observable form's (z1, z2), in place. */
function toObservable(c: Float64Array, r: number, st: Float64Array, so: number): void {
  const s1 = st[so];
  const s2 = st[so + 1];
  st[so] = c[r + OB_T] * s1 + c[r + OB_T + 1] * s2;
  st[so + 1] = c[r + OB_T + 2] * s1 + c[r + OB_T + 3] * s2;
}

/** Map observable-form states back to the SVF's, flushing denormal-range values. */
function fromObservable(c: Float64Array, r: number, st: Float64Array, so: number): void {
  const z1 = st[so];
  const z2 = st[so + 1];
  const s1 = c[r + OB_TI] * z1 + c[r + OB_TI + 1] * z2;
  const s2 = c[r + OB_TI + 2] * z1 + c[r + OB_TI + 3] * z2;
  st[so] = s1 < FLUSH && s1 > -FLUSH ? 0 : s1;
  st[so + 1] = s2 < FLUSH && s2 > -FLUSH ? 0 : s2;
}

/** True when section r of c runs in observable form. */
export function usesObservableForm(c: Float64Array, r: number): boolean {
  return c[r + OB_OK] === 1;
}

/** One SVF section over buf[0, n), state at st[so], st[so + 1] (static coefficients). */
export function runSvf(c: Float64Array, r: number, st: Float64Array, so: number, buf: Float64Array, n: number): void {
  if (c[r + OB_OK] !== 1) {
    runSvfStateSpace(c, r, st, so, buf, n);
    return;
  }
  toObservable(c, r, st, so);
  const d = c[r + 11];
  const a1 = c[r + OB_A1];
  const a2 = c[r + OB_A2];
  const b1 = c[r + OB_B1];
  const b2 = c[r + OB_B2];
  let z1 = st[so];
  let z2 = st[so + 1];
  for (let i = 0; i < n; i++) {
    const x = buf[i];
    buf[i] = d * x + z1;
    const t = b1 * x + z2 - a1 * z1;
    z2 = b2 * x - a2 * z1;
    z1 = t;
  }
  st[so] = z1;
  st[so + 1] = z2;
  fromObservable(c, r, st, so);
}

/** One SVF section over buf[0, n) in the SVF's own state-space form. */
function runSvfStateSpace(c: Float64Array, r: number, st: Float64Array, so: number, buf: Float64Array, n: number): void {
  const a11 = c[r + 6];
  const a21 = c[r + 8];
  const b2 = c[r + 10];
  const dd = c[r + 11];
  const c1 = c[r + 12];
  const c2 = c[r + 13];
  let s1 = st[so];
  let s2 = st[so + 1];
  for (let i = 0; i < n; i++) {
    const x = buf[i];
    const u = x - s2;
    buf[i] = dd * x + c1 * s1 + c2 * s2;
    s2 += a21 * s1 + b2 * u;
    s1 = a11 * s1 + a21 * u;
  }
  st[so] = s1 < FLUSH && s1 > -FLUSH ? 0 : s1;
  st[so + 1] = s2 < FLUSH && s2 > -FLUSH ? 0 : s2;
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

/**
 * One SVF section over two buffers at once (stereo, same coefficients, states at st[sa],
 * st[sa + 1] and st[sb], st[sb + 1]). The two recurrences are independent, so interleaving
 * them lets the CPU overlap their latency chains: about twice the speed of two mono passes.
 */
export function runSvf2(c: Float64Array, r: number, st: Float64Array, sa: number, sb: number, bufA: Float64Array, bufB: Float64Array, n: number): void {
  if (c[r + OB_OK] !== 1) {
    runSvf2StateSpace(c, r, st, sa, sb, bufA, bufB, n);
    return;
  }
  toObservable(c, r, st, sa);
  toObservable(c, r, st, sb);
  const d = c[r + 11];
  const a1 = c[r + OB_A1];
  const a2 = c[r + OB_A2];
  const b1 = c[r + OB_B1];
  const b2 = c[r + OB_B2];
  let p1 = st[sa];
  let p2 = st[sa + 1];
  let q1 = st[sb];
  let q2 = st[sb + 1];
  for (let i = 0; i < n; i++) {
    const x = bufA[i];
    const y = bufB[i];
    bufA[i] = d * x + p1;
    bufB[i] = d * y + q1;
    const tp = b1 * x + p2 - a1 * p1;
    const tq = b1 * y + q2 - a1 * q1;
    p2 = b2 * x - a2 * p1;
    q2 = b2 * y - a2 * q1;
    p1 = tp;
    q1 = tq;
  }
  st[sa] = p1;
  st[sa + 1] = p2;
  st[sb] = q1;
  st[sb + 1] = q2;
  fromObservable(c, r, st, sa);
  fromObservable(c, r, st, sb);
}

/**
 * runSvf2 reading from other arrays: dstA[j] = H(srcA[offA + j]), dstB[j] = H(srcB[offB + j]),
 * for j < n (one pass, no copy first).
 */
export function runSvf2From(
  c: Float64Array,
  r: number,
  st: Float64Array,
  sa: number,
  sb: number,
  srcA: Float32Array | Float64Array,
  offA: number,
  srcB: Float32Array | Float64Array,
  offB: number,
  dstA: Float64Array,
  dstB: Float64Array,
  n: number,
): void {
  if (c[r + OB_OK] !== 1) {
    for (let j = 0; j < n; j++) {
      dstA[j] = srcA[offA + j];
      dstB[j] = srcB[offB + j];
    }
    runSvf2StateSpace(c, r, st, sa, sb, dstA, dstB, n);
    return;
  }
  toObservable(c, r, st, sa);
  toObservable(c, r, st, sb);
  const d = c[r + 11];
  const a1 = c[r + OB_A1];
  const a2 = c[r + OB_A2];
  const b1 = c[r + OB_B1];
  const b2 = c[r + OB_B2];
  let p1 = st[sa];
  let p2 = st[sa + 1];
  let q1 = st[sb];
  let q2 = st[sb + 1];
  for (let i = 0; i < n; i++) {
    const x = srcA[offA + i];
    const y = srcB[offB + i];
    dstA[i] = d * x + p1;
    dstB[i] = d * y + q1;
    const tp = b1 * x + p2 - a1 * p1;
    const tq = b1 * y + q2 - a1 * q1;
    p2 = b2 * x - a2 * p1;
    q2 = b2 * y - a2 * q1;
    p1 = tp;
    q1 = tq;
  }
  st[sa] = p1;
  st[sa + 1] = p2;
  st[sb] = q1;
  st[sb + 1] = q2;
  fromObservable(c, r, st, sa);
  fromObservable(c, r, st, sb);
}

function runSvf2StateSpace(c: Float64Array, r: number, st: Float64Array, sa: number, sb: number, bufA: Float64Array, bufB: Float64Array, n: number): void {
  const a11 = c[r + 6];
  const a21 = c[r + 8];
  const b2 = c[r + 10];
  const dd = c[r + 11];
  const c1 = c[r + 12];
  const c2 = c[r + 13];
  let p1 = st[sa];
  let p2 = st[sa + 1];
  let q1 = st[sb];
  let q2 = st[sb + 1];
  for (let i = 0; i < n; i++) {
    const x = bufA[i];
    const y = bufB[i];
    const ux = x - p2;
    const uy = y - q2;
    bufA[i] = dd * x + c1 * p1 + c2 * p2;
    bufB[i] = dd * y + c1 * q1 + c2 * q2;
    p2 += a21 * p1 + b2 * ux;
    q2 += a21 * q1 + b2 * uy;
    p1 = a11 * p1 + a21 * ux;
    q1 = a11 * q1 + a21 * uy;
  }
  st[sa] = p1 < FLUSH && p1 > -FLUSH ? 0 : p1;
  st[sa + 1] = p2 < FLUSH && p2 > -FLUSH ? 0 : p2;
  st[sb] = q1 < FLUSH && q1 > -FLUSH ? 0 : q1;
  st[sb + 1] = q2 < FLUSH && q2 > -FLUSH ? 0 : q2;
}

/**
 * Two SVF sections in series (section r, then section r2 of possibly another coefficient
 * array), stereo, in one pass: four interleaved recurrences. States: sa/sb for the first
 * section's two channels, ta/tb for the second's.
 */
export function runSvf2x2(
  c: Float64Array,
  r: number,
  st: Float64Array,
  sa: number,
  sb: number,
  e: Float64Array,
  r2: number,
  et: Float64Array,
  ta: number,
  tb: number,
  bufA: Float64Array,
  bufB: Float64Array,
  n: number,
): void {
  if (c[r + OB_OK] !== 1 || e[r2 + OB_OK] !== 1) {
    runSvf2x2StateSpace(c, r, st, sa, sb, e, r2, et, ta, tb, bufA, bufB, n);
    return;
  }
  toObservable(c, r, st, sa);
  toObservable(c, r, st, sb);
  toObservable(e, r2, et, ta);
  toObservable(e, r2, et, tb);
  const d = c[r + 11];
  const a1 = c[r + OB_A1];
  const a2 = c[r + OB_A2];
  const b1 = c[r + OB_B1];
  const b2 = c[r + OB_B2];
  const ed = e[r2 + 11];
  const e1 = e[r2 + OB_A1];
  const e2 = e[r2 + OB_A2];
  const f1 = e[r2 + OB_B1];
  const f2 = e[r2 + OB_B2];
  let p1 = st[sa];
  let p2 = st[sa + 1];
  let q1 = st[sb];
  let q2 = st[sb + 1];
  let v1 = et[ta];
  let v2 = et[ta + 1];
  let w1 = et[tb];
  let w2 = et[tb + 1];
  for (let i = 0; i < n; i++) {
    const x = bufA[i];
    const y = bufB[i];
    const x1 = d * x + p1;
    const y1 = d * y + q1;
    const tp = b1 * x + p2 - a1 * p1;
    const tq = b1 * y + q2 - a1 * q1;
    p2 = b2 * x - a2 * p1;
    q2 = b2 * y - a2 * q1;
    p1 = tp;
    q1 = tq;
    bufA[i] = ed * x1 + v1;
    bufB[i] = ed * y1 + w1;
    const tv = f1 * x1 + v2 - e1 * v1;
    const tw = f1 * y1 + w2 - e1 * w1;
    v2 = f2 * x1 - e2 * v1;
    w2 = f2 * y1 - e2 * w1;
    v1 = tv;
    w1 = tw;
  }
  st[sa] = p1;
  st[sa + 1] = p2;
  st[sb] = q1;
  st[sb + 1] = q2;
  et[ta] = v1;
  et[ta + 1] = v2;
  et[tb] = w1;
  et[tb + 1] = w2;
  fromObservable(c, r, st, sa);
  fromObservable(c, r, st, sb);
  fromObservable(e, r2, et, ta);
  fromObservable(e, r2, et, tb);
}

function runSvf2x2StateSpace(
  c: Float64Array,
  r: number,
  st: Float64Array,
  sa: number,
  sb: number,
  e: Float64Array,
  r2: number,
  et: Float64Array,
  ta: number,
  tb: number,
  bufA: Float64Array,
  bufB: Float64Array,
  n: number,
): void {
  const a11 = c[r + 6];
  const a21 = c[r + 8];
  const b2 = c[r + 10];
  const dd = c[r + 11];
  const c1 = c[r + 12];
  const c2 = c[r + 13];
  const e11 = e[r2 + 6];
  const e21 = e[r2 + 8];
  const f2 = e[r2 + 10];
  const ed = e[r2 + 11];
  const g1 = e[r2 + 12];
  const g2 = e[r2 + 13];
  let p1 = st[sa];
  let p2 = st[sa + 1];
  let q1 = st[sb];
  let q2 = st[sb + 1];
  let v1 = et[ta];
  let v2 = et[ta + 1];
  let w1 = et[tb];
  let w2 = et[tb + 1];
  for (let i = 0; i < n; i++) {
    const x = bufA[i];
    const y = bufB[i];
    const ux = x - p2;
    const uy = y - q2;
    const x1 = dd * x + c1 * p1 + c2 * p2;
    const y1 = dd * y + c1 * q1 + c2 * q2;
    p2 += a21 * p1 + b2 * ux;
    q2 += a21 * q1 + b2 * uy;
    p1 = a11 * p1 + a21 * ux;
    q1 = a11 * q1 + a21 * uy;
    const vx = x1 - v2;
    const vy = y1 - w2;
    bufA[i] = ed * x1 + g1 * v1 + g2 * v2;
    bufB[i] = ed * y1 + g1 * w1 + g2 * w2;
    v2 += e21 * v1 + f2 * vx;
    w2 += e21 * w1 + f2 * vy;
    v1 = e11 * v1 + e21 * vx;
    w1 = e11 * w1 + e21 * vy;
  }
  st[sa] = p1 < FLUSH && p1 > -FLUSH ? 0 : p1;
  st[sa + 1] = p2 < FLUSH && p2 > -FLUSH ? 0 : p2;
  st[sb] = q1 < FLUSH && q1 > -FLUSH ? 0 : q1;
  st[sb + 1] = q2 < FLUSH && q2 > -FLUSH ? 0 : q2;
  et[ta] = v1 < FLUSH && v1 > -FLUSH ? 0 : v1;
  et[ta + 1] = v2 < FLUSH && v2 > -FLUSH ? 0 : v2;
  et[tb] = w1 < FLUSH && w1 > -FLUSH ? 0 : w1;
  et[tb + 1] = w2 < FLUSH && w2 > -FLUSH ? 0 : w2;
}
