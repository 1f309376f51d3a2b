/**
 * Compressor static behaviour on the real kernel (plugins/compressor/dsp.ts through renderOffline):
 * the gain computer of Giannoulis, Massberg & Reiss (JAES 60(6) 2012, eq. 4), RMS detection,
 * range, infinite ratio and auto make-up.
 */
import { describe, expect, it } from 'vitest';
import { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { renderOffline } from '../../shared-dsp/core/run-kernel.js';
import { compressorParams } from '../../plugins/compressor/params.js';
import { createKernel } from '../../plugins/compressor/dsp.js';
import { GainCurve, effectiveRatio, inverseRatio } from '../../shared-dsp/dynamics/gain-computer.js';
import { dbToGain } from '../../shared-dsp/dynamics/fast-db.js';
import { COMPRESSOR_METER_SIZE, COMP_METER_LEVEL } from '../../shared-dsp/dynamics/compressor-meters.js';

const FS = 48000;

function make(values: Record<string, number>, channels = 1) {
  const bank = new ParamBank(compressorParams.specs());
  for (const [id, v] of Object.entries(values)) bank.setNow(compressorParams.index(id), v);
  const kernel = createKernel(bank);
  kernel.prepare(FS, 128, channels);
  return { bank, kernel };
}

/** Output level (dB, x - GR) of the reference curve, written from the paper's equation. */
function curveOut(x: number, t: number, r: number, w: number): number {
  const invR = r >= 21 ? 0 : 1 / r;
  if (2 * (x - t) < -w) return x;
  if (w > 0 && 2 * Math.abs(x - t) <= w) return x + ((invR - 1) * (x - t + w / 2) ** 2) / (2 * w);
  return t + (x - t) * invR;
}

function sine(frames: number, freq: number, peakDb: number): Float32Array {
  const a = 10 ** (peakDb / 20);
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) out[i] = a * Math.sin((2 * Math.PI * freq * i) / FS);
  return out;
}

function peakDb(x: Float32Array, from: number, to = x.length): number {
  let m = 0;
  for (let i = from; i < to; i++) m = Math.max(m, Math.abs(x[i]));
  return 20 * Math.log10(m);
}

describe('compressor static curve (peak detector, steady 1 kHz sine)', () => {
  it('matches the soft-knee curve within 0.05 dB over a grid of threshold, ratio and knee', () => {
    let worst = 0;
    let count = 0;
    for (const t of [-40, -20, -6]) {
      for (const r of [1, 1.5, 4, 20, 21]) {
        for (const w of [0, 6, 24]) {
          const levels = [t - 20, t - w / 2 - 1, t - w / 4, t, t + w / 4, t + w / 2 + 1, t + 15].filter((x) => x <= 6);
          for (const x of levels) {
            const { bank, kernel } = make({ threshold: t, ratio: r, knee: w, attack: 1, release: 50, makeup: 0, mix: 100 });
            const [out] = renderOffline(kernel, bank, [sine(4800, 1000, x)]);
            const err = peakDb(out, 4800 - 480) - curveOut(x, t, r, w);
            worst = Math.max(worst, Math.abs(err));
            count++;
            expect(Math.abs(err), `T ${t} R ${r} W ${w} x ${x}`).toBeLessThan(0.05);
          }
        }
      }
    }
    console.log(`static curve: ${count} points, worst error ${worst.toExponential(2)} dB`);
  });

  it('gives the worked example of the reference (T -20, R 4, W 10)', () => {
    for (const [x, y] of [
      [-30, -30],
      [-20, -20.9375],
      [-17, -19.4],
      [-10, -17.5],
      [0, -15],
    ]) {
      const { bank, kernel } = make({ threshold: -20, ratio: 4, knee: 10, attack: 1 });
      const [out] = renderOffline(kernel, bank, [sine(4800, 1000, x)]);
      expect(peakDb(out, 4320)).toBeCloseTo(y, 2);
    }
  });

  it('knee 0 exactly at the threshold is finite and unreduced', () => {
    const c = new GainCurve();
    c.set(-20, 4, 0, 60);
    expect(c.reduction(-20)).toBe(0);
    expect(Number.isFinite(c.reduction(-20 + 1e-12))).toBe(true);
    expect(c.reduction(-10)).toBeCloseTo(7.5, 12);
    // through the kernel: DC exactly at the (float32) threshold amplitude
    const a = Math.fround(0.1);
    const { bank, kernel } = make({ threshold: 20 * Math.log10(a), ratio: 4, knee: 0 });
    const [out] = renderOffline(kernel, bank, [new Float32Array(2000).fill(a)]);
    for (const v of out) expect(Number.isFinite(v)).toBe(true);
    expect(Math.abs(20 * Math.log10(out[1999] / a))).toBeLessThan(1e-4);
  });

  it('ratio at the top of the control (21) is infinity: a limiter at the threshold', () => {
    for (const x of [-15, -10, -5, 0]) {
      const { bank, kernel } = make({ threshold: -20, ratio: 21, knee: 0, attack: 1 });
      const [out] = renderOffline(kernel, bank, [sine(4800, 1000, x)]);
      expect(Math.abs(peakDb(out, 4320) + 20)).toBeLessThan(0.05);
    }
  });

  it('range limits the gain reduction', () => {
    for (const range of [0, 3, 10, 25]) {
      const { bank, kernel } = make({ threshold: -40, ratio: 21, knee: 0, range, attack: 1 });
      const [out] = renderOffline(kernel, bank, [sine(4800, 1000, -10)]);
      // the limiter would take 30 dB off; range allows only `range`
      expect(Math.abs(peakDb(out, 4320) - (-10 - range))).toBeLessThan(0.05);
    }
  });
});

