/**
 * Dattorro plate (J. Dattorro, "Effect Design Part 1", JAES 45(9), 1997, fig. 1): mono input
 * through the input diffusers into a figure-eight tank of two halves, each
 *     modulated allpass (decay diffusion 1) -> delay -> damping -> allpass (decay
 *     diffusion 2) -> delay -> cross-feed to the other half,
 * with the stereo output summed from seven taps per side (plate-tunings.ts).
 *
 * Decay, changed from the paper's single decay gain and one-pole damping so that RT60 is set
 * in three bands (decay-design.ts): every delay of the tank, including the allpasses' internal
 * delays, is followed by its own decay filter designed for its length m (loss of m samples at
 * every frequency). For the broadband part this maps each pole z_k of the lossless tank to
 * gamma z_k (H(z) -> H(z / gamma)), so every mode decays at the designed rate whatever the
 * allpasses' group delay; spreading the frequency-dependent loss over eight short segments
 * (instead of one filter per half) keeps each shelf's gain small, where 2nd-order shelves hold
 * their shape (one -70 dB shelf per half at RT60 0.3 s would leak into the mid band).
 * The output taps are scaled by the mid-band loss of their offset into their segment, so every
 * tap's path carries the loss of its delay (without it deep taps swell the first ~100 ms of
 * the response at short decays).
 * The modulated allpasses read through first-order allpass interpolation (Dattorro part 2 /
 * Jaffe-Smith 1983), which is lossless, so the modulation leaves RT60 alone.
 * Processing runs in blocks shorter than every segment (blocks.ts): all reads first, then the
 * allpass arithmetic and writes. All memory is one Float64Array heap (blocks.ts): per-segment
 * coefficients and states, the block's segment outputs, the diffusers' rings, then the eight
 * power-of-two segment rings.
 */
import { AllpassChain } from './allpass-chain.js';
import { PATH_COEFS, PATH_STATE, readFixed2, readModulated, RING_PAD, ST_D, ST_K, ST_STEP } from './blocks.js';
import type { DecayDesign } from './decay-design.js';
import { SINE_TABLE, SINE_TABLE_SIZE } from './lfo.js';
import {
  DATTORRO_FS, PLATE_TIME_SCALE, PLATE_DECAY_DIFFUSION_1, PLATE_DECAY_DIFFUSION_2, PLATE_INPUT_DIFFUSERS, PLATE_INPUT_GAINS,
  PLATE_OUTPUT_GAIN, PLATE_SEGMENTS, PLATE_TAPS_LEFT, PLATE_TAPS_RIGHT,
  SEG_AP1L, SEG_AP1R, SEG_AP2L, SEG_AP2R, SEG_D1L, SEG_D1R, SEG_D2L, SEG_D2R,
} from './plate-tunings.js';

/** frames per modulation segment (the modulated delays glide linearly over one) */
const MOD_BLOCK = 128;
const TAPS = 7;

// heap layout: coefficients and states per segment, then one block buffer per segment
const COEF = 0;
const STATE = COEF + 8 * PATH_COEFS;
const BUF = STATE + 8 * PATH_STATE;
const DIFFUSERS = BUF + 8 * MOD_BLOCK;

export class Plate {
  private fs = 48000;
  private H = new Float64Array(DIFFUSERS);
  /** first segment ring, ring size, mask, write index */
  private rings = DIFFUSERS;
  private ring = 1;
  private mask = 0;
  private w = 0;
  /** segment lengths in samples at the current size */
  readonly length = new Int32Array(8);
  /** output taps: ring start of the tap's segment and offset (samples back from the write position) */
  private readonly tapBaseL = new Int32Array(TAPS);
  private readonly tapOffL = new Int32Array(TAPS);
  private readonly tapBaseR = new Int32Array(TAPS);
  private readonly tapOffR = new Int32Array(TAPS);
  /** tap gains: sign * output gain * the mid-band loss of the tap's offset */
  private readonly tapGainL = new Float64Array(TAPS);
  private readonly tapGainR = new Float64Array(TAPS);
  private readonly diffuser = new AllpassChain(PLATE_INPUT_DIFFUSERS.length);
  private readonly perMs = new Float64Array(1);
  private phase = 0;
  private phaseInc = 0;
  private depth = 0;
  private modCount = 0;
  private maxBlock = MOD_BLOCK;

