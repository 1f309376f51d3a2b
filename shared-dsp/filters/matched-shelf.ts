/**
 * Matched second-order shelves (RBJ analog prototypes, see analog-prototypes.ts; A = 10^(dB/40),
 * Q as in the cookbook's Q form, f0 = the frequency of half the shelf gain).
 *
 * Everything is built from one matched design, the low-shelf boost L (gain A^2 at DC):
 *   poles: impulse-invariant poles of the analog low shelf (natural frequency w0/sqrt(A), Q);
 *   numerator: magnitude matched at DC (A^2), at f0 (A) and halfway from f0 to Nyquist
 *   (M. Vicanek, "Matched Second Order Digital Filters", 2016; magnitude-match.ts).
 * The RBJ prototypes obey LS_{-dB} = 1/LS_{+dB} and HS_{+dB} = A^2 / LS_{+dB} (algebra on the
 * transfer functions above), so
 *   low shelf cut = 1/L,  high shelf boost = A^2 / L,  high shelf cut = L / A^2.
 * Using only L keeps the poles that impulse invariance places at the lower of the two analog
 * corner frequencies (w0/sqrt(A)), far from Nyquist.
 * Where the match is unattainable or implausible (digital magnitude more than about 1 dB off
 * the analog one at a few probe frequencies: large gain with high Q, or f0 near Nyquist), the
 * design moves continuously to the bilinear transform prewarped at f0, always stable.
 */
import { lowShelfMagnitude } from './analog-prototypes.js';
import { pushMatchedSection, MATCH } from './magnitude-match.js';
import { pushSection, scaleDesign, D_COUNT, D_SECTIONS, SECTION_STRIDE } from './filter-design.js';
import { invertSection } from './svf-section.js';

/** Digital |H|^2 of the last match at p = sin^2(w/2). */
function matchedPowerAt(p: number): number {
  const q = 1 - p;
  const N = MATCH[3] * q + MATCH[4] * p + 4 * MATCH[5] * p * q;
  const D = MATCH[0] * q + MATCH[1] * p + 4 * MATCH[2] * p * q;
  return N / D;
}

/**
 * How far the matched design strays from the analog one where it is most likely to: below it
 * at Nyquist and at the numerator's minimum, above or below it at 0.5 f0 and 0.75 f0 (where it
 * overshoots when f0 nears Nyquist). Returns the smallest power ratio (1 = exact).
 */
function plausibility(w0: number, A: number, q: number): number {
  const B0 = MATCH[3];
  const B1 = MATCH[4];
  const B2 = MATCH[5];
  const hn = lowShelfMagnitude(Math.PI / w0, A, q);
  let r = B1 / MATCH[1] / (hn * hn);
  if (B2 < 0) {
    // dN/dp = B1 - B0 + 4 B2 (1 - 2p) = 0
    const p = 0.5 + (B1 - B0) / (8 * B2);
    if (p > 0 && p < 1) {
      const h = lowShelfMagnitude((2 * Math.asin(Math.sqrt(p))) / w0, A, q);
      const rp = matchedPowerAt(p) / (h * h);
      if (rp < r) r = rp;
    }
  }
  for (let j = 0; j < 2; j++) {
    const x = j === 0 ? 0.5 : 0.75;
    const sn = Math.sin(0.5 * x * w0);
    const h = lowShelfMagnitude(x, A, q);
    let rp = matchedPowerAt(sn * sn) / (h * h);
    if (rp > 1) rp = 1 / rp;
    if (rp < r) r = rp;
  }
  return r;
}

/** Plausibility below which the bilinear design is used alone, and above which the matched one. */
const TRUST_LO = 0.5;
const TRUST_HI = 0.8;

/**
 * The low-shelf boost L of |dB|. Where the matched design dips below the analog one (large
 * gain with high Q near Nyquist), it is blended with the bilinear design prewarped at f0,
 * in the section parameters (g, k, m0, m1, m2), with a weight that is continuous in the
 * parameters, so sweeps never jump between designs.
 */
function pushLowShelfBoost(d: Float64Array, w0: number, A: number, q: number): void {
  const i = d[D_COUNT];
  const wb = 0.5 * (w0 + Math.PI);
  const tb = lowShelfMagnitude(wb / w0, A, q);
  let t = 0;
  if (pushMatchedSection(d, w0 / Math.sqrt(A), q, A * A, w0, A * A, wb, tb * tb)) {
    t = (plausibility(w0, A, q) - TRUST_LO) / (TRUST_HI - TRUST_LO);
    if (t >= 1) return;
    if (!(t > 0)) t = 0;
  }
  const o = D_SECTIONS + SECTION_STRIDE * i;
  const mg = d[o];
  const mk = d[o + 1];
  const m0 = d[o + 2];
  const m1 = d[o + 3];
  const m2 = d[o + 4];
  d[D_COUNT] = i;
  // bilinear, prewarped at f0: with s' = sqrt(A) s, H = (s'^2 + (A/Q) s' + A^2)/(s'^2 + s'/Q + 1)
  pushSection(d, Math.tan(0.5 * w0) / Math.sqrt(A), 1 / q, A * A, A / q, 1);
  if (t > 0) {
    const u = 1 - t;
    d[o] = t * mg + u * d[o];
    d[o + 1] = t * mk + u * d[o + 1];
    d[o + 2] = t * m0 + u * d[o + 2];
    d[o + 3] = t * m1 + u * d[o + 3];
    d[o + 4] = t * m2 + u * d[o + 4];
  }
}

/** Append a low-shelf section (w0 = 2 pi f0 / fs in (0, pi)). */
export function pushMatchedLowShelf(d: Float64Array, w0: number, db: number, q: number): void {
  const A = Math.pow(10, Math.abs(db) / 40);
  const i = d[D_COUNT];
  pushLowShelfBoost(d, w0, A, q);
  if (db < 0) invertSection(d, i);
}

/** Append a high-shelf section; it must be the last section of the design (it is scaled). */
export function pushMatchedHighShelf(d: Float64Array, w0: number, db: number, q: number): void {
  const A = Math.pow(10, Math.abs(db) / 40);
  const i = d[D_COUNT];
  pushLowShelfBoost(d, w0, A, q);
  if (db > 0) {
    invertSection(d, i);
    scaleDesign(d, A * A);
  } else {
    scaleDesign(d, 1 / (A * A));
  }
}
