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
 * Every section is a direct-form-I biquad (df1.ts), the bilinear transform of the prototype with
 * the corner prewarped, so the identities above hold in the digital filters up to rounding. The
 * LR4 split takes its high side as (allpass - low): low = LP(LP(x)) and the allpass section run
 * on the same input, so low + high equals the allpass by construction (3 sections, where a high
 * side of its own would need 2 more).
 *
 * Coefficients of an LR4 corner: one DF1 section [a1 a2 bh bl] (LR4_COEFS = 4).
 * Coefficients of an LR8 corner: [DF1 k1 section, DF1 k2 section] (LR8_COEFS = 8).
 */
import { DF1_COEFS, DF1_STATE, df1Allpass, df1Design, df1DesignAt, df1Lowpass, flushTiny } from './df1.js';
import { prewarp } from './svf.js';

/** damping of the 2nd-order Butterworth section: k = 1/Q = sqrt 2 */
export const BUTTER2_K = Math.SQRT2;
/** dampings of the two 4th-order Butterworth sections */
export const BUTTER4_K1 = 2 * Math.cos(Math.PI / 8);
export const BUTTER4_K2 = 2 * Math.cos((3 * Math.PI) / 8);

export const LR4_COEFS = DF1_COEFS;
/** LR4 split run as a block: allpass, low-pass, low-pass sections, [x1 x2 y1 y2] each */
export const LR4_SPLIT_STATE = 3 * DF1_STATE;
/** LR4 allpass run as a block */
export const LR4_ALLPASS_STATE = DF1_STATE;
export const LR8_COEFS = 2 * DF1_COEFS;
/** LR8 high-pass: 4 cascaded DF1 sections, 5 history pairs */
export const LR8_HIGHPASS_STATE = 10;
/** LR8 allpass: 2 cascaded DF1 sections, 3 history pairs */
export const LR8_ALLPASS_STATE = 6;

/** LR4 corner coefficients (the Butterworth-2 section). */
export function lr4Design(c: Float64Array, co: number, freq: number, sampleRate: number): void {
  df1Design(c, co, prewarp(freq, sampleRate), BUTTER2_K);
}

/** LR8 corner coefficients: the two Butterworth-4 sections [k1 section, k2 section]. */
export function lr8Design(c: Float64Array, co: number, freq: number, sampleRate: number): void {
  const g = prewarp(freq, sampleRate);
  df1Design(c, co, g, BUTTER4_K1);
  df1Design(c, co + DF1_COEFS, g, BUTTER4_K2);
}

/** lr4Design for the corner f[fi] (array in, nothing boxed: df1DesignAt). */
export function lr4DesignAt(c: Float64Array, co: number, f: Float64Array, fi: number, sampleRate: number): void {
  df1DesignAt(c, co, f, fi, sampleRate, BUTTER2_K);
}

/** lr8Design for the corner f[fi] (array in, nothing boxed: df1DesignAt). */
export function lr8DesignAt(c: Float64Array, co: number, f: Float64Array, fi: number, sampleRate: number): void {
  df1DesignAt(c, co, f, fi, sampleRate, BUTTER4_K1);
  df1DesignAt(c, co + DF1_COEFS, f, fi, sampleRate, BUTTER4_K2);
}

/**
 * LR4 split: lo = LP(LP(x)), hi = AP(x) - lo (= HP(HP(x)) by the identity above).
 * x may be the same array as lo or hi (each sample is read before it is written); lo and hi must
 * differ. State: LR4_SPLIT_STATE numbers at st[so..].
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
  if (hi !== x) {
    for (let i = 0; i < n; i++) hi[i] = x[i];
    df1Allpass(hi, n, c, co, st, so);
    df1Lowpass(x, lo, n, c, co, st, so + DF1_STATE);
  } else {
    df1Lowpass(x, lo, n, c, co, st, so + DF1_STATE);
    df1Allpass(hi, n, c, co, st, so);
  }
  df1Lowpass(lo, lo, n, c, co, st, so + 2 * DF1_STATE);
  for (let i = 0; i < n; i++) hi[i] -= lo[i];
}

/** In place: the LR4 sum allpass (s^2 - sqrt2 s + 1)/(s^2 + sqrt2 s + 1); LR4_ALLPASS_STATE at st[so..]. */
export function lr4Allpass(buf: Float64Array, n: number, c: Float64Array, co: number, st: Float64Array, so: number): void {
  df1Allpass(buf, n, c, co, st, so);
}

/** In place: LR8 high side s^8/B4^2, four DF1 high-pass sections (k1, k2, k1, k2). */
export function lr8Highpass(buf: Float64Array, n: number, c: Float64Array, co: number, st: Float64Array, so: number): void {
  const a1 = c[co], a2 = c[co + 1], a0 = c[co + 2];
  const b1 = c[co + DF1_COEFS], b2 = c[co + DF1_COEFS + 1], b0 = c[co + DF1_COEFS + 2];
  // history pairs of the 5 nodes: input, after sections 1..4
  let x1 = st[so], x2 = st[so + 1], p1 = st[so + 2], p2 = st[so + 3], q1 = st[so + 4], q2 = st[so + 5];
  let r1 = st[so + 6], r2 = st[so + 7], u1 = st[so + 8], u2 = st[so + 9];
  for (let i = 0; i < n; i++) {
    const x = buf[i];
    const p = a0 * (x + (x2 - 2 * x1)) - (a1 * p1 + a2 * p2);
    x2 = x1;
    x1 = x;
    const q = b0 * (p + (p2 - 2 * p1)) - (b1 * q1 + b2 * q2);
    p2 = p1;
    p1 = p;
    const r = a0 * (q + (q2 - 2 * q1)) - (a1 * r1 + a2 * r2);
    q2 = q1;
    q1 = q;
    const u = b0 * (r + (r2 - 2 * r1)) - (b1 * u1 + b2 * u2);
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

/** In place: the LR8 sum allpass B4(-s)/B4(s), two DF1 allpass sections (k1, k2), run sample by sample. */
export function lr8Allpass(buf: Float64Array, n: number, c: Float64Array, co: number, st: Float64Array, so: number): void {
  const a1 = c[co], a2 = c[co + 1];
  const b1 = c[co + DF1_COEFS], b2 = c[co + DF1_COEFS + 1];
  // history pairs of the 3 nodes: input, after section 1, after section 2
  let x1 = st[so], x2 = st[so + 1], y1 = st[so + 2], y2 = st[so + 3], z1 = st[so + 4], z2 = st[so + 5];
  for (let i = 0; i < n; i++) {
    const x = buf[i];
    const y = a2 * (x - y2) + (x2 + a1 * (x1 - y1));
    x2 = x1;
    x1 = x;
    const z = b2 * (y - z2) + (y2 + b1 * (y1 - z1));
    y2 = y1;
    y1 = y;
    z2 = z1;
    z1 = z;
    buf[i] = z;
  }
  st[so] = x1;
  st[so + 1] = x2;
  st[so + 2] = flushTiny(y1);
  st[so + 3] = flushTiny(y2);
  st[so + 4] = flushTiny(z1);
  st[so + 5] = flushTiny(z2);
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
