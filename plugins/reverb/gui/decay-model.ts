/**
 * The decay picture's numbers (pure, no DOM): the tail's envelope per band in dB over time.
 *
 * An exponential decay with reverberation time T falls 60 dB in T seconds (Sabine's definition
 * of RT60), so its level is L(t) = -60 (t - predelay) / T dB from the onset at the predelay on.
 * The band RT60s are the designed ones (shared-dsp/reverb/decay-design.ts: designedDecay): the
 * values the kernel's decay filters are built to, not a measurement.
 */
import { designedDecay, type DecayBands } from '../../../shared-dsp/reverb/decay-design.js';

export interface DecayPicture {
  bands: DecayBands;
  /** onset of the tail (s) */
  predelay: number;
  /** frozen: the envelope holds its level */
  frozen: boolean;
  /** the time span to draw (s), a "nice" length that shows every band reaching -60 dB */
  span: number;
}

export interface DecayInputs {
  decay: number;
  damping: number;
  bassDecay: number;
  predelayMs: number;
  freeze: boolean;
}

const NICE_SPANS = [0.25, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50];

/** the picture for the current parameters */
export function decayPicture(p: DecayInputs): DecayPicture {
  const bands = designedDecay(p.decay, p.damping, p.bassDecay, p.freeze);
  const predelay = Math.max(0, p.predelayMs) / 1000;
  // without freeze: the longest band reaches -60 dB inside the picture (with a 10 % margin);
  // frozen: the designed decay still sets the scale, so the held line reads against it
  const longest = Math.max(p.decay * p.bassDecay, p.decay, p.decay * p.damping);
  const need = predelay + longest * 1.1;
  let span = NICE_SPANS[NICE_SPANS.length - 1];
  for (const s of NICE_SPANS) {
    if (s >= need) {
      span = s;
      break;
    }
  }
  return { bands, predelay, frozen: p.freeze, span };
}

/** the envelope level (dB) of a band with reverberation time rt60 at time t; -Infinity before the onset */
export function envelopeDb(t: number, predelay: number, rt60: number): number {
  if (t < predelay) return -Infinity;
  if (!Number.isFinite(rt60)) return 0;
  return (-60 * (t - predelay)) / rt60;
}

/** tick positions (s) along a span, 4 to 8 of them */
export function timeTicks(span: number): number[] {
  const steps = [0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 5, 10];
  let step = steps[steps.length - 1];
  for (const s of steps) {
    if (span / s <= 8) {
      step = s;
      break;
    }
  }
  const out: number[] = [];
  for (let t = step; t < span - 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}

/** a time as a short label: "250 ms", "1.5 s" */
export function timeLabel(t: number): string {
  if (t < 1) return `${Math.round(t * 1000)} ms`;
  return `${Number.isInteger(t) ? t : t.toFixed(t < 10 ? 2 : 1).replace(/0$/, '')} s`;
}

/** an RT60 as a label */
export function rtLabel(rt: number): string {
  if (!Number.isFinite(rt)) return '∞';
  return rt < 1 ? `${Math.round(rt * 1000)} ms` : `${rt.toFixed(rt < 10 ? 2 : 1)} s`;
}
