/**
 * Axis mapping for response curves, spectra and scopes, DOM-free: a logarithmic frequency
 * axis (20 Hz to 20 kHz by default, the range of human hearing) and a linear dB axis, with
 * the grid lines and labels a graph draws.
 */

export interface FreqAxis {
  readonly fMin: number;
  readonly fMax: number;
}

export interface DbAxis {
  readonly dbMin: number;
  readonly dbMax: number;
}

export const AUDIO_BAND: FreqAxis = { fMin: 20, fMax: 20000 };

/** x in [0, width] of frequency f: x = width * log(f/fMin) / log(fMax/fMin). */
export function freqToX(f: number, width: number, a: FreqAxis = AUDIO_BAND): number {
  return (width * Math.log(f / a.fMin)) / Math.log(a.fMax / a.fMin);
}

/** Inverse of freqToX: f = fMin * (fMax/fMin)^(x/width). */
export function xToFreq(x: number, width: number, a: FreqAxis = AUDIO_BAND): number {
  return a.fMin * Math.pow(a.fMax / a.fMin, x / width);
}

/** y in [0, height] of a level, top = dbMax (screen y grows downwards). */
export function dbToY(db: number, height: number, a: DbAxis): number {
  return (height * (a.dbMax - db)) / (a.dbMax - a.dbMin);
}

export function yToDb(y: number, height: number, a: DbAxis): number {
  return a.dbMax - (y / height) * (a.dbMax - a.dbMin);
}

export interface GridLine {
  readonly value: number;
  /** major lines carry a label */
  readonly major: boolean;
  readonly label: string;
}

/** "20", "500", "1k", "2.5k", "20k" */
export function formatFreqLabel(f: number): string {
  if (f >= 1000) {
    const k = f / 1000;
    return `${Number.isInteger(k) ? k : k.toFixed(1)}k`;
  }
  return `${Math.round(f)}`;
}

/**
 * Decade grid: 1..9 x 10^n inside the axis; 1, 2 and 5 of each decade are major (labelled),
 * as on printed log paper.
 */
export function freqGrid(a: FreqAxis = AUDIO_BAND): GridLine[] {
  const out: GridLine[] = [];
  const eps = 1e-9;
  for (let decade = Math.pow(10, Math.floor(Math.log10(a.fMin))); decade <= a.fMax; decade *= 10) {
    for (let m = 1; m <= 9; m++) {
      const f = m * decade;
      if (f < a.fMin * (1 - eps) || f > a.fMax * (1 + eps)) continue;
      const major = m === 1 || m === 2 || m === 5;
      out.push({ value: f, major, label: major ? formatFreqLabel(f) : '' });
    }
  }
  return out;
}

/** Lines every `step` dB inside the axis; 0 dB and every other line are major. */
export function dbGrid(a: DbAxis, step: number): GridLine[] {
  const out: GridLine[] = [];
  const first = Math.ceil(a.dbMin / step - 1e-9);
  const last = Math.floor(a.dbMax / step + 1e-9);
  for (let k = first; k <= last; k++) {
    const db = k * step;
    const major = k % 2 === 0;
    out.push({ value: db, major, label: major ? `${db > 0 ? '+' : ''}${db}` : '' });
  }
  return out;
}

/** Pick a dB grid step giving at most maxLines lines (from 1, 2, 3, 6, 12, 24 dB). */
export function niceDbStep(a: DbAxis, maxLines = 10): number {
  const span = a.dbMax - a.dbMin;
  for (const s of [1, 2, 3, 6, 12, 24]) if (span / s <= maxLines) return s;
  return 48;
}

/**
 * Frequencies of `n` points spaced evenly in x across the axis: where a response curve is
 * sampled so every pixel column gets one point.
 */
export function logSpacedFrequencies(n: number, a: FreqAxis = AUDIO_BAND, out: Float64Array = new Float64Array(n)): Float64Array {
  const r = Math.log(a.fMax / a.fMin);
  for (let i = 0; i < n; i++) out[i] = a.fMin * Math.exp((r * i) / Math.max(1, n - 1));
  return out;
}

/** Centre frequency of FFT bin k for an fftSize-point transform at sampleRate: k * fs / N. */
export function binFrequency(k: number, fftSize: number, sampleRate: number): number {
  return (k * sampleRate) / fftSize;
}
