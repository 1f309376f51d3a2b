/** Varnish Imager: the DSP entry, mapping the declaration's indices into the kernel. */
import type { Kernel } from '../../shared-dsp/core/kernel.js';
import type { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { ImagerKernel, type ImagerLayout } from '../../shared-dsp/stereo/imager-kernel.js';
import { imagerParams } from './params.js';

export function imagerLayout(): ImagerLayout {
  const i = (id: string) => imagerParams.index(id);
  return {
    width: i('width'),
    bands: i('bands'),
    xover: [i('xover1'), i('xover2'), i('xover3')],
    bandWidth: [i('width1'), i('width2'), i('width3'), i('width4')],
    monoOn: i('monoOn'),
    monoBelow: i('monoBelow'),
    balance: i('balance'),
    rotation: i('rotation'),
    swap: i('swap'),
    invertL: i('invertL'),
    invertR: i('invertR'),
    output: i('output'),
  };
}

export function createKernel(bank: ParamBank): Kernel {
  return new ImagerKernel(bank, imagerLayout());
}
