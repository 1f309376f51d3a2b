/**
 * Second-order allpass and high-pass sections in direct form I, for the places where the imager
 * needs only one output of a section (mid allpasses, tree compensation allpasses, the bass-mono
 * high-pass; the cascades run inline in linkwitz-riley.ts, bass-mono.ts and band-tree.ts). They cost 6 to 8 operations per sample against 12 to 14 for a trapezoidal SVF
 * section with the same output; the state is past inputs and outputs, so a corner that steps
 * every 32 frames along a ramp only perturbs the output in proportion to the step.
 *
 * Both are the bilinear transform (corner prewarped with g = tan(pi fc/fs)) of the analog
 * prototypes, exactly like the SVF sections (svf.ts), so they have the same transfer functions:
 *   allpass (s^2 - k s + 1)/(s^2 + k s + 1), high-pass s^2/(s^2 + k s + 1)
 *   with s = (1/g)(1 - z^-1)/(1 + z^-1):
 *   D = 1 + k g + g^2,  a1 = 2 (g^2 - 1)/D,  a2 = (1 - k g + g^2)/D
 *   allpass:   H(z) = (a2 + a1 z^-1 + z^-2)/(1 + a1 z^-1 + a2 z^-2)
 *              y = a2 (x - y[n-2]) + a1 (x[n-1] - y[n-1]) + x[n-2]
 *              (numerator = mirrored denominator: |H| = 1 for any coefficient values)
 *   high-pass: H(z) = b0 (1 - 2 z^-1 + z^-2)/(1 + a1 z^-1 + a2 z^-2), b0 = 1/D
 *              y = b0 (x - 2 x[n-1] + x[n-2]) - a1 y[n-1] - a2 y[n-2]
 *
 * Coefficients: [a1, a2, b0] (3 numbers). State: the input history (x1, x2) and the output
 * history (y1, y2) are two separate pairs, so in a cascade a section's output pair is the next
 * section's input pair: one pair per node. A cascade must then run sample by sample (the fused
 * loops, df1AllpassChain): a section run over a whole block before the next would overwrite the
 * history the next section still has to start from.
 */

export const DF1_COEFS = 3;

/** Coefficients [a1, a2, b0] for prewarped corner g and damping k. */
export function df1Design(c: Float64Array, co: number, g: number, k: number): void {
  const g2 = g * g;
  const inv = 1 / (1 + k * g + g2);
  c[co] = 2 * (g2 - 1) * inv;
  c[co + 1] = (1 - k * g + g2) * inv;
  c[co + 2] = inv;
}

/** In place allpass; input history at st[xo], st[xo + 1], output history at st[yo], st[yo + 1]. */
export function df1Allpass(buf: Float64Array, n: number, c: Float64Array, co: number, st: Float64Array, xo: number, yo: number): void {
  const a1 = c[co], a2 = c[co + 1];
  let x1 = st[xo], x2 = st[xo + 1], y1 = st[yo], y2 = st[yo + 1];
  for (let i = 0; i < n; i++) {
    const x = buf[i];
    const y = a2 * (x - y2) + a1 * (x1 - y1) + x2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    buf[i] = y;
  }
  st[xo] = x1;
  st[xo + 1] = x2;
  st[yo] = flushTiny(y1);
  st[yo + 1] = flushTiny(y2);
}

/**
 * In place: a cascade of `count` allpass sections run sample by sample, section j with
 * coefficients at c[co + j stride] and node histories at st[so + 2j] (node 0 = input).
 * General and slower than the fused loops; for paths that are not hot.
 */
export function df1AllpassChain(buf: Float64Array, n: number, c: Float64Array, co: number, stride: number, count: number, st: Float64Array, so: number): void {
  for (let i = 0; i < n; i++) {
    let x = buf[i];
    for (let j = 0; j < count; j++) {
      const a1 = c[co + j * stride], a2 = c[co + j * stride + 1];
      const xi = so + 2 * j, yi = xi + 2;
      const y = a2 * (x - st[yi + 1]) + a1 * (st[xi] - st[yi]) + st[xi + 1];
      st[xi + 1] = st[xi];
      st[xi] = x;
      x = y;
    }
    const last = so + 2 * count;
    st[last + 1] = st[last];
    st[last] = x;
    buf[i] = x;
  }
  for (let k = so + 2; k <= so + 2 * count + 1; k++) st[k] = flushTiny(st[k]);
}

/** Flush recursive state that has decayed into the denormal range. */
export function flushTiny(x: number): number {
  return x > 1e-30 || x < -1e-30 ? x : 0;
}
