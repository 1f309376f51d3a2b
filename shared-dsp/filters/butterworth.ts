/**
 * Butterworth low cut (high-pass) and high cut (low-pass), orders 1..16, -3.01 dB at f0.
 * Analog poles on the unit circle: for even N, pairs at angles theta_k = (2k - 1) pi / (2N)
 * from the negative real axis (k = 1..N/2); for odd N, theta_k = k pi / N (k = 1..(N-1)/2)
 * plus a real pole at -1 (S. Butterworth, 1930; any filter text, e.g. Zolzer, DAFX 2nd ed. 2.2).
 * Each pair is s^2 + 2 cos(theta_k) s + 1, i.e. an SVF section with k = 2 cos(theta_k).
 * Discretised by the bilinear transform prewarped at f0 (g = tan(pi f0 / fs)): the -3 dB
 * point is exact; the response is compressed towards Nyquist (a high cut gets steeper there,
 * with a zero at Nyquist), which is harmless for cuts.
 */
import { pushSection, setOnePole } from './filter-design.js';

/** Filter order for each slope choice (6, 12, 18, 24, 36, 48, 72, 96 dB/oct). */
export const SLOPE_ORDERS: readonly number[] = [1, 2, 3, 4, 6, 8, 12, 16];

/** Append a Butterworth cut: highPass true for a low cut. w0 = 2 pi f0 / fs in (0, pi). */
export function pushButterworth(d: Float64Array, w0: number, order: number, highPass: boolean): void {
  const g = Math.tan(0.5 * w0);
  const odd = order & 1;
  const pairs = (order - odd) >> 1;
  for (let k = 1; k <= pairs; k++) {
    const theta = odd ? (k * Math.PI) / order : ((2 * k - 1) * Math.PI) / (2 * order);
    const kk = 2 * Math.cos(theta);
    if (highPass) pushSection(d, g, kk, 0, 0, 1); // s^2 / (s^2 + k s + 1)
    else pushSection(d, g, kk, 1, 0, 0); // 1 / (s^2 + k s + 1)
  }
  if (odd) {
    if (highPass) setOnePole(d, g, 0, 1); // s / (1 + s)
    else setOnePole(d, g, 1, 0); // 1 / (1 + s)
  }
}
