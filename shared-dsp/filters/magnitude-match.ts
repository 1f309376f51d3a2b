/**
 * Magnitude matching with fixed (impulse-invariant) poles, after M. Vicanek,
 * "Matched Second Order Digital Filters" (2016). A biquad's squared magnitude is
 *   |H(e^{jw})|^2 = (B0 phi0 + B1 phi1 + B2 phi2) / (A0 phi0 + A1 phi1 + A2 phi2)
 *   phi1 = sin^2(w/2), phi0 = 1 - phi1, phi2 = 4 phi0 phi1,
 *   A0 = (1 + a1 + a2)^2 = P^2, A1 = (1 - a1 + a2)^2 = M^2, A2 = -4 a2   (same for B from b).
 * B0 is set by the DC gain; B1 and B2 by two more points where the analog magnitude is met.
 * (Vicanek's peaking EQ uses the centre gain plus a zero slope there; the second point used
 * here, halfway from the centre to Nyquist, measured about half his error at 44.1 kHz.)
 * Writing p = phi1 and the match N(p) = t D(p) at p = pa, pb:
 *   B1 + 4 B2 (1 - p) = r(p) = (t - h0^2) A0 (1 - p)/p + t (A1 + 4 A2 (1 - p))
 *   => B2 = (ra - rb) / (4 (pb - pa)),  B1 = ra - 4 B2 (1 - pa)
 * and the numerator follows from b0 + b1 + b2 = sqrt(B0), b0 - b1 + b2 = sqrt(B1),
 * b0 - b2 = sqrt(W^2 + B2), W = (sqrt(B0) + sqrt(B1))/2 (Vicanek's solution, taking the
 * larger root of b0: the numerator is then minimum phase whenever W^2 + B2 > 0, which is what
 * lets a cut be the reciprocal of a boost).
 */
import { matchedPoles, POLES } from './matched-poles.js';
import { pushDigitalSection } from './svf-section.js';

/** Scratch of the last match: [A0, A1, A2, B0, B1, B2]. */
export const MATCH = new Float64Array(6);

/**
 * Append one matched section: poles of s^2 + s wp/qp + wp^2, DC magnitude h0 (> 0), squared
 * magnitudes ta at wa and tb at wb (0 < wa < wb < pi). Returns false, writing nothing, when the
 * targets are not attainable by a minimum-phase numerator with these poles.
 */
export function pushMatchedSection(d: Float64Array, wp: number, qp: number, h0: number, wa: number, ta: number, wb: number, tb: number): boolean {
  matchedPoles(wp, qp);
  const P = POLES[0];
  const M = POLES[1];
  const A0 = P * P;
  const A1 = M * M;
  const A2 = -4 * POLES[3];
  const h02 = h0 * h0;
  const sa = Math.sin(0.5 * wa);
  const sb = Math.sin(0.5 * wb);
  const pa = sa * sa;
  const pb = sb * sb;
  const qa = 1 - pa;
  const qb = 1 - pb;
  const ra = ((ta - h02) * A0 * qa) / pa + ta * (A1 + 4 * A2 * qa);
  const rb = ((tb - h02) * A0 * qb) / pb + tb * (A1 + 4 * A2 * qb);
  const B2 = (ra - rb) / (4 * (pb - pa));
  const B1 = ra - 4 * B2 * qa;
  MATCH[0] = A0;
  MATCH[1] = A1;
  MATCH[2] = A2;
  MATCH[3] = A0 * h02;
  MATCH[4] = B1;
  MATCH[5] = B2;
  if (!(B1 > 0)) return false;
  const sum = h0 * P;
  const diff = Math.sqrt(B1);
  const W = 0.5 * (sum + diff);
  const disc = W * W + B2;
  if (!(disc > 0) || !(disc < Infinity)) return false;
  pushDigitalSection(d, P, M, POLES[2], sum, diff, Math.sqrt(disc));
  return true;
}
