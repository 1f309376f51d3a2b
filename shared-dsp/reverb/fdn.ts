/**
 * Feedback delay network for hall, room and chamber.
 *
 * J.-M. Jot and A. Chaigne, "Digital delay networks for designing artificial reverberators",
 * AES 90th Convention (1991): N delay lines fed back through an orthogonal matrix; each line
 * loses 10^(-3 m_i / (fs T60)) per pass (decay-design.ts), so every mode decays at the same
 * rate. Here:
 * - N = 8, feedback matrix H8 / sqrt(8) (Sylvester Hadamard, orthogonal), applied as a fast
 *   Walsh-Hadamard transform: 24 additions, no multiplies (the 1/sqrt(8) is folded into the
 *   decay filters).
 * - the four longest lines are read through modulated first-order allpass interpolation
 *   (blocks.ts): lossless, so the modulation does not change RT60 (a linear interpolator would
 *   lose up to 1.2 dB per pass at 8 kHz); the other four read whole-sample delays.
 * - per line: the 3-band decay filter (low shelf + high shelf, broadband gain folded in).
 * - stereo in and out through +-1 sign vectors (fdn-tunings.ts).
 * - input: four Schroeder allpasses per side (diffusion).
 * Processing runs in blocks of up to 32 frames (shorter than every line, so a block never reads
 * what it writes): read and filter two lines per loop, then mix and write back.
 * Delay memory is Float32 in power-of-two rings (one region per line, one mask); every value
 * written is flushed below 1e-34 so no denormal ever enters a ring, and the Float64 filter
 * states are flushed below 1e-30 after every block.
 */
import { AllpassChain } from './allpass-chain.js';
import { DECAY_FILTER_COEFS, type DecayDesign } from './decay-design.js';
import {
  FDN_IN_L, FDN_IN_R, FDN_LINES, FDN_MAX_DIFFUSER_MS, FDN_MAX_LINE_MS, FDN_MOD_PHASE, FDN_MOD_RATIO,
  FDN_LEVEL_REF_MS, FDN_OUT_L, FDN_OUT_R, type FdnTuning,
} from './fdn-tunings.js';
import { sineAt, wrapPhase } from './lfo.js';
import { readFiltered2, readModulatedFiltered2 } from './blocks.js';

const N = FDN_LINES;
const MOD_BLOCK = 32;
/** lines MODULATED_FROM..7 are modulated (the four longest); the others read whole-sample delays */
const MODULATED_FROM = 4;
/** 1/sqrt(8): the Hadamard normalisation, folded into the decay filters */
const H_NORM = 1 / Math.sqrt(8);
/** input sign vectors scaled to unit norm per channel */
const IN_NORM = 1 / Math.sqrt(8);

export class Fdn {
  private fs = 48000;
  private mem = new Float32Array(0);
  private ring = 0;
  private mask = 0;
  private w = 0;
  /** mean delay of each line in samples (at the current size) */
  readonly length = new Float64Array(N);
  /** per line: current delay (samples) and the allpass interpolator's last output */
  private readonly modStates: Float64Array[] = Array.from({ length: N }, () => new Float64Array(2));
  private readonly step = new Float64Array(N);
  private readonly lineBuf: Float64Array[] = Array.from({ length: N }, () => new Float64Array(MOD_BLOCK));
  /** longest block: no line may read what the same block writes */
  private maxBlock = MOD_BLOCK;
  private readonly coef = new Float64Array(N * DECAY_FILTER_COEFS);
  private readonly z = new Float64Array(N * 4);
  private readonly phase = new Float64Array(N);
  private readonly phaseInc = new Float64Array(N);
  private depth = 0;
  private shortest = MOD_BLOCK + 2;
  private modCount = 0;
  private outGain = 1;
  private readonly diffL = new AllpassChain(4);
  private readonly diffR = new AllpassChain(4);

  prepare(sampleRate: number, maxScale: number, maxModMs: number): void {
    this.fs = sampleRate;
    const maxLen = Math.ceil(((FDN_MAX_LINE_MS * maxScale + maxModMs) * sampleRate) / 1000) + 4;
    let size = 1;
    while (size < maxLen) size <<= 1;
    this.ring = size;
    this.mask = size - 1;
    this.mem = new Float32Array(size * N);
    const maxDiff = Math.ceil((FDN_MAX_DIFFUSER_MS * maxScale * sampleRate) / 1000) + 2;
    this.diffL.prepare(maxDiff);
    this.diffR.prepare(maxDiff);
    this.reset();
  }

