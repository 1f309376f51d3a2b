/**
 * Varnish Reverb: stereo image and echo density of the real kernel's impulse response.
 *
 * - IACC (ISO 3382-1 annex A: max |normalised cross-correlation| over +-1 ms lags) of the tail
 *   after 80 ms, for an impulse on both inputs (a centred source): below 0.3 at width 100 %.
 * - width 0: the wet signal is mono, left === right sample for sample.
 * - Normalised echo density (Abel & Huang 2006; 20 ms Hann window, 1 ms hop) reaches 1 within
 *   150 ms for hall, plate and chamber (and room) at the default settings, and stays near 1
 *   (mean over 150-500 ms at least 0.9).
 */
import { describe, expect, it } from 'vitest';
import { echoDensity, iacc } from './helpers/reverb-measures.js';
import { ALGORITHMS, FS, impulseResponse, WET } from './helpers/reverb-render.js';

const report: string[] = [];

describe('reverb stereo', () => {
  for (const [algorithm, name] of ALGORITHMS.entries()) {
    it(`${name}: IACC of the tail after 80 ms below 0.3 at width 100 %`, () => {
      const [l, r] = impulseResponse({ ...WET, algorithm, decay: 2 }, 1.5);
      const value = iacc(l, r, Math.round(0.08 * FS), l.length, Math.round(0.001 * FS));
      report.push(`${name}: IACC(80 ms..1.5 s) = ${value.toFixed(3)}`);
      expect(value).toBeLessThan(0.3);
    });

    it(`${name}: width 0 makes the wet signal mono (left === right)`, () => {
      const [l, r] = impulseResponse({ ...WET, algorithm, decay: 2, width: 0 }, 0.5, 1, 0);
      let energy = 0;
      for (let i = 0; i < l.length; i++) energy += l[i] * l[i];
      expect(energy).toBeGreaterThan(1e-3);
      expect(r).toEqual(l);
    });
  }
});

describe('reverb echo density', () => {
  for (const [algorithm, name] of ALGORITHMS.entries()) {
    it(`${name}: normalised echo density reaches 1 within 150 ms and stays near 1`, () => {
      const [l] = impulseResponse({ ...WET, algorithm }, 0.6);
      const hop = Math.round(0.001 * FS);
      const ned = echoDensity(l, Math.round(0.02 * FS), hop);
      let first = -1;
      for (let i = 0; i < ned.length; i++) {
        if (ned[i] >= 1) {
          first = i;
          break;
        }
      }
      let mean = 0;
      for (let i = 150; i < 500; i++) mean += ned[i] / 350;
      report.push(`${name}: echo density reaches 1 at ${first} ms, mean 150-500 ms ${mean.toFixed(3)}`);
      expect(first).toBeGreaterThanOrEqual(0);
      expect(first).toBeLessThanOrEqual(150);
      expect(mean).toBeGreaterThan(0.9);
    });
  }
  it('report', () => {
    if (process.env.REVERB_REPORT) console.log(report.join('\n'));
    expect(report.length).toBe(8);
  });
});
