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
 * Processing runs in blocks of up to MOD_BLOCK frames (shorter than every line, so a block
 * never reads what it writes): read and filter two lines per loop, then mix and write back.
 * All memory is one Float64Array heap (blocks.ts): per-line coefficients and states, the
 * block's line outputs, the diffusers' rings, then the eight power-of-two line rings. Every
 * value written to a ring is flushed below 1e-34 so no denormal ever enters one, and the
 * filter states are flushed below 1e-30 after every block.
 */
import { AllpassChain } from './allpass-chain.js';
import { PATH_COEFS, PATH_STATE, readFixed2, readModulated, RING_PAD, ST_D, ST_K, ST_STEP } from './blocks.js';
import type { DecayDesign } from './decay-design.js';
import {
  FDN_LINES, FDN_MAX_DIFFUSER_MS, FDN_MAX_LINE_MS, FDN_MOD_PHASE, FDN_MOD_RATIO,
  FDN_LEVEL_REF_MS, type FdnTuning,
} from './fdn-tunings.js';
import { SINE_TABLE, SINE_TABLE_SIZE } from './lfo.js';

const N = FDN_LINES;
/** frames per modulation segment (each modulated delay glides linearly over one) */
const MOD_BLOCK = 128;
/** lines MODULATED_FROM..7 are modulated (the four longest); the others read whole-sample delays */
const MODULATED_FROM = 4;
/** 1/sqrt(8): the Hadamard normalisation, folded into the decay filters */
const H_NORM = 1 / Math.sqrt(8);
/** input sign vectors scaled to unit norm per channel */
const IN_NORM = 1 / Math.sqrt(8);

// heap layout
const COEF = 0;
const STATE = COEF + N * PATH_COEFS;
const LINE_OUT = STATE + N * PATH_STATE;
/** input gain: the sign vectors' norm and the level normalisation (setTuning) */
const IN_GAIN = LINE_OUT + N * MOD_BLOCK;
const DIFFUSERS = IN_GAIN + 1;

export class Fdn {
  private fs = 48000;
  /** the heap: see the layout above */
  private H = new Float64Array(DIFFUSERS);
  /** first line ring, distance between rings (ring size + RING_PAD, blocks.ts), mask, write index */
  private rings = DIFFUSERS;
  private ring = 1;
  private mask = 0;
  private w = 0;
  /** length of each line in samples (at the current size) */
  readonly length = new Int32Array(N);
  private readonly phase = new Float64Array(N);
  private readonly phaseInc = new Float64Array(N);
  private depth = 0;
  private shortest = MOD_BLOCK + 2;
  /** longest block: no line may read what the same block writes */
  private maxBlock = MOD_BLOCK;
  private modCount = 0;
  private readonly diffL = new AllpassChain(4);
  private readonly diffR = new AllpassChain(4);
  private readonly perMs = new Float64Array(1);

  prepare(sampleRate: number, maxScale: number, maxModMs: number): void {
    this.fs = sampleRate;
    const maxLen = Math.ceil(((FDN_MAX_LINE_MS * maxScale + maxModMs) * sampleRate) / 1000) + 4;
    let size = 1;
    while (size < maxLen) size <<= 1;
    this.ring = size + RING_PAD;
    this.mask = size - 1;
    const maxDiff = Math.ceil((FDN_MAX_DIFFUSER_MS * maxScale * sampleRate) / 1000) + 2;
    const diffWords = AllpassChain.sizeFor(4, maxDiff);
    this.diffL.place(DIFFUSERS, maxDiff);
    this.diffR.place(DIFFUSERS + diffWords, maxDiff);
    this.rings = DIFFUSERS + 2 * diffWords;
    this.H = new Float64Array(this.rings + N * this.ring);
    this.reset();
  }

  reset(): void {
    const H = this.H;
    H.fill(0, LINE_OUT, IN_GAIN);
    H.fill(0, DIFFUSERS);
    for (let i = 0; i < N; i++) {
      // filter states and interpolator; the modulated delays keep their place
      H.fill(0, STATE + i * PATH_STATE, STATE + i * PATH_STATE + 6);
      this.phase[i] = FDN_MOD_PHASE[i];
    }
    this.modCount = 0;
    this.w = 0;
    this.diffL.w = this.diffR.w = 0;
  }

  /**
   * Control inputs, set before the calls that use them (fields, not arguments: on the audio
   * thread a double argument to a call that is not inlined is boxed): size factor (setTuning),
   * modulation depth in samples (peak) and base rate in Hz (setModulation), diffusion 0..1
   * (setDiffusion).
   */
  scale = 1.5;
  modDepth = 0.5;
  modRate = 0.5;
  diffusion = 0.5;

