/**
 * Robustness of the EQ kernel: sanitised NaN/Inf input, denormal decay, click-free band
 * switching, settings at and beyond Nyquist, and the meter data.
 */
import { describe, it, expect } from 'vitest';
import { BAND_TYPES } from '../../plugins/eq/params.js';
import { EQ_ANALYSER_SIZE, EQ_METER_PEAK_L, EQ_METER_PEAK_R, EQ_METER_RMS_L, EQ_METER_RMS_R, EQ_METER_POST, EQ_METER_PRE, EQ_METER_SIZE } from '../../shared-dsp/eq/eq-meters.js';
import { makeEq, setBand, pidx, render, renderWith, noise, sine, bitEqual, maxAbs, maxDiff, impulseResponse, type Eq } from './helpers/eq-harness.js';

const FS = 48000;

function eightBands(eq: Eq): void {
  const types = ['low cut', 'low shelf', 'bell', 'bell', 'notch', 'band pass', 'high shelf', 'tilt'] as const;
  const modes = ['stereo', 'left', 'mid', 'side', 'right', 'stereo', 'mid', 'stereo'] as const;
  for (let n = 1; n <= 8; n++)
    setBand(eq.bank, n, { on: true, type: types[n - 1], freq: 60 * Math.pow(2, n), gain: n & 1 ? 9 : -7, q: 1.5, slope: 24, stereo: modes[n - 1] });
}

/** Every filter state value is 0 or of normal size (white-box look at the bands). */
function stateIsClean(eq: Eq): boolean {
  const bands = (eq.kernel as unknown as { bands: { state: Float64Array }[] }).bands;
  for (const b of bands) for (const v of b.state) if (v !== 0 && !(Math.abs(v) >= 1e-30)) return false;
  return true;
}

describe('EQ robustness', () => {
  it('guards its own output: +24 dBFS at most, exactly there when driven past it', () => {
    // 8 bells of +30 dB at 1 kHz and +24 dB output on a full-scale sine: +264 dB asked for
    const eq = makeEq(FS);
    expect(eq.kernel.guardsOutput).toBe(true);
    for (let n = 1; n <= 8; n++) setBand(eq.bank, n, { on: true, type: 'bell', freq: 1000, gain: 30, q: 1 });
    eq.bank.setNow(pidx('output'), 24);
    const x = sine(4800, 1000, FS, 1);
    const y = render(eq, [x, x]);
    const ceiling = Math.fround(10 ** (24 / 20));
    for (const ch of y) {
      expect(maxAbs(ch)).toBeLessThanOrEqual(ceiling);
      expect(maxAbs(ch, 2400)).toBe(ceiling);
    }
    // and a quiet setting passes untouched (no guard in the way): +6 dB output is exact
    const q = makeEq(FS);
    q.bank.setNow(pidx('output'), 6);
    const z = render(q, [x, x]);
    const g = Math.pow(10, 6 / 20);
    for (let i = 0; i < x.length; i++) expect(z[0][i]).toBe(Math.fround(x[i] * g));
  });

  it('NaN and Inf in the input (sanitised by the shell) do not poison the state', () => {
    const a = makeEq(FS);
    const b = makeEq(FS);
    eightBands(a);
    eightBands(b);
    const x = [noise(FS / 2, 1), noise(FS / 2, 2)];
    const bad = x.map((c) => c.slice());
    const clean = x.map((c) => c.slice());
    for (const i of [100, 5000, 5001, 12345]) {
      bad[0][i] = NaN;
      bad[1][i] = i & 1 ? Infinity : -Infinity;
      clean[0][i] = 0;
      clean[1][i] = 0;
    }
    const ya = render(a, bad);
    const yb = render(b, clean);
    expect(Number.isFinite(maxAbs(ya[0])) && Number.isFinite(maxAbs(ya[1]))).toBe(true);
    expect(bitEqual(ya[0], yb[0]) && bitEqual(ya[1], yb[1])).toBe(true);
  });

  it('reset() recovers even from NaN fed past the shell', () => {
    const eq = makeEq(FS);
    eightBands(eq);
    const x = noise(1024, 3);
    x[10] = NaN;
    renderWith(eq, [x, x], 128, () => {});
    eq.kernel.reset();
    const y = renderWith(eq, [noise(4096, 4), noise(4096, 5)], 128, () => {});
    expect(Number.isFinite(maxAbs(y[0])) && Number.isFinite(maxAbs(y[1]))).toBe(true);
  });

  it('tiny and subnormal input, then silence: state flushed, output exactly 0', () => {
    const eq = makeEq(FS);
    eightBands(eq);
    const n = 3 * FS;
    const x = new Float32Array(n);
    x[600] = 1;
    for (let i = 1000; i < 2000; i++) x[i] = (i & 1 ? 1 : -1) * 1e-40; // float32 subnormals
    const y = renderWith(eq, [x, x.slice()], 128, () => {});
    expect(stateIsClean(eq)).toBe(true);
    expect(maxAbs(y[0], n - FS / 2)).toBe(0);
    expect(maxAbs(y[1], n - FS / 2)).toBe(0);
  });

  it('turning a band on or off, or changing its type, does not click (10 ms crossfade)', () => {
    // 100 Hz sine: its own sample-to-sample step is small, so any jump would stand out
    const x = sine(FS, 100, FS, 0.5);
    const steady = makeEq(FS);
    setBand(steady.bank, 1, { on: true, type: 'bell', freq: 100, gain: 12, q: 2 });
    const wet = render(steady, [x, x])[0];
    let ownStep = 0;
    for (let i = FS / 2; i < FS; i++) ownStep = Math.max(ownStep, Math.abs(wet[i] - wet[i - 1]));

    const eq = makeEq(FS);
    setBand(eq.bank, 1, { on: false, type: 'bell', freq: 100, gain: 12, q: 2 });
    const y = renderWith(eq, [x, x], 128, (pos) => {
      if (pos === 8192) setBand(eq.bank, 1, { on: true });
      if (pos === 20480) setBand(eq.bank, 1, { type: 'low cut', slope: 24 });
      if (pos === 32768) setBand(eq.bank, 1, { on: false });
    })[0];
    let step = 0;
    for (let i = 1; i < y.length; i++) step = Math.max(step, Math.abs(y[i] - y[i - 1]));
    // an instant switch would jump by |wet - dry| (up to ~1.5 here)
    expect(maxDiff(wet, x, FS / 2, FS)).toBeGreaterThan(1);
    expect(step).toBeLessThan(1.2 * ownStep);
    // and the band is really off again at the end: bit-exact dry
    expect(bitEqual(y.subarray(33792), x.subarray(33792))).toBe(true);
  });

  it('every type at and beyond Nyquist, extreme gain and Q: finite and decaying', () => {
    for (const fs of [44100, 96000])
      for (const type of BAND_TYPES)
        for (const freq of [fs * 0.45, fs / 2, 30000])
          for (const [gain, q] of [[30, 40], [-30, 0.1], [30, 0.1], [-30, 40]]) {
            const eq = makeEq(fs, 1);
            setBand(eq.bank, 1, { on: true, type, freq, gain, q, slope: 96 });
            const ir = impulseResponse(eq, 16384)[0];
            const m = maxAbs(ir);
            const label = `${type} ${freq} ${gain} ${q}`;
            expect(Number.isFinite(m), label).toBe(true);
            // decaying: the last 2048 samples are quieter than the 2048 before them (or silent)
            const tail = maxAbs(ir, 14336);
            if (tail > 1e-9) expect(tail, label).toBeLessThan(0.9 * maxAbs(ir, 12288, 14336));
          }
  });
});

