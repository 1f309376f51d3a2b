/**
 * The EQ analyser, on the GUI side: the processor posts the last 2048 samples (mono sum) at
 * about 30 Hz; here they are Hann-windowed, transformed, averaged over frames (power, one-pole,
 * ~300 ms), smoothed over 1/6 octave for display, and optionally peak-held (falling 12 dB/s).
 * Levels are dBFS of a sine: a full-scale sine reads 0 dB.
 */
import { RealFft } from '../../../shared-dsp/analysis/fft.js';
import { EQ_ANALYSER_SIZE } from '../../../shared-dsp/eq/eq-meters.js';

const N = EQ_ANALYSER_SIZE;
const fft = new RealFft(N);
/** periodic Hann window */
const window = Float64Array.from({ length: N }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / N));
/** |X| of a unit sine through a Hann window is N/4: power scale to read 0 dB for it */
const SCALE = 1 / (N / 4) ** 2;
const AVERAGE = 0.6;
const PEAK_FALL_DB_PER_FRAME = 12 / 30;

export class SpectrumAnalyser {
  peakHold = false;
  private readonly re = new Float64Array(N / 2 + 1);
  private readonly im = new Float64Array(N / 2 + 1);
  private readonly buf = new Float64Array(N);
  private readonly power = new Float64Array(N / 2 + 1);
  private readonly avg = new Float64Array(N / 2 + 1);
  private peak: Float64Array | null = null;
  private levels: Float64Array | null = null;
  private peakLevels: Float64Array | null = null;
  private rate = 48000;
  private frames = 0;

  get peaks(): Float64Array | null {
    return this.peak;
  }

  reset(): void {
    this.avg.fill(0);
    this.peak = null;
    this.frames = 0;
  }

  push(frame: ArrayLike<number>, offset: number, sampleRate: number): void {
    this.rate = sampleRate;
    for (let i = 0; i < N; i++) this.buf[i] = (frame[offset + i] ?? 0) * window[i];
    fft.power(this.buf, this.re, this.im, this.power);
    const a = this.frames++ === 0 ? 0 : AVERAGE;
    for (let k = 0; k <= N / 2; k++) this.avg[k] = a * this.avg[k] + (1 - a) * this.power[k] * SCALE;
    if (this.peakHold) {
      if (!this.peak) this.peak = new Float64Array(N / 2 + 1).fill(-200);
      for (let k = 0; k <= N / 2; k++) {
        const db = 10 * Math.log10(this.avg[k] + 1e-30);
        this.peak[k] = Math.max(db, this.peak[k] - PEAK_FALL_DB_PER_FRAME);
      }
    } else this.peak = null;
  }

  /** Averaged level (dB) around each display frequency, 1/6-octave smoothing. */
  levelsAt(freqs: Float64Array): Float64Array | null {
    if (this.frames === 0) return null;
    if (!this.levels || this.levels.length !== freqs.length) this.levels = new Float64Array(freqs.length);
    this.smooth(freqs, (k) => this.avg[k], this.levels, true);
    return this.levels;
  }

  peaksAt(freqs: Float64Array): Float64Array | null {
    if (!this.peak) return null;
    if (!this.peakLevels || this.peakLevels.length !== freqs.length) this.peakLevels = new Float64Array(freqs.length);
    const p = this.peak;
    this.smooth(freqs, (k) => p[k], this.peakLevels, false);
    return this.peakLevels;
  }

  private smooth(freqs: Float64Array, at: (k: number) => number, out: Float64Array, power: boolean): void {
    const df = this.rate / N;
    const span = 2 ** (1 / 12);
    for (let i = 0; i < freqs.length; i++) {
      const lo = Math.max(1, Math.floor(freqs[i] / span / df));
      const hi = Math.min(N / 2, Math.max(lo, Math.ceil((freqs[i] * span) / df)));
      let s = power ? 0 : -Infinity;
      for (let k = lo; k <= hi; k++) s = power ? s + at(k) : Math.max(s, at(k));
      out[i] = power ? 10 * Math.log10(s / (hi - lo + 1) + 1e-30) : s;
    }
  }
}
