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
 * allpass arithmetic and writes.
 */
import { AllpassChain } from './allpass-chain.js';
import { DECAY_FILTER_COEFS, type DecayDesign } from './decay-design.js';
import { sineAt, wrapPhase } from './lfo.js';
import { readFiltered2, readModulatedFiltered2 } from './blocks.js';
import {
  DATTORRO_FS, PLATE_TIME_SCALE, PLATE_DECAY_DIFFUSION_1, PLATE_DECAY_DIFFUSION_2, PLATE_INPUT_DIFFUSERS, PLATE_INPUT_GAINS,
  PLATE_OUTPUT_GAIN, PLATE_SEGMENTS, PLATE_TAPS_LEFT, PLATE_TAPS_RIGHT,
  SEG_AP1L, SEG_AP1R, SEG_AP2L, SEG_AP2R, SEG_D1L, SEG_D1R, SEG_D2L, SEG_D2R,
} from './plate-tunings.js';

const MOD_BLOCK = 32;
const F = DECAY_FILTER_COEFS;
const TAPS = 7;

export class Plate {
  private fs = 48000;
  private mem = new Float32Array(0);
  private ring = 0;
  private mask = 0;
  private w = 0;
  /** segment lengths in samples at the current size */
  readonly length = new Int32Array(8);
  /** output taps: segment base index and offset (samples back from the write position) */
  private readonly tapBaseL = new Int32Array(TAPS);
  private readonly tapOffL = new Int32Array(TAPS);
  private readonly tapBaseR = new Int32Array(TAPS);
  private readonly tapOffR = new Int32Array(TAPS);
  /** tap gains: sign * output gain * the mid-band loss of the tap's offset */
  private readonly tapGainL = new Float64Array(TAPS);
  private readonly tapGainR = new Float64Array(TAPS);
  /** one decay filter per segment (two biquads each) */
  private readonly coef = new Float64Array(8 * F);
  private readonly z = new Float64Array(8 * 4);
  private readonly diffuser = new AllpassChain(PLATE_INPUT_DIFFUSERS.length);
  // modulation of the two decay-diffusion-1 allpasses: [delay, interpolator state] per side
  private readonly modL = new Float64Array(2);
  private readonly modR = new Float64Array(2);
  /** delay steps per frame of the two modulated allpasses (left, right) */
  private readonly steps = new Float64Array(2);
  private phase = 0;
  private phaseInc = 0;
  private depth = 0;
  private modCount = 0;
  private maxBlock = MOD_BLOCK;
  private scale = 1;
  // block scratch
  private readonly endL = new Float64Array(MOD_BLOCK);
  private readonly endR = new Float64Array(MOD_BLOCK);
  private readonly apL = new Float64Array(MOD_BLOCK);
  private readonly apR = new Float64Array(MOD_BLOCK);
  private readonly d1L = new Float64Array(MOD_BLOCK);
  private readonly d1R = new Float64Array(MOD_BLOCK);
  private readonly ap2L = new Float64Array(MOD_BLOCK);
  private readonly ap2R = new Float64Array(MOD_BLOCK);

  prepare(sampleRate: number, maxScale: number, maxModMs: number): void {
    this.fs = sampleRate;
    const k = (PLATE_TIME_SCALE * sampleRate) / DATTORRO_FS;
    const longest = Math.ceil(Math.max(...PLATE_SEGMENTS) * k * maxScale + (maxModMs * sampleRate) / 1000) + 4;
    let size = 1;
    while (size < longest) size <<= 1;
    this.ring = size;
    this.mask = size - 1;
    this.mem = new Float32Array(size * 8);
    this.diffuser.prepare(Math.ceil(Math.max(...PLATE_INPUT_DIFFUSERS) * k * maxScale) + 2);
    this.reset();
  }

  reset(): void {
    this.mem.fill(0);
    this.z.fill(0);
    this.diffuser.reset();
    this.modL[1] = this.modR[1] = 0;
    this.phase = 0;
    this.modCount = 0;
    this.w = 0;
  }