describe('EQ meters', () => {
  it('peaks since the last read, and the last 2048 mono samples before and after', () => {
    const eq = makeEq(FS);
    setBand(eq.bank, 1, { on: true, type: 'bell', freq: 1000, gain: 6, q: 1 });
    expect(eq.kernel.meterSize).toBe(EQ_METER_SIZE);
    const x = [noise(5000, 8, 0.3), noise(5000, 9, 0.6)];
    const y = render(eq, x);
    const m = new Float32Array(EQ_METER_SIZE);
    eq.kernel.writeMeters!(m);
    expect(m[EQ_METER_PEAK_L]).toBeCloseTo(maxAbs(y[0]), 6);
    expect(m[EQ_METER_PEAK_R]).toBeCloseTo(maxAbs(y[1]), 6);
    const rms = (v: Float32Array) => Math.sqrt(v.reduce((a, b) => a + b * b, 0) / v.length);
    expect(m[EQ_METER_RMS_L]).toBeCloseTo(rms(y[0]), 5);
    expect(m[EQ_METER_RMS_R]).toBeCloseTo(rms(y[1]), 5);
    const N = EQ_ANALYSER_SIZE;
    let pre = 0;
    let post = 0;
    for (let j = 0; j < N; j++) {
      const i = 5000 - N + j;
      pre = Math.max(pre, Math.abs(m[EQ_METER_PRE + j] - 0.5 * (x[0][i] + x[1][i])));
      post = Math.max(post, Math.abs(m[EQ_METER_POST + j] - 0.5 * (y[0][i] + y[1][i])));
    }
    expect(pre).toBeLessThan(1e-7);
    expect(post).toBeLessThan(1e-7);
    // peaks restart after a read
    const z = render(eq, [new Float32Array(256), new Float32Array(256)]);
    eq.kernel.writeMeters!(m);
    expect(m[EQ_METER_PEAK_L]).toBeCloseTo(maxAbs(z[0]), 6);
    expect(m[EQ_METER_PEAK_L]).toBeLessThan(0.5 * maxAbs(y[0]));
  });
});
