/**
 * Loudness meter after ITU-R BS.1770-5 and EBU Tech 3341 / 3342 (EBU mode): momentary (400 ms),
 * short-term (3 s), integrated (gated), loudness range, their maxima, and true peak.
 *
 * Timing. The K-weighted energy is integrated in sub-blocks of `subBlockFrames` frames, the
 * largest divisor of the 100 ms gating step that is at most 128 (48 kHz: 120, 44.1 kHz: 126,
 * 96 kHz: 128), so momentary and short-term loudness are evaluated at least every 128 frames
 * (Tech 3341 case 13 fails with a 100 ms hop) and every window boundary falls on a sub-block
 * boundary. The gating step is round(0.1 fs) frames, the momentary window 4 steps, the
 * short-term window 30 steps.
 * - Momentary / short-term: running sums of the sub-block energies over a ring of the last
 *   3 s (O(1) per sub-block), re-synchronised every 100 ms to the exact sum of whole steps
 *   (so rounding cannot drift), with integer counts of non-silent sub-blocks so that a window
 *   of digital silence reads exactly -Infinity. Before the first full window the missing
 *   history counts as silence.
 * - Integrated (BS.1770-5 Annex 1): every 100 ms a 400 ms gating block (75 % overlap), energy
 *   summed exactly from the last 4 step sums, goes into a fixed-resolution histogram
 *   (loudness-histogram.ts); absolute gate -70 LUFS, relative gate -10 LU. The incomplete final
 *   block is never formed.
 * - Loudness range (Tech 3342): every 100 ms (10 Hz) the 3 s short-term energy (exact sum of
 *   the last 30 steps), once the first full 3 s window exists, goes into a second histogram;
 *   absolute gate -70 LUFS, relative gate -20 LU, LRA = 95th - 10th percentile.
 * - True peak: one TruePeakDetector per channel, max(4x interpolated, sample peak) since reset.
 *
 * Allocation happens in the constructor only; process() and the getters never allocate.
 * Channel weights (BS.1770-5 table 3): 1, 2 channels: 1.0 each; 5 channels in the order
 * L, R, C, Ls, Rs: 1.0, 1.0, 1.0, 1.41, 1.41 (no LFE input).
 */
import { KWeightingBank } from './k-weighting.js';
import { LoudnessHistogram, powerToLufs } from './loudness-histogram.js';
import { TruePeakDetector } from './true-peak.js';

export interface LoudnessMeterOptions {
  sampleRate: number;
  /** 1 (mono), 2 (L, R) or 5 (L, R, C, Ls, Rs) */
  channels: 1 | 2 | 5;
}

/** BS.1770-5: relative gate of the integrated loudness */
export const INTEGRATED_RELATIVE_GATE_LU = -10;
/** EBU Tech 3342: relative gate and percentiles of the loudness range */
export const LRA_RELATIVE_GATE_LU = -20;
export const LRA_LOW_PERCENTILE = 0.1;
export const LRA_HIGH_PERCENTILE = 0.95;

const MAX_SUB_BLOCK = 128;

/** largest divisor of n not above limit */
function largestDivisorAtMost(n: number, limit: number): number {
  for (let d = Math.min(n, limit); d > 1; d--) if (n % d === 0) return d;
  return 1;
}

export class LoudnessMeter {
  readonly sampleRate: number;
  readonly channels: number;
  /** frames per gating step (100 ms) */
  readonly stepFrames: number;
  /** frames per sub-block (evaluation interval of momentary and short-term loudness) */
  readonly subBlockFrames: number;

  private readonly weights: Float64Array;
  private readonly kw: KWeightingBank;
  private readonly tp: TruePeakDetector[];

  private readonly subPerStep: number;
  private readonly mSubs: number; // sub-blocks per momentary window
  private readonly sSubs: number; // sub-blocks per short-term window (ring length)
  private readonly mFrames: number;
  private readonly sFrames: number;

