/** Benchmark cases of the compressor kernel (a runner renders each through plugins/compressor/dsp.ts). */
import type { ParamBank } from '../../shared-dsp/params/param-bank.js';
import type { ParamSet } from '../../shared-wam/params.js';

export interface CompressorBenchCase {
  readonly name: string;
  setup(bank: ParamBank, params: ParamSet): void;
}

export function compressorBenchCases(): CompressorBenchCase[] {
  return [
    {
      // defaults: peak detector, threshold -18, 4:1, 6 dB knee, 10/120 ms, full link
      name: 'default',
      setup(bank, params) {
        bank.resetToDefaults();
        void params;
      },
    },
    {
      // RMS detector, wide knee, 5 ms lookahead, auto release, sidechain HPF, parallel mix
      name: 'heavy',
      setup(bank, params) {
        bank.resetToDefaults();
        bank.setNow(params.index('detector'), 1);
        bank.setNow(params.index('knee'), 12);
        bank.setNow(params.index('threshold'), -30);
        bank.setNow(params.index('lookahead'), 5);
        bank.setNow(params.index('autoRelease'), 1);
        bank.setNow(params.index('scHpfOn'), 1);
        bank.setNow(params.index('mix'), 70);
      },
    },
  ];
}
