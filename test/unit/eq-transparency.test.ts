/**
 * Bit-exact paths, stereo placement, output gain and phase invert, on the real kernel.
 */
import { describe, it, expect } from 'vitest';
import { makeEq, setBand, render, noise, sine, bitEqual, maxDiff, maxAbs, pidx } from './helpers/eq-harness.js';

const FS = 48000;
const FRAMES = 9000; // not a multiple of 128

describe('EQ transparency', () => {
  it('all bands off, output 0 dB: output bit-identical to input', () => {
    const eq = makeEq(FS);
    const x = [noise(FRAMES, 1), noise(FRAMES, 2)];
    const y = render(eq, x);
    expect(bitEqual(y[0], x[0])).toBe(true);
    expect(bitEqual(y[1], x[1])).toBe(true);
  });

  it('gain-type bands on at 0 dB (every placement): bit-identical', () => {
    const eq = makeEq(FS);
    const types = ['bell', 'low shelf', 'high shelf', 'tilt', 'bell', 'bell', 'low shelf', 'high shelf'] as const;
    const modes = ['stereo', 'left', 'right', 'mid', 'side', 'mid', 'stereo', 'side'] as const;
    for (let n = 1; n <= 8; n++) setBand(eq.bank, n, { on: true, type: types[n - 1], gain: 0, q: 3, stereo: modes[n - 1] });
    const x = [noise(FRAMES, 3), noise(FRAMES, 4)];
    const y = render(eq, x);
    expect(bitEqual(y[0], x[0])).toBe(true);
    expect(bitEqual(y[1], x[1])).toBe(true);
  });

  it('a band that returns to 0 dB (ramp) is bit-exact again after the ramp', () => {
    const eq = makeEq(FS);
    setBand(eq.bank, 3, { on: true, type: 'bell', gain: 6, freq: 1000 });
    const x = [noise(FS, 5), noise(FS, 6)];
    const y = render(eq, x.map((c) => c.subarray(0, 4096)));
    expect(maxDiff(y[0], x[0].subarray(0, 4096))).toBeGreaterThan(1e-3);
    eq.bank.setTarget(pidx('b3_gain'), 0); // 30 ms ramp
    const z = render(eq, x.map((c) => c.subarray(4096)));
    const from = Math.ceil(0.03 * FS) + 256;
    expect(bitEqual(z[0].subarray(from), x[0].subarray(4096 + from))).toBe(true);
    expect(bitEqual(z[1].subarray(from), x[1].subarray(4096 + from))).toBe(true);
  });

  it('output gain is exact (x * 10^(dB/20) rounded to float32)', () => {
    for (const db of [6, -12.5, 24]) {
      const eq = makeEq(FS);
      eq.bank.setNow(pidx('output'), db);
      const x = [noise(FRAMES, 7), noise(FRAMES, 8)];
      const y = render(eq, x);
      const g = Math.pow(10, db / 20);
      let wrong = 0;
      for (let c = 0; c < 2; c++) for (let i = 0; i < FRAMES; i++) if (y[c][i] !== Math.fround(x[c][i] * g)) wrong++;
      expect(wrong).toBe(0);
    }
  });

  it('phase invert: exactly -x once the 10 ms polarity ramp is over', () => {
    const eq = makeEq(FS);
    const x = [noise(FRAMES, 9), noise(FRAMES, 10)];
    eq.bank.setNow(pidx('phase'), 1);
    const y = render(eq, x);
    const after = Math.ceil(0.01 * FS) + 128;
    let wrong = 0;
    for (let c = 0; c < 2; c++) for (let i = after; i < FRAMES; i++) if (y[c][i] !== -x[c][i]) wrong++;
    expect(wrong).toBe(0);
    // the switch is a ramp, not a jump: no sample-to-sample step beyond the signal's own
    const s = sine(FRAMES, 100, FS, 0.9);
    const eq2 = makeEq(FS);
    render(eq2, [s.subarray(0, 1024), s.subarray(0, 1024)]);
    eq2.bank.setNow(pidx('phase'), 1);
    const z = render(eq2, [s.subarray(1024), s.subarray(1024)])[0];
    let step = 0;
    for (let i = 1; i < z.length; i++) step = Math.max(step, Math.abs(z[i] - z[i - 1]));
    const own = 0.9 * 2 * Math.sin((Math.PI * 100) / FS);
    expect(step).toBeLessThan(own + (2 * 0.9) / (0.01 * FS) + 1e-6);
  });
});