  reset(): void {
    this.mem.fill(0);
    for (let i = 0; i < N; i++) this.modStates[i][1] = 0;
    this.z.fill(0);
    this.diffL.reset();
    this.diffR.reset();
    for (let i = 0; i < N; i++) this.phase[i] = FDN_MOD_PHASE[i];
    this.modCount = 0;
    this.w = 0;
  }

  /** delay lengths of a tuning at a size scale; call setDecay afterwards */
  setTuning(t: FdnTuning, scale: number): void {
    const k = (scale * this.fs) / 1000;
    let shortest = Infinity;
    for (let i = 0; i < N; i++) {
      this.length[i] = Math.round(t.linesMs[i] * k);
      this.modStates[i][0] = this.length[i] + (i >= MODULATED_FROM ? this.depth * sineAt(this.phase[i]) : 0);
      this.step[i] = 0;
      shortest = Math.min(shortest, this.length[i]);
    }
    this.shortest = shortest;
    this.updateMaxBlock();
    for (let j = 0; j < 4; j++) {
      this.diffL.setLength(j, t.diffuserMsL[j] * k);
      this.diffR.setLength(j, t.diffuserMsR[j] * k);
    }
    // the tail's energy goes as RT60 / (mean line length): level it across algorithms and sizes
    let mean = 0;
    for (let i = 0; i < N; i++) mean += this.length[i] / N;
    this.outGain = t.outputGain * Math.sqrt(mean / ((FDN_LEVEL_REF_MS * this.fs) / 1000));
    this.modCount = 0;
  }

  private updateMaxBlock(): void {
    // reads go back at least floor(shortest - depth - 0.5) frames; a block must be shorter
    this.maxBlock = Math.max(1, Math.min(MOD_BLOCK, Math.floor(this.shortest - this.depth - 2)));
  }

  /** decay filters of every line from the design (per-sample losses) */
  setDecay(d: DecayDesign): void {
    for (let i = 0; i < N; i++) d.designPath(this.coef, i * DECAY_FILTER_COEFS, this.length[i], H_NORM);
  }

  /** diffusion 0..1: input allpass gains up to Dattorro's 0.75 / 0.625 */
  setDiffusion(amount: number): void {
    const g1 = 0.75 * amount;
    const g2 = 0.625 * amount;
    this.diffL.setGain(0, g1); this.diffL.setGain(1, g1); this.diffL.setGain(2, g2); this.diffL.setGain(3, g2);
    this.diffR.setGain(0, g1); this.diffR.setGain(1, g1); this.diffR.setGain(2, g2); this.diffR.setGain(3, g2);
  }

  /** excursion in samples (peak) and base rate in Hz */
  setModulation(depthSamples: number, rateHz: number): void {
    this.depth = depthSamples;
    this.updateMaxBlock();
    for (let i = 0; i < N; i++) this.phaseInc[i] = (rateHz * FDN_MOD_RATIO[i]) / this.fs;
  }

  /** next modulation segment: each line's delay glides linearly to its value 32 samples on */
  private nextModSegment(): void {
    for (let i = MODULATED_FROM; i < N; i++) {
      const p = (this.phase[i] = wrapPhase(this.phase[i] + this.phaseInc[i] * MOD_BLOCK));
      const target = this.length[i] + this.depth * sineAt(p);
      this.step[i] = (target - this.modStates[i][0]) / MOD_BLOCK;
    }
  }

  /** Tail of inL/inR[start, end) (diffused in place) into outL/outR. */
  process(inL: Float64Array, inR: Float64Array, outL: Float64Array, outR: Float64Array, start: number, end: number): void {
    AllpassChain.processPair4(this.diffL, this.diffR, inL, inR, start, end); // same ring sizes
    let n = start;
    while (n < end) {
      if (this.modCount === 0) {
        this.nextModSegment();
        this.modCount = MOD_BLOCK;
      }
      const b = Math.min(end - n, this.modCount, this.maxBlock);
      this.readLines(b);
      this.mixAndWrite(inL, inR, outL, outR, n, b);
      this.modCount -= b;
      n += b;
    }
  }

