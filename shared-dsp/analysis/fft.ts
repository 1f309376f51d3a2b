/**
 * Real-input FFT (radix-2), for analysers and tests. Preallocated: forward() does not allocate.
 * Method: the N real samples are packed as N/2 complex values z[k] = x[2k] + j x[2k+1],
 * transformed by an iterative radix-2 Cooley-Tukey FFT, and split into the spectrum of x:
 *   X[k] = (Z[k] + Z*[N/2-k])/2 - j e^{-2 pi j k/N} (Z[k] - Z*[N/2-k])/2,  k = 0..N/2
 * (E. O. Brigham, "The Fast Fourier Transform and its Applications", 1988, ch. 9).
 */
export class RealFft {
  readonly size: number;
  private readonly half: number;
  private readonly zr: Float64Array;
  private readonly zi: Float64Array;
  private readonly cosT: Float64Array; // e^{-2 pi j k / N}, k < N/2
  private readonly sinT: Float64Array;
  private readonly rev: Uint32Array;

  constructor(size: number) {
    if (!(size >= 4) || (size & (size - 1)) !== 0) throw new Error('RealFft: size must be a power of two >= 4');
    this.size = size;
    const h = (this.half = size >> 1);
    this.zr = new Float64Array(h);
    this.zi = new Float64Array(h);
    this.cosT = new Float64Array(h);
    this.sinT = new Float64Array(h);
    for (let k = 0; k < h; k++) {
      this.cosT[k] = Math.cos((2 * Math.PI * k) / size);
      this.sinT[k] = -Math.sin((2 * Math.PI * k) / size);
    }
    this.rev = new Uint32Array(h);
    let bits = 0;
    while (1 << bits < h) bits++;
    for (let i = 0; i < h; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) if (i & (1 << b)) r |= 1 << (bits - 1 - b);
      this.rev[i] = r;
    }
  }

  /** Spectrum of x[0, size) into re/im[0, size/2] (size/2 + 1 bins; unnormalised). */
  forward(x: ArrayLike<number>, re: Float64Array, im: Float64Array): void {
    const h = this.half;
    const zr = this.zr;
    const zi = this.zi;
    const rev = this.rev;
    for (let k = 0; k < h; k++) {
      const r = rev[k];
      zr[r] = x[2 * k];
      zi[r] = x[2 * k + 1];
    }
    // complex FFT of length h; twiddle for length L stage: e^{-2 pi j m / L} = T[m * (N / L)]
    for (let len = 2; len <= h; len <<= 1) {
      const halfLen = len >> 1;
      const step = this.size / len;
      for (let i = 0; i < h; i += len) {
        for (let m = 0; m < halfLen; m++) {
          const wr = this.cosT[m * step];
          const wi = this.sinT[m * step];
          const a = i + m;
          const b = a + halfLen;
          const tr = zr[b] * wr - zi[b] * wi;
          const ti = zr[b] * wi + zi[b] * wr;
          zr[b] = zr[a] - tr;
          zi[b] = zi[a] - ti;
          zr[a] += tr;
          zi[a] += ti;
        }
      }
    }
    re[0] = zr[0] + zi[0];
    im[0] = 0;
    re[h] = zr[0] - zi[0];
    im[h] = 0;
    for (let k = 1; k < h; k++) {
      const ar = zr[k];
      const ai = zi[k];
      const br = zr[h - k];
      const bi = -zi[h - k]; // conj(Z[h-k])
      const er = 0.5 * (ar + br);
      const ei = 0.5 * (ai + bi);
      const or = 0.5 * (ar - br);
      const oi = 0.5 * (ai - bi);
      // -j * W * O, W = cosT - j... (cosT[k] + j sinT[k])
      const wr = this.cosT[k];
      const wi = this.sinT[k];
      const pr = wr * or - wi * oi;
      const pi = wr * oi + wi * or;
      re[k] = er + pi;
      im[k] = ei - pr;
    }
  }

  /** |X[k]|^2 for k = 0..size/2 into out (uses re/im scratch given by the caller). */
  power(x: ArrayLike<number>, re: Float64Array, im: Float64Array, out: Float64Array | Float32Array): void {
    this.forward(x, re, im);
    for (let k = 0; k <= this.half; k++) out[k] = re[k] * re[k] + im[k] * im[k];
  }
}
