/**
 * Sidechain high-pass: 2nd-order Butterworth (Q = 1/sqrt 2), bilinear transform prewarped at f0,
 * so the response is exactly -3.01 dB at f0 and falls 12 dB/octave below
 * (|H|^2 = (f/f0)^4 / (1 + (f/f0)^4) away from Nyquist).
 * Built from the shared filter library: the Butterworth design of shared-dsp/filters/butterworth.ts
 * run as a trapezoidal SVF (Simper 2013, shared-dsp/filters/svf-run.ts), which stays well behaved
 * while the frequency is automated; state is flushed below 1e-30 there.
 * One instance filters every channel (same design, a state pair per channel); a stereo pair runs
 * in one interleaved pass.
 */
import { clearDesign, createDesign } from '../filters/filter-design.js';
import { pushButterworth } from '../filters/butterworth.js';
import { RUN_SIZE, designToRun, runSvf, runSvf2From } from '../filters/svf-run.js';

export class SidechainHpf {
  private readonly design = createDesign();
  private readonly coefs = new Float64Array(RUN_SIZE);
  private readonly state: Float64Array;

  constructor(channels = 1) {
    this.state = new Float64Array(2 * Math.max(1, channels));
    this.set(100, 48000);
  }

  set(freq: number, sampleRate: number): void {
    const f = Math.min(Math.max(freq, 1), 0.49 * sampleRate);
    clearDesign(this.design);
    pushButterworth(this.design, (2 * Math.PI * f) / sampleRate, 2, true);
    designToRun(this.design, this.coefs);
  }

  reset(): void {
    this.state.fill(0);
  }

  /** Restart channel c only. */
  resetChannel(c: number): void {
    this.state[2 * c] = 0;
    this.state[2 * c + 1] = 0;
  }

  /** dst[j] = HPF_c(src[off + j]) for j < m. */
  processBlock(c: number, src: Float32Array, off: number, dst: Float64Array, m: number): void {
    for (let j = 0; j < m; j++) dst[j] = src[off + j];
    runSvf(this.coefs, 0, this.state, 2 * c, dst, m);
  }

  /** Channels 0 and 1 in one pass: dstA = HPF_0(srcA), dstB = HPF_1(srcB). */
  processPair(srcA: Float32Array, offA: number, srcB: Float32Array, offB: number, dstA: Float64Array, dstB: Float64Array, m: number): void {
    runSvf2From(this.coefs, 0, this.state, 0, 2, srcA, offA, srcB, offB, dstA, dstB, m);
  }
}
