/**
 * Limiter transparency: below the ceiling the output is the input delayed by the reported
 * latency (null to -120 dB re the ceiling, dither off), the gain returns to exactly 1 after
 * limiting, the reported latency equals the measured delay, and a steady sine driven 6 dB into
 * the limiter comes out with a steady gain (THD of harmonics 2..10 below -60 dB).
 */
import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../shared-dsp/core/run-kernel.js';
import { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { TruePeakDetector } from '../../shared-dsp/loudness/true-peak.js';
import { createKernel } from '../../plugins/limiter/dsp.js';
import { limiterParams as P } from '../../plugins/limiter/params.js';

const db = (v: number) => 10 ** (v / 20);

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function setup(sr: number, values: Record<string, number>) {
  const bank = new ParamBank(P.specs());
  bank.prepare(sr);
  for (const [id, v] of Object.entries(values)) bank.setNow(P.index(id), v);
  const kernel = createKernel(bank);
  kernel.prepare(sr, 128, 2);
  return { bank, kernel };
}

function render(sr: number, values: Record<string, number>, x: Float32Array[]) {
  const { bank, kernel } = setup(sr, values);
  return { y: renderOffline(kernel, bank, x), kernel };
}

/** programme-like test signal: three sines and noise, scaled so its 4x true peak is `peak` */
function music(n: number, sr: number, seed: number, peak: number): Float32Array {
  const r = rng(seed);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / sr;
    x[i] = Math.sin(2 * Math.PI * 110 * t) + 0.5 * Math.sin(2 * Math.PI * 1234.5 * t + seed) + 0.3 * Math.sin(2 * Math.PI * 9876 * t) + 0.4 * (r() - 0.5);
  }
  const f = Float32Array.from(x);
  const d = new TruePeakDetector();
  d.processBlock(f, 0, n);
  const k = peak / d.peak;
  return Float32Array.from(x, (v) => v * k);
}

/** max |y[n + D] - g x[n]| in dB re `ref` */
function nullDepth(x: Float32Array, y: Float32Array, D: number, g: number, ref: number, from = 0): number {
  let m = 0;
  for (let n = from; n + D < y.length; n++) {
    const e = Math.abs(y[n + D] - g * x[n]);
    if (e > m) m = e;
  }
  return m > 0 ? 20 * Math.log10(m / ref) : -Infinity;
}

describe('limiter: null below the ceiling', () => {
  const SR = 48000;
  const N = Math.round(0.5 * SR);
  const cases: Array<Record<string, number>> = [
    { ceiling: -1 },
    { ceiling: -1, truePeak: 0 },
    { ceiling: -12, lookahead: 0.5, release: 1 },
    { ceiling: 0, lookahead: 10, release: 1000, autoRelease: 1 },
    { ceiling: -1, link: 0 },
    { ceiling: -1, link: 50, gain: 9 },
    { ceiling: -6, trim: -4.5, gain: 3 },
  ];
  it.each(cases)('%o: output = input delayed by the latency, to -120 dB', (values) => {
    const c = db(values.ceiling);
    const drive = db(values.gain ?? 0);
    // 3 dB under the ceiling after the drive, true peak included
    const x = [music(N, SR, 1, (c * db(-3)) / drive), music(N, SR, 2, (c * db(-3)) / drive)];
    const { y, kernel } = render(SR, values, x);
    const out = drive * db(values.trim ?? 0);
    const depths: number[] = [];
    for (let ch = 0; ch < 2; ch++) {
      const depth = nullDepth(x[ch], y[ch], kernel.latency, out, c);
      depths.push(depth);
      expect(depth, `ch${ch}`).toBeLessThanOrEqual(-120);
      if (!values.gain && !values.trim) expect(depth, `ch${ch}: bit-exact at unity`).toBe(-Infinity);
    }
    console.log(`null ${JSON.stringify(values)}: ${depths.map((d) => d.toFixed(1)).join(' / ')} dB re ceiling`);
  });

  it('after a limiting episode the gain returns to exactly 1 (no endless one-pole tail)', () => {
    // 0.2 s at +10 dB over the ceiling, then a quiet signal. The released gain snaps to 1 once
    // the one-pole's remaining distance is below RELEASE_SNAP = 2^-24, i.e. about
    // tau ln(0.32 / 2^-24) = 15.5 tau after the hold; auto release runs the slow branch
    // (6 tau) above the programme average. The output must be bit-exact from then on.
    const c = db(-1);
    const snapTaus = Math.log(0.32 * 2 ** 24);
    for (const [values, tau] of [[{}, 0.06], [{ release: 200 }, 0.2], [{ autoRelease: 1 }, 0.36]] as Array<[Record<string, number>, number]>) {
      const n = Math.round((0.2 + 0.02 + 1.3 * snapTaus * tau) * SR);
      const quiet = music(n, SR, 3, c * db(-6));
      const x = Float32Array.from(quiet, (v, i) => (i < 0.2 * SR ? v * db(16) : v));
      const { y, kernel } = render(SR, values, [x, x]);
      const D = kernel.latency;
      expect(Math.abs(y[0][D + 100] / x[100]), 'limiting happened').toBeLessThan(0.5);
      let last = -1;
      for (let i = 0; i + D < n; i++) if (y[0][i + D] !== x[i]) last = i;
      const exactAfter = (last + 1) / SR - 0.2;
      console.log(`${JSON.stringify(values)}: exact again ${exactAfter.toFixed(3)} s after the burst (${(exactAfter / tau).toFixed(1)} tau)`);
      expect(last).toBeGreaterThan(0.2 * SR);
      expect(exactAfter).toBeLessThan(0.02 + 1.2 * snapTaus * tau);
    }
  });
});