  prepare(sampleRate: number, maxScale: number, maxModMs: number): void {
    this.fs = sampleRate;
    const k = (PLATE_TIME_SCALE * sampleRate) / DATTORRO_FS;
    const longest = Math.ceil(Math.max(...PLATE_SEGMENTS) * k * maxScale + (maxModMs * sampleRate) / 1000) + 4;
    let size = 1;
    while (size < longest) size <<= 1;
    this.ring = size + RING_PAD; // distance between rings (blocks.ts)
    this.mask = size - 1;
    const maxDiff = Math.ceil(Math.max(...PLATE_INPUT_DIFFUSERS) * k * maxScale) + 2;
    this.diffuser.place(DIFFUSERS, maxDiff);
    this.rings = DIFFUSERS + AllpassChain.sizeFor(PLATE_INPUT_DIFFUSERS.length, maxDiff);
    this.H = new Float64Array(this.rings + 8 * this.ring);
    this.reset();
  }

  reset(): void {
    const H = this.H;
    H.fill(0, BUF);
    for (let s = 0; s < 8; s++) H.fill(0, STATE + s * PATH_STATE, STATE + s * PATH_STATE + 6);
    this.diffuser.w = 0;
    this.phase = 0;
    this.modCount = 0;
    this.w = 0;
  }

  /**
   * Control inputs, set before the calls that use them (fields, not arguments: on the audio
   * thread a double argument to a call that is not inlined is boxed): size factor (setSize),
   * modulation depth in samples (peak) and rate in Hz (setModulation), diffusion 0..1
   * (setDiffusion).
   */
  scale = 1.5;
  modDepth = 0.5;
  modRate = 0.5;
  diffusion = 0.5;

  /** lengths at `scale`; call setDecay afterwards */
  setSize(): void {
    const scale = this.scale;
    const k = (scale * PLATE_TIME_SCALE * this.fs) / DATTORRO_FS;
    for (let s = 0; s < 8; s++) this.length[s] = Math.max(2, Math.round(PLATE_SEGMENTS[s] * k));
    for (let t = 0; t < TAPS; t++) {
      const [sl, ol] = PLATE_TAPS_LEFT[t];
      const [sr, or] = PLATE_TAPS_RIGHT[t];
      this.tapBaseL[t] = this.rings + sl * this.ring;
      this.tapOffL[t] = Math.min(this.length[sl] - 1, Math.max(0, Math.round(ol * k)));
      this.tapBaseR[t] = this.rings + sr * this.ring;
      this.tapOffR[t] = Math.min(this.length[sr] - 1, Math.max(0, Math.round(or * k)));
    }
    this.perMs[0] = k;
    this.diffuser.setLengths(PLATE_INPUT_DIFFUSERS, this.perMs);
    // the modulated delays restart on their curves (k = floor(d - 0.5), D = d - k: blocks.ts)
    const H = this.H;
    for (let side = 0; side < 2; side++) {
      const seg = side === 0 ? SEG_AP1L : SEG_AP1R;
      const st = STATE + seg * PATH_STATE;
      let ph = this.phase + 0.25 * side;
      ph -= Math.floor(ph);
      const x = ph * SINE_TABLE_SIZE; // sineAt(ph), written out (lfo.ts)
      const xi = x | 0;
      const d = this.length[seg] + this.depth * (SINE_TABLE[xi] + (SINE_TABLE[xi + 1] - SINE_TABLE[xi]) * (x - xi));
      const ki = Math.floor(d - 0.5);
      H[st + ST_K] = ki;
      H[st + ST_D] = d - ki;
      H[st + ST_STEP] = 0;
    }
    this.modCount = 0;
    this.updateMaxBlock();
  }

