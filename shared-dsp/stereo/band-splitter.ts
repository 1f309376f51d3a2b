/**
 * Splits a signal into 1..4 bands with LR4 crossovers so that the bands add up to an allpass
 * (flat magnitude), and gives the same allpass for a second signal (the mid channel), so mid and
 * the summed side stay phase-aligned.
 *
 * Tree (crossovers f1 < f2 < f3; AP_k is the LR4 sum allpass at f_k, see linkwitz-riley.ts):
 *   2 bands:  x -> split f1 -> b1, b2                          sum = AP1 x
 *   3 bands:  x -> split f2 -> lo, hi
 *             lo -> split f1 -> b1, b2;   hi -> AP1 -> b3       sum = AP1 AP2 x
 *   4 bands:  x -> split f2 -> lo, hi
 *             lo -> AP3 -> split f1 -> b1, b2
 *             hi -> AP1 -> split f3 -> b3, b4                   sum = AP1 AP2 AP3 x
 * Each branch gets the allpass of the split made on the other branch (the compensation of
 * Linkwitz-Riley trees), so b1 + ... + bn = (product of the AP_k) x for any crossover values.
 * allpassMid applies that same product.
 */
import { LR4_ALLPASS_STATE, LR4_COEFS, LR4_SPLIT_STATE, lr4Allpass, lr4DesignAt, lr4Split } from './linkwitz-riley.js';
import { TREE_STATE, tree2, tree3, tree4 } from './band-tree.js';

/** a crossover is kept at least this ratio above the one below it */
export const MIN_CROSSOVER_RATIO = 1.25;

/**
 * Crossovers as used: each at least MIN_CROSSOVER_RATIO above the previous one (pushed upwards),
 * then held below 0.45 fs. out receives 3 values.
 */
export function orderCrossovers(f1: number, f2: number, f3: number, sampleRate: number, out: Float64Array): void {
  out[0] = f1;
  out[1] = f2;
  out[2] = f3;
  orderCrossoversInPlace(out, sampleRate);
}

/** orderCrossovers on f[0..2] in place (no double arguments: for the audio thread). */
export function orderCrossoversInPlace(f: Float64Array, sampleRate: number): void {
  const top = 0.45 * sampleRate;
  const a = f[0];
  const b = f[1] > a * MIN_CROSSOVER_RATIO ? f[1] : a * MIN_CROSSOVER_RATIO;
  const c = f[2] > b * MIN_CROSSOVER_RATIO ? f[2] : b * MIN_CROSSOVER_RATIO;
  f[0] = a < top ? a : top;
  f[1] = b < top ? b : top;
  f[2] = c < top ? c : top;
}

/** state of the block-by-block reference (splitSide, allpassMid): one block-run section each */
const R = {
  SPLIT2: 0,
  AP3: LR4_SPLIT_STATE,
  SPLIT1: LR4_SPLIT_STATE + LR4_ALLPASS_STATE,
  AP1: 2 * LR4_SPLIT_STATE + LR4_ALLPASS_STATE,
  SPLIT3: 2 * LR4_SPLIT_STATE + 2 * LR4_ALLPASS_STATE,
  MID: 3 * LR4_SPLIT_STATE + 2 * LR4_ALLPASS_STATE, // AP1, AP2, AP3 of the mid
  SIZE: 3 * LR4_SPLIT_STATE + 5 * LR4_ALLPASS_STATE,
} as const;

export class BandSplitter {
  /** number of bands the tree is built for (1 = nothing to do) */
  bands = 1;
  /** crossover frequencies in use (Hz) */
  readonly freqs = new Float64Array(3);
  private readonly coefs = new Float64Array(3 * LR4_COEFS);
  /** state of the fused loops (process) */
  private readonly state = new Float64Array(TREE_STATE.SIZE);
  /** state of the reference (splitSide, allpassMid) */
  private readonly refState = new Float64Array(R.SIZE);
  /** the high branch of the 4-band tree between its two loops */
  private scratch = new Float64Array(128);

