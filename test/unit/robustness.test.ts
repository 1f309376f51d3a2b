/**
 * Robustness over every plugin's real kernel: bad input (NaN, ±Inf, denormals, DC, full-scale
 * square), random parameters, automation storms, at 22.05 to 192 kHz. Output must stay finite and
 * at most +24 dBFS, process() must never throw, and after bad input stops the output must be
 * normal again within 1 s.
 */
import { describe, expect, it } from 'vitest';
import { runKernel, sanitize } from '../../shared-dsp/core/run-kernel.js';
import { instantiate, loadPluginDsp, pluginIdsWithDsp, rng, type PluginDsp } from './helpers/plugins.js';

const RATES = [22050, 44100, 48000, 96000, 192000];
const LIMIT = 10 ** (24 / 20) * (1 + 1e-7); // +24 dBFS, as stored in float32
const BLOCK = 128;

type Gen = (i: number, c: number, sr: number) => number;
const sine: Gen = (i, c, sr) => 0.25 * Math.sin((2 * Math.PI * 440 * i) / sr + c * 0.3);
const BAD: Record<string, Gen> = {
  nan: () => NaN,
  inf: (i) => (i % 2 ? Infinity : -Infinity),
  denormal: (i) => (i % 2 ? 1e-40 : -1e-42),
  dc: () => 1,
  square: (i, _c, sr) => (Math.floor((i * 2 * 100) / sr) % 2 ? 1 : -1),
};

interface Run {
  out: Float32Array[];
  maxAbs: number;
  finite: boolean;
}

/** Drive a kernel through the same path as the AudioWorklet shell (sanitise, run, advance). */
function drive(p: PluginDsp, sr: number, seconds: number, gen: (i: number, c: number) => number, setup?: (bank: any, r: () => number, frame: number) => void, seed = 1): Run {
  const { bank, kernel } = instantiate(p, sr);
  const frames = Math.round(seconds * sr);
  const raw = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  const inp = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  const blk = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  const out = [new Float32Array(frames), new Float32Array(frames)];
  const r = rng(seed);
  let maxAbs = 0;
  let finite = true;
  for (let pos = 0; pos < frames; pos += BLOCK) {
    const n = Math.min(BLOCK, frames - pos);
    for (let c = 0; c < 2; c++) {
      for (let i = 0; i < n; i++) raw[c][i] = gen(pos + i, c);
      sanitize(raw[c], inp[c], 0, n);
    }
    setup?.(bank, r, pos);
    runKernel(kernel, bank, inp, blk, 0, n, inp);
    for (let c = 0; c < 2; c++) {
      for (let i = 0; i < n; i++) {
        const y = blk[c][i];
        if (!Number.isFinite(y)) finite = false;
        else if (Math.abs(y) > maxAbs) maxAbs = Math.abs(y);
      }
      out[c].set(blk[c].subarray(0, n), pos);
    }
  }
  return { out, maxAbs, finite };
}

/** Random values for every parameter, from a seeded generator. */
function randomize(p: PluginDsp, bank: any, r: () => number) {
  for (const d of p.params.list) bank.setNow(d.index, d.min + r() * (d.max - d.min));
}

const rms = (x: Float32Array, from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return Math.sqrt(s / Math.max(1, to - from));
};

const ids = pluginIdsWithDsp();

describe.each(ids)('robustness: %s', (id) => {
  it.each(RATES)('bad input at %i Hz: finite, <= +24 dBFS, normal again within 1 s', async (sr) => {
    const p = await loadPluginDsp(id);
    for (const [name, bad] of Object.entries(BAD)) {
      const badFrames = Math.round(0.5 * sr);
      const run = drive(p, sr, 2, (i, c) => (i < badFrames ? bad(i, c, sr) : sine(i, c, sr)));
      expect(run.finite, `${name}: non-finite output`).toBe(true);
      expect(run.maxAbs, `${name}: output above +24 dBFS`).toBeLessThanOrEqual(LIMIT);
      if (name === 'nan' || name === 'inf' || name === 'denormal') {
        // 1 s after the bad input stops, the sine must come through as it does after clean
        // silence: same level within 1 dB (modulated effects keep their own phase, so the
        // comparison is by level, not sample by sample).
        const ref = drive(p, sr, 2, (i, c) => (i < badFrames ? 0 : sine(i, c, sr)));
        const from = Math.round(1.5 * sr);
        for (let c = 0; c < 2; c++) {
          const level = rms(ref.out[c], from, ref.out[c].length);
          const got = rms(run.out[c], from, run.out[c].length);
          expect(got, `${name} ch${c}: output not normal 1 s after bad input`).toBeGreaterThanOrEqual(level * 0.891);
          expect(got, `${name} ch${c}: output not normal 1 s after bad input`).toBeLessThanOrEqual(level * 1.122 + 1e-9);
        }
      }
    }
  });

  it.each([1, 2, 3, 4, 5, 6])('random parameters and an automation storm (seed %i)', async (seed) => {
    const p = await loadPluginDsp(id);
    const sr = RATES[seed % RATES.length];
    let first = true;
    const run = drive(
      p, sr, 1.5,
      (i, c) => (seed % 2 ? sine(i, c, sr) : BAD.square(i, c, sr) * 0.5),
      (bank, r) => {
        if (first) {
          randomize(p, bank, r);
          first = false;
        }
        // a storm: several events in every block, any parameter, any value
        for (let k = 0; k < 4; k++) {
          const d = p.params.list[Math.floor(r() * p.params.list.length)];
          bank.setTarget(d.index, d.min + r() * (d.max - d.min) * 1.2 - 0.1 * (d.max - d.min));
        }
      },
      seed,
    );
    expect(run.finite).toBe(true);
    expect(run.maxAbs).toBeLessThanOrEqual(LIMIT);
  });

  it('never writes its inputs (the processor hands it the host\'s own arrays)', async () => {
    const p = await loadPluginDsp(id);
    const { bank, kernel } = instantiate(p, 48000);
    const r = rng(17);
    randomize(p, bank, r);
    const inp = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
    const sc = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
    const copy = [new Float32Array(BLOCK), new Float32Array(BLOCK), new Float32Array(BLOCK), new Float32Array(BLOCK)];
    const out = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
    let changed = 0;
    for (let b = 0; b < 400; b++) {
      if (b % 50 === 0) randomize(p, bank, r);
      for (let i = 0; i < BLOCK; i++) {
        inp[0][i] = copy[0][i] = (r() * 2 - 1) * 0.8;
        inp[1][i] = copy[1][i] = (r() * 2 - 1) * 0.8;
        sc[0][i] = copy[2][i] = (r() * 2 - 1) * 0.8;
        sc[1][i] = copy[3][i] = (r() * 2 - 1) * 0.8;
      }
      runKernel(kernel, bank, inp, out, 0, BLOCK, sc);
      for (let i = 0; i < BLOCK; i++) {
        if (inp[0][i] !== copy[0][i] || inp[1][i] !== copy[1][i]) changed++;
        if (sc[0][i] !== copy[2][i] || sc[1][i] !== copy[3][i]) changed++;
      }
    }
    expect(changed).toBe(0);
  });
});
