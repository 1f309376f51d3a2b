/**
 * Low cut and high cut of the wet signal: 2nd-order Butterworth high-pass and low-pass
 * (RBJ cookbook, Q = 1/sqrt 2), transposed direct form II, stereo. The high cut is kept below
 * 0.45 fs. At the defaults (20 Hz, 20 kHz) they leave the audio band alone and the high-pass
 * keeps DC out of the wet signal.
 */
import { designHighPass, designLowPass } from './shelf.js';

export class WetFilters {
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
    designLowPass(this.c, 5, Math.min(highCutHz, 0.45 * this.fs), this.fs);
  }

  process(l: Float64Array, r: Float64Array, start: number, end: number): void {
    const c = this.c;
    const z = this.z;
    const b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[3], a2 = c[4];
    const d0 = c[5], d1 = c[6], d2 = c[7], e1 = c[8], e2 = c[9];
    let zl0 = z[0], zl1 = z[1], zl2 = z[2], zl3 = z[3];
    let zr0 = z[4], zr1 = z[5], zr2 = z[6], zr3 = z[7];
    for (let n = start; n < end; n++) {
      let x = l[n];
      let y = b0 * x + zl0;
      zl0 = b1 * x - a1 * y + zl1;
      zl1 = b2 * x - a2 * y;
      x = y;
      y = d0 * x + zl2;
      zl2 = d1 * x - e1 * y + zl3;
      zl3 = d2 * x - e2 * y;
      l[n] = y;
      x = r[n];
      y = b0 * x + zr0;
      zr0 = b1 * x - a1 * y + zr1;
      zr1 = b2 * x - a2 * y;
      x = y;
      y = d0 * x + zr2;
      zr2 = d1 * x - e1 * y + zr3;
      zr3 = d2 * x - e2 * y;
      r[n] = y;
    }
    z[0] = flush(zl0); z[1] = flush(zl1); z[2] = flush(zl2); z[3] = flush(zl3);
    z[4] = flush(zr0); z[5] = flush(zr1); z[6] = flush(zr2); z[7] = flush(zr3);
  }
}

function flush(v: number): number {
  return v < 1e-30 && v > -1e-30 ? 0 : v;
}