  /** ring of the last sSubs sub-block energies */
  private readonly subRing: Float64Array;
  private subPos = 0; // next write index in subRing
  private framesInSub = 0;
  private mSum = 0;
  private sSum = 0;
  private mLive = 0; // non-zero sub-blocks inside the momentary window
  private sLive = 0;
  private mMax = 0;
  private sMax = 0;

  /** ring of the last 30 step energies */
  private readonly stepRing = new Float64Array(30);
  private stepPos = 0;
  private subsInStep = 0;
  private stepSum = 0;
  private steps = 0;

  private readonly gating = new LoudnessHistogram();
  private readonly shortTermValues = new LoudnessHistogram();
  /** cached integrated / LRA readings, recomputed on read after new gating data */
  private integratedCache = -Infinity;
  private rangeCache = 0;
  private integratedStale = false;
  private rangeStale = false;

  constructor(options: LoudnessMeterOptions) {
    const { sampleRate, channels } = options;
    if (!(sampleRate > 0)) throw new RangeError(`LoudnessMeter: bad sampleRate ${sampleRate}`);
    if (channels !== 1 && channels !== 2 && channels !== 5) {
      throw new RangeError(`LoudnessMeter: channels must be 1, 2 or 5, got ${channels}`);
    }
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.weights = new Float64Array(channels === 5 ? [1, 1, 1, 1.41, 1.41] : channels === 2 ? [1, 1] : [1]);
    this.kw = new KWeightingBank(sampleRate, channels);
    this.tp = [];
    for (let i = 0; i < channels; i++) this.tp.push(new TruePeakDetector());

    this.stepFrames = Math.max(1, Math.round(0.1 * sampleRate));
    this.subBlockFrames = largestDivisorAtMost(this.stepFrames, MAX_SUB_BLOCK);
    this.subPerStep = this.stepFrames / this.subBlockFrames;
    this.mSubs = 4 * this.subPerStep;
    this.sSubs = 30 * this.subPerStep;
    this.mFrames = 4 * this.stepFrames;
    this.sFrames = 30 * this.stepFrames;
    this.subRing = new Float64Array(this.sSubs);
  }

  reset(): void {
    this.kw.reset();
    for (let i = 0; i < this.channels; i++) this.tp[i].reset();
    this.subRing.fill(0);
    this.subPos = 0;
    this.framesInSub = 0;
    this.mSum = 0;
    this.sSum = 0;
    this.mLive = 0;
    this.sLive = 0;
    this.mMax = 0;
    this.sMax = 0;
    this.stepRing.fill(0);
    this.stepPos = 0;
    this.subsInStep = 0;
    this.stepSum = 0;
    this.steps = 0;
    this.gating.reset();
    this.shortTermValues.reset();
    this.integratedCache = -Infinity;
    this.rangeCache = 0;
    this.integratedStale = false;
    this.rangeStale = false;
  }

  /**
   * Measure a block: one array per channel (extra arrays are ignored, missing channels count as
   * silence), frames [start, end) of each (default: the whole of channels[0]), any length.
   */
  process(channels: readonly Float32Array[], start = 0, end = channels.length > 0 ? channels[0].length : 0): void {
    if (channels.length === 0) return;
    const nch = Math.min(this.channels, channels.length);
    const sub = this.subBlockFrames;
    let offset = start;
    while (offset < end) {
      let len = sub - this.framesInSub;
      if (len > end - offset) len = end - offset;
      const stop = offset + len;
      for (let c = 0; c < nch; c++) {
        const x = channels[c];
        this.kw.accumulate(c, x, offset, stop);
        this.tp[c].processBlock(x, offset, stop);
      }
      this.framesInSub += len;
      offset = stop;
      if (this.framesInSub === sub) this.endSubBlock();
    }
  }

