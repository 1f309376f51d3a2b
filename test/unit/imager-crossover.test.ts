/**
 * Building blocks of the imager (shared-dsp/stereo): Linkwitz-Riley magnitudes, the band tree's
 * allpass sum, the fused loops against the single passes, bass mono, crossover ordering.
 */
import { describe, expect, it } from 'vitest';
import { BandSplitter, orderCrossovers } from '../../shared-dsp/stereo/band-splitter.js';
import { BassMono } from '../../shared-dsp/stereo/bass-mono.js';
import { lrMagnitude } from '../../shared-dsp/stereo/linkwitz-riley.js';
import { toMidSide, weightedBandSum } from '../../shared-dsp/stereo/ms-width.js';

const FS = 48000;
const N = 16384;
const FREQS = Array.from({ length: 49 }, (_, i) => 20 * Math.pow(2, i / 5));
const db = (x: number) => 20 * Math.log10(x);

function dftAbs(h: Float64Array, f: number): number {
  const w = (2 * Math.PI * f) / FS;
  let re = 0, im = 0;
  for (let n = 0; n < h.length; n++) {
    re += h[n] * Math.cos(w * n);
    im -= h[n] * Math.sin(w * n);
  }
  return Math.hypot(re, im);
}

function impulse(): Float64Array {
  const x = new Float64Array(N);
  x[0] = 1;
  return x;
}

function random(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    x[i] = s / 4294967296 - 0.5;
  }
  return x;
}

/** run a splitter over x in blocks of 128, returning the bands */
function split(sp: BandSplitter, x: Float64Array): Float64Array[] {
  const bands = [0, 1, 2, 3].map(() => new Float64Array(x.length));
  const blk = [0, 1, 2, 3].map(() => new Float64Array(128));
  for (let pos = 0; pos < x.length; pos += 128) {
    sp.splitSide(x.subarray(pos, pos + 128), blk[0], blk[1], blk[2], blk[3], 128);
    for (let k = 0; k < 4; k++) bands[k].set(blk[k], pos);
  }
  return bands;
}

describe('Linkwitz-Riley magnitudes', () => {
  it('LR4 low and high are -6.02 dB at the corner, LR8 high is <= -48 dB an octave below and -0.034 dB an octave above', () => {
    expect(lrMagnitude(4, 'low', 1000, 1000, FS)).toBeCloseTo(0.5, 12);
    expect(lrMagnitude(4, 'high', 1000, 1000, FS)).toBeCloseTo(0.5, 12);
    for (const fc of [20, 120, 500]) {
      expect(db(lrMagnitude(8, 'high', fc / 2, fc, FS))).toBeLessThan(-48);
      expect(db(lrMagnitude(8, 'high', fc * 2, fc, FS))).toBeGreaterThan(-0.035);
    }
  });
});

