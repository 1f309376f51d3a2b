/**
 * Stereo predelay, with the input peak meters on the way. At rest the delay is a whole number
 * of samples (the parameter rounded to the nearest sample), so the wet signal moves by exactly
 * that many samples; while the parameter ramps, reads are linearly interpolated between
 * neighbouring samples so the sweep is continuous (a short pitch glide, like a tape delay).
 *
 * The rings live in the kernel's scratch heap X (two power-of-two regions from `base`), next
 * to the regions the delayed signal goes to, so the loop touches X and the two inputs only.
 */
import { RING_PAD } from './blocks.js';

export class Predelay {
  /** left ring at X[base, base + size), right ring RING_PAD words after it (blocks.ts) */
  base = 0;
  size = 1;
  private mask = 0;
  private w = 0;

  /**
   * The delay in samples at the first frame of the next process() call and after its last;
   * equal values mean a steady, whole-sample delay. (Fields, not arguments: a double argument
   * to a call that is not inlined is boxed, an allocation per call.)
   */
  from = 0;
  to = 0;
  /** peaks of |input| over the last process() call, left and right */
  peakL = 0;
  peakR = 0;

  /** heap words for delays up to maxSamples */
  static sizeFor(maxSamples: number): number {
    let size = 1;
    while (size < maxSamples + 4) size <<= 1;
    return 2 * size + RING_PAD;
  }

  /** place the rings at X[base, base + sizeFor(maxSamples)) */
  place(base: number, maxSamples: number): void {
    this.base = base;
    this.size = (Predelay.sizeFor(maxSamples) - RING_PAD) / 2;
    this.mask = this.size - 1;
    this.w = 0;
  }

  reset(X: Float64Array): void {
    X.fill(0, this.base, this.base + 2 * this.size + RING_PAD);
  }

  /** Delay n frames of inL/inR from inOff into X[outL, outL + n) and X[outR, ...), along from -> to. */
  process(inL: Float32Array, inR: Float32Array, inOff: number, X: Float64Array, outL: number, outR: number, n: number): void {
    const d0 = this.from;
    const d1 = this.to;
    const mask = this.mask;
    const RL = this.base | 0;
    const RR = (this.base + this.size + RING_PAD) | 0;
    let w = this.w | 0;
    let pkL = 0;
    let pkR = 0;
    if (d0 === d1 && Math.round(d0) === 0) {
      // no delay: the input goes straight through (the rings still record it)
      for (let i = 0; i < n; i = (i + 1) | 0) {
        const l = inL[(inOff + i) | 0];
        const r = inR[(inOff + i) | 0];
        const al = Math.abs(l);
        const ar = Math.abs(r);
        pkL = al > pkL ? al : pkL;
        pkR = ar > pkR ? ar : pkR;
        X[(RL + w) | 0] = l;
        X[(RR + w) | 0] = r;
        X[(outL + i) | 0] = l;
        X[(outR + i) | 0] = r;
        w = (w + 1) & mask;
      }
    } else if (d0 === d1) {
      const d = Math.round(d0) | 0;
      for (let i = 0; i < n; i = (i + 1) | 0) {
        const l = inL[(inOff + i) | 0];
        const r = inR[(inOff + i) | 0];
        const al = Math.abs(l);
        const ar = Math.abs(r);
        pkL = al > pkL ? al : pkL;
        pkR = ar > pkR ? ar : pkR;
        X[(RL + w) | 0] = l;
        X[(RR + w) | 0] = r;
        const p = (w - d) & mask;
        X[(outL + i) | 0] = X[(RL + p) | 0];
        X[(outR + i) | 0] = X[(RR + p) | 0];
        w = (w + 1) & mask;
      }
    } else {
      const step = (d1 - d0) / n;
      let d = d0;
      for (let i = 0; i < n; i = (i + 1) | 0) {
        const l = inL[(inOff + i) | 0];
        const r = inR[(inOff + i) | 0];
        const al = Math.abs(l);
        const ar = Math.abs(r);
        pkL = al > pkL ? al : pkL;
        pkR = ar > pkR ? ar : pkR;
        X[(RL + w) | 0] = l;
        X[(RR + w) | 0] = r;
        d += step;
        const di = Math.floor(d);
        const fr = d - di;
        const r0 = (w - di) & mask;
        const r1 = (r0 - 1) & mask;
        const l0 = X[(RL + r0) | 0];
        const q0 = X[(RR + r0) | 0];
        X[(outL + i) | 0] = l0 + (X[(RL + r1) | 0] - l0) * fr;
        X[(outR + i) | 0] = q0 + (X[(RR + r1) | 0] - q0) * fr;
        w = (w + 1) & mask;
      }
    }
    this.peakL = pkL;
    this.peakR = pkR;
    this.w = w;
  }
}
