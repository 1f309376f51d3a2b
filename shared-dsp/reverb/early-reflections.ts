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

const GAINS = new Map<EarlyPattern, [Float64Array, Float64Array]>();

/** tap gains of a pattern: sign * exp(-t / tau), each side normalised to unit energy (cached) */
function patternGains(p: EarlyPattern): [Float64Array, Float64Array] {
  let g = GAINS.get(p);
  if (g) return g;
  const gl = new Float64Array(EARLY_TAPS);
  const gr = new Float64Array(EARLY_TAPS);
  let eL = 0;
  let eR = 0;
  for (let i = 0; i < EARLY_TAPS; i++) {
    gl[i] = p.leftSign[i] * Math.exp(-p.leftMs[i] / p.tauMs);
    gr[i] = p.rightSign[i] * Math.exp(-p.rightMs[i] / p.tauMs);
    eL += gl[i] * gl[i];
    eR += gr[i] * gr[i];
  }
  const nl = 1 / Math.sqrt(eL);
  const nr = 1 / Math.sqrt(eR);
  for (let i = 0; i < EARLY_TAPS; i++) {
    gl[i] *= nl;
    gr[i] *= nr;
  }
  g = [gl, gr];
  GAINS.set(p, g);
  return g;
}

/**
 * The line lives in the kernel's scratch heap X (one power-of-two region from `base`), so the
 * loops touch X only.
 */
export class EarlyReflections {
  base = 0;
  private size = 1;
  private mask = 0;
  private w = 0;
  private readonly tapL = new Int32Array(EARLY_TAPS);
  private readonly tapR = new Int32Array(EARLY_TAPS);
  private readonly gainL = new Float64Array(EARLY_TAPS);
  private readonly gainR = new Float64Array(EARLY_TAPS);

  /** heap words for taps up to maxSamples */
  static sizeFor(maxSamples: number): number {
    let size = 1;
    while (size < maxSamples + 2) size <<= 1;
    return size;
  }

  /** place the line at X[base, base + sizeFor(maxSamples)) */
  place(base: number, maxSamples: number): void {
    this.base = base;
    this.size = EarlyReflections.sizeFor(maxSamples);
    this.mask = this.size - 1;
    this.w = 0;
  }

  reset(X: Float64Array): void {
    X.fill(0, this.base, this.base + this.size);
  }

  /** size factor of the taps (a field: see setPattern) */
  scale = 1.5;

  /**
   * taps of `p` at `this.scale` and the sample rate (set while the wet signal is at 0, at the
   * bottom of a structural dip; no double argument, so nothing is boxed). The gains do not
   * depend on the size: they are worked out once per pattern.
   */
  setPattern(p: EarlyPattern, sampleRate: number): void {
    const k = (this.scale * sampleRate) / 1000;
    for (let i = 0; i < EARLY_TAPS; i++) {
      this.tapL[i] = Math.min(this.mask, Math.max(1, Math.round(p.leftMs[i] * k)));
      this.tapR[i] = Math.min(this.mask, Math.max(1, Math.round(p.rightMs[i] * k)));
    }
    const g = patternGains(p);
    this.gainL.set(g[0]);
    this.gainR.set(g[1]);
  }

  /** X[outL..]/X[outR..] (n frames) from X[inL..]/X[inR..]: the block is written first, then the taps summed over it */
  process(X: Float64Array, inL: number, inR: number, outL: number, outR: number, n: number): void {
    const mask = this.mask;
    const B = this.base | 0;
    const w0 = this.w | 0;
    let w = w0;
    for (let i = 0; i < n; i = (i + 1) | 0) {
      X[(B + w) | 0] = 0.5 * (X[(inL + i) | 0] + X[(inR + i) | 0]);
      X[(outL + i) | 0] = 0;
      X[(outR + i) | 0] = 0;
      w = (w + 1) & mask;
    }
    // a tap of t samples reads frame i - t: written in this block or before (t >= 1);
    // four taps per pass over the block
    const gL = this.gainL, gR = this.gainR, tL = this.tapL, tR = this.tapR;
    for (let k = 0; k < EARLY_TAPS; k += 4) {
      const gl0 = gL[k], gl1 = gL[k + 1], gl2 = gL[k + 2], gl3 = gL[k + 3];
      const gr0 = gR[k], gr1 = gR[k + 1], gr2 = gR[k + 2], gr3 = gR[k + 3];
      const l0 = (w0 - tL[k]) | 0, l1 = (w0 - tL[k + 1]) | 0, l2 = (w0 - tL[k + 2]) | 0, l3 = (w0 - tL[k + 3]) | 0;
      const r0 = (w0 - tR[k]) | 0, r1 = (w0 - tR[k + 1]) | 0, r2 = (w0 - tR[k + 2]) | 0, r3 = (w0 - tR[k + 3]) | 0;
      for (let i = 0; i < n; i = (i + 1) | 0) {
        X[(outL + i) | 0] +=
          X[(B + ((l0 + i) & mask)) | 0] * gl0 + X[(B + ((l1 + i) & mask)) | 0] * gl1 +
          X[(B + ((l2 + i) & mask)) | 0] * gl2 + X[(B + ((l3 + i) & mask)) | 0] * gl3;
        X[(outR + i) | 0] +=
          X[(B + ((r0 + i) & mask)) | 0] * gr0 + X[(B + ((r1 + i) & mask)) | 0] * gr1 +
          X[(B + ((r2 + i) & mask)) | 0] * gr2 + X[(B + ((r3 + i) & mask)) | 0] * gr3;
      }
    }
    this.w = w;
  }
}

// the gains of the built-in patterns, before any audio runs
patternGains(ROOM_EARLY);
patternGains(CHAMBER_EARLY);
