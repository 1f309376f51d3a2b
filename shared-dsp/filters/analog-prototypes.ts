/**
 * Analog prototypes of the gain-type EQ bands, as magnitudes at x = f / f0.
 * Convention (used by every design in this folder): A = 10^(dB/40), Q as given.
 *
 * Bell (the notes' prototype):  H(s) = (s^2 + s A/Q + 1) / (s^2 + s/(A Q) + 1)
 *   |H|^2 = ((1-x^2)^2 + (x A/Q)^2) / ((1-x^2)^2 + (x/(A Q))^2); gain A^2 (= dB) at f0.
 * Low shelf (R. Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter coefficients",
 * analog prototype with the Q form of the shelf slope):
 *   H(s) = A (s^2 + (sqrt(A)/Q) s + A) / (A s^2 + (sqrt(A)/Q) s + 1)
 *   gain A^2 (= dB) at DC, 1 at high frequencies, A (= dB/2) at f0; Q = 1/sqrt 2 has no overshoot.
 * High shelf (same source): H(s) = A (A s^2 + (sqrt(A)/Q) s + 1) / (s^2 + (sqrt(A)/Q) s + A)
 *   gain 1 at DC, A^2 at high frequencies, A at f0.
 * All three satisfy H_{-dB}(s) = 1 / H_{+dB}(s), the fact the cut designs rely on.
 */

export function bellMagnitude(x: number, A: number, q: number): number {
  const u = 1 - x * x;
  const u2 = u * u;
  const zn = (x * A) / q;
  const pd = x / (A * q);
  return Math.sqrt((u2 + zn * zn) / (u2 + pd * pd));
}

export function lowShelfMagnitude(x: number, A: number, q: number): number {
  const x2 = x * x;
  const c = (A * x2) / (q * q);
  const nr = A - x2;
  const dr = 1 - A * x2;
  return A * Math.sqrt((nr * nr + c) / (dr * dr + c));
}

export function highShelfMagnitude(x: number, A: number, q: number): number {
  const x2 = x * x;
  const c = (A * x2) / (q * q);
  const nr = 1 - A * x2;
  const dr = A - x2;
  return A * Math.sqrt((nr * nr + c) / (dr * dr + c));
}

/** The tilt band's first-order prototype H(s) = (T s + 1)/(s + T), T = 10^(dB/40). */
export function tiltMagnitude(x: number, T: number): number {
  const x2 = x * x;
  return Math.sqrt((T * T * x2 + 1) / (x2 + T * T));
}

/** A = 10^(dB/40): the amplitude square root of a band gain. */
export function dbToA(db: number): number {
  return Math.pow(10, db / 40);
}
