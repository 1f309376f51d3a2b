/**
 * Second-order allpass, low-pass and high-pass sections in direct form I: the building blocks of
 * every imager filter (Linkwitz-Riley splits and allpasses, the bass-mono LR8; the cascades run
 * inline in band-tree.ts and bass-mono.ts, the block functions here are their references). The
 * state is past inputs and outputs, so a corner that steps every 32 frames along a ramp only
 * perturbs the output in proportion to the step (at DC a low-pass keeps its output exactly, as
 * 1 + a1 + a2 = 4 bl), unlike direct form II whose state is scaled by 1/g^2.
 *
 * All are the bilinear transform (corner prewarped with g = tan(pi fc/fs)) of the analog
 * prototypes with denominator s^2 + k s + 1 (S. H. Linkwitz, JAES 24(1) 1976 for the
 * Butterworth dampings; R. Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter
 * coefficients", for the bilinear mapping), s = (1/g)(1 - z^-1)/(1 + z^-1):
 *   D = 1 + k g + g^2,  a1 = 2 (g^2 - 1)/D,  a2 = (1 - k g + g^2)/D
 *   allpass   (s^2 - k s + 1)/(s^2 + k s + 1):
 *             H(z) = (a2 + a1 z^-1 + z^-2)/(1 + a1 z^-1 + a2 z^-2)
 *             y = a2 (x - y[n-2]) + (x[n-2] + a1 (x[n-1] - y[n-1]))
 *             (numerator = mirrored denominator: |H| = 1 for any coefficient values)
 *   low-pass  1/(s^2 + k s + 1):   H(z) = bl (1 + z^-1)^2/(1 + a1 z^-1 + a2 z^-2), bl = g^2/D
 *             y = bl (x + (x[n-2] + 2 x[n-1])) - (a1 y[n-1] + a2 y[n-2])
 *   high-pass s^2/(s^2 + k s + 1): H(z) = bh (1 - z^-1)^2/(1 + a1 z^-1 + a2 z^-2), bh = 1/D
 *             y = bh (x + (x[n-2] - 2 x[n-1])) - (a1 y[n-1] + a2 y[n-2])
 * The grouping keeps the path from the new input x to y at three operations (what bounds the
 * speed of a cascade run sample by sample); the fused loops use the same expressions, so they
 * give the same bits as these references.
 *
 * Coefficients: [a1, a2, bh, bl] (DF1_COEFS numbers). State: the input history (x1, x2) and the
 * output history (y1, y2) are separate pairs; in a fused cascade a section's output pair is the
 * next section's input pair (one pair per node). A cascade run section after section over a whole
 * block needs its own pairs per section (the block functions here).
 */

export const DF1_COEFS = 4;
/** offsets inside a section's coefficients */
export const DF1_A1 = 0;
export const DF1_A2 = 1;
export const DF1_BH = 2;
export const DF1_BL = 3;
/** state of one block-run section: x1, x2, y1, y2 */
export const DF1_STATE = 4;

/** Coefficients [a1, a2, bh, bl] for prewarped corner g and damping k. */
export function df1Design(c: Float64Array, co: number, g: number, k: number): void {
  const g2 = g * g;
  const inv = 1 / (1 + k * g + g2);
  c[co] = 2 * (g2 - 1) * inv;
  c[co + 1] = (1 - k * g + g2) * inv;
  c[co + 2] = inv;
  c[co + 3] = g2 * inv;
}

/**
 * df1Design for the corner f[fi] Hz, prewarped as svf.ts prewarp does (clamped to (0, 0.45 fs]):
 * everything inline and the corner read from an array, so a per-chunk redesign boxes no double
 * (V8 boxes the doubles passed to or returned from calls it does not inline).
 */
export function df1DesignAt(c: Float64Array, co: number, f: Float64Array, fi: number, sampleRate: number, k: number): void {
  let fc = f[fi];
  const top = 0.45 * sampleRate;
  if (!(fc > 1e-3)) fc = 1e-3;
  if (fc > top) fc = top;
  const g = Math.tan((Math.PI * fc) / sampleRate);
  const g2 = g * g;
  const inv = 1 / (1 + k * g + g2);
  c[co] = 2 * (g2 - 1) * inv;
  c[co + 1] = (1 - k * g + g2) * inv;
  c[co + 2] = inv;
  c[co + 3] = g2 * inv;
}

/** In place allpass; state [x1, x2, y1, y2] at st[so..]. */
export function df1Allpass(buf: Float64Array, n: number, c: Float64Array, co: number, st: Float64Array, so: number): void {
  const a1 = c[co], a2 = c[co + 1];
  let x1 = st[so], x2 = st[so + 1], y1 = st[so + 2], y2 = st[so + 3];
  for (let i = 0; i < n; i++) {
    const x = buf[i];
    const y = a2 * (x - y2) + (x2 + a1 * (x1 - y1));
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    buf[i] = y;
  }
  st[so] = x1;
  st[so + 1] = x2;
  st[so + 2] = flushTiny(y1);
  st[so + 3] = flushTiny(y2);
}

/** y = low-pass of x (y may be x); state [x1, x2, y1, y2] at st[so..]. */
export function df1Lowpass(x: Float64Array, y: Float64Array, n: number, c: Float64Array, co: number, st: Float64Array, so: number): void {
  const a1 = c[co], a2 = c[co + 1], bl = c[co + 3];
  let x1 = st[so], x2 = st[so + 1], y1 = st[so + 2], y2 = st[so + 3];
  for (let i = 0; i < n; i++) {
    const v = x[i];
    const u = bl * (v + (x2 + 2 * x1)) - (a1 * y1 + a2 * y2);
    x2 = x1;
    x1 = v;
    y2 = y1;
    y1 = u;
    y[i] = u;
  }
  st[so] = x1;
  st[so + 1] = x2;
  st[so + 2] = flushTiny(y1);
  st[so + 3] = flushTiny(y2);
}

/** In place high-pass; state [x1, x2, y1, y2] at st[so..]. */
export function df1Highpass(buf: Float64Array, n: number, c: Float64Array, co: number, st: Float64Array, so: number): void {
  const a1 = c[co], a2 = c[co + 1], bh = c[co + 2];
  let x1 = st[so], x2 = st[so + 1], y1 = st[so + 2], y2 = st[so + 3];
  for (let i = 0; i < n; i++) {
    const x = buf[i];
    const y = bh * (x + (x2 - 2 * x1)) - (a1 * y1 + a2 * y2);
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    buf[i] = y;
  }
  st[so] = x1;
  st[so + 1] = x2;
  st[so + 2] = flushTiny(y1);
  st[so + 3] = flushTiny(y2);
}

/**
 * Flush recursive state that has decayed into the denormal range. One test on |x| (a branch that
 * is almost never taken): testing x > 1e-30 first would branch on the sign of the signal.
 */
export function flushTiny(x: number): number {
  return Math.abs(x) < 1e-30 ? 0 : x;
}
