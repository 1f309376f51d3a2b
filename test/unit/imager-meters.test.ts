/**
 * Stereo meters (shared-dsp/stereo/correlation.ts) and the imager kernel's display data
 * (shared-dsp/stereo/imager-meters.ts): correlation +1 / -1 / 0 / cos 45 deg / ~0 for
 * independent noise, the 0.3 s time constant, silence rules, balance, mid/side levels, peaks and
 * the vectorscope points.
 */
import { describe, expect, it } from 'vitest';
import { CorrelationMeter, VectorscopeBuffer, toScopePoints } from '../../shared-dsp/stereo/correlation.js';
import { IMAGER_METER, IMAGER_METER_SIZE, IMAGER_SCOPE_POINTS } from '../../shared-dsp/stereo/imager-meters.js';
import { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { renderOffline } from '../../shared-dsp/core/run-kernel.js';
import { createKernel } from '../../plugins/imager/dsp.js';
import { imagerParams } from '../../plugins/imager/params.js';

const FS = 48000;

function sine(frames: number, f: number, phaseDeg: number, a = 0.5): Float32Array {
  const x = new Float32Array(frames);
  const ph = (phaseDeg * Math.PI) / 180;
  for (let i = 0; i < frames; i++) x[i] = a * Math.sin((2 * Math.PI * f * i) / FS + ph);
  return x;
}

function noise(frames: number, seed: number, a = 0.5): Float32Array {
  let s = seed >>> 0;
  const x = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    x[i] = a * (2 * (((t ^ (t >>> 14)) >>> 0) / 4294967296) - 1);
  }
  return x;
}

/** feed whole signals in 128-frame blocks */
function meter(l: Float32Array, r: Float32Array, lowpassHz = 0): CorrelationMeter {
  const m = new CorrelationMeter({ lowpassHz });
  m.prepare(FS);
  for (let pos = 0; pos < l.length; pos += 128) m.process(l, r, pos, Math.min(128, l.length - pos));
  return m;
}

const T = 2 * FS; // 2 s: more than 6 time constants

