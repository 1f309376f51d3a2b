/**
 * Varnish Imager: the one declaration of its parameters.
 *
 * Units the kernel relies on (shared-dsp/stereo/imager-kernel.ts):
 * - widths in percent (100 = unchanged, 0 = mono, 200 = side doubled); the side gain of band k is
 *   (width / 100) * (width<k> / 100), so global and band widths multiply.
 * - bands 1..4 use crossovers xover1..xover(bands-1); at run time each used crossover is kept at
 *   least a ratio of 1.25 above the one below it (pushed upwards), whatever the controls say.
 * - bass mono: monoOn switches it, monoBelow is the corner (side high-passed with a 48 dB/oct
 *   Linkwitz-Riley filter, mid passed through the matching allpass).
 * - balance in percent, -100 = left only; linear law: the far side is attenuated by
 *   (1 - |balance|/100), the near side stays at unity (unity at the centre).
 * - rotation in degrees of the vectorscope picture, positive turns the image to the right:
 *   +45 puts a centred (mono) source hard right; L' = cos(a) L - sin(a) R, R' = sin(a) L + cos(a) R.
 * - invertL / invertR flip the polarity of the input channels; swap then exchanges them
 *   (so invertL + swap gives L' = R, R' = -L).
 */
import { ParamSet, type ParamDecl } from '../../shared-wam/params.js';

export const IMAGER_BANDS = 4;

/** crossover ranges and defaults (Hz) */
const XOVERS = [
  { min: 40, max: 500, def: 150 },
  { min: 200, max: 5000, def: 1500 },
  { min: 1000, max: 16000, def: 6000 },
] as const;

export const IMAGER_PARAMS: readonly ParamDecl[] = [
  { id: 'width', label: 'Width', type: 'float', min: 0, max: 200, default: 100, unit: '%', smoothingMs: 20, decimals: 0, group: 'Global' },
  { id: 'bands', label: 'Bands', type: 'int', min: 1, max: IMAGER_BANDS, default: 1, group: 'Bands' },
  ...XOVERS.map(
    (x, i): ParamDecl => ({
      id: `xover${i + 1}`,
      label: `Crossover ${i + 1}`,
      type: 'float',
      min: x.min,
      max: x.max,
      default: x.def,
      unit: 'Hz',
      skew: 'log',
      smoothingMs: 30,
      decimals: 0,
      group: 'Bands',
    }),
  ),
  ...Array.from(
    { length: IMAGER_BANDS },
    (_, i): ParamDecl => ({
      id: `width${i + 1}`,
      label: `Width ${i + 1}`,
      type: 'float',
      min: 0,
      max: 200,
      default: 100,
      unit: '%',
      smoothingMs: 20,
      decimals: 0,
      group: `Band ${i + 1}`,
    }),
  ),
  { id: 'monoOn', label: 'Bass Mono', type: 'boolean', default: 0, group: 'Bass Mono' },
  { id: 'monoBelow', label: 'Mono Below', type: 'float', min: 20, max: 500, default: 120, unit: 'Hz', skew: 'log', smoothingMs: 30, decimals: 0, group: 'Bass Mono' },
  { id: 'balance', label: 'Balance', type: 'float', min: -100, max: 100, default: 0, unit: '%', smoothingMs: 20, decimals: 0, group: 'Output' },
  { id: 'rotation', label: 'Rotation', type: 'float', min: -45, max: 45, default: 0, unit: '°', smoothingMs: 20, decimals: 1, group: 'Output' },
  { id: 'swap', label: 'Swap L/R', type: 'boolean', default: 0, group: 'Output' },
  { id: 'invertL', label: 'Invert L', type: 'boolean', default: 0, group: 'Output' },
  { id: 'invertR', label: 'Invert R', type: 'boolean', default: 0, group: 'Output' },
  { id: 'output', label: 'Output', type: 'float', min: -24, max: 24, default: 0, unit: 'dB', smoothingMs: 20, decimals: 1, group: 'Output' },
];

export const imagerParams = new ParamSet(IMAGER_PARAMS);
