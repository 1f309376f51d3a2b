/** Varnish Limiter (true-peak mastering limiter): the one declaration of its parameters. */
import { ParamSet, type ParamDecl } from '../../shared-wam/params.js';
import { LIMITER_TARGETS } from './targets.js';

/** output word length and dither (shared-dsp/limiter/dither.ts) */
export const DITHER_MODES = ['off', '24-bit TPDF', '16-bit TPDF', '16-bit noise-shaped'] as const;

export const LIMITER_PARAMS: readonly ParamDecl[] = [
  // drive into the limiter
  { id: 'gain', label: 'Gain', type: 'float', min: 0, max: 24, default: 0, unit: 'dB', smoothingMs: 20, decimals: 1, group: 'Limiter' },
  // no output sample (and, with truePeak, no 4x-interpolated point within 0.1 dB) above it
  { id: 'ceiling', label: 'Ceiling', type: 'float', min: -12, max: 0, default: -1, unit: 'dBTP', smoothingMs: 20, decimals: 1, group: 'Limiter' },
  { id: 'release', label: 'Release', type: 'float', min: 1, max: 1000, default: 60, unit: 'ms', skew: 'log', smoothingMs: 20, decimals: 0, group: 'Limiter' },
  { id: 'autoRelease', label: 'Auto Release', type: 'boolean', default: 0, group: 'Limiter' },
  // changes the latency: it jumps (smoothing 0) and the host re-reads the latency
  { id: 'lookahead', label: 'Lookahead', type: 'float', min: 0.5, max: 10, default: 5, unit: 'ms', smoothingMs: 0, decimals: 1, group: 'Limiter' },
  { id: 'truePeak', label: 'True Peak', type: 'boolean', default: 1, group: 'Limiter' },
  { id: 'link', label: 'Stereo Link', type: 'float', min: 0, max: 100, default: 100, unit: '%', smoothingMs: 20, decimals: 0, group: 'Limiter' },
  { id: 'dither', label: 'Dither', type: 'choice', choices: DITHER_MODES, default: 0, group: 'Output' },
  // after the limiter; at most 0 dB, so the ceiling guarantee holds whatever its value
  { id: 'trim', label: 'Output', type: 'float', min: -12, max: 0, default: 0, unit: 'dB', smoothingMs: 20, decimals: 1, group: 'Output' },
  // for the GUI (loudness target and its ceiling); the DSP ignores it
  { id: 'target', label: 'Target', type: 'choice', choices: LIMITER_TARGETS.map((t) => t.name), default: 0, group: 'Loudness' },
];

export const limiterParams = new ParamSet(LIMITER_PARAMS);
