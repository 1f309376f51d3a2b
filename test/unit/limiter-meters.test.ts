/**
 * Limiter meters: input/output peaks, gain reduction, and the output loudness (BS.1770-5 /
 * EBU Tech 3341) through writeMeters; resetLoudness(); and the (start, end) range form of
 * LoudnessMeter.process that the kernel uses (same readings as whole arrays).
 */
import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../shared-dsp/core/run-kernel.js';
import { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { LoudnessMeter } from '../../shared-dsp/loudness/loudness-meter.js';
import {
  LIMITER_METER_SIZE,
  LIM_METER_GR,
  LIM_METER_INTEGRATED,
  LIM_METER_IN_L,
  LIM_METER_IN_R,
  LIM_METER_LRA,
  LIM_METER_MAX_MOMENTARY,
  LIM_METER_MAX_SHORT_TERM,
  LIM_METER_MOMENTARY,
  LIM_METER_OUT_L,
  LIM_METER_OUT_R,
  LIM_METER_SHORT_TERM,
  LIM_METER_TRUE_PEAK,
  METER_FLOOR_DB,
} from '../../shared-dsp/limiter/limiter-meters.js';
import { createKernel } from '../../plugins/limiter/dsp.js';
import { limiterParams as P } from '../../plugins/limiter/params.js';

const SR = 48000;
const db = (v: number) => 10 ** (v / 20);
const sine = (n: number, f: number, a: number) => Float32Array.from({ length: n }, (_, i) => a * Math.sin((2 * Math.PI * f * i) / SR));

describe('LoudnessMeter.process(channels, start, end)', () => {
  it('feeding ranges of a block equals feeding whole arrays, for any split', () => {
    const n = 5 * SR;
    let s = 3;
    const x = [0, 1].map((c) =>
      Float32Array.from({ length: n }, (_, i) => {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        return (0.3 + 0.2 * Math.sin(i / 9000 + c)) * (s / 4294967296 - 0.5);
      }),
    );
    const whole = new LoudnessMeter({ sampleRate: SR, channels: 2 });
    whole.process(x);
    const ranged = new LoudnessMeter({ sampleRate: SR, channels: 2 });
    // odd splits across sub-block and step boundaries, through a fixed 128-frame scratch block
    const blk = [new Float32Array(128), new Float32Array(128)];
    let pos = 0;
    let k = 0;
    while (pos < n) {
      const len = Math.min(n - pos, [1, 128, 37, 100, 127, 64][k++ % 6]);
      const off = 128 - len;
      for (let c = 0; c < 2; c++) blk[c].set(x[c].subarray(pos, pos + len), off);
      ranged.process(blk, off, 128);
      pos += len;
    }
    expect(ranged.momentary).toBe(whole.momentary);
    expect(ranged.shortTerm).toBe(whole.shortTerm);
    expect(ranged.integrated).toBe(whole.integrated);
    expect(ranged.loudnessRange).toBe(whole.loudnessRange);
    expect(ranged.truePeak).toBe(whole.truePeak);
    // the default range is still the whole array
    const dflt = new LoudnessMeter({ sampleRate: SR, channels: 2 });
    dflt.process(x);
    expect(dflt.integrated).toBe(whole.integrated);
  });
});

function setup(values: Record<string, number>) {
  const bank = new ParamBank(P.specs());
  for (const [id, v] of Object.entries(values)) bank.setNow(P.index(id), v);
  const kernel = createKernel(bank);
  kernel.prepare(SR, 128, 2);
  return { bank, kernel };
}

describe('limiter: writeMeters', () => {
  it('a 1 kHz sine at -1 dBFS driven 6 dB into a -1 dBTP ceiling: peaks, reduction, loudness', () => {
    const n = 4 * SR;
    const xl = sine(n, 1000, db(-1));
    const xr = sine(n, 1000, db(-7)); // 6 dB lower on the right
    const { bank, kernel } = setup({ gain: 6, ceiling: -1 });
    expect(kernel.meterSize).toBe(LIMITER_METER_SIZE);
    const y = renderOffline(kernel, bank, [xl, xr]);
    const m = new Float32Array(LIMITER_METER_SIZE);
    kernel.writeMeters(m);
    expect(m[LIM_METER_IN_L]).toBeCloseTo(-1, 3);
    expect(m[LIM_METER_IN_R]).toBeCloseTo(-7, 3);
    // linked: the left sets 6 dB of reduction for both channels
    // (the 4x detector reads this sine's peak ~0.0005 dB high, hence a hair more reduction)
    expect(Math.abs(m[LIM_METER_OUT_L] - -1)).toBeLessThan(0.002);
    expect(Math.abs(m[LIM_METER_OUT_R] - -7)).toBeLessThan(0.002);
    expect(Math.abs(m[LIM_METER_GR] - 6)).toBeLessThan(0.002);
    // output: L at -1 dBFS peak, R at -7: L = 10 log10(a_L^2/2 + a_R^2/2) + 3.01 LUFS for 1 kHz
    // (BS.1770: a stereo pair of 0 dBFS 1 kHz sines reads 0 LUFS; 1 kHz reads ~0.007 dB hot)
    const want = 10 * Math.log10((db(-1) ** 2 + db(-7) ** 2) / 2) + 0.007;
    expect(Math.abs(m[LIM_METER_MOMENTARY] - want)).toBeLessThan(0.05);
    expect(Math.abs(m[LIM_METER_SHORT_TERM] - want)).toBeLessThan(0.05);
    expect(Math.abs(m[LIM_METER_INTEGRATED] - want)).toBeLessThan(0.05);
    expect(m[LIM_METER_LRA]).toBeLessThan(0.5);
    expect(Math.abs(m[LIM_METER_TRUE_PEAK] - -1)).toBeLessThan(0.01);
    expect(m[LIM_METER_MAX_MOMENTARY]).toBeGreaterThanOrEqual(m[LIM_METER_MOMENTARY] - 1e-3);
    expect(m[LIM_METER_MAX_SHORT_TERM]).toBeGreaterThanOrEqual(m[LIM_METER_SHORT_TERM] - 1e-3);
    // the kernel's meter reads exactly what a separate meter reads from the output
    const ref = new LoudnessMeter({ sampleRate: SR, channels: 2 });
    ref.process(y);
    expect(m[LIM_METER_INTEGRATED]).toBe(Math.fround(ref.integrated));
    expect(m[LIM_METER_MOMENTARY]).toBe(Math.fround(ref.momentary));
    expect(m[LIM_METER_TRUE_PEAK]).toBe(Math.fround(ref.truePeak));
  });

  it('peaks and reduction restart at each writeMeters; resetLoudness clears the loudness', () => {
    const { bank, kernel } = setup({ gain: 12 });
    renderOffline(kernel, bank, [sine(SR, 440, 0.5), sine(SR, 440, 0.5)]);
    const m = new Float32Array(LIMITER_METER_SIZE);
    kernel.writeMeters(m);
    expect(m[LIM_METER_GR]).toBeGreaterThan(5);
    const integrated = m[LIM_METER_INTEGRATED];
    expect(integrated).toBeGreaterThan(-10);
    // silence: peaks floor, reduction 0 (after the hold and release), loudness keeps its history
    renderOffline(kernel, bank, [new Float32Array(SR), new Float32Array(SR)]);
    kernel.writeMeters(m);
    renderOffline(kernel, bank, [new Float32Array(128), new Float32Array(128)]);
    kernel.writeMeters(m);
    expect(m[LIM_METER_IN_L]).toBe(METER_FLOOR_DB);
    expect(m[LIM_METER_OUT_R]).toBe(METER_FLOOR_DB);
    expect(m[LIM_METER_GR]).toBe(0);
    // gated: the silent blocks do not count (only the blocks over the fade-out pull it down a little)
    expect(Math.abs(m[LIM_METER_INTEGRATED] - integrated)).toBeLessThan(1);
    expect(m[LIM_METER_MOMENTARY]).toBe(METER_FLOOR_DB);
    kernel.resetLoudness();
    kernel.writeMeters(m);
    expect(m[LIM_METER_INTEGRATED]).toBe(METER_FLOOR_DB);
    expect(m[LIM_METER_TRUE_PEAK]).toBe(METER_FLOOR_DB);
    expect(m[LIM_METER_MAX_MOMENTARY]).toBe(METER_FLOOR_DB);
    expect(m[LIM_METER_LRA]).toBe(0);
  });

  it('mono kernel: both meter sides read the one channel', () => {
    const bank = new ParamBank(P.specs());
    const kernel = createKernel(bank);
    kernel.prepare(SR, 128, 1);
    renderOffline(kernel, bank, [sine(SR, 1000, db(-3))]);
    const m = new Float32Array(LIMITER_METER_SIZE);
    kernel.writeMeters(m);
    expect(m[LIM_METER_IN_L]).toBeCloseTo(-3, 2);
    expect(m[LIM_METER_IN_R]).toBe(m[LIM_METER_IN_L]);
    expect(m[LIM_METER_OUT_R]).toBe(m[LIM_METER_OUT_L]);
    // mono sine at -3 dBFS: -3 - 3.01 LUFS
    expect(Math.abs(m[LIM_METER_MOMENTARY] - (-3 - 3.01))).toBeLessThan(0.1);
  });
});
