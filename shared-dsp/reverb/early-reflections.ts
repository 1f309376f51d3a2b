/**
 * Early reflections: a tapped delay line (J. A. Moorer, "About this reverberation business",
 * Computer Music Journal 3(2), 1979: the first reflections as an FIR of discrete taps).
 * The mono sum of the input feeds one line; left and right read their own taps, with gains
 * falling exponentially with tap time, so the two sides are decorrelated. Each side's gains
 * are normalised to unit energy (an impulse gives the same early energy at every size).
 */
export interface EarlyPattern {
  /** tap times in ms at size 1x */
  readonly leftMs: readonly number[];
  readonly rightMs: readonly number[];
  /** signs of the taps */
  readonly leftSign: readonly number[];
  readonly rightSign: readonly number[];
  /** time constant of the gain fall-off, ms at size 1x */
  readonly tauMs: number;
}

const SIGN_L = [1, -1, 1, 1, -1, 1, -1, -1, 1, -1, 1, -1];
const SIGN_R = [-1, 1, 1, -1, 1, -1, 1, 1, -1, 1, -1, -1];

export const ROOM_EARLY: EarlyPattern = {
  leftMs: [3.1, 5.3, 7.9, 10.7, 13.3, 16.9, 20.3, 24.1, 28.9, 33.7, 39.1, 45.7],
  rightMs: [3.7, 6.1, 8.3, 11.9, 14.3, 17.7, 21.1, 25.9, 29.3, 35.3, 41.3, 47.9],
  leftSign: SIGN_L,
  rightSign: SIGN_R,
  tauMs: 18,
};

export const CHAMBER_EARLY: EarlyPattern = {
  leftMs: [5.3, 9.1, 13.7, 18.1, 22.9, 28.7, 34.3, 41.1, 48.7, 57.1, 66.5, 77.9],
  rightMs: [6.1, 10.3, 14.9, 19.7, 24.5, 30.1, 36.7, 43.9, 50.3, 60.1, 70.3, 81.1],
  leftSign: SIGN_L,
  rightSign: SIGN_R,
  tauMs: 30,
};

/** taps per side (a multiple of 4: process() sums four per pass) */
export const EARLY_TAPS = 12;

export class EarlyReflections {
  private mem = new Float32Array(0);
  private mask = 0;
  private w = 0;
  private readonly tapL = new Int32Array(EARLY_TAPS);
  private readonly tapR = new Int32Array(EARLY_TAPS);
  private readonly gainL = new Float64Array(EARLY_TAPS);
  private readonly gainR = new Float64Array(EARLY_TAPS);

  /** allocate for taps up to maxSamples */
  prepare(maxSamples: number): void {
    let size = 1;
    while (size < maxSamples + 2) size <<= 1;
    this.mask = size - 1;
    this.mem = new Float32Array(size);
    this.w = 0;
  }

  reset(): void {
    this.mem.fill(0);
  }

  /** taps of `p` at the given scale (size factor) and sample rate */
  setPattern(p: EarlyPattern, scale: number, sampleRate: number): void {
    const k = (scale * sampleRate) / 1000;
    let eL = 0;
    let eR = 0;
    for (let i = 0; i < EARLY_TAPS; i++) {
      this.tapL[i] = Math.min(this.mask, Math.max(1, Math.round(p.leftMs[i] * k)));
      this.tapR[i] = Math.min(this.mask, Math.max(1, Math.round(p.rightMs[i] * k)));
      const gl = p.leftSign[i] * Math.exp(-p.leftMs[i] / p.tauMs);
      const gr = p.rightSign[i] * Math.exp(-p.rightMs[i] / p.tauMs);
      this.gainL[i] = gl;
      this.gainR[i] = gr;
      eL += gl * gl;
      eR += gr * gr;
    }
    const nl = 1 / Math.sqrt(eL);
    const nr = 1 / Math.sqrt(eR);
    for (let i = 0; i < EARLY_TAPS; i++) {
      this.gainL[i] *= nl;
      this.gainR[i] *= nr;
    }
  }

  /** outL/outR[start, end) from inL/inR: the block is written first, then each tap is summed over it */
  process(
    inL: Float64Array, inR: Float64Array,
    outL: Float64Array, outR: Float64Array,
    start: number, end: number,
  ): void {
    const mem = this.mem;
    const mask = this.mask;
    const w0 = this.w;
    let w = w0;
    for (let n = start; n < end; n++) {
      mem[w] = 0.5 * (inL[n] + inR[n]);
      outL[n] = 0;
      outR[n] = 0;
      w = (w + 1) & mask;
    }
    // a tap of t samples reads frame n - t: written in this block or before (t >= 1);
    // four taps per pass over the block
    const gL = this.gainL, gR = this.gainR, tL = this.tapL, tR = this.tapR;
    for (let i = 0; i < EARLY_TAPS; i += 4) {
      const gl0 = gL[i], gl1 = gL[i + 1], gl2 = gL[i + 2], gl3 = gL[i + 3];
      const gr0 = gR[i], gr1 = gR[i + 1], gr2 = gR[i + 2], gr3 = gR[i + 3];
      let l0 = w0 - tL[i], l1 = w0 - tL[i + 1], l2 = w0 - tL[i + 2], l3 = w0 - tL[i + 3];
      let r0 = w0 - tR[i], r1 = w0 - tR[i + 1], r2 = w0 - tR[i + 2], r3 = w0 - tR[i + 3];
      for (let n = start; n < end; n++) {
        outL[n] += gl0 * mem[l0++ & mask] + gl1 * mem[l1++ & mask] + gl2 * mem[l2++ & mask] + gl3 * mem[l3++ & mask];
        outR[n] += gr0 * mem[r0++ & mask] + gr1 * mem[r1++ & mask] + gr2 * mem[r2++ & mask] + gr3 * mem[r3++ & mask];
      }
    }
    this.w = w;
  }
}
