/** Benchmark cases of the reverb kernel (a runner renders each through plugins/reverb/dsp.ts). */
import type { ParamBank } from '../../shared-dsp/params/param-bank.js';
import type { ParamSet } from '../../shared-wam/params.js';
import type { BenchCase } from '../node-bench.js';

export type ReverbBenchCase = BenchCase;

/** issue 6's case: the hall at 3 s decay, every other control at its default */
function hall3s(bank: ParamBank, params: ParamSet): void {
  bank.resetToDefaults();
  bank.setNow(params.index('algorithm'), params.get('algorithm').choices!.indexOf('hall'));
  bank.setNow(params.index('decay'), 3);
}

export function reverbBenchCases(): ReverbBenchCase[] {
  return [
    {
      // defaults: hall, 2 s, modulation 30 % at 0.7 Hz, mix 30 %
      name: 'default',
      setup(bank) {
        bank.resetToDefaults();
      },
    },
    { name: 'hall 3 s', setup: hall3s },
    // issue 6: no denormal slowdown after 60 s of silence (CPU per block against 'hall 3 s'),
    // and the harder case of an input that never stops but holds only float32 subnormals
    { name: 'hall 3 s, 60 s silence', setup: hall3s, signal: 'silence', settleSeconds: 60 },
    { name: 'hall 3 s, 60 s subnormal input', setup: hall3s, signal: 'subnormal', settleSeconds: 60 },
    {
      // hall, 3 s, deepest and fastest modulation, both wet filters on, 50 % mix, wide
      name: 'heavy',
      setup(bank, params) {
        bank.resetToDefaults();
        bank.setNow(params.index('algorithm'), params.get('algorithm').choices!.indexOf('hall'));
        bank.setNow(params.index('decay'), 3);
        bank.setNow(params.index('modDepth'), 100);
        bank.setNow(params.index('modRate'), 5);
        bank.setNow(params.index('diffusion'), 100);
        bank.setNow(params.index('predelay'), 40);
        bank.setNow(params.index('lowCut'), 80);
        bank.setNow(params.index('highCut'), 12000);
        bank.setNow(params.index('width'), 130);
        bank.setNow(params.index('mix'), 50);
      },
    },
  ];
}
