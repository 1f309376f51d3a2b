/**
 * Trapezoidal state-variable filter: the design of the correlation meter's optional low-pass, which
 * runs the section inline in its loop; also the corner prewarp and the denormal flush every imager
 * filter uses (the crossovers are DF1 sections, df1.ts: fewer operations per output).
 *
 * A. Simper, "Linear Trapezoidal Integrated SVF" / "Solving the continuous SVF equations using
 * trapezoidal integration and equivalent currents", Cytomic technical papers (2013):
 *   g = tan(pi fc / fs), k = 1 / Q
 *   a1 = 1 / (1 + g (g + k)), a2 = g a1
 *   v3 = x - ic2;  v1 = a1 ic1 + a2 v3;  v2 = ic2 + g v1
 *   ic1 = 2 v1 - ic1;  ic2 = 2 v2 - ic2
 * (v2 = ic2 + g v1 is the same as the paper's ic2 + a2 ic1 + a3 v3 with a3 = g a2, in fewer
 * operations.)
 *   low = v2, band = v1, high = x - k v1 - v2, allpass = x - 2 k v1
 * Trapezoidal integration is the bilinear transform with the corner prewarped by g, so every
 * identity of the analog prototypes (e.g. Linkwitz-Riley low + high = allpass) holds in the
 * digital filter up to rounding; the structure also stays well-behaved while its coefficients
 * change (the reason the references recommend it for modulated filters).
 *
 * Layout: a section's coefficients are 3 numbers [a1, a2, g] at c[co..], its state 2 numbers
 * [ic1, ic2] at st[so..]. The damping k is passed separately (it is fixed by the filter type).
 */

/** Highest corner used: below fs/2 the prewarp tan() stays finite. */
export const MAX_CORNER_RATIO = 0.45;

/** g = tan(pi f / fs) for a corner clamped to (0, 0.45 fs]. */
export function prewarp(freq: number, sampleRate: number): number {
  let f = freq;
  const top = MAX_CORNER_RATIO * sampleRate;
  if (!(f > 1e-3)) f = 1e-3;
  if (f > top) f = top;
  return Math.tan((Math.PI * f) / sampleRate);
}

/** Write the coefficients of one section: Simper's a1, a2 and the prewarped g. */
export function svfDesign(c: Float64Array, co: number, g: number, k: number): void {
  const a1 = 1 / (1 + g * (g + k));
  c[co] = a1;
  c[co + 1] = g * a1;
  c[co + 2] = g;
}

/** Flush state that has decayed into the denormal range. */
export function flush(x: number): number {
  return Math.abs(x) < 1e-30 ? 0 : x;
}

/**
 * Flush every value of st[from, to) that has decayed into the denormal range (no return value, so
 * no boxing of doubles when not inlined). The test is on |x|, a branch almost never taken (a test
 * of x < 1e-30 first would branch on the sign of the signal, half of the time mispredicted).
 */
export function flushRange(st: Float64Array, from: number, to: number): void {
  for (let k = from; k < to; k++) if (Math.abs(st[k]) < 1e-30) st[k] = 0;
}