  /** every segment's filter is designed for its own length (broadband gain included) */
  setDecay(d: DecayDesign): void {
    d.scale = 1;
    for (let s = 0; s < 8; s++) d.designPath(this.H, COEF + s * PATH_COEFS, this.length[s]);
    // A tap k samples into a segment reads what entered it k samples ago, before the loss that
    // the segment applies at its end: scaled by the mid loss of k samples, every tap's path has
    // the loss of its delay (otherwise deep taps are too loud at short decays and the
    // response swells for the first ~100 ms).
    const mid = d.mid; // dB per sample (0 while frozen)
    const level = PLATE_OUTPUT_GAIN * Math.sqrt(this.scale);
    for (let t = 0; t < TAPS; t++) {
      this.tapGainL[t] = PLATE_TAPS_LEFT[t][2] * level * Math.pow(10, (mid * this.tapOffL[t]) / 20);
      this.tapGainR[t] = PLATE_TAPS_RIGHT[t][2] * level * Math.pow(10, (mid * this.tapOffR[t]) / 20);
    }
  }

  /** `diffusion` 0..1 scales the input diffusion gains */
  setDiffusion(): void {
    const g = this.diffuser.gain;
    for (let j = 0; j < PLATE_INPUT_DIFFUSERS.length; j++) g[j] = PLATE_INPUT_GAINS[j] * this.diffusion;
  }

  /** `modDepth` (samples, peak) and `modRate` (Hz) */
  setModulation(): void {
    this.depth = this.modDepth;
    this.phaseInc = this.modRate / this.fs;
    this.updateMaxBlock();
  }

  private updateMaxBlock(): void {
    let shortest = Infinity;
    for (let s = 0; s < 8; s++) shortest = Math.min(shortest, this.length[s]);
    this.maxBlock = Math.max(1, Math.min(MOD_BLOCK, Math.floor(shortest - this.depth - 2)));
  }

  private nextModSegment(): void {
    const H = this.H;
    const T = SINE_TABLE;
    let p = this.phase + this.phaseInc * MOD_BLOCK;
    p -= Math.floor(p);
    this.phase = p;
    // sineAt(p) and sineAt(p + 1/4), written out (lfo.ts)
    let x = p * SINE_TABLE_SIZE;
    let xi = x | 0;
    const sinL = T[xi] + (T[xi + 1] - T[xi]) * (x - xi);
    let q = p + 0.25;
    q -= Math.floor(q);
    x = q * SINE_TABLE_SIZE;
    xi = x | 0;
    const sinR = T[xi] + (T[xi + 1] - T[xi]) * (x - xi);
    const sl = STATE + SEG_AP1L * PATH_STATE;
    const sr = STATE + SEG_AP1R * PATH_STATE;
    H[sl + ST_STEP] = (this.length[SEG_AP1L] + this.depth * sinL - (H[sl + ST_K] + H[sl + ST_D])) / MOD_BLOCK;
    H[sr + ST_STEP] = (this.length[SEG_AP1R] + this.depth * sinR - (H[sr + ST_K] + H[sr + ST_D])) / MOD_BLOCK;
  }

  /** tail of the mono sum of X[inL..]/X[inR..] (n frames) into X[outL..]/X[outR..] (X[inL..] is used as scratch) */
  process(X: Float64Array, inL: number, inR: number, outL: number, outR: number, n: number): void {
    for (let i = 0; i < n; i = (i + 1) | 0) X[(inL + i) | 0] = 0.5 * (X[(inL + i) | 0] + X[(inR + i) | 0]);
    this.diffuser.process(this.H, X, inL, n);
    let j = 0;
    while (j < n) {
      if (this.modCount === 0) {
        this.nextModSegment();
        this.modCount = MOD_BLOCK;
      }
      const b = Math.min(n - j, this.modCount, this.maxBlock);
      this.block(X, (inL + j) | 0, (outL + j) | 0, (outR + j) | 0, b);
      this.modCount -= b;
      j += b;
    }
  }

