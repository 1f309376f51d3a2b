/**
 * Compressor routing on the real kernel: parallel mix, stereo link, external sidechain,
 * sidechain high-pass (2nd-order Butterworth: |H|^2 = (f/f0)^4 / (1 + (f/f0)^4)), listen,
 * meters, and NaN-free output under extreme settings and automation.
 */
import { describe, expect, it } from 'vitest';
import { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { renderOffline, sanitize } from '../../shared-dsp/core/run-kernel.js';
import { CONTROL_FRAMES } from '../../shared-dsp/params/param-bank.js';
import type { Kernel } from '../../shared-dsp/core/kernel.js';
import { compressorParams } from '../../plugins/compressor/params.js';
import { createKernel } from '../../plugins/compressor/dsp.js';
import {
  COMPRESSOR_METER_SIZE,
  COMP_METER_GR,
  COMP_METER_IN_L,
  COMP_METER_IN_R,
  COMP_METER_LEVEL,
  COMP_METER_OUT_L,
  COMP_METER_OUT_R,
} from '../../shared-dsp/dynamics/compressor-meters.js';

const FS = 48000;
const P = compressorParams;

function make(values: Record<string, number>, channels = 2) {
  const bank = new ParamBank(P.specs());
  for (const [id, v] of Object.entries(values)) bank.setNow(P.index(id), v);
  const kernel = createKernel(bank);
  kernel.prepare(FS, 128, channels);
  return { bank, kernel };
}

const dc = (frames: number, db: number) => new Float32Array(frames).fill(10 ** (db / 20));

function sine(frames: number, freq: number, peakDb: number): Float32Array {
  const a = 10 ** (peakDb / 20);
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) out[i] = a * Math.sin((2 * Math.PI * freq * i) / FS);
  return out;
}

function noise(frames: number, amp: number, seed: number): Float32Array {
  const out = new Float32Array(frames);
  let s = seed >>> 0;
  for (let i = 0; i < frames; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = amp * (s / 2 ** 31 - 1);
  }
  return out;
}

const rmsDb = (x: Float32Array, from: number, to = x.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return 10 * Math.log10(s / (to - from));
};
const db = (a: number) => 20 * Math.log10(a);
/**
 * renderOffline without the shell's output guard (which would turn a NaN into 0): sanitised
 * input, CONTROL_FRAMES chunks while ramps move, as runKernel does, raw kernel output.
 */
function renderRaw(kernel: Kernel, bank: ParamBank, inputs: Float32Array[], block: number, sc?: Float32Array[]): Float32Array[] {
  const frames = inputs[0].length;
  const outs = inputs.map(() => new Float32Array(frames));
  const inB = inputs.map(() => new Float32Array(block));
  const scB = sc?.map(() => new Float32Array(block));
  const outB = inputs.map(() => new Float32Array(block));
  for (let pos = 0; pos < frames; pos += block) {
    const n = Math.min(block, frames - pos);
    inputs.forEach((x, c) => sanitize(x.subarray(pos, pos + n), inB[c], 0, n));
    sc?.forEach((x, c) => sanitize(x.subarray(pos, pos + n), scB![c], 0, n));
    let p = 0;
    while (p < n) {
      const m = bank.active ? Math.min(CONTROL_FRAMES, n - p) : n - p;
      kernel.process(inB, outB, p, p + m, scB);
      if (bank.active) bank.advance(m);
      p += m;
    }
    outs.forEach((y, c) => y.set(outB[c].subarray(0, n), pos));
  }
  return outs;
}

/** how many samples are not finite */
const nonFinite = (ys: Float32Array[]) => ys.reduce((n, y) => n + y.filter((v) => !Number.isFinite(v)).length, 0);
/** how many samples of y differ from x delayed by d (zeros before) */
function delayMismatches(y: Float32Array, x: Float32Array, d: number, from = 0): number {
  let bad = 0;
  for (let i = from; i < y.length; i++) if (y[i] !== (i >= d ? x[i - d] : 0)) bad++;
  return bad;
}

