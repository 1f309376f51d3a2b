/**
 * Fast automation on the real kernel: sweeps of freq, gain and Q at a 20 Hz rate through
 * bank.setTarget, as a host would send them.
 *  - the output stays finite and bounded (< 4x the largest gain of any setting on the way);
 *  - no zipper noise or clicks beyond what the moving response implies: the kernel's output is
 *    compared with a reference whose design follows the parameters at every sample (same SVF
 *    structure). Control-rate designs with per-sample coefficient interpolation stay within
 *    -40 dB of it; the same check fails for coefficients held over 32-frame blocks, both for
 *    a direct-form-1 biquad (against its own per-sample reference) and for the SVF (shown below).
 */
import { describe, it, expect } from 'vitest';
import { ParamBank } from '../../shared-dsp/params/param-bank.js';
import type { Kernel } from '../../shared-dsp/core/kernel.js';
import { eqParams, BAND_TYPES } from '../../plugins/eq/params.js';
import { makeEq, setBand, renderWith, sine, noise, pidx, maxAbs, type Eq } from './helpers/eq-harness.js';
import { TrajectoryRecorder, runReference } from './helpers/eq-reference.js';

const FS = 48000;
const N = FS / 2;
const BLOCKS = [32, 64, 96, 128, 48, 112];
const SKIP = 1000; // past the band's 10 ms fade-in, which the references do not have

type Sweep = 'lfo' | 'extremes';

/** Automation at 20 Hz. 'lfo': targets follow sines, sent every 32..128 frames;
 * 'extremes': targets jump between the ends of each range 40 times a second. */
function automate(eq: { bank: ParamBank; kernel: Kernel; fs: number }, x: Float32Array[], sweep: Sweep, band = 1): Float32Array[] {
  let bi = 0;
  let next = 0;
  const id = (p: string) => pidx(`b${band}_${p}`);
  return renderWith(eq as Eq, x, 32, (pos) => {
    if (pos < next) return;
    const ph = (2 * Math.PI * 20 * pos) / FS;
    if (sweep === 'lfo') {
      next = pos + BLOCKS[bi++ % BLOCKS.length];
      eq.bank.setTarget(id('freq'), 10 * Math.pow(3000, 0.5 + 0.5 * Math.sin(ph)));
      eq.bank.setTarget(id('gain'), 30 * Math.sin(ph * 1.3 + 1));
      eq.bank.setTarget(id('q'), 0.1 * Math.pow(400, 0.5 + 0.5 * Math.sin(ph * 0.7 + 2)));
    } else {
      next = pos + FS / 40;
      const up = bi++ & 1;
      eq.bank.setTarget(id('freq'), up ? 30000 : 10);
      eq.bank.setTarget(id('gain'), (bi >> 1) & 1 ? 30 : -30);
      eq.bank.setTarget(id('q'), (bi >> 2) & 1 ? 40 : 0.1);
    }
  });
}

function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  let p = 0;
  for (let i = SKIP; i < a.length; i++) {
    m = Math.max(m, Math.abs(a[i] - b[i]));
    p = Math.max(p, Math.abs(b[i]));
  }
  return m / p;
}

// small inputs: no clipping anywhere (the comparison is relative; the kernel is linear)
const inputs: [string, Float32Array][] = [
  ['100 Hz sine', sine(N, 100, FS, 0.05)],
  ['1 kHz sine', sine(N, 1000, FS, 0.05)],
  ['noise', noise(N, 3, 0.05)],
];

