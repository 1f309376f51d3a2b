/**
 * Limiter ceiling guarantee on brutal signals, over a grid of settings (real kernel, 128-frame
 * blocks): not one output sample above the ceiling in any mode; with true peak on, the output's
 * 4x true peak (ITU-R BS.1770-5 Annex 2 interpolation) at most 0.1 dB above it; the last-stage
 * safety clamp never engages.
 */
import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../shared-dsp/core/run-kernel.js';
import { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { TruePeakDetector } from '../../shared-dsp/loudness/true-peak.js';
import { createKernel } from '../../plugins/limiter/dsp.js';
import { limiterParams as P } from '../../plugins/limiter/params.js';

const SECONDS = 0.3;

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

type Signal = (c: number) => Float32Array;
const db = (v: number) => 10 ** (v / 20);

/** test signals, levels relative to the ceiling cl (linear); channels differ so link matters */
const SIGNALS: Record<string, (cl: number, SR: number) => Signal> = {
  // naive squares (instant steps: strong inter-sample overshoot), 12 dB over
  square: (cl, SR) => (c) => Float32Array.from({ length: Math.round(SECONDS * SR) }, (_, i) => (Math.floor((i * 2 * (100 + 37 * c)) / SR) % 2 ? 1 : -1) * cl * db(12 - 4 * c)),
  // isolated single-sample impulses, +20 dB, alternating sign, on silence
  impulses: (cl, SR) => (c) => Float32Array.from({ length: Math.round(SECONDS * SR) }, (_, i) => ((i + 300 * c) % 997 === 0 ? (((i / 997) | 0) % 2 ? -1 : 1) * cl * 10 : 0)),
  // gaussian noise, RMS 20 dB over the ceiling
  noise: (cl, SR) => (c) => {
    const r = rng(11 + c);
    return Float32Array.from({ length: Math.round(SECONDS * SR) }, () => gauss(r) * cl * 10);
  },
  // 30 Hz sine, 12 dB over
  sine30: (cl, SR) => (c) => Float32Array.from({ length: Math.round(SECONDS * SR) }, (_, i) => Math.sin((2 * Math.PI * 30 * i) / SR + c) * cl * db(12)),
  // drum-like transients: decaying noise bursts every 70 ms, up to +18 dB
  drums: (cl, SR) => (c) => {
    const r = rng(5 + c);
    const period = Math.round(0.07 * SR);
    return Float32Array.from({ length: Math.round(SECONDS * SR) }, (_, i) => {
      const t = (i + 500 * c) % period;
      const level = cl * db(18 - 9 * (((i / period) | 0) % 3));
      return level * Math.exp(-t / (0.008 * SR)) * (2 * r() - 1);
    });
  },
  // fs/4 sine at 45 degrees: samples at 0.707 of the true peak (Tech 3341 case 16 style), +12 dB true peak
  quarter45: (cl, SR) => (c) => Float32Array.from({ length: Math.round(SECONDS * SR) }, (_, i) => Math.sin((Math.PI / 2) * i + Math.PI / 4 + (c * Math.PI) / 2) * cl * db(12)),
};

interface Setting {
  truePeak: number;
  lookahead: number;
  release: number;
  link: number;
  ceiling: number;
}

/** full factorial over true peak, lookahead and release extremes, link; the ceiling cycles */
const SETTINGS: Setting[] = [];
{
  const ceilings = [-12, -1, 0];
  let k = 0;
  for (const truePeak of [1, 0]) for (const lookahead of [0.5, 10]) for (const release of [1, 1000]) for (const link of [0, 100]) {
    SETTINGS.push({ truePeak, lookahead, release, link, ceiling: ceilings[k++ % 3] });
  }
}

function render(s: Setting, x: Float32Array[], gainDb = 0, sr = 48000) {
  const bank = new ParamBank(P.specs());
  bank.prepare(sr);
  bank.setNow(P.index('truePeak'), s.truePeak);
  bank.setNow(P.index('lookahead'), s.lookahead);
  bank.setNow(P.index('release'), s.release);
  bank.setNow(P.index('link'), s.link);
  bank.setNow(P.index('ceiling'), s.ceiling);
  bank.setNow(P.index('gain'), gainDb);
  const kernel = createKernel(bank);
  kernel.prepare(sr, 128, 2);
  const y = renderOffline(kernel, bank, x);
  return { y, kernel };
}

function maxAbs(x: Float32Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]);
    if (a > m) m = a;
  }
  return m;
}

/** 4x true peak (BS.1770-5 Annex 2 interpolation), max with the sample peak */
function truePeak(x: Float32Array): number {
  const d = new TruePeakDetector();
  // (no flush with zeros: the render stops mid-signal, and a cut to silence would overshoot)
  d.processBlock(x, 0, x.length);
  return d.peak;
}

/** 16x interpolation with a 64-tap-per-phase Kaiser (beta 8) windowed sinc: an independent, finer reference */
function finePeak(x: Float32Array): number {
  const R = 16;
  const half = 32;
  const i0 = (v: number) => {
    let sum = 1;
    let term = 1;
    for (let k = 1; k < 50; k++) {
      term *= (v / (2 * k)) ** 2;
      sum += term;
    }
    return sum;
  };
  const taps: Float64Array[] = [];
  for (let p = 1; p < R; p++) {
    const h = new Float64Array(2 * half);
    let sum = 0;
    for (let j = 0; j < 2 * half; j++) {
      const t = j - half + 1 - p / R; // time of tap j relative to the point, in samples
      const r = t / half;
      const w = Math.abs(r) < 1 ? i0(8 * Math.sqrt(1 - r * r)) / i0(8) : 0;
      h[j] = (t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t)) * w;
      sum += h[j];
    }
    for (let j = 0; j < 2 * half; j++) h[j] /= sum;
    taps.push(h);
  }
  let peak = 0;
  for (let n = half; n + half < x.length; n++) {
    peak = Math.max(peak, Math.abs(x[n]));
    for (const h of taps) {
      let acc = 0;
      for (let j = 0; j < 2 * half; j++) acc += h[j] * x[n - half + 1 + j];
      peak = Math.max(peak, Math.abs(acc));
    }
  }
  return peak;
}