describe('compressor dry/wet mix', () => {
  it('guards its own output: +24 dBFS at most, exactly there when make-up drives past it', () => {
    // threshold 0 dB leaves a -1 dBFS sine alone; +36 dB make-up asks for +35 dBFS
    const { bank, kernel } = make({ threshold: 0, knee: 0, makeup: 36, lookahead: 0 });
    expect(kernel.guardsOutput).toBe(true);
    const x = sine(9600, 1000, -1);
    const [y] = renderOffline(kernel, bank, [x, x]);
    const ceiling = Math.fround(10 ** (24 / 20));
    let peak = 0;
    for (let i = 0; i < y.length; i++) peak = Math.max(peak, Math.abs(y[i]));
    expect(peak).toBe(ceiling);
    // below the ceiling nothing is touched: +12 dB make-up is exactly x * 10^(12/20)
    const q = make({ threshold: 0, knee: 0, makeup: 12, lookahead: 0 });
    const [z] = renderOffline(q.kernel, q.bank, [x, x]);
    const g = 10 ** (12 / 20);
    let worst = 0;
    for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(z[i] - x[i] * g));
    expect(worst).toBeLessThan(1e-6);
  });

  it('mix 0 % is the input delayed by the latency, exactly, whatever the compression', () => {
    for (const lookahead of [0, 3, 20]) {
      const { bank, kernel } = make({ mix: 0, lookahead, threshold: -50, ratio: 21, makeup: 20, detector: 1, link: 40 });
      const L = noise(6000, 0.9, 1);
      const R = noise(6000, 0.5, 2);
      const [yl, yr] = renderOffline(kernel, bank, [L, R]);
      const D = kernel.latency;
      expect(delayMismatches(yl, L, D)).toBe(0);
      expect(delayMismatches(yr, R, D)).toBe(0);
    }
  });

  it('mix blends the delayed dry and the compressed signal linearly', () => {
    // DC -10 dB, T -20 R 4: wet gain 10^(-7.5/20); 30 % mix
    const { bank, kernel } = make({ mix: 30, threshold: -20, ratio: 4, knee: 0, attack: 1 }, 1);
    const x = dc(9600, -10);
    const [y] = renderOffline(kernel, bank, [x]);
    const g = 10 ** (-7.5 / 20);
    expect(y[9599] / x[0]).toBeCloseTo(0.7 + 0.3 * g, 5);
  });
});

describe('compressor stereo link', () => {
  it('link 100 % in peak mode: the gain is that of one detector on max |x| over the channels', () => {
    // L and R take turns being louder; a mono compressor fed max(|L|, |R|) must make the same gain
    const frames = FS;
    const l = noise(frames, 0.5, 5);
    const r = noise(frames, 0.5, 6);
    for (let i = 0; i < frames; i++) {
      const w = Math.sin((2 * Math.PI * 3 * i) / FS);
      l[i] *= 0.1 + 0.9 * Math.max(0, w);
      r[i] *= 0.1 + 0.9 * Math.max(0, -w);
    }
    const m = new Float32Array(frames);
    for (let i = 0; i < frames; i++) m[i] = Math.max(Math.abs(l[i]), Math.abs(r[i]));
    const settings = { threshold: -30, ratio: 8, knee: 6, attack: 0.5, release: 40, lookahead: 0 };
    const st = make({ ...settings, link: 100 });
    const mono = make(settings, 1);
    const [yl, yr] = renderOffline(st.kernel, st.bank, [l, r]);
    const [ym] = renderOffline(mono.kernel, mono.bank, [m]);
    let worst = 0;
    for (let i = 0; i < frames; i++) {
      if (m[i] < 1e-3) continue;
      const g = ym[i] / m[i];
      if (Math.abs(l[i]) > 1e-3) worst = Math.max(worst, Math.abs(yl[i] / l[i] - g) / g);
      if (Math.abs(r[i]) > 1e-3) worst = Math.max(worst, Math.abs(yr[i] / r[i] - g) / g);
    }
    // float32 output rounding only
    expect(worst).toBeLessThan(1e-5);
  });

  it('link 100 %: both channels get the same gain', () => {
    const { bank, kernel } = make({ link: 100, threshold: -20, ratio: 4, knee: 0, attack: 5, release: 50 });
    const L = new Float32Array(9600);
    L.fill(10 ** (-10 / 20), 2000, 6000);
    const R = dc(9600, -30);
    const [yl, yr] = renderOffline(kernel, bank, [L, R]);
    for (let i = 2000; i < 9600; i++) {
      const gl = i < 6000 ? yl[i] / L[i] : NaN;
      const gr = yr[i] / R[i];
      if (i < 6000) expect(Math.abs(db(gl) - db(gr))).toBeLessThan(1e-5);
    }
    // R (quiet) was reduced by L's full reduction
    expect(db(yr[5999] / R[5999])).toBeCloseTo(-7.5, 3);
  });

  it('link 0 %: channels are independent; a quiet R is untouched by a loud L', () => {
    const { bank, kernel } = make({ link: 0, threshold: -20, ratio: 4, knee: 0, attack: 1 });
    const L = dc(9600, -10);
    const R = sine(9600, 300, -40);
    const [yl, yr] = renderOffline(kernel, bank, [L, R]);
    expect(delayMismatches(yr, R, 0)).toBe(0);
    expect(db(yl[9599] / L[9599])).toBeCloseTo(-7.5, 4);
    // and a signal only on L leaves a silent R silent
    const k2 = make({ link: 0 });
    const [, z] = renderOffline(k2.kernel, k2.bank, [dc(4800, 0), new Float32Array(4800)]);
    expect(z.every((v) => v === 0)).toBe(true);
  });

  it('link 50 %: each channel reads halfway (linear level) between its own and the louder level', () => {
    const { bank, kernel } = make({ link: 50, threshold: -40, ratio: 4, knee: 0, attack: 1 });
    const aL = 10 ** (-10 / 20);
    const aR = 10 ** (-30 / 20);
    const [yl, yr] = renderOffline(kernel, bank, [dc(9600, -10), dc(9600, -30)]);
    const levR = db(aR + 0.5 * (aL - aR));
    expect(db(yr[9599] / Math.fround(aR))).toBeCloseTo(-0.75 * (levR + 40), 3);
    expect(db(yl[9599] / Math.fround(aL))).toBeCloseTo(-0.75 * 30, 3);
  });
});

