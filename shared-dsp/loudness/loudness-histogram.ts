/**
 * Fixed-resolution store of gating-block (or short-term) loudness values, for the gated means
 * of BS.1770-5 (integrated loudness) and EBU Tech 3342 (loudness range) over any duration:
 * memory is fixed at construction, add() is O(1) and never allocates.
 *
 * Each bin (width BIN_LU = 0.01 LU, from -70 LUFS, the absolute gate, to +15 LUFS; louder
 * values land in the top bin) keeps the count and the exact sum of the blocks' mean-square
 * powers. Consequences for accuracy:
 * - the absolute gate is exact (a block is only stored if its loudness exceeds -70 LUFS);
 * - the relative threshold is computed from the exact power sum of all stored blocks;
 * - the gated mean sums exact powers; the only approximation is the bin straddling the
 *   relative threshold, included whole if the mean loudness of its blocks exceeds the
 *   threshold. The result is therefore exactly the standard's value for a relative gate moved
 *   by less than 0.01 LU, and differs from it only if some block lies within 0.01 LU of the
 *   gate. That is the same sensitivity any meter has to a 0.01 dB level error at the gate (the
 *   gated mean is discontinuous in the gate position by definition); for blocks not that close
 *   to the gate the integrated value is exact to rounding, well inside Tech 3341's 0.05 LU;
 * - percentiles (LRA) are read as the mean loudness of the bin holding the requested rank,
 *   within 0.01 LU of the exact order statistic (exact when the bin's values are equal).
 */

/** bin width in LU */
export const BIN_LU = 0.01;
/** lowest stored loudness: BS.1770 absolute gate (blocks must exceed it) */
export const ABSOLUTE_GATE_LUFS = -70;
/** top of the binned range; louder values are stored in the top bin with their exact power */
export const HISTOGRAM_TOP_LUFS = 15;

/** BS.1770-5 eq. 2: loudness of a channel-weighted mean-square power z */
export function powerToLufs(z: number): number {
  return z > 0 ? -0.691 + 10 * Math.log10(z) : -Infinity;
}

/** inverse of powerToLufs */
export function lufsToPower(l: number): number {
  return Math.pow(10, (l + 0.691) / 10);
}

const GATE_POWER = lufsToPower(ABSOLUTE_GATE_LUFS);

export class LoudnessHistogram {
  readonly bins: number;
  private readonly count: Float64Array;
  private readonly power: Float64Array;
  private totalCount = 0;
  private totalPower = 0;

  constructor() {
    this.bins = Math.round((HISTOGRAM_TOP_LUFS - ABSOLUTE_GATE_LUFS) / BIN_LU);
    this.count = new Float64Array(this.bins);
    this.power = new Float64Array(this.bins);
  }

  reset(): void {
    this.count.fill(0);
    this.power.fill(0);
    this.totalCount = 0;
    this.totalPower = 0;
  }

  /** number of stored (absolute-gated) values */
  get size(): number {
    return this.totalCount;
  }

  /** Store one block's mean-square power z if its loudness exceeds the absolute gate. */
  add(z: number): void {
    if (!(z > GATE_POWER)) return;
    const l = powerToLufs(z);
    let i = Math.floor((l - ABSOLUTE_GATE_LUFS) / BIN_LU);
    if (i < 0) i = 0;
    else if (i >= this.bins) i = this.bins - 1;
    this.count[i] += 1;
    this.power[i] += z;
    this.totalCount += 1;
    this.totalPower += z;
  }

  /** first bin whose blocks pass a relative gate `relativeLU` below the power mean of all stored blocks (bins if none) */
  private gateBin(relativeLU: number): number {
    const threshold = powerToLufs(this.totalPower / this.totalCount) + relativeLU;
    let i = Math.floor((threshold - ABSOLUTE_GATE_LUFS) / BIN_LU);
    if (i < 0) return 0;
    if (i >= this.bins) i = this.bins - 1;
    // the straddling bin counts if its blocks' mean loudness exceeds the threshold
    if (this.count[i] > 0 && !(powerToLufs(this.power[i] / this.count[i]) > threshold)) i++;
    return i;
  }

  /** BS.1770-5 integrated loudness: power mean of the blocks above the relative gate, in LUFS (-Infinity if none). */
  gatedLoudness(relativeLU: number): number {
    if (this.totalCount === 0) return -Infinity;
    let n = 0;
    let p = 0;
    for (let i = this.gateBin(relativeLU); i < this.bins; i++) {
      n += this.count[i];
      p += this.power[i];
    }
    return n > 0 ? powerToLufs(p / n) : -Infinity;
  }

  /**
   * EBU Tech 3342 loudness range: difference of the high and low percentiles (0..1) of the
   * values above the relative gate; 0 when nothing passes the gates.
   * Rank of percentile q among n values: round(q (n - 1)) (0-based, ascending).
   */
  range(relativeLU: number, low: number, high: number): number {
    if (this.totalCount === 0) return 0;
    const first = this.gateBin(relativeLU);
    let n = 0;
    for (let i = first; i < this.bins; i++) n += this.count[i];
    if (n === 0) return 0;
    const lo = this.valueAtRank(first, Math.round(low * (n - 1)));
    const hi = this.valueAtRank(first, Math.round(high * (n - 1)));
    return hi - lo;
  }

  /** loudness (mean of its bin) of the value of 0-based ascending rank r counted from bin `first` */
  private valueAtRank(first: number, r: number): number {
    let cum = 0;
    for (let i = first; i < this.bins; i++) {
      const c = this.count[i];
      if (c === 0) continue;
      cum += c;
      if (cum > r) return powerToLufs(this.power[i] / c);
    }
    return -Infinity; // unreachable when r < n
  }
}