describe('correlation meter', () => {
  const n1 = noise(T, 11), n2 = noise(T, 12);
  for (const lp of [0, 2000]) {
    const tag = lp ? ' (2 kHz low-pass)' : ' (full band)';
    it(`identical +1, inverted -1${tag}`, () => {
      expect(meter(n1, n1, lp).correlation).toBeCloseTo(1, 9);
      expect(meter(n1, n1.map((x) => -x), lp).correlation).toBeCloseTo(-1, 9);
    });
    for (const f of [997, 1000, 5000]) {
      it(`sines ${f} Hz: 90 deg -> 0, 45 deg -> 0.707, 180 deg -> -1 (+-0.02)${tag}`, () => {
        expect(Math.abs(meter(sine(T, f, 0), sine(T, f, 90), lp).correlation)).toBeLessThan(0.02);
        expect(Math.abs(meter(sine(T, f, 0), sine(T, f, 45), lp).correlation - Math.SQRT1_2)).toBeLessThan(0.02);
        expect(Math.abs(meter(sine(T, f, 0), sine(T, f, 180, 0.1), lp).correlation + 1)).toBeLessThan(0.02);
      });
    }
  }

  it('independent noise reads ~0 (+-0.02), full band', () => {
    for (let seed = 20; seed < 25; seed++) {
      expect(Math.abs(meter(noise(T, seed), noise(T, seed + 100)).correlation)).toBeLessThan(0.02);
    }
  });

  it('a silent channel reads 0 (defined), both silent read 0; balance -1 / +1 / 0', () => {
    const zero = new Float32Array(T);
    const left = meter(n1, zero), right = meter(zero, n2), none = meter(zero, zero);
    expect(left.correlation).toBe(0);
    expect(right.correlation).toBe(0);
    expect(none.correlation).toBe(0);
    expect(left.balance).toBeCloseTo(-1, 12);
    expect(right.balance).toBeCloseTo(1, 12);
    expect(none.balance).toBe(0);
    // R at half amplitude: (1/4 - 1)/(1/4 + 1) = -0.6
    expect(meter(n1, n1.map((x) => x / 2)).balance).toBeCloseTo(-0.6, 9);
  });

  it('0.3 s exponential mean: identical then inverted reads about 2 exp(-t/0.3) - 1 (t = 0.3 s -> -0.264)', () => {
    const m = new CorrelationMeter();
    m.prepare(FS);
    // constant power (a 375 Hz sine: exactly one period per 128-frame block), so only the
    // cross term moves when R is inverted
    const x = sine(3 * FS, 375, 0);
    for (let pos = 0; pos < 2 * FS; pos += 128) m.process(x, x, pos, 128);
    const inv = x.map((v) => -v);
    for (let pos = 2 * FS; pos < 2 * FS + 0.3 * FS; pos += 128) m.process(x, inv, pos, 128);
    // 0.3 s = 14400 frames = 112.5 blocks -> 113 blocks were fed = 0.30133 s
    const t = (113 * 128) / FS;
    // after 2 s from zero the mean squares stand at P (1 - eps), eps = exp(-2/0.3); then with
    // a = exp(-t/0.3): lr = a P (1 - eps) - (1 - a) P, ll = rr = a P (1 - eps) + (1 - a) P
    const a = Math.exp(-t / 0.3), eps = Math.exp(-2 / 0.3);
    expect(m.correlation).toBeCloseTo((2 * a - 1 - a * eps) / (1 - a * eps), 6);
    expect(m.correlation).toBeCloseTo(2 * Math.exp(-0.3 / 0.3) - 1, 2);
  });

  it('mid and side RMS: L-only sine of amplitude A gives A/(2 sqrt 2) on both', () => {
    const m = meter(sine(T, 1000, 0, 0.8), new Float32Array(T));
    expect(m.midRms).toBeCloseTo(0.8 / (2 * Math.SQRT2), 3);
    expect(m.sideRms).toBeCloseTo(0.8 / (2 * Math.SQRT2), 3);
  });
});

describe('vectorscope buffer', () => {
  it('keeps the latest points every 4th frame at 48 kHz, oldest first, across blocks of any size', () => {
    const v = new VectorscopeBuffer(8);
    v.prepare(FS);
    expect(v.decimation).toBe(4);
    const l = new Float32Array(100).map((_, i) => i), r = l.map((x) => -x);
    for (const [a, b] of [[0, 37], [37, 50], [50, 51], [51, 100]]) v.push(l, r, a, b - a);
    const out = new Float32Array(16);
    v.writeTo(out, 0);
    // picked frames 0, 4, ..., 96: the last 8 are 68 .. 96
    for (let k = 0; k < 8; k++) {
      expect(out[2 * k]).toBe(68 + 4 * k);
      expect(out[2 * k + 1]).toBe(-(68 + 4 * k));
    }
  });

  it('toScopePoints: mono up, L-only upper left, R-only upper right, inverted horizontal', () => {
    const pairs = new Float32Array([1, 1, 1, 0, 0, 1, 1, -1]);
    const xy = new Float32Array(8);
    toScopePoints(pairs, xy, 4);
    const h = Math.SQRT1_2;
    const want = [0, 2 * h, -h, h, h, h, -2 * h, 0];
    for (let k = 0; k < 8; k++) expect(xy[k]).toBeCloseTo(want[k], 6);
  });
});