describe('compressor sidechain', () => {
  it('an external sidechain drives the gain reduction; internal ignores it', () => {
    const main = [dc(9600, -30), dc(9600, -30)];
    const sc = [dc(9600, -10), dc(9600, -10)];
    const ext = make({ sidechain: 1, threshold: -20, ratio: 4, knee: 0, attack: 1 });
    const [y] = renderOffline(ext.kernel, ext.bank, main, 128, sc);
    expect(db(y[9599])).toBeCloseTo(-37.5, 3);
    const int = make({ sidechain: 0, threshold: -20, ratio: 4, knee: 0, attack: 1 });
    const [z] = renderOffline(int.kernel, int.bank, main, 128, sc);
    expect(z[9599]).toBe(main[0][9599]);
    // a mono sidechain keys both channels; none connected means no reduction
    const mono = make({ sidechain: 1, threshold: -20, ratio: 4, knee: 0, attack: 1 });
    const [, r] = renderOffline(mono.kernel, mono.bank, main, 128, [sc[0]]);
    expect(db(r[9599])).toBeCloseTo(-37.5, 3);
    const none = make({ sidechain: 1, threshold: -60, ratio: 4, knee: 0, attack: 1 });
    const [u] = renderOffline(none.kernel, none.bank, main);
    expect(u[9599]).toBe(main[0][9599]);
  });

  it('the sidechain high-pass keeps low frequencies out of the detector', () => {
    const x = sine(19200, 50, -10);
    const off = make({ threshold: -30, ratio: 4, knee: 0, attack: 5 }, 1);
    const on = make({ threshold: -30, ratio: 4, knee: 0, attack: 5, scHpfOn: 1, scHpf: 500 }, 1);
    const [yOff] = renderOffline(off.kernel, off.bank, [x]);
    const [yOn] = renderOffline(on.kernel, on.bank, [x]);
    // 50 Hz peak -10 dB: HPF off -> compressed; on -> -50 dB at the detector, below threshold
    expect(rmsDb(yOff, 9600) - rmsDb(x, 9600)).toBeLessThan(-10);
    expect(Math.abs(rmsDb(yOn, 9600) - rmsDb(x, 9600))).toBeLessThan(0.01);
  });

  it('listen outputs the high-passed sidechain: Butterworth response at 0.1, 1 and 10 x f0', () => {
    const f0 = 200;
    for (const [f, expected] of [
      [20, 10 * Math.log10(1e-4 / (1 + 1e-4))],
      [200, -10 * Math.log10(2)],
      [2000, 10 * Math.log10(1e4 / (1 + 1e4))],
    ]) {
      const { bank, kernel } = make({ listen: 1, scHpfOn: 1, scHpf: f0, sidechain: 1, lookahead: 2 });
      const sc = sine(48000, f, -6);
      const [y] = renderOffline(kernel, bank, [dc(48000, -60), dc(48000, -60)], 128, [sc, sc]);
      // whole periods of the tone in the measuring window
      const got = rmsDb(y, 24000, 48000) - rmsDb(sc, 24000, 48000);
      console.log(`listen HPF f0 ${f0} Hz at ${f} Hz: ${got.toFixed(4)} dB (Butterworth ${expected.toFixed(4)} dB)`);
      expect(Math.abs(got - expected)).toBeLessThan(0.05);
    }
  });

  it('listen without the high-pass is the sidechain delayed by the latency, exactly', () => {
    const { bank, kernel } = make({ listen: 1, lookahead: 4 });
    const x = noise(4800, 0.7, 3);
    const [y] = renderOffline(kernel, bank, [x, x]);
    const D = kernel.latency;
    expect(delayMismatches(y, x, D, D)).toBe(0);
  });
});