  /** Largest block process() is given at once (longer ones are cut into pieces). */
  prepare(maxFrames: number): void {
    if (maxFrames > this.scratch.length) this.scratch = new Float64Array(maxFrames);
  }

  /** Change the tree; clears the filter state (callers fade around it). */
  setBands(bands: number): void {
    this.bands = bands < 1 ? 1 : bands > 4 ? 4 : bands | 0;
    this.reset();
  }

  /** Crossover corners (already ordered by the caller, see orderCrossovers). */
  setCrossovers(f1: number, f2: number, f3: number, sampleRate: number): void {
    this.freqs[0] = f1;
    this.freqs[1] = f2;
    this.freqs[2] = f3;
    this.design(sampleRate);
  }

  /** setCrossovers from f[0..2] (no double arguments: for the audio thread). */
  setCrossoversFrom(f: Float64Array, sampleRate: number): void {
    this.freqs[0] = f[0];
    this.freqs[1] = f[1];
    this.freqs[2] = f[2];
    this.design(sampleRate);
  }

  private design(sampleRate: number): void {
    const c = this.coefs, f = this.freqs;
    lr4DesignAt(c, 0, f, 0, sampleRate);
    lr4DesignAt(c, LR4_COEFS, f, 1, sampleRate);
    lr4DesignAt(c, 2 * LR4_COEFS, f, 2, sampleRate);
  }

  reset(): void {
    this.state.fill(0);
    this.refState.fill(0);
  }

  /**
   * Bands of x into b1..b(bands), section by section over the block (the reference of the fused
   * loops). x is left untouched; b1..b4 must be distinct from x and from each other. Unused band
   * arrays are not written.
   */
  splitSide(x: Float64Array, b1: Float64Array, b2: Float64Array, b3: Float64Array, b4: Float64Array, n: number): void {
    const c = this.coefs, st = this.refState;
    const c1 = 0, c2 = LR4_COEFS, c3 = 2 * LR4_COEFS;
    switch (this.bands) {
      case 2:
        lr4Split(x, b1, b2, n, c, c1, st, R.SPLIT1);
        break;
      case 3:
        lr4Split(x, b1, b3, n, c, c2, st, R.SPLIT2);
        lr4Split(b1, b1, b2, n, c, c1, st, R.SPLIT1);
        lr4Allpass(b3, n, c, c1, st, R.AP1);
        break;
      case 4:
        lr4Split(x, b1, b3, n, c, c2, st, R.SPLIT2);
        lr4Allpass(b1, n, c, c3, st, R.AP3);
        lr4Split(b1, b1, b2, n, c, c1, st, R.SPLIT1);
        lr4Allpass(b3, n, c, c1, st, R.AP1);
        lr4Split(b3, b3, b4, n, c, c3, st, R.SPLIT3);
        break;
      default:
        for (let i = 0; i < n; i++) b1[i] = x[i];
    }
  }

  /**
   * Both at once, fused (band-tree.ts): m is allpassed in place and y = sum_k g_k b_k(s), the gains
   * moving linearly from g0[k] to g1[k] over the block. Needs 2..4 bands; s is left untouched;
   * n up to prepare(maxFrames) (128 before any prepare).
   */
  process(m: Float64Array, s: Float64Array, y: Float64Array, n: number, g0: Float64Array, g1: Float64Array): void {
    const b = this.bands;
    if (b === 4) {
      // n beyond prepare(maxFrames) only when misused: the scratch grows once
      if (n > this.scratch.length) this.scratch = new Float64Array(n);
      tree4(m, s, y, this.scratch, n, this.coefs, this.state, g0, g1);
    } else if (b === 3) tree3(m, s, y, n, this.coefs, this.state, g0, g1);
    else if (b === 2) tree2(m, s, y, n, this.coefs, this.state, g0, g1);
  }

  /** In place: the allpass the bands of splitSide add up to (AP1, then AP2, then AP3). */
  allpassMid(m: Float64Array, n: number): void {
    const c = this.coefs, st = this.refState;
    for (let k = 0; k < this.bands - 1; k++) lr4Allpass(m, n, c, k * LR4_COEFS, st, R.MID + k * LR4_ALLPASS_STATE);
  }
}