  /** a sub-block is complete: slide the windows, and every 100 ms feed the gating stores */
  private endSubBlock(): void {
    this.framesInSub = 0;
    const e = this.kw.takeEnergy(this.weights);
    const ring = this.subRing;
    const n = this.sSubs;
    const pos = this.subPos;
    // the sub-block leaving the short-term window is the one overwritten now;
    // the one leaving the momentary window is mSubs back
    const oldS = ring[pos];
    let mOut = pos - this.mSubs;
    if (mOut < 0) mOut += n;
    const oldM = ring[mOut];
    ring[pos] = e;
    this.subPos = pos + 1 === n ? 0 : pos + 1;

    this.mSum += e - oldM;
    this.sSum += e - oldS;
    const live = e > 0 ? 1 : 0;
    this.mLive += live - (oldM > 0 ? 1 : 0);
    this.sLive += live - (oldS > 0 ? 1 : 0);

    this.stepSum += e;
    if (++this.subsInStep === this.subPerStep) this.endStep();

    if (this.mLive > 0 && this.mSum > this.mMax * this.mFrames) this.mMax = this.mSum / this.mFrames;
    if (this.sLive > 0 && this.sSum > this.sMax * this.sFrames) this.sMax = this.sSum / this.sFrames;
  }

  /** a 100 ms step is complete: exact window sums, gating block, short-term sample for LRA */
  private endStep(): void {
    const r = this.stepRing;
    r[this.stepPos] = this.stepSum;
    this.stepPos = this.stepPos === 29 ? 0 : this.stepPos + 1;
    this.stepSum = 0;
    this.subsInStep = 0;
    this.steps++;

    // exact sums over the last 4 and 30 steps (the windows end on this step boundary)
    let m = 0;
    let s = 0;
    for (let k = 1; k <= 30; k++) {
      let i = this.stepPos - k;
      if (i < 0) i += 30;
      s += r[i];
      if (k === 4) m = s;
    }
    this.mSum = m;
    this.sSum = s;

    // BS.1770-5: 400 ms gating blocks every 100 ms, complete blocks only
    if (this.steps >= 4) {
      this.gating.add(m / this.mFrames);
      this.integratedStale = true;
    }
    // Tech 3342: short-term values at 10 Hz, full 3 s windows only
    if (this.steps >= 30) {
      this.shortTermValues.add(s / this.sFrames);
      this.rangeStale = true;
    }
  }

  /** momentary loudness (400 ms), LUFS */
  get momentary(): number {
    return this.mLive > 0 ? powerToLufs(this.mSum / this.mFrames) : -Infinity;
  }

  /** short-term loudness (3 s), LUFS */
  get shortTerm(): number {
    return this.sLive > 0 ? powerToLufs(this.sSum / this.sFrames) : -Infinity;
  }

  /** integrated (gated) loudness since reset, LUFS */
  get integrated(): number {
    if (this.integratedStale) {
      this.integratedCache = this.gating.gatedLoudness(INTEGRATED_RELATIVE_GATE_LU);
      this.integratedStale = false;
    }
    return this.integratedCache;
  }

  /** loudness range (EBU Tech 3342) since reset, LU; 0 before the first 3 s or in silence */
  get loudnessRange(): number {
    if (this.rangeStale) {
      this.rangeCache = this.shortTermValues.range(LRA_RELATIVE_GATE_LU, LRA_LOW_PERCENTILE, LRA_HIGH_PERCENTILE);
      this.rangeStale = false;
    }
    return this.rangeCache;
  }

  /** maximum momentary loudness since reset, LUFS */
  get maxMomentary(): number {
    return powerToLufs(this.mMax);
  }

  /** maximum short-term loudness since reset, LUFS */
  get maxShortTerm(): number {
    return powerToLufs(this.sMax);
  }

  /** maximum true peak since reset over all channels, dBTP */
  get truePeak(): number {
    let p = 0;
    for (let i = 0; i < this.channels; i++) if (this.tp[i].peak > p) p = this.tp[i].peak;
    return p > 0 ? 20 * Math.log10(p) : -Infinity;
  }
}
