/** Varnish Reverb: the DSP entry, mapping the declaration's indices into the kernel. */
import type { Kernel } from '../../shared-dsp/core/kernel.js';
import type { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { ReverbKernel, type ReverbLayout } from '../../shared-dsp/reverb/reverb-kernel.js';
import { reverbParams } from './params.js';

export const reverbLayout: ReverbLayout = {
  algorithm: reverbParams.index('algorithm'),
  predelay: reverbParams.index('predelay'),
  decay: reverbParams.index('decay'),
  size: reverbParams.index('size'),
  damping: reverbParams.index('damping'),
  bassDecay: reverbParams.index('bassDecay'),
  lowCut: reverbParams.index('lowCut'),
  highCut: reverbParams.index('highCut'),
  diffusion: reverbParams.index('diffusion'),
  modDepth: reverbParams.index('modDepth'),
  modRate: reverbParams.index('modRate'),
  width: reverbParams.index('width'),
  earlyLate: reverbParams.index('earlyLate'),
  mix: reverbParams.index('mix'),
  send: reverbParams.index('send'),
  freeze: reverbParams.index('freeze'),
};

export function createKernel(bank: ParamBank): Kernel {
  return new ReverbKernel(bank, reverbLayout);
}
