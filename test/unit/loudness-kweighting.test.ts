/** K-weighting (ITU-R BS.1770-5 Annex 1): coefficients for any rate from the analog parameters. */
import { describe, expect, it } from 'vitest';
import { kWeightingCoefficients, RLB_Q, type Biquad } from '../../shared-dsp/loudness/k-weighting.js';

/** |H(e^jw)| in dB of a biquad at frequency f */
function gainDb(q: Biquad, f: number, fs: number): number {
  const w = (2 * Math.PI * f) / fs;
  const re = (c0: number, c1: number, c2: number) => c0 + c1 * Math.cos(w) + c2 * Math.cos(2 * w);
  const im = (c1: number, c2: number) => -c1 * Math.sin(w) - c2 * Math.sin(2 * w);
  const num = Math.hypot(re(q.b0, q.b1, q.b2), im(q.b1, q.b2));
  const den = Math.hypot(re(1, q.a1, q.a2), im(q.a1, q.a2));
  return 20 * Math.log10(num / den);
}

describe('K-weighting coefficients', () => {
  it('reproduce the BS.1770 48 kHz table to 1e-8', () => {
    const k = kWeightingCoefficients(48000);
    const shelf = [k.shelf.b0, k.shelf.b1, k.shelf.b2, k.shelf.a1, k.shelf.a2];
    const rlb = [k.rlb.b0, k.rlb.b1, k.rlb.b2, k.rlb.a1, k.rlb.a2];
    const tableShelf = [1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585];
    const tableRlb = [1, -2, 1, -1.99004745483398, 0.99007225036621];
    for (let i = 0; i < 5; i++) {
      expect(Math.abs(shelf[i] - tableShelf[i])).toBeLessThan(1e-8);
      expect(Math.abs(rlb[i] - tableRlb[i])).toBeLessThan(1e-8);
    }
  });

  // the bilinear shelf's shape away from f0 depends slightly on the rate: 0.674 dB at 997 Hz at 96 kHz
  it.each([[44100, 0.005], [48000, 0.005], [96000, 0.02]])('at %i Hz: +0.691 dB at 997 Hz (within %d dB), +4 dB shelf, RLB high-pass at 38 Hz', (fs, tol) => {
    const k = kWeightingCoefficients(fs);
    const total = (f: number) => gainDb(k.shelf, f, fs) + gainDb(k.rlb, f, fs);
    expect(Math.abs(total(997) - 0.691)).toBeLessThan(tol);
    expect(total(10000)).toBeGreaterThan(3.8);
    expect(total(10000)).toBeLessThan(4.1);
    expect(total(20)).toBeLessThan(-4);
    // a second-order high-pass passes Q at its corner: 20 log10(0.5003) = -6.02 dB
    expect(Math.abs(gainDb(k.rlb, 38.13547087602444, fs) - 20 * Math.log10(RLB_Q))).toBeLessThan(0.1);
  });

  it('44.1 kHz and 48 kHz agree within 0.02 dB up to 10 kHz (same analog prototype)', () => {
    const a = kWeightingCoefficients(44100);
    const b = kWeightingCoefficients(48000);
    for (const f of [30, 100, 500, 1000, 2000, 5000, 10000]) {
      const ga = gainDb(a.shelf, f, 44100) + gainDb(a.rlb, f, 44100);
      const gb = gainDb(b.shelf, f, 48000) + gainDb(b.rlb, f, 48000);
      expect(Math.abs(ga - gb)).toBeLessThan(0.02);
    }
  });
});