  /**
   * b frames of the tank. A block is shorter than every segment, so every segment's reads in
   * the block come from earlier blocks: first all eight reads through their decay filters (two
   * segments per loop), then the allpass arithmetic and the writes, then the output taps.
   */
  private block(X: Float64Array, x: number, outL: number, outR: number, b: number): void {
    const H = this.H;
    const mask = this.mask;
    const ring = this.ring;
    const r0 = this.rings;
    const len = this.length;
    const w = this.w;
    const F = PATH_COEFS, S = PATH_STATE, M = MOD_BLOCK;
    // ends of the two halves (cross-fed)
    readFixed2(H, w, mask, b,
      r0 + SEG_D2L * ring, len[SEG_D2L], COEF + SEG_D2L * F, STATE + SEG_D2L * S, BUF + SEG_D2L * M,
      r0 + SEG_D2R * ring, len[SEG_D2R], COEF + SEG_D2R * F, STATE + SEG_D2R * S, BUF + SEG_D2R * M);
    // the modulated allpasses' internal delays (decay diffusion 1)
    readModulated(H, w, mask, b, r0 + SEG_AP1L * ring, COEF + SEG_AP1L * F, STATE + SEG_AP1L * S, BUF + SEG_AP1L * M);
    readModulated(H, w, mask, b, r0 + SEG_AP1R * ring, COEF + SEG_AP1R * F, STATE + SEG_AP1R * S, BUF + SEG_AP1R * M);
    // delay 1 (its decay filter stands for the paper's damping)
    readFixed2(H, w, mask, b,
      r0 + SEG_D1L * ring, len[SEG_D1L], COEF + SEG_D1L * F, STATE + SEG_D1L * S, BUF + SEG_D1L * M,
      r0 + SEG_D1R * ring, len[SEG_D1R], COEF + SEG_D1R * F, STATE + SEG_D1R * S, BUF + SEG_D1R * M);
    // the second allpasses' internal delays (decay diffusion 2)
    readFixed2(H, w, mask, b,
      r0 + SEG_AP2L * ring, len[SEG_AP2L], COEF + SEG_AP2L * F, STATE + SEG_AP2L * S, BUF + SEG_AP2L * M,
      r0 + SEG_AP2R * ring, len[SEG_AP2R], COEF + SEG_AP2R * F, STATE + SEG_AP2R * S, BUF + SEG_AP2R * M);
    tankWrite(H, X, x, b, w, mask, r0, ring);
    tapsOut(H, X, outL, outR, b, w, mask, this.tapBaseL, this.tapOffL, this.tapGainL, this.tapBaseR, this.tapOffR, this.tapGainR);
    this.w = (w + b) & mask;
  }
}

/**
 * The tank's allpasses for b frames: v = in + g w, y = w - g v; v enters the allpass's delay,
 * y the next segment. + 1e-18 - 1e-18 flushes values below ~1e-34: no denormals in the rings.
 */
function tankWrite(H: Float64Array, X: Float64Array, x: number, b: number, w: number, mask: number, r0: number, ring: number): void {
  const g1 = PLATE_DECAY_DIFFUSION_1;
  const g2 = PLATE_DECAY_DIFFUSION_2;
  const M = MOD_BLOCK;
  const endL = (BUF + SEG_D2L * M) | 0, endR = (BUF + SEG_D2R * M) | 0, apL = (BUF + SEG_AP1L * M) | 0, apR = (BUF + SEG_AP1R * M) | 0;
  const d1L = (BUF + SEG_D1L * M) | 0, d1R = (BUF + SEG_D1R * M) | 0, ap2L = (BUF + SEG_AP2L * M) | 0, ap2R = (BUF + SEG_AP2R * M) | 0;
  const bAP1L = (r0 + SEG_AP1L * ring) | 0, bD1L = (r0 + SEG_D1L * ring) | 0, bAP2L = (r0 + SEG_AP2L * ring) | 0, bD2L = (r0 + SEG_D2L * ring) | 0;
  const bAP1R = (r0 + SEG_AP1R * ring) | 0, bD1R = (r0 + SEG_D1R * ring) | 0, bAP2R = (r0 + SEG_AP2R * ring) | 0, bD2R = (r0 + SEG_D2R * ring) | 0;
  for (let j = 0, p = w; j < b; j = (j + 1) | 0, p = (p + 1) & mask) {
    const xin = X[(x + j) | 0];
    let wv = H[(apL + j) | 0];
    let v = xin + H[(endR + j) | 0] + wv * g1;
    H[(bAP1L + p) | 0] = v + 1e-18 - 1e-18;
    H[(bD1L + p) | 0] = wv - v * g1 + 1e-18 - 1e-18;
    wv = H[(apR + j) | 0];
    v = xin + H[(endL + j) | 0] + wv * g1;
    H[(bAP1R + p) | 0] = v + 1e-18 - 1e-18;
    H[(bD1R + p) | 0] = wv - v * g1 + 1e-18 - 1e-18;
    wv = H[(ap2L + j) | 0];
    v = H[(d1L + j) | 0] + wv * g2;
    H[(bAP2L + p) | 0] = v + 1e-18 - 1e-18;
    H[(bD2L + p) | 0] = wv - v * g2 + 1e-18 - 1e-18;
    wv = H[(ap2R + j) | 0];
    v = H[(d1R + j) | 0] + wv * g2;
    H[(bAP2R + p) | 0] = v + 1e-18 - 1e-18;
    H[(bD2R + p) | 0] = wv - v * g2 + 1e-18 - 1e-18;
  }
}