  /**
   * every line's next b outputs (read, decay filter) into lineBuf[i], two lines at a time:
   * lines 0-3 at fixed whole-sample delays, lines 4-7 modulated
   */
  private readLines(b: number): void {
    const ring = this.ring;
    const st = this.modStates;
    const lb = this.lineBuf;
    const len = this.length;
    const F = DECAY_FILTER_COEFS;
    for (let i = 0; i < MODULATED_FROM; i += 2) {
      readFiltered2(
        this.mem, this.w, this.mask, this.coef, this.z, b,
        i * ring, len[i], i * F, i * 4, lb[i],
        (i + 1) * ring, len[i + 1], (i + 1) * F, (i + 1) * 4, lb[i + 1],
      );
    }
    for (let i = MODULATED_FROM; i < N; i += 2) {
      readModulatedFiltered2(
        this.mem, this.w, this.mask, this.coef, this.z, b, this.step,
        i * ring, st[i], i, i * F, i * 4, lb[i],
        (i + 1) * ring, st[i + 1], i + 1, (i + 1) * F, (i + 1) * 4, lb[i + 1],
      );
    }
  }

  /** outputs, Hadamard feedback and input injection for b frames from frame n */
  private mixAndWrite(inL: Float64Array, inR: Float64Array, outL: Float64Array, outR: Float64Array, n: number, b: number): void {
    const mem = this.mem;
    const mask = this.mask;
    const ring = this.ring;
    const lb = this.lineBuf;
    const l0 = lb[0], l1 = lb[1], l2 = lb[2], l3 = lb[3], l4 = lb[4], l5 = lb[5], l6 = lb[6], l7 = lb[7];
    const g = this.outGain * IN_NORM;
    let w = this.w;
    for (let j = 0; j < b; j++, n++) {
      const s0 = l0[j], s1 = l1[j], s2 = l2[j], s3 = l3[j], s4 = l4[j], s5 = l5[j], s6 = l6[j], s7 = l7[j];
      // outputs: signs FDN_OUT_L = + - + + - + - -, FDN_OUT_R = + + - + + - - -
      outL[n] = s0 - s1 + s2 + s3 - s4 + s5 - s6 - s7;
      outR[n] = s0 + s1 - s2 + s3 + s4 - s5 - s6 - s7;
      // fast Walsh-Hadamard transform (natural order), three butterfly stages
      const a0 = s0 + s1, a1 = s0 - s1, a2 = s2 + s3, a3 = s2 - s3;
      const a4 = s4 + s5, a5 = s4 - s5, a6 = s6 + s7, a7 = s6 - s7;
      const b0 = a0 + a2, b1 = a1 + a3, b2 = a0 - a2, b3 = a1 - a3;
      const b4 = a4 + a6, b5 = a5 + a7, b6 = a4 - a6, b7 = a5 - a7;
      // input injection: signs FDN_IN_L = + + - + - + + -, FDN_IN_R = + - + + + + - -
      const xl = inL[n] * g;
      const xr = inR[n] * g;
      const p = xl + xr;
      const m = xl - xr;
      // + 1e-18 - 1e-18 flushes values below ~1e-34 to 0: no denormal ever enters a ring
      mem[w] = b0 + b4 + p + 1e-18 - 1e-18;
      mem[ring + w] = b1 + b5 + m + 1e-18 - 1e-18;
      mem[2 * ring + w] = b2 + b6 - m + 1e-18 - 1e-18;
      mem[3 * ring + w] = b3 + b7 + p + 1e-18 - 1e-18;
      mem[4 * ring + w] = b0 - b4 - m + 1e-18 - 1e-18;
      mem[5 * ring + w] = b1 - b5 + p + 1e-18 - 1e-18;
      mem[6 * ring + w] = b2 - b6 + m + 1e-18 - 1e-18;
      mem[7 * ring + w] = b3 - b7 - p + 1e-18 - 1e-18;
      w = (w + 1) & mask;
    }
    this.w = w;
  }
}
