/**
 * Low cut and high cut of the wet signal: 2nd-order Butterworth high-pass and low-pass
 * (RBJ cookbook, Q = 1/sqrt 2), transposed direct form II, stereo. The high cut is kept below
 * 0.45 fs. The low cut always runs (at its default, 20 Hz, it keeps DC out of the wet
 * signal); the high cut at its maximum (HIGH_CUT_OFF_HZ, 20 kHz) is off.
 */
import { designHighPass, designLowPass } from './shelf.js';

export const HIGH_CUT_OFF_HZ = 20000;

export class WetFilters {
  private lowPassOn = false;
  private fs = 48000;
  private readonly c = new Float64Array(10);
  private readonly z = new Float64Array(8);

  prepare(sampleRate: number): void {
    this.fs = sampleRate;
    this.reset();
  }

  reset(): void {
    this.z.fill(0);
  }

  set(lowCutHz: number, highCutHz: number): void {
    designHighPass(this.c, 0, Math.min(lowCutHz, 0.45 * this.fs), this.fs);
    const on = highCutHz < HIGH_CUT_OFF_HZ;
    if (on && !this.lowPassOn) {
      this.z[2] = this.z[3] = this.z[6] = this.z[7] = 0;
    }
    this.lowPassOn = on;
    designLowPass(this.c, 5, Math.min(highCutHz, 0.45 * this.fs), this.fs);
  }

  process(l: Float64Array, r: Float64Array, start: number, end: number): void {
    const c = this.c;
    const z = this.z;
    const b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[3], a2 = c[4];
    let zl0 = z[0], zl1 = z[1], zr0 = z[4], zr1 = z[5];
    if (this.lowPassOn) {
      const d0 = c[5], d1 = c[6], d2 = c[7], e1 = c[8], e2 = c[9];
      let zl2 = z[2], zl3 = z[3], zr2 = z[6], zr3 = z[7];
      for (let n = start; n < end; n++) {
        const xl = l[n];
        const xr = r[n];
        const yl = b0 * xl + zl0;
        zl0 = b1 * xl - a1 * yl + zl1;
        zl1 = b2 * xl - a2 * yl;
        const yr = b0 * xr + zr0;
        zr0 = b1 * xr - a1 * yr + zr1;
        zr1 = b2 * xr - a2 * yr;
        const ul = d0 * yl + zl2;
        zl2 = d1 * yl - e1 * ul + zl3;
        zl3 = d2 * yl - e2 * ul;
        const ur = d0 * yr + zr2;
        zr2 = d1 * yr - e1 * ur + zr3;
        zr3 = d2 * yr - e2 * ur;
        l[n] = ul;
        r[n] = ur;
      }
      z[2] = flush(zl2); z[3] = flush(zl3); z[6] = flush(zr2); z[7] = flush(zr3);
    } else {
      for (let n = start; n < end; n++) {
        const xl = l[n];
        const xr = r[n];
        const yl = b0 * xl + zl0;
        zl0 = b1 * xl - a1 * yl + zl1;
        zl1 = b2 * xl - a2 * yl;
        const yr = b0 * xr + zr0;
        zr0 = b1 * xr - a1 * yr + zr1;
        zr1 = b2 * xr - a2 * yr;
        l[n] = yl;
        r[n] = yr;
      }
    }
    z[0] = flush(zl0); z[1] = flush(zl1); z[4] = flush(zr0); z[5] = flush(zr1);
  }
}

function flush(v: number): number {
  return v < 1e-30 && v > -1e-30 ? 0 : v;
}