describe('compressor meters', () => {
  it('report input and output peaks, reduction and detector level', () => {
    const { bank, kernel } = make({ threshold: -20, ratio: 4, knee: 0, attack: 1 });
    renderOffline(kernel, bank, [sine(9600, 1000, -10), sine(9600, 1000, -16)]);
    const m = new Float32Array(COMPRESSOR_METER_SIZE);
    kernel.writeMeters!(m);
    expect(m[COMP_METER_IN_L]).toBeCloseTo(-10, 3);
    expect(m[COMP_METER_IN_R]).toBeCloseTo(-16, 3);
    // the 1 ms attack lets the first peaks through partly reduced
    expect(m[COMP_METER_OUT_L]).toBeLessThan(-10);
    expect(m[COMP_METER_OUT_L]).toBeGreaterThan(-17.5);
    expect(m[COMP_METER_GR]).toBeCloseTo(7.5, 3);
    expect(m[COMP_METER_LEVEL]).toBeCloseTo(-10, 3);
    renderOffline(kernel, bank, [sine(4800, 1000, -10), sine(4800, 1000, -16)]);
    kernel.writeMeters!(m);
    expect(m[COMP_METER_OUT_L]).toBeCloseTo(-17.5, 3);
    expect(m[COMP_METER_OUT_R]).toBeCloseTo(-23.5, 3);
  });
});

describe('compressor robustness', () => {
  it('stays finite under extreme settings, hostile input (+600 dBFS spikes, NaN, Inf, denormals) and automation', () => {
    const extremes: Record<string, number>[] = [
      { threshold: -60, ratio: 21, knee: 24, attack: 0.01, release: 1, makeup: 36, autoMakeup: 1, detector: 1, lookahead: 20, link: 0, scHpfOn: 1, scHpf: 500, mix: 37, range: 60, autoRelease: 1 },
      { threshold: 0, ratio: 1, knee: 0, attack: 300, release: 5000, makeup: -12, detector: 0, lookahead: 0, link: 100, mix: 100, range: 0 },
      { threshold: -60, ratio: 21, knee: 0, attack: 0.01, release: 1, makeup: 36, sidechain: 1, listen: 1, scHpfOn: 1, scHpf: 20 },
    ];
    const n = 24000;
    const L = noise(n, 1, 7);
    const R = new Float32Array(n);
    for (let i = 0; i < n; i++) R[i] = i % 4000 === 0 ? 1e30 : i % 977 === 0 ? NaN : i % 1013 === 0 ? -Infinity : i < 12000 ? 1e-38 : 0;
    for (const values of extremes) {
      const { bank, kernel } = make(values);
      const outs = renderRaw(kernel, bank, [L, R], 128, [R, L]);
      expect(nonFinite(outs)).toBe(0);
      // float32-max spikes: the up to +96 dB of make-up may overflow to Inf (the shell's output
      // guard clips that), but never to NaN
      const big = R.map((v) => (v === Math.fround(1e30) ? 3.4e38 : v));
      const outsBig = renderRaw(kernel, bank, [L, big], 128, [big, L]);
      expect(outsBig.reduce((n, y) => n + y.filter((v) => v !== v).length, 0)).toBe(0);
      console.log(`3.4e38 spikes: ${nonFinite(outsBig)} infinite samples, no NaN`);
      // automation: every float parameter ramps to random places, blocks of odd sizes
      let seed = 11;
      const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
      for (let round = 0; round < 20; round++) {
        for (const p of P.list) bank.setTarget(p.index, p.min + (p.max - p.min) * rnd());
        const outs2 = renderRaw(kernel, bank, [L.subarray(0, 2400), R.subarray(0, 2400)], 100 + round, [R.subarray(0, 2400)]);
        expect(nonFinite(outs2)).toBe(0);
      }
      // silence after all that decays to exact zero (no denormal residue)
      bank.setNow(P.index('listen'), 0);
      bank.setNow(P.index('sidechain'), 0);
      const outs3 = renderRaw(kernel, bank, [new Float32Array(96000), new Float32Array(96000)], 128);
      for (const y of outs3) expect(y[95999]).toBe(0);
    }
  });
});

