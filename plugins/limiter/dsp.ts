/**
 * Varnish Limiter DSP entry: maps the declaration's indices into the shared kernel. The kernel
 * (a Kernel) also offers resetLoudness() for the GUI's "reset loudness" message.
 */
import type { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { LimiterKernel } from '../../shared-dsp/limiter/limiter-kernel.js';
import { limiterParams as P } from './params.js';

export function createKernel(bank: ParamBank): LimiterKernel {
  return new LimiterKernel(bank, {
    gain: P.index('gain'),
    ceiling: P.index('ceiling'),
    release: P.index('release'),
    autoRelease: P.index('autoRelease'),
    lookahead: P.index('lookahead'),
    truePeak: P.index('truePeak'),
    link: P.index('link'),
    dither: P.index('dither'),
    trim: P.index('trim'),
  });
}