  /** delay lengths of a tuning at `scale`; call setDecay afterwards */
  setTuning(t: FdnTuning): void {
    const k = (this.scale * this.fs) / 1000;
    const H = this.H;
    let shortest = Infinity;
    for (let i = 0; i < N; i++) {
      this.length[i] = Math.round(t.linesMs[i] * k);
      shortest = Math.min(shortest, this.length[i]);
      if (i >= MODULATED_FROM) {
        // the modulated delay restarts on its curve, gliding from there
        const s = STATE + i * PATH_STATE;
        const x = this.phase[i] * SINE_TABLE_SIZE; // sineAt(phase), written out (lfo.ts)
        const xi = x | 0;
        const d = this.length[i] + this.depth * (SINE_TABLE[xi] + (SINE_TABLE[xi + 1] - SINE_TABLE[xi]) * (x - xi));
        const ki = Math.floor(d - 0.5);
        H[s + ST_K] = ki;
        H[s + ST_D] = d - ki;
        H[s + ST_STEP] = 0;
      }
    }
    this.shortest = shortest;
    this.updateMaxBlock();
    this.perMs[0] = k;
    this.diffL.setLengths(t.diffuserMsL, this.perMs);
    this.diffR.setLengths(t.diffuserMsR, this.perMs);
    // the tail's energy goes as RT60 / (mean line length): level it across algorithms and sizes
    let mean = 0;
    for (let i = 0; i < N; i++) mean += this.length[i] / N;
    H[IN_GAIN] = IN_NORM * t.outputGain * Math.sqrt(mean / ((FDN_LEVEL_REF_MS * this.fs) / 1000));
    this.modCount = 0;
  }

  private updateMaxBlock(): void {
    // reads go back at least floor(shortest - depth - 0.5) frames; a block must be shorter
    this.maxBlock = Math.max(1, Math.min(MOD_BLOCK, Math.floor(this.shortest - this.depth - 2)));
  }

  /** decay filters of every line from the design (per-sample losses) */
  setDecay(d: DecayDesign): void {
    d.scale = H_NORM;
    for (let i = 0; i < N; i++) d.designPath(this.H, COEF + i * PATH_COEFS, this.length[i]);
  }

  /** `diffusion` 0..1: input allpass gains up to Dattorro's 0.75 / 0.625 */
  setDiffusion(): void {
    const g1 = 0.75 * this.diffusion;
    const g2 = 0.625 * this.diffusion;
    const gl = this.diffL.gain;
    const gr = this.diffR.gain;
    gl[0] = gl[1] = gr[0] = gr[1] = g1;
    gl[2] = gl[3] = gr[2] = gr[3] = g2;
  }

  /** `modDepth` (samples, peak) and `modRate` (Hz) */
  setModulation(): void {
    this.depth = this.modDepth;
    this.updateMaxBlock();
    for (let i = 0; i < N; i++) this.phaseInc[i] = (this.modRate * FDN_MOD_RATIO[i]) / this.fs;
  }

  /** next modulation segment: each line's delay glides linearly to its value MOD_BLOCK frames on */
  private nextModSegment(): void {
    const H = this.H;
    const T = SINE_TABLE;
    for (let i = MODULATED_FROM; i < N; i++) {
      let p = this.phase[i] + this.phaseInc[i] * MOD_BLOCK;
      p -= Math.floor(p);
      this.phase[i] = p;
      // sineAt(p), written out (lfo.ts)
      const x = p * SINE_TABLE_SIZE;
      const xi = x | 0;
      const sin = T[xi] + (T[xi + 1] - T[xi]) * (x - xi);
      const s = STATE + i * PATH_STATE;
      H[s + ST_STEP] = (this.length[i] + this.depth * sin - (H[s + ST_K] + H[s + ST_D])) / MOD_BLOCK;
    }
  }

  /**
   * Tail of X[inL, inL + n) and X[inR, inR + n) (diffused in place) into X[outL..] and
   * X[outR..] (X: the kernel's scratch).
   */
  process(X: Float64Array, inL: number, inR: number, outL: number, outR: number, n: number): void {
    const H = this.H;
    AllpassChain.processPair4(this.diffL, this.diffR, H, X, inL, inR, n); // same ring sizes
    const mask = this.mask;
    const ring = this.ring;
    const r0 = this.rings;
    const len = this.length;
    let j = 0;
    while (j < n) {
      if (this.modCount === 0) {
        this.nextModSegment();
        this.modCount = MOD_BLOCK;
      }
      const b = Math.min(n - j, this.modCount, this.maxBlock);
      const w = this.w;
      readFixed2(H, w, mask, b,
        r0, len[0], COEF, STATE, LINE_OUT,
        r0 + ring, len[1], COEF + PATH_COEFS, STATE + PATH_STATE, LINE_OUT + MOD_BLOCK);
      readFixed2(H, w, mask, b,
        r0 + 2 * ring, len[2], COEF + 2 * PATH_COEFS, STATE + 2 * PATH_STATE, LINE_OUT + 2 * MOD_BLOCK,
        r0 + 3 * ring, len[3], COEF + 3 * PATH_COEFS, STATE + 3 * PATH_STATE, LINE_OUT + 3 * MOD_BLOCK);
      readModulated(H, w, mask, b, r0 + 4 * ring, COEF + 4 * PATH_COEFS, STATE + 4 * PATH_STATE, LINE_OUT + 4 * MOD_BLOCK);
      readModulated(H, w, mask, b, r0 + 5 * ring, COEF + 5 * PATH_COEFS, STATE + 5 * PATH_STATE, LINE_OUT + 5 * MOD_BLOCK);
      readModulated(H, w, mask, b, r0 + 6 * ring, COEF + 6 * PATH_COEFS, STATE + 6 * PATH_STATE, LINE_OUT + 6 * MOD_BLOCK);
      readModulated(H, w, mask, b, r0 + 7 * ring, COEF + 7 * PATH_COEFS, STATE + 7 * PATH_STATE, LINE_OUT + 7 * MOD_BLOCK);
      this.w = mixAndWrite(H, X, (inL + j) | 0, (inR + j) | 0, (outL + j) | 0, (outR + j) | 0, b, w, mask, r0, ring);
      this.modCount -= b;
      j += b;
    }
  }
}

