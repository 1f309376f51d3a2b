/** Varnish Compressor DSP entry: maps the declaration's indices into the shared kernel. */
import type { Kernel } from '../../shared-dsp/core/kernel.js';
import type { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { CompressorKernel } from '../../shared-dsp/dynamics/compressor-kernel.js';
import { compressorParams as P } from './params.js';

export function createKernel(bank: ParamBank): Kernel {
  return new CompressorKernel(bank, {
    threshold: P.index('threshold'),
    ratio: P.index('ratio'),
    knee: P.index('knee'),
    attack: P.index('attack'),
    release: P.index('release'),
    autoRelease: P.index('autoRelease'),
    makeup: P.index('makeup'),
    autoMakeup: P.index('autoMakeup'),
    detector: P.index('detector'),
    lookahead: P.index('lookahead'),
    link: P.index('link'),
    scHpfOn: P.index('scHpfOn'),
    scHpf: P.index('scHpf'),
    sidechain: P.index('sidechain'),
    mix: P.index('mix'),
    range: P.index('range'),
    listen: P.index('listen'),
  });
}