describe('limiter: ceiling on brutal signals', () => {
  it.each(Object.keys(SIGNALS))('%s: no sample above the ceiling; true peak within 0.1 dB', (name) => {
    let worstSample = -Infinity;
    let worstTp = -Infinity;
    for (const s of SETTINGS) {
      const cl = db(s.ceiling);
      const gen = SIGNALS[name](cl, 48000);
      const x = [gen(0), gen(1)];
      const { y, kernel } = render(s, x);
      const tag = `${name} ${JSON.stringify(s)}`;
      for (let c = 0; c < 2; c++) {
        const peak = maxAbs(y[c]);
        expect(peak, `${tag} ch${c}: sample peak`).toBeLessThanOrEqual(cl);
        // the limiter did limit (the signals are far over): output near the ceiling
        expect(peak, `${tag} ch${c}: limited to well under the ceiling`).toBeGreaterThan(cl * db(-6));
        worstSample = Math.max(worstSample, 20 * Math.log10(peak / cl));
        if (s.truePeak) {
          const tp = truePeak(y[c]);
          expect(20 * Math.log10(tp / cl), `${tag} ch${c}: true peak over the ceiling, dB`).toBeLessThanOrEqual(0.1);
          worstTp = Math.max(worstTp, 20 * Math.log10(tp / cl));
        }
      }
      expect(kernel.clampCount, `${tag}: safety clamp engaged`).toBe(0);
    }
    console.log(`${name}: worst sample peak ${worstSample.toFixed(6)} dB re ceiling, worst true peak (TP on) ${worstTp.toFixed(4)} dB`);
  });

  it('24 dB of drive into a full-scale square and noise: still under the ceiling', () => {
    const s: Setting = { truePeak: 1, lookahead: 5, release: 60, link: 100, ceiling: -1 };
    const gen = SIGNALS.noise(1, 48000);
    const x = [gen(0), SIGNALS.square(1, 48000)(1)];
    const { y, kernel } = render(s, x, 24);
    const cl = db(-1);
    for (let c = 0; c < 2; c++) {
      expect(maxAbs(y[c])).toBeLessThanOrEqual(cl);
      expect(20 * Math.log10(truePeak(y[c]) / cl)).toBeLessThanOrEqual(0.1);
    }
    expect(kernel.clampCount).toBe(0);
  });

  it.each([22050, 44100, 96000, 192000])('%i Hz: every signal, true peak on, lookahead and release extremes', (sr) => {
    for (const name of Object.keys(SIGNALS)) {
      for (const [lookahead, release] of [[0.5, 1], [10, 1000], [0.5, 1000]]) {
        const s: Setting = { truePeak: 1, lookahead, release, link: 100, ceiling: -1 };
        const cl = db(-1);
        const gen = SIGNALS[name](cl, sr);
        const { y, kernel } = render(s, [gen(0), gen(1)], 0, sr);
        for (let c = 0; c < 2; c++) {
          expect(maxAbs(y[c]), `${name} ${sr} ${lookahead}/${release}`).toBeLessThanOrEqual(cl);
          expect(20 * Math.log10(truePeak(y[c]) / cl), `${name} ${sr} ${lookahead}/${release}`).toBeLessThanOrEqual(0.1);
        }
        expect(kernel.clampCount).toBe(0);
      }
    }
  });

  it('independent check: 16x windowed-sinc interpolation of the output (reported; bounded by the 4x grid limit)', () => {
    // BS.1770's 4x reading can miss up to 0.55 dB between its points near 0.45 fs (Annex 2),
    // 0.69 dB at fs/2 (1 / cos(pi/8)): a finer, independent interpolator shows how far the
    // continuous waveform of the output goes
    const s: Setting = { truePeak: 1, lookahead: 5, release: 60, link: 100, ceiling: -1 };
    const cl = db(-1);
    const lines: string[] = [];
    for (const name of Object.keys(SIGNALS)) {
      const gen = SIGNALS[name](cl, 48000);
      const { y } = render(s, [gen(0), gen(1)]);
      const over = 20 * Math.log10(finePeak(y[0]) / cl);
      lines.push(`${name} ${over.toFixed(3)} dB`);
      expect(over, name).toBeLessThanOrEqual(0.75);
    }
    console.log(`16x true peak re ceiling: ${lines.join(', ')}`);
  });

  it('true peak off limits sample peaks only: a +12 dB fs/4 45-degree sine keeps its inter-sample overshoot', () => {
    // sanity check that the true-peak assertion above can fail: without the detector the
    // samples sit at the ceiling and the true peak is 3 dB above it (1 / sin 45 deg)
    const s: Setting = { truePeak: 0, lookahead: 5, release: 60, link: 100, ceiling: -1 };
    const gen = SIGNALS.quarter45(db(-1), 48000);
    const { y } = render(s, [gen(0), gen(1)]);
    const over = 20 * Math.log10(truePeak(y[0]) / db(-1));
    expect(over).toBeGreaterThan(2.9);
    expect(over).toBeLessThan(3.1);
  });
});
