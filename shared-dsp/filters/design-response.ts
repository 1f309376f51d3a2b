/**
 * Magnitude response of a FilterDesign at w radians per sample (0 <= w <= pi). Each section's
 * bilinear map sends z = e^{jw} to s = j tan(w/2) / g, so
 *   SVF section: |H|^2 = ((n0 - n2 W^2)^2 + (n1 W)^2) / ((1 - W^2)^2 + (k W)^2),  W = tan(w/2)/g
 *   one-pole:    |H|^2 = (mL^2 + (mH W)^2) / (1 + W^2)
 * with n2 = m0, n1 = m1 + k m0, n0 = m2 + m0. This is the exact response of the digital filter
 * the kernel runs (not of the analog prototype).
 */
import { D_COUNT, D_ONEPOLE, D_OP_G, D_OP_ML, D_OP_MH, D_SECTIONS, SECTION_STRIDE } from './filter-design.js';

export function designMagnitudeSq(d: Float64Array, w: number): number {
  const t = Math.tan(0.5 * (w < Math.PI ? w : Math.PI * (1 - 1e-12)));
  let h2 = 1;
  const n = d[D_COUNT];
  for (let i = 0; i < n; i++) {
    const o = D_SECTIONS + SECTION_STRIDE * i;
    const W = t / d[o];
    const k = d[o + 1];
    const n2 = d[o + 2];
    const n1 = d[o + 3] + k * n2;
    const n0 = d[o + 4] + n2;
    const W2 = W * W;
    const nr = n0 - n2 * W2;
    const ni = n1 * W;
    const dr = 1 - W2;
    const di = k * W;
    h2 *= (nr * nr + ni * ni) / (dr * dr + di * di);
  }
  if (d[D_ONEPOLE] !== 0) {
    const W = t / d[D_OP_G];
    const mL = d[D_OP_ML];
    const mH = d[D_OP_MH] * W;
    h2 *= (mL * mL + mH * mH) / (1 + W * W);
  }
  return h2;
}

/** |H| in dB at f Hz for sample rate fs. */
export function designMagnitudeDb(d: Float64Array, f: number, fs: number): number {
  return 10 * Math.log10(designMagnitudeSq(d, (2 * Math.PI * f) / fs));
}