/** output taps (table 2 of the paper) for b frames, read after the block's writes */
function tapsOut(
  H: Float64Array, X: Float64Array, outL: number, outR: number, b: number, w: number, mask: number,
  tbL: Int32Array, toL: Int32Array, gL: Float64Array, tbR: Int32Array, toR: Int32Array, gR: Float64Array,
): void {
  const bl0 = tbL[0], bl1 = tbL[1], bl2 = tbL[2], bl3 = tbL[3], bl4 = tbL[4], bl5 = tbL[5], bl6 = tbL[6];
  const br0 = tbR[0], br1 = tbR[1], br2 = tbR[2], br3 = tbR[3], br4 = tbR[4], br5 = tbR[5], br6 = tbR[6];
  const ol0 = toL[0], ol1 = toL[1], ol2 = toL[2], ol3 = toL[3], ol4 = toL[4], ol5 = toL[5], ol6 = toL[6];
  const or0 = toR[0], or1 = toR[1], or2 = toR[2], or3 = toR[3], or4 = toR[4], or5 = toR[5], or6 = toR[6];
  const gl0 = gL[0], gl1 = gL[1], gl2 = gL[2], gl3 = gL[3], gl4 = gL[4], gl5 = gL[5], gl6 = gL[6];
  const gr0 = gR[0], gr1 = gR[1], gr2 = gR[2], gr3 = gR[3], gr4 = gR[4], gr5 = gR[5], gr6 = gR[6];
  for (let j = 0; j < b; j = (j + 1) | 0) {
    const p = (w + j) | 0;
    X[(outL + j) | 0] =
      H[(bl0 + ((p - ol0) & mask)) | 0] * gl0 + H[(bl1 + ((p - ol1) & mask)) | 0] * gl1 +
      H[(bl2 + ((p - ol2) & mask)) | 0] * gl2 + H[(bl3 + ((p - ol3) & mask)) | 0] * gl3 +
      H[(bl4 + ((p - ol4) & mask)) | 0] * gl4 + H[(bl5 + ((p - ol5) & mask)) | 0] * gl5 +
      H[(bl6 + ((p - ol6) & mask)) | 0] * gl6;
    X[(outR + j) | 0] =
      H[(br0 + ((p - or0) & mask)) | 0] * gr0 + H[(br1 + ((p - or1) & mask)) | 0] * gr1 +
      H[(br2 + ((p - or2) & mask)) | 0] * gr2 + H[(br3 + ((p - or3) & mask)) | 0] * gr3 +
      H[(br4 + ((p - or4) & mask)) | 0] * gr4 + H[(br5 + ((p - or5) & mask)) | 0] * gr5 +
      H[(br6 + ((p - or6) & mask)) | 0] * gr6;
  }
}
