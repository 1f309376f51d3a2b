/**
 * Tilt: a first-order shelving tilt around f0. Definition used here:
 *   H(s) = (T s + 1) / (s + T),  s normalised to f0,  T = 10^(dB/40)
 * so the gain is -dB/2 at DC, 0 dB at f0 and +dB/2 at high frequencies (for dB > 0 the top
 * goes up and the bottom down), with the same 1st-order slope both sides.
 * Realised as a trapezoidal one-pole (Zavalishin, "The Art of VA Filter Design", ch. 3) at the
 * pole s = -T: with s' = s / T, H = (1/T + T s') / (1 + s'), i.e. y = lp/T + T hp and
 * g = T tan(w0/2) (bilinear prewarped at f0: exactly 0 dB at f0, -dB/2 at DC and +dB/2 at
 * Nyquist).
 */
import { setOnePole } from './filter-design.js';

export function setTilt(d: Float64Array, w0: number, db: number): void {
  const T = Math.pow(10, db / 40);
  setOnePole(d, T * Math.tan(0.5 * w0), 1 / T, T);
}
