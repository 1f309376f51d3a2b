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
 * The modulated allpasses read through first-order allpass interpolation (Dattorro part 2 /
 * Jaffe-Smith 1983), which is lossless, so the modulation leaves RT60 alone.
 */
import { AllpassChain } from './allpass-chain.js';
import { DECAY_FILTER_COEFS, type DecayDesign } from './decay-design.js';
import { sineAt, wrapPhase } from './lfo.js';
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
  private readonly coef = new Float64Array(8 * DECAY_FILTER_COEFS);
  private readonly z = new Float64Array(8 * 4);
  private readonly diffuser = new AllpassChain(PLATE_INPUT_DIFFUSERS.length);
  // modulation of the two decay-diffusion-1 allpasses
  private dL = 0;
  private dR = 0;
  private stepL = 0;
  private stepR = 0;
  private apYL = 0;
  private apYR = 0;
  private phase = 0;
  private phaseInc = 0;
  private depth = 0;
  private modCount = 0;

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
    this.apYL = this.apYR = 0;
    this.phase = 0;
    this.modCount = 0;
    this.w = 0;
  }

  /** lengths at a size scale; call setDecay afterwards */
  setSize(scale: number): void {
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
    this.dL = this.length[SEG_AP1L] + this.depth * sineAt(this.phase);
    this.dR = this.length[SEG_AP1R] + this.depth * sineAt(wrapPhase(this.phase + 0.25));
    this.stepL = this.stepR = 0;
    this.modCount = 0;
  }

  /** every segment's filter is designed for its own length (broadband gain included) */
  setDecay(d: DecayDesign): void {
    for (let s = 0; s < 8; s++) d.designPath(this.coef, s * F, this.length[s], 1);
    // A tap k samples into a segment reads what entered it k samples ago, before the loss that
    // the segment applies at its end: scaled by the mid loss of k samples, every tap's path has
    // the loss of its delay (otherwise deep taps are too loud at short decays and the
    // response swells for the first ~100 ms).
    const g = d.midPerSample();
    for (let t = 0; t < TAPS; t++) {
      this.tapGainL[t] = PLATE_TAPS_LEFT[t][2] * PLATE_OUTPUT_GAIN * Math.pow(g, this.tapOffL[t]);
      this.tapGainR[t] = PLATE_TAPS_RIGHT[t][2] * PLATE_OUTPUT_GAIN * Math.pow(g, this.tapOffR[t]);
    }
  }

  /** diffusion 0..1 scales the paper's input diffusion gains */
  setDiffusion(amount: number): void {
    for (let j = 0; j < PLATE_INPUT_DIFFUSERS.length; j++) this.diffuser.setGain(j, PLATE_INPUT_GAINS[j] * amount);
  }

  setModulation(depthSamples: number, rateHz: number): void {
    this.depth = depthSamples;
    this.phaseInc = rateHz / this.fs;
  }

  private nextModSegment(): void {
    const p = (this.phase = wrapPhase(this.phase + this.phaseInc * MOD_BLOCK));
    this.stepL = (this.length[SEG_AP1L] + this.depth * sineAt(p) - this.dL) / MOD_BLOCK;
    this.stepR = (this.length[SEG_AP1R] + this.depth * sineAt(wrapPhase(p + 0.25)) - this.dR) / MOD_BLOCK;
    const z = this.z;
    for (let k = 0; k < 32; k++) if (z[k] < 1e-30 && z[k] > -1e-30) z[k] = 0;
    if (this.apYL < 1e-30 && this.apYL > -1e-30) this.apYL = 0;
    if (this.apYR < 1e-30 && this.apYR > -1e-30) this.apYR = 0;
  }

  /** tail of the mono sum of inL/inR[start, end) into outL/outR (inL is used as scratch) */
  process(inL: Float64Array, inR: Float64Array, outL: Float64Array, outR: Float64Array, start: number, end: number): void {
    for (let n = start; n < end; n++) inL[n] = 0.5 * (inL[n] + inR[n]);
    this.diffuser.process(inL, start, end);
    const mem = this.mem;
    const mask = this.mask;
    const ring = this.ring;
    const len = this.length;
    const c = this.coef;
    const z = this.z;
    const tbL = this.tapBaseL, toL = this.tapOffL, tbR = this.tapBaseR, toR = this.tapOffR;
    const gL = this.tapGainL, gR = this.tapGainR;
    const g1 = PLATE_DECAY_DIFFUSION_1;
    const g2 = PLATE_DECAY_DIFFUSION_2;
    const bAP1L = SEG_AP1L * ring, bD1L = SEG_D1L * ring, bAP2L = SEG_AP2L * ring, bD2L = SEG_D2L * ring;
    const bAP1R = SEG_AP1R * ring, bD1R = SEG_D1R * ring, bAP2R = SEG_AP2R * ring, bD2R = SEG_D2R * ring;
    const lD1L = len[SEG_D1L], lAP2L = len[SEG_AP2L], lD2L = len[SEG_D2L];
    const lD1R = len[SEG_D1R], lAP2R = len[SEG_AP2R], lD2R = len[SEG_D2R];
    // decay filter offsets (coefficients, states) per segment
    const cAP1L = SEG_AP1L * F, cD1L = SEG_D1L * F, cAP2L = SEG_AP2L * F, cD2L = SEG_D2L * F;
    const cAP1R = SEG_AP1R * F, cD1R = SEG_D1R * F, cAP2R = SEG_AP2R * F, cD2R = SEG_D2R * F;
    let w = this.w;
    let cnt = this.modCount;
    let dL = this.dL, dR = this.dR, apYL = this.apYL, apYR = this.apYR;
    for (let n = start; n < end; n++) {
      if (cnt === 0) {
        this.dL = dL; this.dR = dR; this.apYL = apYL; this.apYR = apYR;
        this.nextModSegment();
        apYL = this.apYL; apYR = this.apYR;
        cnt = MOD_BLOCK;
      }
      cnt--;
      const x = inL[n];
      // ends of the two halves (cross-fed), through their decay filters
      const endL = decayFilter(c, z, cD2L, SEG_D2L * 4, mem[bD2L + ((w - lD2L) & mask)]);
      const endR = decayFilter(c, z, cD2R, SEG_D2R * 4, mem[bD2R + ((w - lD2R) & mask)]);

      // ---- left half: modulated allpass (allpass-interpolated read), delay, allpass, delay
      dL += this.stepL;
      let k = (dL - 0.5) | 0;
      let fr = dL - k;
      let a = (1 - fr) / (1 + fr);
      apYL = a * (mem[bAP1L + ((w - k) & mask)] - apYL) + mem[bAP1L + ((w - k - 1) & mask)];
      let wv = decayFilter(c, z, cAP1L, SEG_AP1L * 4, apYL);
      let v = x + endR + g1 * wv;
      let y = wv - g1 * v;
      mem[bAP1L + w] = v + 1e-18 - 1e-18;
      mem[bD1L + w] = y + 1e-18 - 1e-18;
      const tL = decayFilter(c, z, cD1L, SEG_D1L * 4, mem[bD1L + ((w - lD1L) & mask)]);
      wv = decayFilter(c, z, cAP2L, SEG_AP2L * 4, mem[bAP2L + ((w - lAP2L) & mask)]);
      v = tL + g2 * wv;
      y = wv - g2 * v;
      mem[bAP2L + w] = v + 1e-18 - 1e-18;
      mem[bD2L + w] = y + 1e-18 - 1e-18;

      // ---- right half
      dR += this.stepR;
      k = (dR - 0.5) | 0;
      fr = dR - k;
      a = (1 - fr) / (1 + fr);
      apYR = a * (mem[bAP1R + ((w - k) & mask)] - apYR) + mem[bAP1R + ((w - k - 1) & mask)];
      wv = decayFilter(c, z, cAP1R, SEG_AP1R * 4, apYR);
      v = x + endL + g1 * wv;
      y = wv - g1 * v;
      mem[bAP1R + w] = v + 1e-18 - 1e-18;
      mem[bD1R + w] = y + 1e-18 - 1e-18;
      const tR = decayFilter(c, z, cD1R, SEG_D1R * 4, mem[bD1R + ((w - lD1R) & mask)]);
      wv = decayFilter(c, z, cAP2R, SEG_AP2R * 4, mem[bAP2R + ((w - lAP2R) & mask)]);
      v = tR + g2 * wv;
      y = wv - g2 * v;
      mem[bAP2R + w] = v + 1e-18 - 1e-18;
      mem[bD2R + w] = y + 1e-18 - 1e-18;

      // ---- output taps (table 2 of the paper)
      outL[n] =
        gL[0] * mem[tbL[0] + ((w - toL[0]) & mask)] + gL[1] * mem[tbL[1] + ((w - toL[1]) & mask)] +
        gL[2] * mem[tbL[2] + ((w - toL[2]) & mask)] + gL[3] * mem[tbL[3] + ((w - toL[3]) & mask)] +
        gL[4] * mem[tbL[4] + ((w - toL[4]) & mask)] + gL[5] * mem[tbL[5] + ((w - toL[5]) & mask)] +
        gL[6] * mem[tbL[6] + ((w - toL[6]) & mask)];
      outR[n] =
        gR[0] * mem[tbR[0] + ((w - toR[0]) & mask)] + gR[1] * mem[tbR[1] + ((w - toR[1]) & mask)] +
        gR[2] * mem[tbR[2] + ((w - toR[2]) & mask)] + gR[3] * mem[tbR[3] + ((w - toR[3]) & mask)] +
        gR[4] * mem[tbR[4] + ((w - toR[4]) & mask)] + gR[5] * mem[tbR[5] + ((w - toR[5]) & mask)] +
        gR[6] * mem[tbR[6] + ((w - toR[6]) & mask)];
      w = (w + 1) & mask;
    }
    this.w = w;
    this.modCount = cnt;
    this.dL = dL; this.dR = dR; this.apYL = apYL; this.apYR = apYR;
  }
}

/**
 * The decay filter of one segment: low shelf (carrying the broadband gain) then high shelf,
 * transposed direct form II; coefficients at c[o..o+9], states at z[q..q+3].
 */
function decayFilter(c: Float64Array, z: Float64Array, o: number, q: number, x: number): number {
  const t = c[o] * x + z[q];
  z[q] = c[o + 1] * x - c[o + 3] * t + z[q + 1];
  z[q + 1] = c[o + 2] * x - c[o + 4] * t;
  const u = c[o + 5] * t + z[q + 2];
  z[q + 2] = c[o + 6] * t - c[o + 8] * u + z[q + 3];
  z[q + 3] = c[o + 7] * t - c[o + 9] * u;
  return u;
}