describe('compressor RMS detector', () => {
  it('reads a sine 3.01 dB below its peak', () => {
    for (const x of [-30, -10, 0]) {
      const { bank, kernel } = make({ detector: 1, threshold: 0, ratio: 1 });
      renderOffline(kernel, bank, [sine(4800, 1000, x)]);
      const meters = new Float32Array(COMPRESSOR_METER_SIZE);
      kernel.writeMeters!(meters); // drop the level build-up
      renderOffline(kernel, bank, [sine(4800, 1000, x)]);
      kernel.writeMeters!(meters);
      const err = meters[COMP_METER_LEVEL] - (x - 10 * Math.log10(2));
      expect(Math.abs(err), `x ${x}`).toBeLessThan(0.05);
    }
  });

  it('applies the static curve to the RMS level', () => {
    let worst = 0;
    for (const freq of [1000, 440, 97]) {
      for (const [t, r, w, x] of [
        [-30, 4, 0, -10],
        [-20, 2, 12, -15],
        [-40, 21, 6, -6],
      ]) {
        const { bank, kernel } = make({ detector: 1, threshold: t, ratio: r, knee: w, attack: 10, release: 120 });
        const [out] = renderOffline(kernel, bank, [sine(24000, freq, x)]);
        const rmsDb = x - 10 * Math.log10(2);
        const expected = curveOut(rmsDb, t, r, w) - rmsDb + x;
        const err = peakDb(out, 24000 - 4800) - expected;
        worst = Math.max(worst, Math.abs(err));
        expect(Math.abs(err), `f ${freq} T ${t} R ${r} W ${w} x ${x}`).toBeLessThan(0.05);
      }
    }
    console.log(`RMS static curve: worst error ${worst.toExponential(2)} dB`);
  });
});

describe('compressor auto make-up', () => {
  it('a detector level of -18 dB comes out at -18 dB (plus manual make-up)', () => {
    for (const [t, r, w, mk] of [
      [-30, 4, 6, 0],
      [-40, 10, 0, 0],
      [-24, 2, 12, 3],
    ]) {
      const { bank, kernel } = make({ threshold: t, ratio: r, knee: w, autoMakeup: 1, makeup: mk, attack: 1 });
      const [out] = renderOffline(kernel, bank, [sine(9600, 1000, -18)]);
      expect(Math.abs(peakDb(out, 9600 - 480) - (-18 + mk))).toBeLessThan(0.05);
    }
  });

  it('manual make-up adds its gain', () => {
    const { bank, kernel } = make({ threshold: -20, ratio: 4, knee: 0, makeup: 6, attack: 1 });
    const [out] = renderOffline(kernel, bank, [sine(4800, 1000, -10)]);
    expect(Math.abs(peakDb(out, 4320) - (-17.5 + 6))).toBeLessThan(0.05);
  });
});

describe('compressor helpers', () => {
  it('dbToGain (table + series) is within 1e-6 dB of 10^(dB/20) and exact at 0 dB', () => {
    let worst = 0;
    for (let d = -100; d <= 100; d += 0.0137) worst = Math.max(worst, Math.abs(20 * Math.log10(dbToGain(d)) - d));
    console.log(`dbToGain worst error ${worst.toExponential(2)} dB`);
    expect(worst).toBeLessThan(1e-6);
    expect(dbToGain(0)).toBe(1);
    expect(dbToGain(-20)).toBe(10 ** (-20 / 20));
  });

  it('the ratio control is continuous up to infinity at 21', () => {
    expect(inverseRatio(1)).toBe(1);
    expect(inverseRatio(4)).toBe(0.25);
    expect(inverseRatio(20)).toBeCloseTo(0.05, 15);
    expect(inverseRatio(20.5)).toBeCloseTo(0.025, 15);
    expect(inverseRatio(21)).toBe(0);
    expect(effectiveRatio(21)).toBe(Infinity);
    for (let r = 1; r < 21; r += 0.01) expect(inverseRatio(r + 0.01)).toBeLessThanOrEqual(inverseRatio(r));
  });
});