  /** lengths at a size scale; call setDecay afterwards */
  setSize(scale: number): void {
    this.scale = scale;
    const k = (scale * PLATE_TIME_SCALE * this.fs) / DATTORRO_FS;
    for (let s = 0; s < 8; s++) this.length[s] = Math.max(2, Math.round(PLATE_SEGMENTS[s] * k));
    for (let t = 0; t < TAPS; t++) {
      const [sl, ol] = PLATE_TAPS_LEFT[t];
      const [sr, or] = PLATE_TAPS_RIGHT[t];
      this.tapBaseL[t] = sl * this.ring;
      this.tapOffL[t] = Math.min(this.length[sl] - 1, Math.max(0, Math.round(ol * k)));
      this.tapBaseR[t] = sr * this.ring;
      this.tapOffR[t] = Math.min(this.length[sr] - 1, Math.max(0, Math.round(or * k)));
    }
    for (let j = 0; j < PLATE_INPUT_DIFFUSERS.length; j++) this.diffuser.setLength(j, PLATE_INPUT_DIFFUSERS[j] * k);
    this.modL[0] = this.length[SEG_AP1L] + this.depth * sineAt(this.phase);
    this.modR[0] = this.length[SEG_AP1R] + this.depth * sineAt(wrapPhase(this.phase + 0.25));
    this.steps[0] = this.steps[1] = 0;
    this.modCount = 0;
    this.updateMaxBlock();
  }

  /** every segment's filter is designed for its own length (broadband gain included) */
  setDecay(d: DecayDesign): void {
    for (let s = 0; s < 8; s++) d.designPath(this.coef, s * F, this.length[s], 1);
    // A tap k samples into a segment reads what entered it k samples ago, before the loss that
    // the segment applies at its end: scaled by the mid loss of k samples, every tap's path has
    // the loss of its delay (otherwise deep taps are too loud at short decays and the
    // response swells for the first ~100 ms).
    const g = d.midPerSample();
    const level = PLATE_OUTPUT_GAIN * Math.sqrt(this.scale);
    for (let t = 0; t < TAPS; t++) {
      this.tapGainL[t] = PLATE_TAPS_LEFT[t][2] * level * Math.pow(g, this.tapOffL[t]);
      this.tapGainR[t] = PLATE_TAPS_RIGHT[t][2] * level * Math.pow(g, this.tapOffR[t]);
    }
  }

  /** diffusion 0..1 scales the input diffusion gains */
  setDiffusion(amount: number): void {
    for (let j = 0; j < PLATE_INPUT_DIFFUSERS.length; j++) this.diffuser.setGain(j, PLATE_INPUT_GAINS[j] * amount);
  }

  setModulation(depthSamples: number, rateHz: number): void {
    this.depth = depthSamples;
    this.phaseInc = rateHz / this.fs;
    this.updateMaxBlock();
  }

  private updateMaxBlock(): void {
    let shortest = Infinity;
    for (let s = 0; s < 8; s++) shortest = Math.min(shortest, this.length[s]);
    this.maxBlock = Math.max(1, Math.min(MOD_BLOCK, Math.floor(shortest - this.depth - 2)));
  }

  private nextModSegment(): void {
    const p = (this.phase = wrapPhase(this.phase + this.phaseInc * MOD_BLOCK));
    this.steps[0] = (this.length[SEG_AP1L] + this.depth * sineAt(p) - this.modL[0]) / MOD_BLOCK;
    this.steps[1] = (this.length[SEG_AP1R] + this.depth * sineAt(wrapPhase(p + 0.25)) - this.modR[0]) / MOD_BLOCK;
  }

  /** tail of the mono sum of inL/inR[start, end) into outL/outR (inL is used as scratch) */
  process(inL: Float64Array, inR: Float64Array, outL: Float64Array, outR: Float64Array, start: number, end: number): void {
    for (let n = start; n < end; n++) inL[n] = 0.5 * (inL[n] + inR[n]);
    this.diffuser.process(inL, start, end);
    let n = start;
    while (n < end) {
      if (this.modCount === 0) {
        this.nextModSegment();
        this.modCount = MOD_BLOCK;
      }
      const b = Math.min(end - n, this.modCount, this.maxBlock);
      this.block(inL, outL, outR, n, b);
      this.modCount -= b;
      n += b;
    }
  }