describe('limiter: latency', () => {
  it.each([44100, 48000, 96000])('reported latency = measured impulse delay = lookahead + 10 samples at %i Hz', (sr) => {
    for (const lookahead of [0.5, 1, 5, 10]) {
      for (const truePeak of [0, 1]) {
        const n = 4096;
        const x = new Float32Array(n);
        x[1000] = 0.5;
        const { y, kernel } = render(sr, { lookahead, truePeak }, [x, x]);
        let at = -1;
        for (let i = 0; i < n; i++) if (y[0][i] !== 0) at = at < 0 ? i : -2; // exactly one non-zero sample
        expect(at - 1000, `${lookahead} ms, tp ${truePeak}`).toBe(kernel.latency);
        expect(y[0][at]).toBe(0.5);
        expect(kernel.latency).toBe(Math.max(1, Math.round((lookahead * sr) / 1000)) + 10);
      }
    }
  });

  it('cross-correlation of noise peaks at the reported latency; a lookahead change moves both', () => {
    const sr = 48000;
    const n = 24000;
    const r = rng(9);
    const x = Float32Array.from({ length: n }, () => 0.3 * (r() - 0.5));
    const { bank, kernel } = setup(sr, { lookahead: 2 });
    const xcorrPeak = (y: Float32Array, from: number) => {
      let best = -Infinity;
      let lag = -1;
      for (let l = 0; l < 1000; l++) {
        let s = 0;
        for (let i = from; i < from + 4000; i++) s += x[i] * y[i + l];
        if (s > best) {
          best = s;
          lag = l;
        }
      }
      return lag;
    };
    const y1 = renderOffline(kernel, bank, [x, x])[0];
    expect(xcorrPeak(y1, 2000)).toBe(kernel.latency);
    expect(kernel.latency).toBe(96 + 10);
    bank.setNow(P.index('lookahead'), 7.5); // jumps: smoothing 0
    expect(kernel.latency).toBe(360 + 10);
    kernel.reset();
    const y2 = renderOffline(kernel, bank, [x, x])[0];
    expect(xcorrPeak(y2, 2000)).toBe(kernel.latency);
  });
});

/** amplitude of frequency f in x[from, from + len) (Goertzel; len spans whole periods) */
function goertzel(x: Float32Array, from: number, len: number, f: number, sr: number): number {
  const w = (2 * Math.PI * f) / sr;
  const k = 2 * Math.cos(w);
  let s1 = 0;
  let s2 = 0;
  for (let i = from; i < from + len; i++) {
    const s = x[i] + k * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  const re = s1 - s2 * Math.cos(w);
  const im = s2 * Math.sin(w);
  return (2 * Math.sqrt(re * re + im * im)) / len;
}

/** THD of harmonics 2..10, dB re the fundamental */
function thdDb(y: Float32Array, from: number, len: number, f: number, sr: number): number {
  const a1 = goertzel(y, from, len, f, sr);
  let h = 0;
  for (let k = 2; k <= 10; k++) {
    if (k * f >= sr / 2) break;
    const a = goertzel(y, from, len, k * f, sr);
    h += a * a;
  }
  return 10 * Math.log10(h / (a1 * a1));
}

describe('limiter: distortion of steady sines driven 6 dB in', () => {
  const SR = 48000;
  const N = Math.round(1.6 * SR);
  const FROM = SR; // settled after 1 s
  const LEN = Math.round(0.5 * SR); // 25 periods of 50 Hz, 500 of 1 kHz
  const sine = (f: number, a: number) => Float32Array.from({ length: N }, (_, i) => a * Math.sin((2 * Math.PI * f * i) / SR));

  it.each([
    [1000, {}],
    [50, {}],
    [1000, { autoRelease: 1 }],
    [50, { autoRelease: 1 }],
    [50, { truePeak: 0 }],
  ] as Array<[number, Record<string, number>]>)('%i Hz %o: THD < -60 dB, steady gain, peak at the ceiling', (f, extra) => {
    const c = db(-1);
    const x = sine(f, c); // peak at the ceiling, +6 dB of gain
    const { y, kernel } = render(SR, { ceiling: -1, gain: 6, ...extra }, [x, x]);
    const D = kernel.latency;
    const thd = thdDb(y[0], FROM, LEN, f, SR);
    console.log(`${f} Hz ${JSON.stringify(extra)}: THD ${thd.toFixed(1)} dB`);
    expect(thd).toBeLessThan(-60);
    // the gain does not follow the waveform: y/x constant over the settled window
    let gMin = Infinity;
    let gMax = -Infinity;
    for (let i = FROM; i < FROM + LEN; i++) {
      const xi = x[i - D] * db(6);
      if (Math.abs(xi) < 0.1) continue;
      const g = y[0][i] / xi;
      if (g < gMin) gMin = g;
      if (g > gMax) gMax = g;
    }
    expect((gMax - gMin) / gMax, 'gain ripple').toBeLessThan(1e-5);
    // 6 dB of reduction (a little more where the true peak of the sampled sine reads higher)
    expect(20 * Math.log10(gMax)).toBeGreaterThan(-6.05);
    expect(20 * Math.log10(gMax)).toBeLessThan(-5.99);
  });

  it('the measurement can fail: 1 ms release (0.5 ms hold) ripples with a 50 Hz waveform', () => {
    const c = db(-1);
    const x = sine(50, c);
    const { y } = render(SR, { ceiling: -1, gain: 6, release: 1, lookahead: 0.5 }, [x, x]);
    expect(thdDb(y[0], FROM, LEN, 50, SR)).toBeGreaterThan(-40);
  });
});