describe('band tree (BandSplitter)', () => {
  const fx = [150, 1500, 6000];
  for (const nb of [2, 3, 4]) {
    it(`${nb} bands: the bands add up to an allpass (flat within 1e-9 dB) equal to allpassMid, each band on its LR path`, () => {
      const sp = new BandSplitter();
      sp.setBands(nb);
      sp.setCrossovers(fx[0], fx[1], fx[2], FS);
      const b = split(sp, impulse());
      const sum = new Float64Array(N);
      for (let k = 0; k < nb; k++) for (let i = 0; i < N; i++) sum[i] += b[k][i];
      const ap = new BandSplitter();
      ap.setBands(nb);
      ap.setCrossovers(fx[0], fx[1], fx[2], FS);
      const m = impulse();
      for (let pos = 0; pos < N; pos += 128) ap.allpassMid(m.subarray(pos, pos + 128), 128);
      let worst = 0;
      for (let i = 0; i < N; i++) worst = Math.max(worst, Math.abs(sum[i] - m[i]));
      expect(worst).toBeLessThan(1e-12);
      // band magnitudes: products of the LR4 sides along each path
      const L = (f: number, c: number) => lrMagnitude(4, 'low', f, c, FS);
      const H = (f: number, c: number) => lrMagnitude(4, 'high', f, c, FS);
      const paths: Array<(f: number) => number> =
        nb === 2
          ? [(f) => L(f, fx[0]), (f) => H(f, fx[0])]
          : nb === 3
            ? [(f) => L(f, fx[0]) * L(f, fx[1]), (f) => H(f, fx[0]) * L(f, fx[1]), (f) => H(f, fx[1])]
            : [(f) => L(f, fx[0]) * L(f, fx[1]), (f) => H(f, fx[0]) * L(f, fx[1]), (f) => H(f, fx[1]) * L(f, fx[2]), (f) => H(f, fx[1]) * H(f, fx[2])];
      for (const f of [50, 150, 400, 1500, 3000, 6000, 12000]) {
        expect(Math.abs(db(dftAbs(sum, f)))).toBeLessThan(1e-9);
        for (let k = 0; k < nb; k++) {
          const want = paths[k](f);
          if (want > 1e-4) expect(Math.abs(db(dftAbs(b[k], f)) - db(want))).toBeLessThan(1e-6);
        }
      }
    });

    it(`${nb} bands: the fused loop equals splitSide + allpassMid + weighted sum (ramped gains)`, () => {
      const x = random(4096, 7), mIn = random(4096, 8);
      const a = new BandSplitter(), f = new BandSplitter();
      for (const sp of [a, f]) {
        sp.setBands(nb);
        sp.setCrossovers(90, 900, 9000, FS);
      }
      const bands = [0, 1, 2, 3].map(() => new Float64Array(128));
      const y1 = new Float64Array(128), y2 = new Float64Array(128), m1 = new Float64Array(128), m2 = new Float64Array(128);
      const g0 = new Float64Array(4), g1 = new Float64Array(4);
      let worst = 0;
      for (let pos = 0, blk = 0; pos < 4096; pos += 128, blk++) {
        for (let k = 0; k < 4; k++) {
          g0[k] = 0.5 + 0.1 * k + 0.01 * blk;
          g1[k] = 0.5 + 0.1 * k + 0.01 * (blk + 1);
        }
        m1.set(mIn.subarray(pos, pos + 128));
        m2.set(m1);
        a.splitSide(x.subarray(pos, pos + 128), bands[0], bands[1], bands[2], bands[3], 128);
        a.allpassMid(m1, 128);
        weightedBandSum(y1, bands[0], bands[1], bands[2], bands[3], nb, 128, g0, g1);
        f.process(m2, x.subarray(pos, pos + 128), y2, 128, g0, g1);
        for (let i = 0; i < 128; i++) worst = Math.max(worst, Math.abs(y1[i] - y2[i]), Math.abs(m1[i] - m2[i]));
      }
      expect(worst).toBeLessThan(1e-12);
    });
  }

  it('crossovers are ordered by pushing upwards (ratio 1.25) and held below 0.45 fs', () => {
    const out = new Float64Array(3);
    orderCrossovers(400, 300, 350, FS, out);
    expect([...out]).toEqual([400, 500, 625]);
    orderCrossovers(150, 1500, 6000, FS, out);
    expect([...out]).toEqual([150, 1500, 6000]);
    orderCrossovers(150, 1500, 16000, 22050, out);
    expect(out[2]).toBeCloseTo(0.45 * 22050, 9);
  });
});

describe('bass mono (LR8)', () => {
  it('processLR equals process on M/S, side is the LR8 high side, mid an allpass', () => {
    const a = new BassMono(), b = new BassMono();
    a.setFrequency(120, FS);
    b.setFrequency(120, FS);
    const l = random(N, 3), r = random(N, 4);
    const m1 = new Float64Array(N), s1 = new Float64Array(N), m2 = new Float64Array(N), s2 = new Float64Array(N);
    toMidSide(l, r, m1, s1, N);
    for (let pos = 0; pos < N; pos += 128) {
      a.process(m1.subarray(pos, pos + 128), s1.subarray(pos, pos + 128), 128);
      b.processLR(l, r, pos, 1, 1, m2.subarray(pos, pos + 128), s2.subarray(pos, pos + 128), 128);
    }
    let worst = 0;
    for (let i = 0; i < N; i++) worst = Math.max(worst, Math.abs(m1[i] - m2[i]), Math.abs(s1[i] - s2[i]));
    expect(worst).toBeLessThan(1e-12);

    const c = new BassMono();
    c.setFrequency(120, FS);
    const m = impulse(), s = impulse();
    for (let pos = 0; pos < N; pos += 128) c.process(m.subarray(pos, pos + 128), s.subarray(pos, pos + 128), 128);
    for (const f of [30, 60, 120, 240, 1000, 10000]) {
      expect(Math.abs(db(dftAbs(m, f)))).toBeLessThan(1e-9);
      expect(Math.abs(db(dftAbs(s, f)) - db(lrMagnitude(8, 'high', f, 120, FS)))).toBeLessThan(1e-6);
    }
  });
});
