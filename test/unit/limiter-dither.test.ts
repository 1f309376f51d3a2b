/**
 * Limiter dither: TPDF at 24 and 16 bits puts every output sample on the grid with a total
 * error of RMS LSB/2 (LSB^2/12 rounding + LSB^2/6 dither), independent of the signal and
 * repeatable; noise shaping follows |1 - H(e^jw)|^2 of the E-weighted error filter; off adds
 * nothing; dithered output never exceeds the ceiling.
 */
import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../shared-dsp/core/run-kernel.js';
import { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { SHAPER_COEFFS } from '../../shared-dsp/limiter/dither.js';
import { createKernel } from '../../plugins/limiter/dsp.js';
import { limiterParams as P } from '../../plugins/limiter/params.js';

const SR = 48000;
const db = (v: number) => 10 ** (v / 20);

function render(values: Record<string, number>, x: Float32Array[]) {
  const bank = new ParamBank(P.specs());
  for (const [id, v] of Object.entries(values)) bank.setNow(P.index(id), v);
  const kernel = createKernel(bank);
  kernel.prepare(SR, 128, 2);
  return { y: renderOffline(kernel, bank, x), kernel };
}

/** quiet test signal: -30 dBFS 997 Hz sine (not on the grid) */
const N = 1 << 16;
const tone = (n: number) => Float32Array.from({ length: n }, (_, i) => db(-30) * Math.sin((2 * Math.PI * 997 * i) / SR + 0.3));

/** total error e[n] = y[n + D] - x[n] in LSB, from the latency onwards */
function errorLsb(x: Float32Array, y: Float32Array, D: number, lsb: number): Float64Array {
  const e = new Float64Array(x.length - D);
  for (let i = 0; i < e.length; i++) e[i] = (y[i + D] - x[i]) / lsb;
  return e;
}

const mean = (e: Float64Array) => e.reduce((a, b) => a + b, 0) / e.length;
const rms = (e: Float64Array) => Math.sqrt(e.reduce((a, b) => a + b * b, 0) / e.length);

describe('limiter: TPDF dither', () => {
  it.each([
    [2, 16],
    [1, 24],
  ])('mode %i (%i-bit): on the grid, error RMS = LSB/2, mean 0, |error| <= 1.5 LSB', (mode, bits) => {
    const lsb = 2 ** -(bits - 1);
    const x = tone(N);
    const { y, kernel } = render({ dither: mode }, [x, x]);
    const D = kernel.latency;
    for (let c = 0; c < 2; c++) {
      for (let i = 0; i < N; i++) {
        const k = y[c][i] / lsb;
        if (k !== Math.round(k)) throw new Error(`ch${c} sample ${i} off the ${bits}-bit grid: ${y[c][i]}`);
      }
      const e = errorLsb(x, y[c], D, lsb);
      expect(rms(e), `ch${c} RMS`).toBeGreaterThan(0.5 * 0.98);
      expect(rms(e), `ch${c} RMS`).toBeLessThan(0.5 * 1.02);
      expect(Math.abs(mean(e))).toBeLessThan(0.01);
      expect(Math.max(...e.map(Math.abs))).toBeLessThanOrEqual(1.5 + 1e-6);
    }
    // independent PRNG per channel: the two channels' errors are uncorrelated
    const e0 = errorLsb(x, y[0], D, lsb);
    const e1 = errorLsb(x, y[1], D, lsb);
    let r = 0;
    for (let i = 0; i < e0.length; i++) r += e0[i] * e1[i];
    expect(Math.abs(r / e0.length / 0.25)).toBeLessThan(0.03);
  });

  it('silence in: dither noise of RMS LSB/2 out (values -1, 0, +1 LSB); repeatable', () => {
    const x = new Float32Array(N);
    const a = render({ dither: 2 }, [x, x]).y[0];
    const b = render({ dither: 2 }, [x, x]).y[0];
    let same = true;
    for (let i = 0; i < N; i++) if (a[i] !== b[i]) same = false;
    expect(same).toBe(true);
    const lsb = 2 ** -15;
    const e = Float64Array.from(a, (v) => v / lsb);
    const values = new Set<number>();
    for (let i = 0; i < N; i++) values.add(e[i]);
    expect([...values].sort()).toEqual([-1, 0, 1]);
    expect(rms(e)).toBeGreaterThan(0.49);
    expect(rms(e)).toBeLessThan(0.51);
  });

  it('off: no noise (bit-exact delayed input)', () => {
    const x = tone(8192);
    const { y, kernel } = render({ dither: 0 }, [x, x]);
    const e = errorLsb(x, y[0], kernel.latency, 1);
    expect(Math.max(...e.map(Math.abs))).toBe(0);
  });
});

/** mean power of e over DFT bins in [f0, f1) (periodogram, 4096-point rectangular segments) */
function bandPower(e: Float64Array, f0: number, f1: number): number {
  const L = 4096;
  let p = 0;
  let count = 0;
  for (let k = Math.ceil((f0 * L) / SR); k < (f1 * L) / SR; k += 3) {
    const w = (2 * Math.PI * k) / L;
    for (let s = 0; s + L <= e.length; s += L) {
      let re = 0;
      let im = 0;
      for (let i = 0; i < L; i++) {
        re += e[s + i] * Math.cos(w * i);
        im -= e[s + i] * Math.sin(w * i);
      }
      p += (re * re + im * im) / L;
      count++;
    }
  }
  return p / count;
}

/** |1 - sum_k h_k e^{-jwk}|^2 averaged over [f0, f1) */
function shaperGain(f0: number, f1: number): number {
  let s = 0;
  let n = 0;
  for (let f = f0; f < f1; f += 10) {
    const w = (2 * Math.PI * f) / SR;
    let re = 1;
    let im = 0;
    SHAPER_COEFFS.forEach((h, k) => {
      re -= h * Math.cos(w * (k + 1));
      im += h * Math.sin(w * (k + 1));
    });
    s += re * re + im * im;
    n++;
  }
  return s / n;
}

describe('limiter: noise-shaped 16-bit dither', () => {
  it('on the 16-bit grid; error spectrum = TPDF spectrum shaped by the E-weighted filter (within 1.5 dB)', () => {
    const lsb = 2 ** -15;
    const n = 4096 * 6;
    const x = tone(n);
    const shaped = render({ dither: 3 }, [x, x]);
    const flat = render({ dither: 2 }, [x, x]);
    const D = shaped.kernel.latency;
    for (let i = 0; i < n; i++) {
      const k = shaped.y[0][i] / lsb;
      if (k !== Math.round(k)) throw new Error(`sample ${i} off the grid`);
    }
    const es = errorLsb(x, shaped.y[0], D, lsb).subarray(0, 4096 * 5);
    const ef = errorLsb(x, flat.y[0], D, lsb).subarray(0, 4096 * 5);
    // flat TPDF: white, LSB^2/4 per sample; shaped: the same white error through 1 - H
    for (const [f0, f1] of [
      [200, 1500],
      [3000, 5000],
      [9000, 11000],
      [17000, 22000],
    ]) {
      const measured = 10 * Math.log10(bandPower(es, f0, f1) / bandPower(ef, f0, f1));
      const theory = 10 * Math.log10(shaperGain(f0, f1));
      expect(Math.abs(measured - theory), `${f0}-${f1} Hz: ${measured.toFixed(1)} vs ${theory.toFixed(1)} dB`).toBeLessThan(1.5);
    }
    // the point of it: about 19 dB less noise around 4 kHz than flat TPDF
    expect(10 * Math.log10(shaperGain(3500, 4500))).toBeLessThan(-17);
  });
});

describe('limiter: dither at the ceiling', () => {
  it.each([1, 2, 3])('mode %i under heavy limiting: on the grid and never above the ceiling', (mode) => {
    const n = 48000;
    let s = 7;
    const x = Float32Array.from({ length: n }, () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return (s / 4294967296 - 0.5) * 8;
    });
    for (const ceiling of [-1, 0, -6.02]) {
      // true peak off: the sample peaks sit right at the ceiling, the hardest case for the grid clamp
      const { y } = render({ dither: mode, ceiling, truePeak: 0 }, [x, x]);
      const cl = db(ceiling);
      let peak = 0;
      for (let i = 0; i < n; i++) peak = Math.max(peak, Math.abs(y[0][i]));
      expect(peak, `ceiling ${ceiling}`).toBeLessThanOrEqual(cl);
      expect(peak).toBeGreaterThan(cl * db(-0.1));
    }
  });
});