/** Kernel output and the per-sample SVF reference for one band type under one sweep. */
function kernelAndReference(type: (typeof BAND_TYPES)[number], sweep: Sweep, x: Float32Array) {
  const init = { on: true, type, freq: 1000, gain: 0, q: 1 };
  const eq = makeEq(FS, 1);
  setBand(eq.bank, 1, init);
  const y = automate(eq, [x], sweep)[0];
  // the same automation through a bank that only records each sample's parameters
  const bank = new ParamBank(eqParams.specs());
  bank.prepare(FS);
  setBand(bank, 1, init);
  const rec = new TrajectoryRecorder(bank, { freq: pidx('b1_freq'), gain: pidx('b1_gain'), q: pidx('b1_q') }, N);
  automate({ bank, kernel: rec, fs: FS }, [x], sweep);
  const t = BAND_TYPES.indexOf(type);
  return { y, ref: runReference(t, rec.t, x, FS, 'svf', 1), t, traj: rec.t };
}

const dB = (r: number) => (20 * Math.log10(r)).toFixed(1);

describe('EQ under fast automation', () => {
  it('every band type: finite and bounded under both sweeps (all slopes for cuts)', () => {
    for (const type of BAND_TYPES)
      for (const sweep of ['lfo', 'extremes'] as const)
        for (const slope of type.includes('cut') ? [6, 24, 96] : [12]) {
          const eq = makeEq(FS, 2);
          setBand(eq.bank, 1, { on: true, type, slope, freq: 1000, gain: 0, q: 1 });
          const x = noise(N, 7);
          const y = automate(eq, [x, sine(N, 440, FS)], sweep);
          // largest gain of any bell/shelf/band setting in range: +30 dB (x31.6); notch/cut <= 1;
          // band pass peaks at 0 dB, tilt at +15 dB
          const bound = 4 * 31.6 * maxAbs(x);
          for (const c of y) {
            const m = maxAbs(c);
            expect(Number.isFinite(m), `${type} ${sweep}`).toBe(true);
            expect(m, `${type} ${sweep} ${slope}`).toBeLessThan(bound);
          }
        }
  });

  it('20 Hz LFO automation: within -40 dB of a per-sample design; 32-frame stepped coefficients are not', () => {
    const lines: string[] = [];
    for (const type of ['bell', 'low shelf', 'high shelf', 'notch', 'band pass'] as const)
      for (const [name, x] of inputs) {
        const { y, ref, t, traj } = kernelAndReference(type, 'lfo', x);
        const e = relErr(y, ref);
        lines.push(`${type}, ${name}: kernel ${dB(e)} dB`);
        expect(e, `${type} ${name}`).toBeLessThan(1e-2);
        if (type === 'bell') {
          const svfHeld = relErr(runReference(t, traj, x, FS, 'svf', 32), ref);
          const df1Held = relErr(runReference(t, traj, x, FS, 'df1', 32), runReference(t, traj, x, FS, 'df1', 1));
          lines.push(`  stepped every 32 frames: SVF ${dB(svfHeld)} dB, DF1 ${dB(df1Held)} dB (vs its own per-sample design)`);
          expect(df1Held).toBeGreaterThan(1e-2); // the criterion catches a stepped DF1
          expect(svfHeld).toBeGreaterThan(1e-2); // and a stepped SVF
        }
      }
    console.log(`max |error| / peak against the per-sample design:\n${lines.join('\n')}`);
  });

  it('extreme sweeps (full ranges in 25 ms, Q to 40): bell within -26 dB of the per-sample design, stepped not', () => {
    const lines: string[] = [];
    for (const [name, x] of inputs) {
      const { y, ref, t, traj } = kernelAndReference('bell', 'extremes', x);
      const e = relErr(y, ref);
      const svfHeld = relErr(runReference(t, traj, x, FS, 'svf', 32), ref);
      const df1Held = relErr(runReference(t, traj, x, FS, 'df1', 32), runReference(t, traj, x, FS, 'df1', 1));
      lines.push(`bell, ${name}: kernel ${dB(e)} dB; stepped SVF ${dB(svfHeld)} dB, DF1 ${dB(df1Held)} dB`);
      expect(e).toBeLessThan(0.05);
      expect(svfHeld).toBeGreaterThan(0.05);
      expect(df1Held).toBeGreaterThan(0.05);
    }
    console.log(lines.join('\n'));
  });
});
