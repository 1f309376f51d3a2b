/** Benchmark cases for the EQ kernel (imported by the benchmark runner). */
import type { ParamBank } from '../../shared-dsp/params/param-bank.js';
import type { ParamSet } from '../../shared-wam/params.js';

export interface EqBenchCase {
  name: string;
  setup(bank: ParamBank, params: ParamSet): void;
}

export function eqBenchCases(): EqBenchCase[] {
  return [
    { name: 'default', setup: () => {} },
    {
      name: 'heavy',
      // 8 bells on, varied gains and frequencies (stereo placement 'stereo')
      setup: (bank, params) => {
        for (let n = 1; n <= 8; n++) {
          bank.setNow(params.index(`b${n}_type`), 0);
          bank.setNow(params.index(`b${n}_freq`), 50 * Math.pow(2, n));
          bank.setNow(params.index(`b${n}_gain`), n & 1 ? 2 + n : -1 - n);
          bank.setNow(params.index(`b${n}_q`), 0.7 + 0.3 * n);
          bank.setNow(params.index(`b${n}_on`), 1);
        }
      },
    },
  ];
}
