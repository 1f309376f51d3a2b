/** Varnish EQ: the DSP entry, mapping the parameter declaration onto EqKernel's layout. */
import type { Kernel } from '../../shared-dsp/core/kernel.js';
import type { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { EqKernel } from '../../shared-dsp/eq/eq-kernel.js';
import type { EqLayout } from '../../shared-dsp/eq/eq-layout.js';
import { EQ_BAND_TYPE_NAMES, EQ_SLOPE_DB, EQ_STEREO_MODE_NAMES } from '../../shared-dsp/eq/eq-band-types.js';
import { eqParams, BAND_COUNT, BAND_TYPES, SLOPES, STEREO_MODES } from './params.js';

function sameList(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((v, i) => String(v) === String(b[i]));
}

// The kernel's choice numbering must be the declaration's.
if (!sameList(BAND_TYPES, EQ_BAND_TYPE_NAMES) || !sameList(SLOPES, EQ_SLOPE_DB) || !sameList(STEREO_MODES, EQ_STEREO_MODE_NAMES)) {
  throw new Error('eq: band choices of params.ts and shared-dsp/eq/eq-band-types.ts differ');
}

export const eqLayout: EqLayout = {
  bands: Array.from({ length: BAND_COUNT }, (_, i) => {
    const n = i + 1;
    return {
      on: eqParams.index(`b${n}_on`),
      type: eqParams.index(`b${n}_type`),
      freq: eqParams.index(`b${n}_freq`),
      gain: eqParams.index(`b${n}_gain`),
      q: eqParams.index(`b${n}_q`),
      slope: eqParams.index(`b${n}_slope`),
      stereo: eqParams.index(`b${n}_stereo`),
    };
  }),
  output: eqParams.index('output'),
  phase: eqParams.index('phase'),
};

export function createKernel(bank: ParamBank): Kernel {
  return new EqKernel(bank, eqLayout);
}
