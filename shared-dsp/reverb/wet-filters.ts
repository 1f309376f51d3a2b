/**
 * Low cut and high cut of the wet signal: 2nd-order Butterworth high-pass and low-pass
 * (R. Bristow-Johnson's cookbook, Q = 1/sqrt 2), direct form I, stereo. The high cut is kept
 * below 0.45 fs. The low cut always runs (at its default, 20 Hz, it keeps DC out of the wet
 * signal); the high cut at its maximum (HIGH_CUT_OFF_HZ, 20 kHz) is off.
 * Coefficient updates run on the audio thread while the cut-offs move: they read the
 * frequencies from an array and write the formulas out (no double crosses a call, so nothing
 * is boxed).
 */
export const HIGH_CUT_OFF_HZ = 20000;

export class WetFilters {
  /** the high cut runs (reverb-kernel.ts runs these filters inline in its common case) */
  lowPassOn = false;
  private fs = 48000;
  /** [b0, b1, b2, a1, a2] of the high-pass, then of the low-pass */
  readonly c = new Float64Array(10);
  /**
   * states, direct form I: high-pass x1 x2 y1 y2 (left, right), then low-pass y1 y2 (left,
   * right; its x history is the high-pass's y)
   */
  readonly z = new Float64Array(12);

  prepare(sampleRate: number): void {
    this.fs = sampleRate;
    this.reset();
  }

  reset(): void {
    this.z.fill(0);
  }

  /** cut-offs in Hz from values[iLow] and values[iHigh] */
  setFrom(values: Float64Array, iLow: number, iHigh: number): void {
    const c = this.c;
    const fs = this.fs;
    // RBJ high-pass at the low cut: b = (1 + cos w0)/2 * [1, -2, 1] / a0
    let w0 = (2 * Math.PI * Math.min(values[iLow], 0.45 * fs)) / fs;
    let cs = Math.cos(w0);
    let alpha = Math.sin(w0) * Math.SQRT1_2; // sin(w0) / (2 Q), Q = 1/sqrt(2)
    let a0 = 1 + alpha;
    c[0] = (1 + cs) / 2 / a0;
    c[1] = -(1 + cs) / a0;
    c[2] = (1 + cs) / 2 / a0;
    c[3] = (-2 * cs) / a0;
    c[4] = (1 - alpha) / a0;
    // RBJ low-pass at the high cut: b = (1 - cos w0)/2 * [1, 2, 1] / a0
    const high = values[iHigh];
    const on = high < HIGH_CUT_OFF_HZ;
    if (on && !this.lowPassOn) {
      const z = this.z;
      z[8] = z[9] = z[10] = z[11] = 0;
      // its input history is the high-pass output history, which is current
    }
    this.lowPassOn = on;
    w0 = (2 * Math.PI * Math.min(high, 0.45 * fs)) / fs;
    cs = Math.cos(w0);
    alpha = Math.sin(w0) * Math.SQRT1_2;
    a0 = 1 + alpha;
    c[5] = (1 - cs) / 2 / a0;
    c[6] = (1 - cs) / a0;
    c[7] = (1 - cs) / 2 / a0;
    c[8] = (-2 * cs) / a0;
    c[9] = (1 - alpha) / a0;
  }

  /** filter X[offL, offL + n) and X[offR, offR + n) in place */
  process(X: Float64Array, offL: number, offR: number, n: number): void {
    const c = this.c;
    const z = this.z;
    const b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[3], a2 = c[4];
    let lx1 = z[0], lx2 = z[1], ly1 = z[2], ly2 = z[3];
    let rx1 = z[4], rx2 = z[5], ry1 = z[6], ry2 = z[7];
    if (this.lowPassOn) {
      const d0 = c[5], d1 = c[6], d2 = c[7], e1 = c[8], e2 = c[9];
      let lu1 = z[8], lu2 = z[9], ru1 = z[10], ru2 = z[11];
      for (let i = 0; i < n; i = (i + 1) | 0) {
        const xl = X[(offL + i) | 0];
        const xr = X[(offR + i) | 0];
        const yl = xl * b0 + lx1 * b1 + (lx2 * b2 - ly2 * a2) - ly1 * a1;
        const yr = xr * b0 + rx1 * b1 + (rx2 * b2 - ry2 * a2) - ry1 * a1;
        const ul = yl * d0 + ly1 * d1 + (ly2 * d2 - lu2 * e2) - lu1 * e1;
        const ur = yr * d0 + ry1 * d1 + (ry2 * d2 - ru2 * e2) - ru1 * e1;
        lx2 = lx1; lx1 = xl; ly2 = ly1; ly1 = yl; lu2 = lu1; lu1 = ul;
        rx2 = rx1; rx1 = xr; ry2 = ry1; ry1 = yr; ru2 = ru1; ru1 = ur;
        X[(offL + i) | 0] = ul;
        X[(offR + i) | 0] = ur;
      }
      z[8] = lu1 < 1e-30 && lu1 > -1e-30 ? 0 : lu1;
      z[9] = lu2 < 1e-30 && lu2 > -1e-30 ? 0 : lu2;
      z[10] = ru1 < 1e-30 && ru1 > -1e-30 ? 0 : ru1;
      z[11] = ru2 < 1e-30 && ru2 > -1e-30 ? 0 : ru2;
    } else {
      for (let i = 0; i < n; i = (i + 1) | 0) {
        const xl = X[(offL + i) | 0];
        const xr = X[(offR + i) | 0];
        const yl = xl * b0 + lx1 * b1 + (lx2 * b2 - ly2 * a2) - ly1 * a1;
        const yr = xr * b0 + rx1 * b1 + (rx2 * b2 - ry2 * a2) - ry1 * a1;
        lx2 = lx1; lx1 = xl; ly2 = ly1; ly1 = yl;
        rx2 = rx1; rx1 = xr; ry2 = ry1; ry1 = yr;
        X[(offL + i) | 0] = yl;
        X[(offR + i) | 0] = yr;
      }
    }
    z[0] = lx1 < 1e-30 && lx1 > -1e-30 ? 0 : lx1;
    z[1] = lx2 < 1e-30 && lx2 > -1e-30 ? 0 : lx2;
    z[2] = ly1 < 1e-30 && ly1 > -1e-30 ? 0 : ly1;
    z[3] = ly2 < 1e-30 && ly2 > -1e-30 ? 0 : ly2;
    z[4] = rx1 < 1e-30 && rx1 > -1e-30 ? 0 : rx1;
    z[5] = rx2 < 1e-30 && rx2 > -1e-30 ? 0 : rx2;
    z[6] = ry1 < 1e-30 && ry1 > -1e-30 ? 0 : ry1;
    z[7] = ry2 < 1e-30 && ry2 > -1e-30 ? 0 : ry2;
  }
}