describe('compressor RMS gain computer at a stride', () => {
  // stride 8 measured 0.027 dB worst (instant attack on noise: the per-sample jitter of the RMS
  // level is what the interpolation leaves out), stride 4 0.010 dB; the limit is below the
  // 0.05 dB the static curve must meet
  it('matches a per-sample gain computer within 0.04 dB (steps, programme, auto release, make-up moves)', () => {
    // -40 dB -> -10 dB steps (attack and release), then enveloped noise, in RMS mode
    const frames = FS * 2;
    const x = new Float32Array(frames);
    const n = noise(frames, 1, 77);
    for (let i = 0; i < frames; i++) {
      const t = i / FS;
      const stepGain = t < 0.25 || (t >= 0.6 && t < 0.9) ? 0.01 : 0.316;
      const env = 0.3 + 0.25 * Math.sin(2 * Math.PI * 3 * t) + 0.2 * Math.sin(2 * Math.PI * 11 * t);
      x[i] = t < 1.0 ? stepGain * Math.sin((2 * Math.PI * 997 * i) / FS) : n[i] * env;
    }
    let worst = 0;
    const settings: Record<string, number>[] = [
      { attack: 0.01, release: 5 },
      { attack: 1, release: 50 },
      { attack: 10, release: 500, autoRelease: 1 },
      { attack: 3, release: 80, knee: 24, ratio: 21 },
    ];
    for (const s of settings) {
      const base = { detector: 1, threshold: -30, ratio: 6, knee: 6, lookahead: 0, ...s };
      const a = make(base);
      const b = make(base);
      (b.kernel as unknown as { rmsStride: number }).rmsStride = 1;
      // make-up moves half-way through (ramps through the strided interpolation)
      const half = frames / 2;
      const ya = renderOffline(a.kernel, a.bank, [x.subarray(0, half), x.subarray(0, half)])[0];
      const yb = renderOffline(b.kernel, b.bank, [x.subarray(0, half), x.subarray(0, half)])[0];
      a.bank.setTarget(P.index('makeup'), 9);
      b.bank.setTarget(P.index('makeup'), 9);
      const za = renderOffline(a.kernel, a.bank, [x.subarray(half), x.subarray(half)])[0];
      const zb = renderOffline(b.kernel, b.bank, [x.subarray(half), x.subarray(half)])[0];
      for (const [p, q] of [
        [ya, yb],
        [za, zb],
      ]) {
        for (let i = 0; i < p.length; i++) {
          const xi = Math.abs(q[i]);
          if (xi < 1e-3) continue; // gain ratio only where the sample is large enough to read it
          const e = Math.abs(db(Math.abs(p[i]) / xi));
          if (e > worst) worst = e;
        }
      }
    }
    console.log(`RMS gain computer at stride 8 vs per sample: worst ${worst.toFixed(5)} dB`);
    expect(worst).toBeLessThan(0.04);
  });
});
