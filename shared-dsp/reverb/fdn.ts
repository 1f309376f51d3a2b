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
 * - per line: a modulated read with first-order allpass interpolation (J. Dattorro, "Effect
 *   Design Part 2", JAES 45(10), 1997, and D. Jaffe / J. O. Smith, "Extensions of the
 *   Karplus-Strong plucked-string algorithm", CMJ 7(2), 1983): y = a x[n-k] + x[n-k-1] - a y[n-1],
 *   a = (1 - D)/(1 + D), D in [0.5, 1.5). |H| = 1 at every frequency, so the modulation does not
 *   change RT60 (a linear interpolator would add up to 1.2 dB of loss per pass at 8 kHz).
 * - per line: the 3-band decay filter (low shelf + high shelf, broadband gain folded in).
 * - stereo in and out through +-1 sign vectors (fdn-tunings.ts).
 * Delay memory is Float32 in power-of-two rings (one region per line, one mask); every value
 * written is flushed below 1e-34 so no denormal ever enters a ring, and the Float64 filter
 * states are flushed below 1e-30 every 32 samples.
 */
import { AllpassChain } from './allpass-chain.js';
import { DECAY_FILTER_COEFS, type DecayDesign } from './decay-design.js';
import {
  FDN_IN_L, FDN_IN_R, FDN_LINES, FDN_MAX_DIFFUSER_MS, FDN_MAX_LINE_MS, FDN_MOD_PHASE, FDN_MOD_RATIO,
  FDN_OUT_L, FDN_OUT_R, type FdnTuning,
} from './fdn-tunings.js';
import { sineAt, wrapPhase } from './lfo.js';

const N = FDN_LINES;
const MOD_BLOCK = 32;
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
  private readonly delay = new Float64Array(N);
  private readonly step = new Float64Array(N);
  private readonly apY = new Float64Array(N);
  private readonly coef = new Float64Array(N * DECAY_FILTER_COEFS);
  private readonly z = new Float64Array(N * 4);
  private readonly s = new Float64Array(N);
  private readonly phase = new Float64Array(N);
  private readonly phaseInc = new Float64Array(N);
  private depth = 0;
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
    this.apY.fill(0);
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
    for (let i = 0; i < N; i++) {
      this.length[i] = Math.round(t.linesMs[i] * k);
      this.delay[i] = this.length[i] + this.depth * sineAt(this.phase[i]);
      this.step[i] = 0;
    }
    for (let j = 0; j < 4; j++) {
      this.diffL.setLength(j, t.diffuserMsL[j] * k);
      this.diffR.setLength(j, t.diffuserMsR[j] * k);
    }
    this.outGain = t.outputGain;
    this.modCount = 0;
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
    for (let i = 0; i < N; i++) this.phaseInc[i] = (rateHz * FDN_MOD_RATIO[i]) / this.fs;
  }

  /** next modulation segment: each line's delay glides linearly to its value 32 samples on */
  private nextModSegment(): void {
    for (let i = 0; i < N; i++) {
      const p = (this.phase[i] = wrapPhase(this.phase[i] + this.phaseInc[i] * MOD_BLOCK));
      const target = this.length[i] + this.depth * sineAt(p);
      this.step[i] = (target - this.delay[i]) / MOD_BLOCK;
    }
    // flush tiny filter states (denormal protection for the Float64 states)
    const z = this.z;
    for (let k = 0; k < N * 4; k++) if (z[k] < 1e-30 && z[k] > -1e-30) z[k] = 0;
    const ap = this.apY;
    for (let i = 0; i < N; i++) if (ap[i] < 1e-30 && ap[i] > -1e-30) ap[i] = 0;
  }

  /**
   * Tail of inL/inR[start, end) (diffused in place) into outL/outR.
   */
  process(inL: Float64Array, inR: Float64Array, outL: Float64Array, outR: Float64Array, start: number, end: number): void {
    this.diffL.process(inL, start, end);
    this.diffR.process(inR, start, end);
    const mem = this.mem;
    const mask = this.mask;
    const ring = this.ring;
    const delay = this.delay;
    const step = this.step;
    const apY = this.apY;
    const c = this.coef;
    const z = this.z;
    const s = this.s;
    const g = this.outGain * IN_NORM;
    let w = this.w;
    let cnt = this.modCount;
    for (let n = start; n < end; n++) {
      if (cnt === 0) {
        this.nextModSegment();
        cnt = MOD_BLOCK;
      }
      cnt--;
      for (let i = 0, base = 0, o = 0, q = 0; i < N; i++, base += ring, o += 10, q += 4) {
        const d = (delay[i] += step[i]);
        const k = (d - 0.5) | 0;
        const fr = d - k;
        const a = (1 - fr) / (1 + fr);
        const r0 = mem[base + ((w - k) & mask)];
        const r1 = mem[base + ((w - k - 1) & mask)];
        const y = a * (r0 - apY[i]) + r1;
        apY[i] = y;
        // low shelf (with broadband gain and 1/sqrt 8), transposed direct form II
        const t = c[o] * y + z[q];
        z[q] = c[o + 1] * y - c[o + 3] * t + z[q + 1];
        z[q + 1] = c[o + 2] * y - c[o + 4] * t;
        // high shelf
        const u = c[o + 5] * t + z[q + 2];
        z[q + 2] = c[o + 6] * t - c[o + 8] * u + z[q + 3];
        z[q + 3] = c[o + 7] * t - c[o + 9] * u;
        s[i] = u;
      }
      const s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3], s4 = s[4], s5 = s[5], s6 = s[6], s7 = s[7];
      outL[n] = outLeft(s0, s1, s2, s3, s4, s5, s6, s7);
      outR[n] = outRight(s0, s1, s2, s3, s4, s5, s6, s7);
      // fast Walsh-Hadamard transform (natural order), three butterfly stages
      const a0 = s0 + s1, a1 = s0 - s1, a2 = s2 + s3, a3 = s2 - s3;
      const a4 = s4 + s5, a5 = s4 - s5, a6 = s6 + s7, a7 = s6 - s7;
      const b0 = a0 + a2, b1 = a1 + a3, b2 = a0 - a2, b3 = a1 - a3;
      const b4 = a4 + a6, b5 = a5 + a7, b6 = a4 - a6, b7 = a5 - a7;
      const xl = inL[n] * g;
      const xr = inR[n] * g;
      const p = xl + xr; // FDN_IN signs: line gets +-xl +-xr
      const m = xl - xr;
      mem[w] = b0 + b4 + p + 1e-18 - 1e-18; //            +l +r
      mem[ring + w] = b1 + b5 + m + 1e-18 - 1e-18; //     +l -r
      mem[2 * ring + w] = b2 + b6 - m + 1e-18 - 1e-18; // -l +r
      mem[3 * ring + w] = b3 + b7 + p + 1e-18 - 1e-18; // +l +r
      mem[4 * ring + w] = b0 - b4 - m + 1e-18 - 1e-18; // -l +r
      mem[5 * ring + w] = b1 - b5 + p + 1e-18 - 1e-18; // +l +r
      mem[6 * ring + w] = b2 - b6 + m + 1e-18 - 1e-18; // +l -r
      mem[7 * ring + w] = b3 - b7 - p + 1e-18 - 1e-18; // -l -r
      w = (w + 1) & mask;
    }
    this.w = w;
    this.modCount = cnt;
  }
}

// Output sums with the FDN_OUT_L / FDN_OUT_R signs written out.
function outLeft(s0: number, s1: number, s2: number, s3: number, s4: number, s5: number, s6: number, s7: number): number {
  return s0 - s1 + s2 + s3 - s4 + s5 - s6 - s7;
}
function outRight(s0: number, s1: number, s2: number, s3: number, s4: number, s5: number, s6: number, s7: number): number {
  return s0 + s1 - s2 + s3 + s4 - s5 - s6 - s7;
}

// The hand-written sign patterns above must equal the tables (checked once at load).
(() => {
  const inL = [1, 1, -1, 1, -1, 1, 1, -1];
  const inR = [1, -1, 1, 1, 1, 1, -1, -1];
  const outL = [1, -1, 1, 1, -1, 1, -1, -1];
  const outR = [1, 1, -1, 1, 1, -1, -1, -1];
  for (let i = 0; i < N; i++) {
    if (inL[i] !== FDN_IN_L[i] || inR[i] !== FDN_IN_R[i] || outL[i] !== FDN_OUT_L[i] || outR[i] !== FDN_OUT_R[i]) {
      throw new Error('fdn: sign tables out of step with the unrolled code');
    }
  }
})();
