/**
 * Stereo predelay. At rest the delay is a whole number of samples (the parameter rounded to
 * the nearest sample), so the wet signal moves by exactly that many samples; while the
 * parameter ramps, reads are linearly interpolated between neighbouring samples so the sweep
 * is continuous (a short pitch glide, like a tape delay).
 */
export class Predelay {
  private memL = new Float32Array(0);
  private memR = new Float32Array(0);
  private mask = 0;
  private w = 0;

  prepare(maxSamples: number): void {
    let size = 1;
    while (size < maxSamples + 4) size <<= 1;
    this.mask = size - 1;
    this.memL = new Float32Array(size);
    this.memR = new Float32Array(size);
    this.w = 0;
  }

  reset(): void {
    this.memL.fill(0);
    this.memR.fill(0);
  }

  /**
   * The delay in samples at the first frame of the next process() call and after its last;
   * equal values mean a steady, whole-sample delay. (Fields, not arguments: a double argument
   * to a call that is not inlined is boxed, an allocation per call.)
   */
  from = 0;
  to = 0;

  /** Delay n frames of inL/inR from inOff into outL/outR[0, n), along from -> to. */
  process(
    inL: Float32Array, inR: Float32Array, inOff: number,
    outL: Float64Array, outR: Float64Array,
    n: number,
  ): void {
    const d0 = this.from;
    const d1 = this.to;
    const mL = this.memL;
    const mR = this.memR;
    const mask = this.mask;
    let w = this.w;
    if (d0 === d1) {
      const d = Math.round(d0);
      for (let i = 0; i < n; i++) {
        mL[w] = inL[inOff + i];
        mR[w] = inR[inOff + i];
        const r = (w - d) & mask;
        outL[i] = mL[r];
        outR[i] = mR[r];
        w = (w + 1) & mask;
      }
    } else {
      const step = (d1 - d0) / n;
      let d = d0;
      for (let i = 0; i < n; i++) {
        mL[w] = inL[inOff + i];
        mR[w] = inR[inOff + i];
        d += step;
        const di = Math.floor(d);
        const fr = d - di;
        const r0 = (w - di) & mask;
        const r1 = (r0 - 1) & mask;
        outL[i] = mL[r0] + (mL[r1] - mL[r0]) * fr;
        outR[i] = mR[r0] + (mR[r1] - mR[r0]) * fr;
        w = (w + 1) & mask;
      }
    }
    this.w = w;
  }
}
