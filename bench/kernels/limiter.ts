/** Benchmark cases of the limiter kernel (a runner renders each through plugins/limiter/dsp.ts). */
import type { ParamBank } from '../../shared-dsp/params/param-bank.js';
import type { ParamSet } from '../../shared-wam/params.js';

export interface LimiterBenchCase {
  readonly name: string;
  setup(bank: ParamBank, params: ParamSet): void;
}

export function limiterBenchCases(): LimiterBenchCase[] {
  return [
    {
      // defaults: true peak on, 5 ms lookahead, 60 ms release, full link, no dither; the
      // output loudness meter always runs. The bench input peaks near -6 dBFS: little limiting.
      name: 'default',
      setup(bank, params) {
        bank.resetToDefaults();
        void params;
      },
    },
    {
      // heavy: 12 dB of drive into the true-peak detector (constant limiting), 5 ms lookahead,
      // auto release, 60 % link (two gain chains), noise-shaped 16-bit dither, meter running
      name: 'heavy',
      setup(bank, params) {
        bank.resetToDefaults();
        bank.setNow(params.index('gain'), 12);
        bank.setNow(params.index('truePeak'), 1);
        bank.setNow(params.index('lookahead'), 5);
        bank.setNow(params.index('autoRelease'), 1);
        bank.setNow(params.index('link'), 60);
        bank.setNow(params.index('dither'), 3);
      },
    },
  ];
}
