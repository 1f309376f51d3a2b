/** Varnish EQ: the one declaration of its parameters. */
import { ParamSet, type ParamDecl } from '../../shared-wam/params.js';

export const BAND_TYPES = ['bell', 'low shelf', 'high shelf', 'low cut', 'high cut', 'notch', 'band pass', 'tilt'] as const;
export const SLOPES = ['6', '12', '18', '24', '36', '48', '72', '96'] as const;
export const STEREO_MODES = ['stereo', 'left', 'right', 'mid', 'side'] as const;
export const BAND_COUNT = 8;

/** Musical starting places: cut, shelf, four bells 100 Hz to 8 kHz, shelf, cut. */
const PLACES: ReadonlyArray<{ type: (typeof BAND_TYPES)[number]; freq: number; q: number; slope: number }> = [
  { type: 'low cut', freq: 30, q: 0.71, slope: 3 },
  { type: 'low shelf', freq: 80, q: 0.71, slope: 1 },
  { type: 'bell', freq: 100, q: 1, slope: 1 },
  { type: 'bell', freq: 400, q: 1, slope: 1 },
  { type: 'bell', freq: 2000, q: 1, slope: 1 },
  { type: 'bell', freq: 8000, q: 1, slope: 1 },
  { type: 'high shelf', freq: 10000, q: 0.71, slope: 1 },
  { type: 'high cut', freq: 18000, q: 0.71, slope: 3 },
];

function band(n: number): ParamDecl[] {
  const p = PLACES[n - 1];
  const group = `Band ${n}`;
  return [
    { id: `b${n}_on`, label: `${n} On`, type: 'boolean', default: 0, group },
    { id: `b${n}_type`, label: `${n} Type`, type: 'choice', choices: BAND_TYPES, default: BAND_TYPES.indexOf(p.type), group },
    { id: `b${n}_freq`, label: `${n} Freq`, type: 'float', min: 10, max: 30000, default: p.freq, unit: 'Hz', skew: 'log', smoothingMs: 30, decimals: 0, group },
    { id: `b${n}_gain`, label: `${n} Gain`, type: 'float', min: -30, max: 30, default: 0, unit: 'dB', smoothingMs: 30, decimals: 1, group },
    { id: `b${n}_q`, label: `${n} Q`, type: 'float', min: 0.1, max: 40, default: p.q, skew: 'log', smoothingMs: 30, decimals: 2, group },
    { id: `b${n}_slope`, label: `${n} Slope`, type: 'choice', choices: SLOPES.map((s) => `${s} dB/oct`), default: p.slope, group },
    { id: `b${n}_stereo`, label: `${n} Stereo`, type: 'choice', choices: STEREO_MODES, default: 0, group },
  ];
}

export const EQ_PARAMS: readonly ParamDecl[] = [
  ...Array.from({ length: BAND_COUNT }, (_, i) => band(i + 1)).flat(),
  { id: 'output', label: 'Output', type: 'float', min: -24, max: 24, default: 0, unit: 'dB', smoothingMs: 20, decimals: 1, group: 'Output' },
  { id: 'phase', label: 'Phase Invert', type: 'boolean', default: 0, group: 'Output' },
];

export const eqParams = new ParamSet(EQ_PARAMS);
