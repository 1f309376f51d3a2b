/**
 * The GUI's curve (eq-response.ts) is the kernel's actual response, and the real FFT is a DFT.
 */
import { describe, it, expect } from 'vitest';
import { RealFft } from '../../shared-dsp/analysis/fft.js';
import { createDesign, designBand, designResponseDb, bandResponseDb } from '../../shared-dsp/eq/eq-response.js';
import { BAND_TYPES, SLOPES } from '../../plugins/eq/params.js';
import { makeEq, setBand, impulseResponse, spectrumDb } from './helpers/eq-harness.js';

describe('EQ response evaluation', () => {
  it('RealFft matches a direct DFT', () => {
    for (const N of [8, 64, 512]) {
      const x = Float64Array.from({ length: N }, (_, i) => Math.sin(i * 1.7) + 0.3 * Math.cos(i * i * 0.01));
      const re = new Float64Array(N / 2 + 1);
      const im = new Float64Array(N / 2 + 1);
      new RealFft(N).forward(x, re, im);
      let err = 0;
      for (let k = 0; k <= N / 2; k++) {
        let a = 0;
        let b = 0;
        for (let n = 0; n < N; n++) {
          a += x[n] * Math.cos((2 * Math.PI * k * n) / N);
          b -= x[n] * Math.sin((2 * Math.PI * k * n) / N);
        }
        err = Math.max(err, Math.abs(a - re[k]), Math.abs(b - im[k]));
      }
      expect(err).toBeLessThan(1e-9);
    }
  });

  it('designResponseDb equals the measured response of the kernel (every type)', () => {
    const fs = 48000;
    const N = 16384;
    const freqs = Array.from({ length: N / 2 - 1 }, (_, k) => ((k + 1) * fs) / N);
    const curve = new Float64Array(freqs.length);
    for (let t = 0; t < BAND_TYPES.length; t++) {
      const s = { type: t, freq: 700 + 300 * t, gain: t & 1 ? 7 : -9, q: 1.3, slope: t % SLOPES.length };
      const eq = makeEq(fs, 1);
      setBand(eq.bank, 1, { on: true, type: BAND_TYPES[t], freq: s.freq, gain: s.gain, q: s.q, slope: Number(SLOPES[s.slope]) });
      const db = spectrumDb(impulseResponse(eq, N)[0]);
      bandResponseDb(s, freqs, fs, curve);
      let err = 0;
      for (let k = 0; k < freqs.length; k++) if (curve[k] > -80) err = Math.max(err, Math.abs(curve[k] - db[k + 1]));
      expect(err, BAND_TYPES[t]).toBeLessThan(0.01);
    }
    // designResponseDb on a reused design buffer gives the same numbers
    const d = createDesign();
    designBand(0, 1000, 6, 1, 0, fs, d);
    const a = new Float64Array(3);
    designResponseDb(d, [100, 1000, 10000], fs, a);
    expect(a[1]).toBeCloseTo(6, 4);
  });
});
