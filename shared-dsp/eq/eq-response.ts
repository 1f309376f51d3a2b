/**
 * Response of EQ bands for GUIs and tests: the exact magnitude of the digital filters the
 * kernel runs (designBand + designMagnitudeSq), at arbitrary frequencies.
 */
import { createDesign } from '../filters/filter-design.js';
import { designMagnitudeSq } from '../filters/design-response.js';
import { designBand } from './eq-band-design.js';

export { designBand } from './eq-band-design.js';
export { createDesign } from '../filters/filter-design.js';
export { designMagnitudeSq, designMagnitudeDb } from '../filters/design-response.js';

export interface EqBandSettings {
  type: number;
  freq: number;
  gain: number;
  q: number;
  slope: number;
}

/**
 * Magnitude in dB of a design at each frequency of freqs (Hz), written to out.
 * (For a whole EQ, sum the dB of its active bands.)
 */
export function designResponseDb(d: Float64Array, freqs: ArrayLike<number>, sampleRate: number, out: Float64Array | Float32Array): void {
  const k = (2 * Math.PI) / sampleRate;
  for (let i = 0; i < freqs.length; i++) out[i] = 10 * Math.log10(designMagnitudeSq(d, freqs[i] * k));
}

/** Convenience (allocates a design): a band's magnitude in dB at freqs. */
export function bandResponseDb(band: EqBandSettings, freqs: ArrayLike<number>, sampleRate: number, out: Float64Array | Float32Array): void {
  const d = createDesign();
  designBand(band.type, band.freq, band.gain, band.q, band.slope, sampleRate, d);
  designResponseDb(d, freqs, sampleRate, out);
}