describe('EQ stereo placement', () => {
  const bell = { on: true, type: 'bell' as const, freq: 1000, gain: 9, q: 1 };

  it('left only changes L (R bit-identical); right only changes R', () => {
    for (const [mode, touched, kept] of [['left', 0, 1], ['right', 1, 0]] as const) {
      const eq = makeEq(FS);
      setBand(eq.bank, 2, { ...bell, stereo: mode });
      const x = [noise(FRAMES, 11), noise(FRAMES, 12)];
      const y = render(eq, x);
      expect(bitEqual(y[kept], x[kept])).toBe(true);
      expect(maxDiff(y[touched], x[touched])).toBeGreaterThan(0.01);
    }
  });

  it('mid band on an L = R signal equals the stereo band', () => {
    const m = noise(FRAMES, 13);
    const a = makeEq(FS);
    setBand(a.bank, 1, { ...bell, stereo: 'mid' });
    const b = makeEq(FS);
    setBand(b.bank, 1, { ...bell, stereo: 'stereo' });
    const ya = render(a, [m, m]);
    const yb = render(b, [m, m]);
    expect(maxDiff(ya[0], yb[0])).toBeLessThanOrEqual(1e-7);
    expect(maxDiff(ya[1], yb[1])).toBeLessThanOrEqual(1e-7);
    expect(maxDiff(yb[0], m)).toBeGreaterThan(0.01);
  });

  it('side band with L = R leaves the signal unchanged', () => {
    const m = noise(FRAMES, 14);
    const eq = makeEq(FS);
    setBand(eq.bank, 1, { ...bell, stereo: 'side' });
    const y = render(eq, [m, m]);
    expect(maxDiff(y[0], m)).toBeLessThanOrEqual(1e-7);
    expect(maxDiff(y[1], m)).toBeLessThanOrEqual(1e-7);
  });

  it('side band on an L = -R signal equals the stereo band', () => {
    const s = noise(FRAMES, 15);
    const ns = s.map((v) => -v);
    const a = makeEq(FS);
    setBand(a.bank, 1, { ...bell, stereo: 'side' });
    const b = makeEq(FS);
    setBand(b.bank, 1, { ...bell, stereo: 'stereo' });
    const ya = render(a, [s, ns]);
    const yb = render(b, [s, ns]);
    expect(maxDiff(ya[0], yb[0])).toBeLessThanOrEqual(1e-6);
    expect(maxDiff(ya[1], yb[1])).toBeLessThanOrEqual(1e-6);
  });

  it('stereo bands (fused two-channel, two-band passes) equal the mono kernel on each channel', () => {
    const setup = (eq: ReturnType<typeof makeEq>) => {
      for (let n = 1; n <= 8; n++)
        setBand(eq.bank, n, { on: true, type: n === 4 ? 'low cut' : n === 7 ? 'tilt' : 'bell', slope: 24, freq: 40 * Math.pow(2, n), gain: n & 1 ? 5 : -4, q: 0.5 + n * 0.4 });
    };
    const st = makeEq(FS);
    setup(st);
    const x = [noise(FRAMES, 17), noise(FRAMES, 18)];
    const y = render(st, x);
    for (let c = 0; c < 2; c++) {
      const mono = makeEq(FS, 1);
      setup(mono);
      const z = render(mono, [x[c]])[0];
      expect(bitEqual(y[c], z)).toBe(true);
    }
    expect(maxDiff(y[0], x[0])).toBeGreaterThan(0.01);
  });

  it('mono: stereo/left/right/mid act on the channel, side does nothing', () => {
    const x = noise(FRAMES, 16);
    for (const mode of ['stereo', 'left', 'right', 'mid', 'side'] as const) {
      const eq = makeEq(FS, 1);
      setBand(eq.bank, 1, { ...bell, stereo: mode });
      const y = render(eq, [x])[0];
      if (mode === 'side') expect(bitEqual(y, x)).toBe(true);
      else expect(maxDiff(y, x)).toBeGreaterThan(0.01);
    }
    expect(maxAbs(x)).toBeGreaterThan(0);
  });
});
