/**
 * Second-order shelving filters for the reverb's decay filters, and the biquad helpers around
 * them. Coefficients are stored normalised (a0 = 1) as five numbers [b0, b1, b2, a1, a2] at an
 * offset in a Float64Array, so a whole network's filters live in one array.
 *
 * Shelf design: R. Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter coefficients"
 * (bilinear transform with pre-warped f0; f0 is the midpoint of the shelf in dB), with slope
 * S = 1: alpha = sin(w0)/2 * sqrt((A + 1/A)(1/S - 1) + 2) = sin(w0)/sqrt(2), the steepest shelf
 * that stays monotonic. A = 10^(dBgain/40).
 */

/** sin and cos of w0 = 2 pi f0 / fs, computed once per sample rate */
export interface ShelfCorner {
  cos: number;
  sin: number;
}

export function shelfCorner(f0: number, sampleRate: number): ShelfCorner {
  const w0 = (2 * Math.PI * f0) / sampleRate;
  return { cos: Math.cos(w0), sin: Math.sin(w0) };
}

/** RBJ low shelf (cookbook), numerator scaled by `scale`, written to c[o..o+4]. */
export function designLowShelf(c: Float64Array, o: number, k: ShelfCorner, gainDb: number, scale: number): void {
  const A = Math.pow(10, gainDb / 40);
  const cs = k.cos;
  const sa = 2 * Math.sqrt(A) * (k.sin * Math.SQRT1_2); // 2 sqrt(A) alpha
  const ap = A + 1;
  const am = A - 1;
  const a0 = ap + am * cs + sa;
  const g = scale / a0;
  c[o] = A * (ap - am * cs + sa) * g;
  c[o + 1] = 2 * A * (am - ap * cs) * g;
  c[o + 2] = A * (ap - am * cs - sa) * g;
  c[o + 3] = (-2 * (am + ap * cs)) / a0;
  c[o + 4] = (ap + am * cs - sa) / a0;
}

/** RBJ high shelf (cookbook), numerator scaled by `scale`, written to c[o..o+4]. */
export function designHighShelf(c: Float64Array, o: number, k: ShelfCorner, gainDb: number, scale: number): void {
  const A = Math.pow(10, gainDb / 40);
  const cs = k.cos;
  const sa = 2 * Math.sqrt(A) * (k.sin * Math.SQRT1_2);
  const ap = A + 1;
  const am = A - 1;
  const a0 = ap - am * cs + sa;
  const g = scale / a0;
  c[o] = A * (ap + am * cs + sa) * g;
  c[o + 1] = -2 * A * (am + ap * cs) * g;
  c[o + 2] = A * (ap + am * cs - sa) * g;
  c[o + 3] = (2 * (am - ap * cs)) / a0;
  c[o + 4] = (ap - am * cs - sa) / a0;
}

/** RBJ 2nd-order Butterworth low-pass (Q = 1/sqrt 2) at f0. */
export function designLowPass(c: Float64Array, o: number, f0: number, sampleRate: number): void {
  const w0 = (2 * Math.PI * f0) / sampleRate;
  const cs = Math.cos(w0);
  const alpha = Math.sin(w0) * Math.SQRT1_2; // sin(w0) / (2 Q), Q = 1/sqrt(2)
  const a0 = 1 + alpha;
  c[o] = (1 - cs) / 2 / a0;
  c[o + 1] = (1 - cs) / a0;
  c[o + 2] = (1 - cs) / 2 / a0;
  c[o + 3] = (-2 * cs) / a0;
  c[o + 4] = (1 - alpha) / a0;
}

/** RBJ 2nd-order Butterworth high-pass (Q = 1/sqrt 2) at f0. */
export function designHighPass(c: Float64Array, o: number, f0: number, sampleRate: number): void {
  const w0 = (2 * Math.PI * f0) / sampleRate;
  const cs = Math.cos(w0);
  const alpha = Math.sin(w0) * Math.SQRT1_2;
  const a0 = 1 + alpha;
  c[o] = (1 + cs) / 2 / a0;
  c[o + 1] = -(1 + cs) / a0;
  c[o + 2] = (1 + cs) / 2 / a0;
  c[o + 3] = (-2 * cs) / a0;
  c[o + 4] = (1 - alpha) / a0;
}

/** |H(e^jw)| in dB of the biquad at c[o..o+4], at frequency f. */
export function biquadDb(c: ArrayLike<number>, o: number, f: number, sampleRate: number): number {
  const w = (2 * Math.PI * f) / sampleRate;
  const c1 = Math.cos(w);
  const s1 = Math.sin(w);
  const c2 = Math.cos(2 * w);
  const s2 = Math.sin(2 * w);
  const nr = c[o] + c[o + 1] * c1 + c[o + 2] * c2;
  const ni = -(c[o + 1] * s1 + c[o + 2] * s2);
  const dr = 1 + c[o + 3] * c1 + c[o + 4] * c2;
  const di = -(c[o + 3] * s1 + c[o + 4] * s2);
  return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
}
