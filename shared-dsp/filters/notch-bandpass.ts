/**
 * Notch and band pass, bilinear transform prewarped at f0 (R. Bristow-Johnson, "Cookbook
 * formulae for audio EQ biquad filter coefficients": the notch is exactly -inf dB and the
 * band pass exactly 0 dB at f0; the bandwidth narrows near Nyquist, as bilinear designs do).
 *   notch:     H(s) = (s^2 + 1) / (s^2 + s/Q + 1)
 *   band pass: H(s) = (s/Q) / (s^2 + s/Q + 1)          (0 dB peak, constant skirt gain 1/Q)
 */
import { pushSection } from './filter-design.js';

export function pushNotch(d: Float64Array, w0: number, q: number): void {
  pushSection(d, Math.tan(0.5 * w0), 1 / q, 1, 0, 1);
}

export function pushBandPass(d: Float64Array, w0: number, q: number): void {
  pushSection(d, Math.tan(0.5 * w0), 1 / q, 0, 1 / q, 0);
}
