/**
 * FilterDesign: the coefficients of one EQ band as a cascade of trapezoidal state-variable
 * filter sections (A. Simper, Cytomic, "Solving the continuous SVF equations using trapezoidal
 * integration and equivalent currents", 2013) plus at most one trapezoidal one-pole section
 * (V. Zavalishin, "The Art of VA Filter Design", 2012, ch. 3).
 *
 * Every section is described in the normalised analog domain of its own bilinear map
 * s = (1/g) (1 - z^-1) / (1 + z^-1):
 *   SVF section:  H(s) = (m0 s^2 + (m0 k + m1) s + (m0 + m2)) / (s^2 + k s + 1)
 *                 i.e. y = m0 x + m1 band + m2 low (the SVF's band-pass and low-pass states)
 *   one-pole:     H(s) = (mL + mH s) / (1 + s),  y = mL low + mH high
 * Any stable digital biquad has exactly one such form (g > 0, k > 0), which is why matched
 * designs (whose poles come from impulse invariance, not from a bilinear map) are written
 * here too: see svf-section.ts. The structure stays well behaved when g, k and the mixes jump
 * between blocks, unlike direct-form biquads.
 *
 * Layout of the Float64Array (DESIGN_SIZE values):
 *   [0] number of SVF sections (0..MAX_SECTIONS); 0 with no one-pole = identity (band bypassed)
 *   [1] 1 if the one-pole section is used, else 0
 *   [2..4] one-pole g, mL, mH
 *   [5 + 5 i .. 9 + 5 i] SVF section i: g, k, m0, m1, m2
 */
export const MAX_SECTIONS = 8;
export const D_COUNT = 0;
export const D_ONEPOLE = 1;
export const D_OP_G = 2;
export const D_OP_ML = 3;
export const D_OP_MH = 4;
export const D_SECTIONS = 5;
export const SECTION_STRIDE = 5;
export const DESIGN_SIZE = D_SECTIONS + SECTION_STRIDE * MAX_SECTIONS;

/** A zeroed design buffer (identity). */
export function createDesign(): Float64Array {
  return new Float64Array(DESIGN_SIZE);
}

/** Mark a design as the identity (no sections). */
export function clearDesign(d: Float64Array): void {
  d[D_COUNT] = 0;
  d[D_ONEPOLE] = 0;
}

/** True when the design does nothing (a bypassed band). */
export function isIdentity(d: Float64Array): boolean {
  return d[D_COUNT] === 0 && d[D_ONEPOLE] === 0;
}

/**
 * Append an SVF section given its analog-normalised numerator n2 s^2 + n1 s + n0 over
 * s^2 + k s + 1: m0 = n2, m1 = n1 - k n2, m2 = n0 - n2 (Simper's mixing form).
 */
export function pushSection(d: Float64Array, g: number, k: number, n0: number, n1: number, n2: number): void {
  const i = d[D_COUNT];
  const o = D_SECTIONS + SECTION_STRIDE * i;
  d[o] = g;
  d[o + 1] = k;
  d[o + 2] = n2;
  d[o + 3] = n1 - k * n2;
  d[o + 4] = n0 - n2;
  d[D_COUNT] = i + 1;
}

/** Set the one-pole section: H(s) = (mL + mH s)/(1 + s) with s = (1/g)(1 - z^-1)/(1 + z^-1). */
export function setOnePole(d: Float64Array, g: number, mL: number, mH: number): void {
  d[D_ONEPOLE] = 1;
  d[D_OP_G] = g;
  d[D_OP_ML] = mL;
  d[D_OP_MH] = mH;
}

/**
 * Multiply the whole design by a constant. The mixes are linear in the numerator
 * (m0 = n2, m1 = n1 - k n2, m2 = n0 - n2), so scaling the numerator scales all three.
 */
export function scaleDesign(d: Float64Array, c: number): void {
  const n = d[D_COUNT];
  if (n > 0) {
    const o = D_SECTIONS + SECTION_STRIDE * (n - 1);
    d[o + 2] *= c;
    d[o + 3] *= c;
    d[o + 4] *= c;
  } else if (d[D_ONEPOLE] !== 0) {
    d[D_OP_ML] *= c;
    d[D_OP_MH] *= c;
  }
}
