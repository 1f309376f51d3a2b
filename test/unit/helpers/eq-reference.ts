/**
 * Per-sample references for the automation tests: one band whose design follows the
 * parameters at every sample (the ideal of a control-rate design), in the SVF structure the
 * kernel uses or in direct form 1; and the same DF1 with coefficients held for whole blocks.
 */
import type { Kernel } from '../../../shared-dsp/core/kernel.js';
import type { ParamBank } from '../../../shared-dsp/params/param-bank.js';
import { createDesign, D_COUNT, D_SECTIONS } from '../../../shared-dsp/filters/filter-design.js';
import { designToRun, runSvfRamp, RUN_SIZE } from '../../../shared-dsp/filters/svf-run.js';
import { designBand } from '../../../shared-dsp/eq/eq-band-design.js';

export interface Trajectory {
  freq: Float64Array;
  gain: Float64Array;
  q: Float64Array;
}

/** A kernel that only records the per-sample values of one band's freq/gain/q. */
export class TrajectoryRecorder implements Kernel {
  readonly latency = 0;
  pos = 0;
  readonly t: Trajectory;
  constructor(
    private readonly bank: ParamBank,
    private readonly idx: { freq: number; gain: number; q: number },
    frames: number,
  ) {
    this.t = { freq: new Float64Array(frames), gain: new Float64Array(frames), q: new Float64Array(frames) };
  }
  prepare(): void {}
  reset(): void {}
  process(inputs: readonly Float32Array[], outputs: readonly Float32Array[], start: number, end: number): void {
    for (let i = start; i < end; i++, this.pos++) {
      const k = i - start;
      this.t.freq[this.pos] = k === 0 ? this.bank.value[this.idx.freq] : this.bank.valueAfter(this.idx.freq, k);
      this.t.gain[this.pos] = k === 0 ? this.bank.value[this.idx.gain] : this.bank.valueAfter(this.idx.gain, k);
      this.t.q[this.pos] = k === 0 ? this.bank.value[this.idx.q] : this.bank.valueAfter(this.idx.q, k);
    }
    for (let c = 0; c < outputs.length; c++) outputs[c].set(inputs[c].subarray(start, end), start);
  }
}

/** Biquad coefficients [b0, b1, b2, a1, a2] of the first SVF section of a design. */
export function designToBiquad(d: Float64Array, out: Float64Array): void {
  if (d[D_COUNT] === 0) {
    out.set([1, 0, 0, 0, 0]);
    return;
  }
  const o = D_SECTIONS;
  const g = d[o];
  const k = d[o + 1];
  const n2 = d[o + 2];
  const n1 = d[o + 3] + k * n2;
  const n0 = d[o + 4] + n2;
  const g2 = g * g;
  const a0 = 1 + k * g + g2;
  out[0] = (n2 + n1 * g + n0 * g2) / a0;
  out[1] = (2 * (n0 * g2 - n2)) / a0;
  out[2] = (n2 - n1 * g + n0 * g2) / a0;
  out[3] = (2 * (g2 - 1)) / a0;
  out[4] = (1 - k * g + g2) / a0;
}

/**
 * Run one single-section band type along a trajectory. structure: 'svf' or 'df1';
 * hold: coefficients designed every `hold` samples (1 = per sample) and held in between.
 */
export function runReference(type: number, t: Trajectory, x: Float32Array, fs: number, structure: 'svf' | 'df1', hold = 1): Float64Array {
  const n = x.length;
  const y = new Float64Array(n);
  const d = createDesign();
  const c = new Float64Array(RUN_SIZE);
  const bq = new Float64Array(5);
  const st = new Float64Array(2);
  const one = new Float64Array(1);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < n; i++) {
    if (i % hold === 0) {
      designBand(type, t.freq[i], t.gain[i], t.q[i], 0, fs, d, false);
      designToRun(d, c);
      designToBiquad(d, bq);
    }
    if (structure === 'svf') {
      one[0] = x[i];
      if (d[D_COUNT] > 0) runSvfRamp(c, c, 0, st, 0, one, 1); // Simper's update, coefficients as designed
      y[i] = one[0];
    } else {
      const v = x[i];
      const o = bq[0] * v + bq[1] * x1 + bq[2] * x2 - bq[3] * y1 - bq[4] * y2;
      x2 = x1;
      x1 = v;
      y2 = y1;
      y1 = o;
      y[i] = o;
    }
  }
  return y;
}
