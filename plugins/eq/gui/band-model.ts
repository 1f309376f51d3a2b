/**
 * What the EQ GUI needs to know about a band, read from the ParamHost: its settings, whether
 * its handle moves gain, and its response curve (the kernel's own design, evaluated at
 * log-spaced frequencies, recomputed only when that band changes).
 */
import type { ParamHost } from '../../../shared-ui/param-host.js';
import { createDesign, designBand, designResponseDb } from '../../../shared-dsp/eq/eq-response.js';
import { isGainType } from '../../../shared-dsp/eq/eq-band-types.js';
import { BAND_COUNT } from '../params.js';

export const BAND_COLORS = ['#ef6f6c', '#f2a950', '#e8d44d', '#7bd389', '#4fc1e9', '#6f8cf2', '#b084f5', '#f07ac2'] as const;

export interface BandView {
  n: number;
  on: boolean;
  type: number;
  freq: number;
  gain: number;
  q: number;
  slope: number;
  stereo: number;
}

export const bandId = (n: number, what: string) => `b${n}_${what}`;

export function readBand(host: ParamHost, n: number): BandView {
  const v = (w: string) => host.getValue(bandId(n, w));
  return { n, on: v('on') >= 0.5, type: v('type'), freq: v('freq'), gain: v('gain'), q: v('q'), slope: v('slope'), stereo: v('stereo') };
}

export function handleMovesGain(type: number): boolean {
  return isGainType(type);
}

/** Per-band response curves at `freqs`, cached until the band's parameters change. */
export class ResponseCache {
  readonly curves: Float64Array[];
  readonly sum: Float64Array;
  private readonly design = createDesign();
  private readonly dirty = new Array<boolean>(BAND_COUNT).fill(true);
  private freqs: Float64Array = new Float64Array(0);
  private rate = 0;

  constructor() {
    this.curves = Array.from({ length: BAND_COUNT }, () => new Float64Array(0));
    this.sum = new Float64Array(0);
  }

  invalidate(n?: number): void {
    if (n === undefined) this.dirty.fill(true);
    else this.dirty[n - 1] = true;
  }

  /** Recompute what changed; returns the summed curve of the bands that are on. */
  update(host: ParamHost, freqs: Float64Array, sampleRate: number): Float64Array {
    if (freqs !== this.freqs || sampleRate !== this.rate) {
      this.freqs = freqs;
      this.rate = sampleRate;
      for (let i = 0; i < BAND_COUNT; i++) this.curves[i] = new Float64Array(freqs.length);
      (this as { sum: Float64Array }).sum = new Float64Array(freqs.length);
      this.dirty.fill(true);
    }
    for (let n = 1; n <= BAND_COUNT; n++) {
      if (!this.dirty[n - 1]) continue;
      const b = readBand(host, n);
      designBand(b.type, b.freq, b.gain, b.q, b.slope, sampleRate, this.design);
      designResponseDb(this.design, freqs, sampleRate, this.curves[n - 1]);
      this.dirty[n - 1] = false;
    }
    this.sum.fill(0);
    for (let n = 1; n <= BAND_COUNT; n++) {
      if (!readBand(host, n).on) continue;
      const c = this.curves[n - 1];
      for (let i = 0; i < c.length; i++) this.sum[i] += c[i];
    }
    return this.sum;
  }
}
