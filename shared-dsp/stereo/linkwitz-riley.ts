/**
 * Linkwitz-Riley crossovers.
 *
 * S. H. Linkwitz, "Active Crossover Networks for Noncoincident Drivers", JAES 24(1), 1976:
 * a Linkwitz-Riley crossover of order 2N is a Butterworth filter of order N applied twice on
 * each side. Its two outputs are -6 dB at the corner and add up to an allpass:
 *   LR4 (N = 2): low = 1/B2^2, high = s^4/B2^2, B2 = s^2 + sqrt2 s + 1,
 *                low + high = (s^4 + 1)/B2^2 = (s^2 - sqrt2 s + 1)/(s^2 + sqrt2 s + 1)
 *                (because B2(s) B2(-s) = s^4 + 1).
 *   LR8 (N = 4): low = 1/B4^2, high = s^8/B4^2, B4 = (s^2 + k1 s + 1)(s^2 + k2 s + 1),
 *                k1 = 2 cos(pi/8), k2 = 2 cos(3 pi/8); low + high = B4(-s)/B4(s), the allpass
 *                made of the two sections (s^2 - k s + 1)/(s^2 + k s + 1).
 *
 * The LR4 split runs on trapezoidal SVF sections (svf.ts) and takes the high side as
 * (allpass - low): the first Butterworth section gives the allpass output for free, so a split
 * costs two SVF sections and low + high equals the allpass by construction. Allpass-only and
 * high-pass-only filters use direct-form-I sections (df1.ts). All of them are the bilinear
 * transform of the prototypes with the same prewarped corner, so the identities above hold in
 * the digital filters up to rounding.
 *
 * Coefficients of an LR4 corner: [SVF a1 a2 g, DF1 allpass a1 a2 b0] (LR4_COEFS = 6).
 * Coefficients of an LR8 corner: [DF1 k1 section, DF1 k2 section] (LR8_COEFS = 6).
 */
import { df1Allpass, df1AllpassChain, df1Design, flushTiny } from './df1.js';
import { flush, prewarp, svfDesign } from './svf.js';

/** damping of the 2nd-order Butterworth section: k = 1/Q = sqrt 2 */
export const BUTTER2_K = Math.SQRT2;
/** dampings of the two 4th-order Butterworth sections */
export const BUTTER4_K1 = 2 * Math.cos(Math.PI / 8);
export const BUTTER4_K2 = 2 * Math.cos((3 * Math.PI) / 8);

export const LR4_COEFS = 6;
/** offset of the DF1 allpass coefficients inside an LR4 corner */
export const LR4_AP = 3;
export const LR4_SPLIT_STATE = 4;
export const LR8_COEFS = 6;
/** LR8 high-pass: 4 cascaded DF1 sections, 5 history pairs */
export const LR8_HIGHPASS_STATE = 10;
/** LR8 allpass: 2 cascaded DF1 sections, 3 history pairs */
export const LR8_ALLPASS_STATE = 6;

/** LR4 corner coefficients. */
export function lr4Design(c: Float64Array, co: number, freq: number, sampleRate: number): void {
  const g = prewarp(freq, sampleRate);
  svfDesign(c, co, g, BUTTER2_K);
  df1Design(c, co + LR4_AP, g, BUTTER2_K);
}

/** LR8 corner coefficients: the two Butterworth-4 sections [k1 section, k2 section]. */
export function lr8Design(c: Float64Array, co: number, freq: number, sampleRate: number): void {
  const g = prewarp(freq, sampleRate);
  df1Design(c, co, g, BUTTER4_K1);
  df1Design(c, co + 3, g, BUTTER4_K2);
}

/**
 * LR4 split: lo = LP(LP(x)), hi = AP(x) - lo (= HP(HP(x)) by the identity above).
 * x may be the same array as lo or hi (each sample is read before it is written).
 */
