/**
 * Butterworth low/high cuts, notch, band pass and tilt, measured on the kernel's impulse
 * response. Cuts: -3.01 dB at f0 within 0.1 dB for f0 below fs/4; the slope measured between
 * one and two octaves past the corner within 1 dB/oct of the setting. For an order-N
 * Butterworth |H|^2 = 1/(1 + (f/f0)^(+-2N)), so between 1 and 2 octaves the analog slope is
 * 10 log10((1 + 16^N)/(1 + 4^N)): 5.31 dB/oct for N = 1, within 0.35 dB of 6N from N = 2 on.
 */
import { describe, it, expect } from 'vitest';
import { makeEq, setBand, impulseResponse, gainAtDb, maxAbs, sine, render } from './helpers/eq-harness.js';

const SLOPES = [6, 12, 18, 24, 36, 48, 72, 96];

/** Steady-state gain in dB of a sine at f (fs/f whole samples) through one band. */
function sineGainDb(fs: number, type: 'low cut' | 'high cut', f0: number, slope: number, f: number): number {
  const period = fs / f;
  const settle = 24000;
  const meas = period * Math.round(4800 / period);
  const eq = makeEq(fs, 1);
  setBand(eq.bank, 1, { on: true, type, freq: f0, slope });
  const x = sine(settle + meas, f, fs, 0.5);
  const y = render(eq, [x])[0];
  let re = 0;
  let im = 0;
  for (let i = settle; i < settle + meas; i++) {
    re += y[i] * Math.cos((2 * Math.PI * i) / period);
    im += y[i] * Math.sin((2 * Math.PI * i) / period);
  }
  return 20 * Math.log10((2 * Math.hypot(re, im)) / meas / 0.5);
}

describe('EQ Butterworth cuts', () => {
  it('-3 dB at f0 (every slope, several f0 below fs/4, three rates)', () => {
    let worst = 0;
    let where = '';
    for (const fs of [44100, 48000, 96000])
      for (const type of ['low cut', 'high cut'] as const)
        for (const slope of SLOPES)
          for (const f0 of [50, 200, 1000, 5000, fs / 4 - 100]) {
            const eq = makeEq(fs, 1);
            setBand(eq.bank, 1, { on: true, type, freq: f0, slope });
            const N = f0 < 200 ? 65536 : 16384;
            const ir = impulseResponse(eq, N)[0];
            expect(maxAbs(ir, N - 256, N)).toBeLessThan(1e-6); // the window holds the whole response
            const e = Math.abs(gainAtDb(ir, f0, fs) + 3.0103);
            if (e > worst) {
              worst = e;
              where = `${type} ${slope} dB/oct ${f0} Hz at ${fs}`;
            }
          }
    console.log(`cuts: worst |gain(f0) + 3.01 dB| = ${worst.toExponential(2)} dB (${where})`);
    expect(worst).toBeLessThan(0.1);
  });

  it('slope between 1 and 2 octaves past the corner within 1 dB/oct of the setting', () => {
    // Steady-state sine gains read by a DFT over whole periods (up to -290 dB: an impulse
    // response in float32 cannot show that, a lock-in on a sine can).
    const fs = 48000;
    const lines: string[] = [];
    for (const slope of SLOPES) {
      // low cut at 1 kHz: 500 and 250 Hz; high cut at 200 Hz: 400 and 800 Hz (little warping)
      const low = sineGainDb(fs, 'low cut', 1000, slope, 500) - sineGainDb(fs, 'low cut', 1000, slope, 250);
      const high = sineGainDb(fs, 'high cut', 200, slope, 400) - sineGainDb(fs, 'high cut', 200, slope, 800);
      const N = slope / 6;
      const analog = 10 * Math.log10((1 + Math.pow(16, N)) / (1 + Math.pow(4, N)));
      lines.push(`${slope}: low cut ${low.toFixed(2)}, high cut ${high.toFixed(2)} dB/oct (analog ${analog.toFixed(2)})`);
      expect(Math.abs(low - slope)).toBeLessThan(1);
      expect(Math.abs(high - slope)).toBeLessThan(1);
    }
    console.log(lines.join('\n'));
  });

  it('cutoff at or above Nyquist stays finite and stable', () => {
    for (const type of ['low cut', 'high cut'] as const)
      for (const slope of [6, 96]) {
        const eq = makeEq(44100, 1);
        setBand(eq.bank, 1, { on: true, type, freq: 30000, slope });
        const ir = impulseResponse(eq, 8192)[0];
        expect(Number.isFinite(maxAbs(ir))).toBe(true);
        expect(maxAbs(ir, 8000, 8192)).toBeLessThan(1e-6);
      }
  });
});

describe('EQ notch, band pass, tilt', () => {
  const fs = 48000;
  it('notch: deep at f0, -3 dB at the Q band edges, flat far away', () => {
    const eq = makeEq(fs, 1);
    setBand(eq.bank, 1, { on: true, type: 'notch', freq: 1000, q: 2 });
    const ir = impulseResponse(eq, 32768)[0];
    expect(gainAtDb(ir, 1000, fs)).toBeLessThan(-60);
    expect(Math.abs(gainAtDb(ir, 50, fs))).toBeLessThan(0.01);
    expect(Math.abs(gainAtDb(ir, 15000, fs))).toBeLessThan(0.05);
    // analog band edges (bilinear prewarp moves them by < 0.1 % at 1 kHz)
    const fl = 1000 * (Math.sqrt(1 + 1 / 16) - 1 / 4);
    const fh = 1000 * (Math.sqrt(1 + 1 / 16) + 1 / 4);
    expect(Math.abs(gainAtDb(ir, fl, fs) + 3.0103)).toBeLessThan(0.05);
    expect(Math.abs(gainAtDb(ir, fh, fs) + 3.0103)).toBeLessThan(0.05);
  });

  it('band pass: 0 dB at f0, -3 dB at the Q band edges, 6 dB/oct skirts', () => {
    const eq = makeEq(fs, 1);
    setBand(eq.bank, 1, { on: true, type: 'band pass', freq: 1000, q: 2 });
    const ir = impulseResponse(eq, 32768)[0];
    expect(Math.abs(gainAtDb(ir, 1000, fs))).toBeLessThan(0.01);
    const fl = 1000 * (Math.sqrt(1 + 1 / 16) - 1 / 4);
    const fh = 1000 * (Math.sqrt(1 + 1 / 16) + 1 / 4);
    expect(Math.abs(gainAtDb(ir, fl, fs) + 3.0103)).toBeLessThan(0.05);
    expect(Math.abs(gainAtDb(ir, fh, fs) + 3.0103)).toBeLessThan(0.05);
    const skirt = gainAtDb(ir, 100, fs) - gainAtDb(ir, 50, fs);
    expect(Math.abs(skirt - 6.02)).toBeLessThan(0.1);
  });

  it('tilt: -gain/2 at the bottom, 0 dB at f0, +gain/2 at the top', () => {
    for (const gain of [12, -8]) {
      const eq = makeEq(fs, 1);
      setBand(eq.bank, 1, { on: true, type: 'tilt', freq: 1000, gain });
      const ir = impulseResponse(eq, 32768)[0];
      expect(Math.abs(gainAtDb(ir, 1000, fs))).toBeLessThan(0.01);
      expect(Math.abs(gainAtDb(ir, 5, fs) + gain / 2)).toBeLessThan(0.05);
      expect(Math.abs(gainAtDb(ir, 23990, fs) - gain / 2)).toBeLessThan(0.05);
    }
  });
});
