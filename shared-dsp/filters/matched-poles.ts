/**
 * Impulse-invariant poles of s^2 + s w/q + w^2 (w in radians per sample), as in
 * M. Vicanek, "Matched Second Order Digital Filters" (2016), eq. for a1, a2:
 *   a1 = -2 e^{-w/(2q)} cos(w sqrt(1 - 1/(4q^2)))   (q > 1/2; cosh(w sqrt(1/(4q^2) - 1)) below)
 *   a2 = e^{-w/q}
 * The poles are those of the analog filter, exactly, so no frequency warping ("cramping").
 * Returned as P = 1 + a1 + a2, M = 1 - a1 + a2 and 1 - a2, each computed in a form without
 * cancellation (P ~ w^2 at low frequencies):
 *   complex poles, r = e^{-w/(2q)}, t = w sqrt(1 - 1/(4q^2)):
 *     P = (1 - r)^2 + 4 r sin^2(t/2),  M = (1 - r)^2 + 4 r cos^2(t/2)
 *   real poles, t = w sqrt(1/(4q^2) - 1):
 *     P = (1 - e^{t - w/(2q)})(1 - e^{-t - w/(2q)}),  M = (1 + e^{t - w/(2q)})(1 + e^{-t - w/(2q)})
 * Stable for every w > 0, q > 0 (r < 1).
 */

/** Scratch result of matchedPoles: [P, M, 1 - a2, a2]. Shared, single-threaded, no allocation. */
export const POLES = new Float64Array(4);

export function matchedPoles(w: number, q: number): void {
  const h = w / (2 * q);
  const r = Math.exp(-h);
  const u = 1 / (4 * q * q);
  let P: number;
  let M: number;
  if (u < 1) {
    const t = w * Math.sqrt(1 - u);
    const sn = Math.sin(0.5 * t);
    const cs = Math.cos(0.5 * t);
    const om = -Math.expm1(-h); // 1 - r
    P = om * om + 4 * r * sn * sn;
    M = om * om + 4 * r * cs * cs;
  } else {
    const t = w * Math.sqrt(u - 1);
    P = Math.expm1(t - h) * Math.expm1(-t - h);
    M = (1 + Math.exp(t - h)) * (1 + Math.exp(-t - h));
  }
  POLES[0] = P;
  POLES[1] = M;
  POLES[2] = -Math.expm1(-2 * h);
  POLES[3] = r * r;
}