export function lr4Split(
  x: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
  n: number,
  c: Float64Array,
  co: number,
  st: Float64Array,
  so: number,
): void {
  const a1 = c[co], a2 = c[co + 1], g = c[co + 2];
  const k2 = 2 * BUTTER2_K;
  let p1 = st[so], p2 = st[so + 1], q1 = st[so + 2], q2 = st[so + 3];
  for (let i = 0; i < n; i++) {
    const v0 = x[i];
    // first Butterworth section on x: low (v2) and allpass outputs
    const v3 = v0 - p2;
    const v1 = a1 * p1 + a2 * v3;
    const v2 = p2 + g * v1;
    p1 = 2 * v1 - p1;
    p2 = 2 * v2 - p2;
    // second Butterworth section on the first one's low output
    const w3 = v2 - q2;
    const w1 = a1 * q1 + a2 * w3;
    const w2 = q2 + g * w1;
    q1 = 2 * w1 - q1;
    q2 = 2 * w2 - q2;
    lo[i] = w2;
    hi[i] = v0 - k2 * v1 - w2;
  }
  st[so] = flush(p1);
  st[so + 1] = flush(p2);
  st[so + 2] = flush(q1);
  st[so + 3] = flush(q2);
}

/**
 * In place: the LR4 sum allpass (s^2 - sqrt2 s + 1)/(s^2 + sqrt2 s + 1) as a DF1 section with its
 * input history at st[xo..xo+1] and output history at st[yo..yo+1].
 */
export function lr4Allpass(buf: Float64Array, n: number, c: Float64Array, co: number, st: Float64Array, xo: number, yo: number): void {
  df1Allpass(buf, n, c, co + LR4_AP, st, xo, yo);
}

/** In place: LR8 high side s^8/B4^2, four DF1 high-pass sections (k1, k2, k1, k2). */
export function lr8Highpass(buf: Float64Array, n: number, c: Float64Array, co: number, st: Float64Array, so: number): void {
  const a1 = c[co], a2 = c[co + 1], a0 = c[co + 2];
  const b1 = c[co + 3], b2 = c[co + 4], b0 = c[co + 5];
  // history pairs of the 5 nodes: input, after sections 1..4
  let x1 = st[so], x2 = st[so + 1], p1 = st[so + 2], p2 = st[so + 3], q1 = st[so + 4], q2 = st[so + 5];
  let r1 = st[so + 6], r2 = st[so + 7], u1 = st[so + 8], u2 = st[so + 9];
  for (let i = 0; i < n; i++) {
    const x = buf[i];
    const p = a0 * (x - 2 * x1 + x2) - a1 * p1 - a2 * p2;
    x2 = x1;
    x1 = x;
    const q = b0 * (p - 2 * p1 + p2) - b1 * q1 - b2 * q2;
    p2 = p1;
    p1 = p;
    const r = a0 * (q - 2 * q1 + q2) - a1 * r1 - a2 * r2;
    q2 = q1;
    q1 = q;
    const u = b0 * (r - 2 * r1 + r2) - b1 * u1 - b2 * u2;
    r2 = r1;
    r1 = r;
    u2 = u1;
    u1 = u;
    buf[i] = u;
  }
  st[so] = x1;
  st[so + 1] = x2;
  st[so + 2] = flushTiny(p1);
  st[so + 3] = flushTiny(p2);
  st[so + 4] = flushTiny(q1);
  st[so + 5] = flushTiny(q2);
  st[so + 6] = flushTiny(r1);
  st[so + 7] = flushTiny(r2);
  st[so + 8] = flushTiny(u1);
  st[so + 9] = flushTiny(u2);
}

/** In place: the LR8 sum allpass B4(-s)/B4(s), two DF1 allpass sections (k1, k2). */
export function lr8Allpass(buf: Float64Array, n: number, c: Float64Array, co: number, st: Float64Array, so: number): void {
  df1AllpassChain(buf, n, c, co, 3, 2, st, so);
}

/**
 * Magnitude of a digital Linkwitz-Riley side of order 2N at f (for displays and checks):
 * with x = tan(pi f/fs)/tan(pi fc/fs) (the bilinear frequency map), |low| = 1/(1 + x^(2N)),
 * |high| = x^(2N)/(1 + x^(2N)).
 */
export function lrMagnitude(order: 4 | 8, side: 'low' | 'high', freq: number, corner: number, sampleRate: number): number {
  const x = Math.tan((Math.PI * freq) / sampleRate) / prewarp(corner, sampleRate);
  const p = Math.pow(x, order);
  return side === 'low' ? 1 / (1 + p) : p / (1 + p);
}
