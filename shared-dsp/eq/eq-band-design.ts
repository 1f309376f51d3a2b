/**
 * One EQ band's parameters -> FilterDesign (shared-dsp/filters/filter-design.ts).
 * Used by the kernel on parameter changes and by GUIs for the response curve.
 */
import { clearDesign } from '../filters/filter-design.js';
import { pushMatchedBell } from '../filters/matched-bell.js';
import { pushMatchedLowShelf, pushMatchedHighShelf } from '../filters/matched-shelf.js';
import { pushButterworth, SLOPE_ORDERS } from '../filters/butterworth.js';
import { pushNotch, pushBandPass } from '../filters/notch-bandpass.js';
import { setTilt } from '../filters/tilt.js';
import {
  BAND_BELL,
  BAND_LOW_SHELF,
  BAND_HIGH_SHELF,
  BAND_LOW_CUT,
  BAND_HIGH_CUT,
  BAND_NOTCH,
  BAND_BAND_PASS,
  BAND_TILT,
} from './eq-band-types.js';

/**
 * Highest design frequency as a fraction of the sample rate. Frequencies at or above it
 * (up to the 30 kHz parameter maximum at any rate) are designed at 0.49 fs: every design
 * stays finite and stable, and a sweep through Nyquist is continuous.
 */
export const MAX_DESIGN_FRACTION = 0.49;

/** Clamp a band frequency for design and turn it into radians per sample. */
export function designOmega(freq: number, sampleRate: number): number {
  let f = freq;
  const hi = MAX_DESIGN_FRACTION * sampleRate;
  if (!(f <= hi)) f = hi; // also catches NaN
  const lo = 1e-5 * sampleRate;
  if (f < lo) f = lo;
  return (2 * Math.PI * f) / sampleRate;
}

/**
 * Write the design of one band into d (a createDesign() buffer). Gain types at exactly 0 dB
 * give the identity (no sections), which the kernel bypasses; with bypassAtZero false they
 * give unity sections instead (numerator = denominator), which the kernel needs to move
 * smoothly into and out of 0 dB.
 * type: BAND_* index; slope: index into SLOPE_ORDERS; q > 0; gainDb in dB.
 */
export function designBand(type: number, freq: number, gainDb: number, q: number, slope: number, sampleRate: number, d: Float64Array, bypassAtZero = true): void {
  clearDesign(d);
  const w0 = designOmega(freq, sampleRate);
  const qq = q > 1e-3 ? q : 1e-3;
  switch (type) {
    case BAND_BELL:
      if (gainDb !== 0 || !bypassAtZero) pushMatchedBell(d, w0, gainDb, qq);
      break;
    case BAND_LOW_SHELF:
      if (gainDb !== 0 || !bypassAtZero) pushMatchedLowShelf(d, w0, gainDb, qq);
      break;
    case BAND_HIGH_SHELF:
      if (gainDb !== 0 || !bypassAtZero) pushMatchedHighShelf(d, w0, gainDb, qq);
      break;
    case BAND_LOW_CUT:
    case BAND_HIGH_CUT: {
      const s = slope < 0 ? 0 : slope >= SLOPE_ORDERS.length ? SLOPE_ORDERS.length - 1 : slope | 0;
      pushButterworth(d, w0, SLOPE_ORDERS[s], type === BAND_LOW_CUT);
      break;
    }
    case BAND_NOTCH:
      pushNotch(d, w0, qq);
      break;
    case BAND_BAND_PASS:
      pushBandPass(d, w0, qq);
      break;
    case BAND_TILT:
      if (gainDb !== 0 || !bypassAtZero) setTilt(d, w0, gainDb);
      break;
    default:
      break;
  }
}