  /**
   * b frames of the tank from frame n. A block is shorter than every segment, so every
   * segment's reads in the block come from earlier blocks: first all eight reads through their
   * decay filters (two segments per loop), then the allpass arithmetic and the writes.
   */
  private block(x: Float64Array, outL: Float64Array, outR: Float64Array, n: number, b: number): void {
    const mem = this.mem;
    const mask = this.mask;
    const ring = this.ring;
    const len = this.length;
    const c = this.coef;
    const z = this.z;
    const w = this.w;
    const endL = this.endL, endR = this.endR, apL = this.apL, apR = this.apR;
    const d1L = this.d1L, d1R = this.d1R, ap2L = this.ap2L, ap2R = this.ap2R;
    const g1 = PLATE_DECAY_DIFFUSION_1;
    const g2 = PLATE_DECAY_DIFFUSION_2;

    // ends of the two halves (cross-fed)
    readFiltered2(mem, w, mask, c, z, b,
      SEG_D2L * ring, len[SEG_D2L], SEG_D2L * F, SEG_D2L * 4, endL,
      SEG_D2R * ring, len[SEG_D2R], SEG_D2R * F, SEG_D2R * 4, endR);
    // the modulated allpasses' internal delays (decay diffusion 1)
    readModulatedFiltered2(mem, w, mask, c, z, b, this.steps,
      SEG_AP1L * ring, this.modL, 0, SEG_AP1L * F, SEG_AP1L * 4, apL,
      SEG_AP1R * ring, this.modR, 1, SEG_AP1R * F, SEG_AP1R * 4, apR);
    // delay 1 (its decay filter stands for the paper's damping)
    readFiltered2(mem, w, mask, c, z, b,
      SEG_D1L * ring, len[SEG_D1L], SEG_D1L * F, SEG_D1L * 4, d1L,
      SEG_D1R * ring, len[SEG_D1R], SEG_D1R * F, SEG_D1R * 4, d1R);
    // the second allpasses' internal delays (decay diffusion 2)
    readFiltered2(mem, w, mask, c, z, b,
      SEG_AP2L * ring, len[SEG_AP2L], SEG_AP2L * F, SEG_AP2L * 4, ap2L,
      SEG_AP2R * ring, len[SEG_AP2R], SEG_AP2R * F, SEG_AP2R * 4, ap2R);

    // allpasses: v = in + g w, y = w - g v; v enters the allpass's delay, y the next segment.
    // + 1e-18 - 1e-18 flushes values below ~1e-34: no denormals in the rings.
    const bAP1L = SEG_AP1L * ring, bD1L = SEG_D1L * ring, bAP2L = SEG_AP2L * ring, bD2L = SEG_D2L * ring;
    const bAP1R = SEG_AP1R * ring, bD1R = SEG_D1R * ring, bAP2R = SEG_AP2R * ring, bD2R = SEG_D2R * ring;
    for (let j = 0, p = w; j < b; j++, p = (p + 1) & mask) {
      const xin = x[n + j];
      let wv = apL[j];
      let v = xin + endR[j] + g1 * wv;
      mem[bAP1L + p] = v + 1e-18 - 1e-18;
      mem[bD1L + p] = wv - g1 * v + 1e-18 - 1e-18;
      wv = apR[j];
      v = xin + endL[j] + g1 * wv;
      mem[bAP1R + p] = v + 1e-18 - 1e-18;
      mem[bD1R + p] = wv - g1 * v + 1e-18 - 1e-18;
      wv = ap2L[j];
      v = d1L[j] + g2 * wv;
      mem[bAP2L + p] = v + 1e-18 - 1e-18;
      mem[bD2L + p] = wv - g2 * v + 1e-18 - 1e-18;
      wv = ap2R[j];
      v = d1R[j] + g2 * wv;
      mem[bAP2R + p] = v + 1e-18 - 1e-18;
      mem[bD2R + p] = wv - g2 * v + 1e-18 - 1e-18;
    }

    // output taps (table 2 of the paper), read after the block's writes
    const tbL = this.tapBaseL, toL = this.tapOffL, tbR = this.tapBaseR, toR = this.tapOffR;
    const gL = this.tapGainL, gR = this.tapGainR;
    for (let j = 0; j < b; j++) {
      const p = w + j;
      outL[n + j] =
        gL[0] * mem[tbL[0] + ((p - toL[0]) & mask)] + gL[1] * mem[tbL[1] + ((p - toL[1]) & mask)] +
        gL[2] * mem[tbL[2] + ((p - toL[2]) & mask)] + gL[3] * mem[tbL[3] + ((p - toL[3]) & mask)] +
        gL[4] * mem[tbL[4] + ((p - toL[4]) & mask)] + gL[5] * mem[tbL[5] + ((p - toL[5]) & mask)] +
        gL[6] * mem[tbL[6] + ((p - toL[6]) & mask)];
      outR[n + j] =
        gR[0] * mem[tbR[0] + ((p - toR[0]) & mask)] + gR[1] * mem[tbR[1] + ((p - toR[1]) & mask)] +
        gR[2] * mem[tbR[2] + ((p - toR[2]) & mask)] + gR[3] * mem[tbR[3] + ((p - toR[3]) & mask)] +
        gR[4] * mem[tbR[4] + ((p - toR[4]) & mask)] + gR[5] * mem[tbR[5] + ((p - toR[5]) & mask)] +
        gR[6] * mem[tbR[6] + ((p - toR[6]) & mask)];
    }
    this.w = (w + b) & mask;
  }
}
