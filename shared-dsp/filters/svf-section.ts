/**
 * Converting digital biquads into the trapezoidal SVF form of filter-design.ts.
 *
 * With s = (1/g)(1 - z^-1)/(1 + z^-1), the denominator s^2 + k s + 1 becomes
 * (1 + g k + g^2) + 2 (g^2 - 1) z^-1 + (1 - g k + g^2) z^-2, so for a digital denominator
 * 1 + a1 z^-1 + a2 z^-2 (bilinear algebra as in Simper's SVF papers):
 *   P = 1 + a1 + a2 = g^2 M,  M = 1 - a1 + a2 = 4 / (1 + g k + g^2),  1 - a2 = g k M / 2
 *   => g = sqrt(P / M), k = 2 (1 - a2) / (g M).
 * The numerator b0 + b1 z^-1 + b2 z^-2 (same normalisation) gives the analog-normalised
 *   n0 = (b0 + b1 + b2) / P,  n2 = (b0 - b1 + b2) / M,  n1 = 2 (b0 - b2) / (g M).
 * Callers pass P, M and 1 - a2 computed without cancellation (see matched-poles.ts).
 */
import { pushSection, D_COUNT, D_SECTIONS, SECTION_STRIDE } from './filter-design.js';

/**
 * Append the section with denominator (P, M, 1 - a2) and numerator sums
 * sumN = b0 + b1 + b2, diffN = b0 - b1 + b2, oddN = b0 - b2.
 */
export function pushDigitalSection(d: Float64Array, P: number, M: number, oneMinusA2: number, sumN: number, diffN: number, oddN: number): void {
  const g = Math.sqrt(P / M);
  const k = (2 * oneMinusA2) / (g * M);
  pushSection(d, g, k, sumN / P, (2 * oddN) / (g * M), diffN / M);
}

/**
 * Replace section i by its reciprocal (poles and zeros swapped). With
 * H = (n2 s^2 + n1 s + n0)/(s^2 + k s + 1) and s = c s', c = sqrt(n0/n2):
 *   1/H = (1/n0) (c^2 s'^2 + k c s' + 1) / (s'^2 + (n1 c / n0) s' + 1),  g' = g c.
 * Stable when n0, n1, n2 > 0, i.e. when the original numerator is minimum phase.
 */
export function invertSection(d: Float64Array, i: number): void {
  const o = D_SECTIONS + SECTION_STRIDE * i;
  const g = d[o];
  const k = d[o + 1];
  const n2 = d[o + 2];
  const n1 = d[o + 3] + k * n2;
  const n0 = d[o + 4] + n2;
  const c = Math.sqrt(n0 / n2);
  const count = d[D_COUNT];
  d[D_COUNT] = i;
  pushSection(d, g * c, (n1 * c) / n0, 1 / n0, (k * c) / n0, 1 / n2);
  d[D_COUNT] = count;
}
