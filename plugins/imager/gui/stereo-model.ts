/**
 * What the imager GUI derives from parameters and meter frames (no DOM): the band layout on
 * the frequency strip, per-channel RMS from the kernel's mid/side/balance readings, and the
 * texts of the correlation and balance readouts.
 */
import type { ParamHost } from '../../../shared-ui/param-host.js';
import { orderCrossovers } from '../../../shared-dsp/stereo/band-splitter.js';
import { IMAGER_METER } from '../../../shared-dsp/stereo/imager-meters.js';
import { IMAGER_BANDS } from '../params.js';

/** one colour per band, low to high (the accent, then towards blue and violet) */
export const BAND_COLORS = ['#5fd6a4', '#4cc3cf', '#5f9ff0', '#9d8cf2'] as const;

/** the width axis of the band display, % */
export const WIDTH_MAX = 200;

export interface BandLayout {
  /** bands in use, 1..4 */
  bands: number;
  /** band edges in Hz: edges[k] .. edges[k + 1] is band k (edges[0] = fMin, edges[bands] = fMax) */
  edges: number[];
  /** the band width parameters (%), bands values */
  widths: number[];
  /** global width (%) */
  global: number;
  /** bass mono corner (Hz) or 0 when off */
  monoBelow: number;
}

const ordered = new Float64Array(3);

/**
 * The bands as the kernel runs them: crossovers ordered the way the kernel orders them
 * (each at least 1.25 x the one below, orderCrossovers), only the first bands - 1 used.
 */
export function bandLayout(host: ParamHost, fMin = 20, fMax = 20000): BandLayout {
  const v = (id: string) => host.getValue(id);
  let bands = Math.round(v('bands'));
  bands = bands < 1 ? 1 : bands > IMAGER_BANDS ? IMAGER_BANDS : bands;
  orderCrossovers(v('xover1'), v('xover2'), v('xover3'), host.sampleRate || 48000, ordered);
  const edges = [fMin];
  for (let k = 0; k < bands - 1; k++) edges.push(ordered[k]);
  edges.push(fMax);
  const widths: number[] = [];
  for (let k = 1; k <= bands; k++) widths.push(v(`width${k}`));
  return { bands, edges, widths, global: v('width'), monoBelow: v('monoOn') >= 0.5 ? v('monoBelow') : 0 };
}

/**
 * Per-channel RMS of the output from the kernel's 0.3 s means: with L = M + S, R = M - S,
 * E[L^2] + E[R^2] = 2 (E[M^2] + E[S^2]), and balance b = (E[R^2] - E[L^2]) / (E[R^2] + E[L^2]),
 * so E[L^2] = (1 - b)(E[M^2] + E[S^2]) and E[R^2] = (1 + b)(E[M^2] + E[S^2]).
 * Writes [peakL, rmsL, peakR, rmsR] (the level meter's [peak, rms] pairs) into out.
 */
export function outputLevels(frame: ArrayLike<number>, out: Float32Array): Float32Array {
  const m = frame[IMAGER_METER.MID_RMS], s = frame[IMAGER_METER.SIDE_RMS], b = frame[IMAGER_METER.BALANCE];
  const p = m * m + s * s;
  out[0] = frame[IMAGER_METER.PEAK_L];
  out[1] = Math.sqrt(Math.max(0, (1 - b) * p));
  out[2] = frame[IMAGER_METER.PEAK_R];
  out[3] = Math.sqrt(Math.max(0, (1 + b) * p));
  return out;
}

/** "+0.98", "-1.00", "0.00" */
export function formatCorrelation(r: number): string {
  const t = r.toFixed(2);
  return t === '-0.00' ? '0.00' : r > 0 && t !== '0.00' ? `+${t}` : t;
}

/**
 * Balance as the level difference of the louder side: b = (R^2 - L^2)/(R^2 + L^2) gives
 * R^2/L^2 = (1 + b)/(1 - b), so the difference is 10 log10((1 + b)/(1 - b)) dB.
 * "C" within 0.1 dB, "L 3.0 dB", "R 1.2 dB", "L only" / "R only" at the ends.
 */
export function formatBalance(b: number): string {
  if (b <= -0.9999) return 'L only';
  if (b >= 0.9999) return 'R only';
  const db = 10 * Math.log10((1 + b) / (1 - b));
  if (Math.abs(db) < 0.1) return 'C';
  return `${db < 0 ? 'L' : 'R'} ${Math.abs(db).toFixed(1)} dB`;
}

/** side-to-mid level in dB ("-inf" for mono, "+inf" for pure side, "" in silence) */
export function formatSideToMid(mid: number, side: number): string {
  if (!(mid > 1e-6) && !(side > 1e-6)) return '';
  if (!(side > 1e-6)) return '−∞ dB';
  if (!(mid > 1e-6)) return '+∞ dB';
  const db = 20 * Math.log10(side / mid);
  return `${db >= 0 ? '+' : '−'}${Math.abs(db).toFixed(1)} dB`;
}

/** "150 Hz", "1.5 kHz", "12 kHz": short crossover labels for the strip */
export function shortFreq(f: number): string {
  if (f >= 1000) {
    const k = f / 1000;
    return `${k >= 10 ? k.toFixed(0) : k.toFixed(k >= 1 && Math.abs(k - Math.round(k)) < 0.05 ? 0 : 1)} kHz`;
  }
  return `${Math.round(f)} Hz`;
}
