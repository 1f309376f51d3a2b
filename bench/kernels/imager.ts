/** Benchmark cases of the imager kernel (a runner renders each through plugins/imager/dsp.ts). */
import type { ParamBank } from '../../shared-dsp/params/param-bank.js';
import type { ParamSet } from '../../shared-wam/params.js';

export interface ImagerBenchCase {
  readonly name: string;
  setup(bank: ParamBank, params: ParamSet): void;
}

export function imagerBenchCases(): ImagerBenchCase[] {
  return [
    {
      // defaults: 1 band, every width 100 %: the exact pass-through path plus the meters
      name: 'default',
      setup(bank, params) {
        bank.resetToDefaults();
        void params;
      },
    },
    {
      // 4 bands with different widths (band split in use), bass mono at 120 Hz, global width,
      // rotation, balance and output trim all active
      name: 'heavy',
      setup(bank, params) {
        bank.resetToDefaults();
        bank.setNow(params.index('bands'), 4);
        bank.setNow(params.index('width1'), 60);
        bank.setNow(params.index('width2'), 110);
        bank.setNow(params.index('width3'), 140);
        bank.setNow(params.index('width4'), 170);
        bank.setNow(params.index('width'), 120);
        bank.setNow(params.index('monoOn'), 1);
        bank.setNow(params.index('monoBelow'), 120);
        bank.setNow(params.index('rotation'), 5);
        bank.setNow(params.index('balance'), -10);
        bank.setNow(params.index('output'), -1.5);
      },
    },
  ];
}