/**
 * b frames: outputs, Hadamard feedback and input injection. Line outputs at H[LINE_OUT..];
 * input and output in X. Returns the new write index.
 */
function mixAndWrite(
  H: Float64Array, X: Float64Array, inL: number, inR: number, outL: number, outR: number,
  b: number, w: number, mask: number, r0: number, ring: number,
): number {
  const g = H[IN_GAIN];
  const o0 = LINE_OUT | 0, o1 = (o0 + MOD_BLOCK) | 0, o2 = (o0 + 2 * MOD_BLOCK) | 0, o3 = (o0 + 3 * MOD_BLOCK) | 0;
  const o4 = (o0 + 4 * MOD_BLOCK) | 0, o5 = (o0 + 5 * MOD_BLOCK) | 0, o6 = (o0 + 6 * MOD_BLOCK) | 0, o7 = (o0 + 7 * MOD_BLOCK) | 0;
  const R0 = r0 | 0, R1 = (r0 + ring) | 0, R2 = (r0 + 2 * ring) | 0, R3 = (r0 + 3 * ring) | 0;
  const R4 = (r0 + 4 * ring) | 0, R5 = (r0 + 5 * ring) | 0, R6 = (r0 + 6 * ring) | 0, R7 = (r0 + 7 * ring) | 0;
  for (let j = 0; j < b; j = (j + 1) | 0) {
    const s0 = H[(o0 + j) | 0], s1 = H[(o1 + j) | 0], s2 = H[(o2 + j) | 0], s3 = H[(o3 + j) | 0];
    const s4 = H[(o4 + j) | 0], s5 = H[(o5 + j) | 0], s6 = H[(o6 + j) | 0], s7 = H[(o7 + j) | 0];
    // fast Walsh-Hadamard transform (natural order), three butterfly stages
    const a0 = s0 + s1, a1 = s0 - s1, a2 = s2 + s3, a3 = s2 - s3;
    const a4 = s4 + s5, a5 = s4 - s5, a6 = s6 + s7, a7 = s6 - s7;
    // outputs, from the first stage: FDN_OUT_L = + - + + - + - -, FDN_OUT_R = + + - + + - - -
    X[(outL + j) | 0] = a1 + a2 - a5 - a6;
    X[(outR + j) | 0] = a0 - a3 + a5 - a6;
    const b0 = a0 + a2, b1 = a1 + a3, b2 = a0 - a2, b3 = a1 - a3;
    const b4 = a4 + a6, b5 = a5 + a7, b6 = a4 - a6, b7 = a5 - a7;
    // input injection: signs FDN_IN_L = + + - + - + + -, FDN_IN_R = + - + + + + - -
    const xl = X[(inL + j) | 0] * g;
    const xr = X[(inR + j) | 0] * g;
    const p = xl + xr;
    const m = xl - xr;
    // + 1e-18 - 1e-18 flushes values below ~1e-34 to 0: no denormal ever enters a ring
    H[(R0 + w) | 0] = b0 + b4 + p + 1e-18 - 1e-18;
    H[(R1 + w) | 0] = b1 + b5 + m + 1e-18 - 1e-18;
    H[(R2 + w) | 0] = b2 + b6 - m + 1e-18 - 1e-18;
    H[(R3 + w) | 0] = b3 + b7 + p + 1e-18 - 1e-18;
    H[(R4 + w) | 0] = b0 - b4 - m + 1e-18 - 1e-18;
    H[(R5 + w) | 0] = b1 - b5 + p + 1e-18 - 1e-18;
    H[(R6 + w) | 0] = b2 - b6 + m + 1e-18 - 1e-18;
    H[(R7 + w) | 0] = b3 - b7 - p + 1e-18 - 1e-18;
    w = (w + 1) & mask;
  }
  return w;
}