describe('imager kernel meters', () => {
  function run(values: Record<string, number>, l: Float32Array, r: Float32Array) {
    const bank = new ParamBank(imagerParams.specs());
    bank.prepare(FS);
    for (const [id, v] of Object.entries(values)) bank.setNow(imagerParams.index(id), v);
    const kernel = createKernel(bank);
    kernel.prepare(FS, 128, 2);
    const out = renderOffline(kernel, bank, [l, r]);
    expect(kernel.meterSize).toBe(IMAGER_METER_SIZE);
    const m = new Float32Array(IMAGER_METER_SIZE);
    kernel.writeMeters!(m);
    return { kernel, bank, out, m };
  }
  const M = IMAGER_METER;
  const a = noise(T, 31), b = noise(T, 32);

  it('width 0 reads correlation 1; invertL on a mono input reads -1; independent ~0', () => {
    expect(run({ width: 0 }, a, b).m[M.CORRELATION]).toBeCloseTo(1, 6);
    expect(run({ invertL: 1 }, a, a).m[M.CORRELATION]).toBeCloseTo(-1, 6);
    expect(Math.abs(run({}, a, b).m[M.CORRELATION])).toBeLessThan(0.02);
  });

  it('balance -100 %: right silent -> correlation 0 (defined), balance -1', () => {
    const { m } = run({ balance: -100 }, a, b);
    expect(m[M.CORRELATION]).toBe(0);
    expect(m[M.BALANCE]).toBeCloseTo(-1, 6);
  });

  it('peaks are the output sample peaks and restart after writeMeters', () => {
    const l = new Float32Array(4096), r = new Float32Array(4096);
    l[1000] = -0.75;
    r[3000] = 0.5;
    const { kernel, m } = run({ output: 6 }, l, r);
    const g = Math.pow(10, 6 / 20);
    expect(m[M.PEAK_L]).toBeCloseTo(0.75 * g, 6);
    expect(m[M.PEAK_R]).toBeCloseTo(0.5 * g, 6);
    const again = new Float32Array(IMAGER_METER_SIZE);
    kernel.writeMeters!(again);
    expect(again[M.PEAK_L]).toBe(0);
    expect(again[M.PEAK_R]).toBe(0);
  });

  it('band display: bands, ordered crossovers, effective band widths, bass mono corner', () => {
    const { m } = run({ bands: 3, width: 50, width1: 200, width2: 100, width3: 0, xover1: 400, xover2: 300, monoOn: 1, monoBelow: 90 }, a, b);
    expect(m[M.BANDS]).toBe(3);
    expect(m[M.XOVER]).toBeCloseTo(400, 3);
    expect(m[M.XOVER + 1]).toBeCloseTo(500, 3);
    expect([m[M.BAND_WIDTH], m[M.BAND_WIDTH + 1], m[M.BAND_WIDTH + 2]]).toEqual([1, 0.5, 0]);
    expect(m[M.MONO_FREQ]).toBeCloseTo(90, 3);
    expect(run({}, a, b).m[M.MONO_FREQ]).toBe(0);
  });

  it('scope: the last 256 output pairs, every 4th frame, oldest first', () => {
    const frames = 4096;
    const l = new Float32Array(frames).map((_, i) => i / frames), r = l.map((x) => -x / 2);
    const { out, m } = run({ rotation: 10 }, l, r);
    const first = frames - 4 - 4 * (IMAGER_SCOPE_POINTS - 1);
    for (let k = 0; k < IMAGER_SCOPE_POINTS; k++) {
      expect(m[M.SCOPE + 2 * k]).toBe(out[0][first + 4 * k]);
      expect(m[M.SCOPE + 2 * k + 1]).toBe(out[1][first + 4 * k]);
    }
  });

  it('mid/side RMS of the output: width 200 % doubles the side of an L-only sine', () => {
    const s = sine(T, 1000, 0, 0.4), z = new Float32Array(T);
    const { m } = run({ width: 200 }, s, z);
    expect(m[M.MID_RMS]).toBeCloseTo(0.4 / (2 * Math.SQRT2), 3);
    expect(m[M.SIDE_RMS]).toBeCloseTo((2 * 0.4) / (2 * Math.SQRT2), 3);
  });
});
