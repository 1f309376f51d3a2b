/**
 * LoudnessMeter behaviour: silence, reset, block-size independence, channel layouts, and the
 * whole pipeline against a direct (brute-force) implementation of BS.1770-5 / Tech 3342;
 * the gating histogram against exact sorting.
 */
import { describe, expect, it } from 'vitest';
import { LoudnessMeter } from '../../shared-dsp/loudness/loudness-meter.js';
import { kWeightingCoefficients } from '../../shared-dsp/loudness/k-weighting.js';
import { LoudnessHistogram, lufsToPower, powerToLufs } from '../../shared-dsp/loudness/loudness-histogram.js';

/** deterministic uniform noise in [-1, 1) (xorshift32) */
function noise(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 2147483648 - 1;
  };
}

/**
 * A programme-like stereo test signal: noise and tones at several levels with a gap of digital
 * silence; the two channels differ.
 */
function programme(fs: number): Float32Array[] {
  const parts: [seconds: number, kind: 'noise' | 'tone' | 'silence', db: number][] = [
    [3, 'noise', -20], [1, 'silence', 0], [4, 'tone', -30], [2.5, 'noise', -12], [3, 'tone', -45], [1.7, 'noise', -25],
  ];
  const total = parts.reduce((a, p) => a + Math.round(p[0] * fs), 0);
  const L = new Float32Array(total);
  const R = new Float32Array(total);
  const rnd = noise(12345);
  let n = 0;
  for (const [sec, kind, db] of parts) {
    const g = Math.pow(10, db / 20);
    const end = n + Math.round(sec * fs);
    for (; n < end; n++) {
      if (kind === 'noise') { L[n] = g * rnd(); R[n] = g * rnd(); }
      else if (kind === 'tone') { L[n] = g * Math.sin((2 * Math.PI * 440 * n) / fs); R[n] = g * Math.sin((2 * Math.PI * 3000 * n) / fs); }
    }
  }
  return [L, R];
}

function feed(meter: LoudnessMeter, chans: Float32Array[], block: number): void {
  const n = chans[0].length;
  for (let i = 0; i < n; i += block) {
    const e = Math.min(n, i + block);
    meter.process(chans.map((c) => c.subarray(i, e)));
  }
}

function readings(m: LoudnessMeter): number[] {
  return [m.momentary, m.shortTerm, m.integrated, m.loudnessRange, m.maxMomentary, m.maxShortTerm, m.truePeak];
}

/** BS.1770-5 / Tech 3342 computed directly: K-weight whole channels, sum windows from scratch, sort. */
function reference(chans: Float32Array[], fs: number, weights: number[]) {
  const k = kWeightingCoefficients(fs);
  const n = chans[0].length;
  const sq = new Float64Array(n);
  chans.forEach((x, c) => {
    let x1 = 0, x2 = 0, u1 = 0, u2 = 0, y1 = 0, y2 = 0;
    for (let i = 0; i < n; i++) {
      const u = k.shelf.b0 * x[i] + k.shelf.b1 * x1 + k.shelf.b2 * x2 - k.shelf.a1 * u1 - k.shelf.a2 * u2;
      const y = k.rlb.b0 * u + k.rlb.b1 * u1 + k.rlb.b2 * u2 - k.rlb.a1 * y1 - k.rlb.a2 * y2;
      x2 = x1; x1 = x[i]; y2 = y1; y1 = y; u2 = u1; u1 = u;
      sq[i] += weights[c] * y * y;
    }
  });
  const step = Math.round(0.1 * fs);
  const windowPower = (end: number, len: number) => {
    let s = 0;
    for (let i = Math.max(0, end - len); i < end; i++) s += sq[i];
    return s / len;
  };
  // integrated: 400 ms blocks every 100 ms, complete blocks only
  const blocks: number[] = [];
  for (let end = 4 * step; end <= n; end += step) blocks.push(windowPower(end, 4 * step));
  const abs = blocks.filter((z) => powerToLufs(z) > -70);
  const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  const rel = powerToLufs(mean(abs)) - 10;
  const integrated = powerToLufs(mean(abs.filter((z) => powerToLufs(z) > rel)));
  // LRA: short-term values every 100 ms from the first full 3 s window
  const st: number[] = [];
  for (let end = 30 * step; end <= n; end += step) st.push(windowPower(end, 30 * step));
  const stAbs = st.filter((z) => powerToLufs(z) > -70);
  const stRel = powerToLufs(mean(stAbs)) - 20;
  const sorted = stAbs.filter((z) => powerToLufs(z) > stRel).map(powerToLufs).sort((a, b) => a - b);
  const pct = (q: number) => sorted[Math.round(q * (sorted.length - 1))];
  return {
    momentary: powerToLufs(windowPower(n, 4 * step)),
    shortTerm: powerToLufs(windowPower(n, 30 * step)),
    integrated,
    lra: pct(0.95) - pct(0.1),
  };
}

describe('LoudnessMeter', () => {
  it('rejects channel counts other than 1, 2, 5', () => {
    expect(() => new LoudnessMeter({ sampleRate: 48000, channels: 3 as 2 })).toThrow(RangeError);
  });

  it('reads -Infinity (LRA 0) before any input and in digital silence', () => {
    const m = new LoudnessMeter({ sampleRate: 48000, channels: 2 });
    expect(readings(m)).toEqual([-Infinity, -Infinity, -Infinity, 0, -Infinity, -Infinity, -Infinity]);
    feed(m, [new Float32Array(48000 * 5), new Float32Array(48000 * 5)], 128);
    expect(readings(m)).toEqual([-Infinity, -Infinity, -Infinity, 0, -Infinity, -Infinity, -Infinity]);
  });

  it('returns to exactly -Infinity in silence (M within 1 s, S within 3.6 s: window + K-filter ring-down) while the maxima hold', () => {
    const fs = 48000;
    const m = new LoudnessMeter({ sampleRate: fs, channels: 2 });
    feed(m, programme(fs), 128);
    const held = [m.maxMomentary, m.maxShortTerm, m.truePeak];
    let integratedAt1s = NaN;
    const chunk = [new Float32Array(fs / 20), new Float32Array(fs / 20)]; // 50 ms
    let mGone = NaN;
    let sGone = NaN;
    for (let t = 0.05; t < 5; t += 0.05) {
      feed(m, chunk, 128);
      if (Number.isNaN(mGone) && m.momentary === -Infinity) mGone = t;
      if (Number.isNaN(sGone) && m.shortTerm === -Infinity) sGone = t;
      if (Math.abs(t - 1) < 1e-9) integratedAt1s = m.integrated;
    }
    // the windows must first empty (0.4 s / 3 s); the RLB stage's tail (poles at 0.995) then
    // reaches the 1e-30 state flush within a few tenths of a second
    expect(mGone).toBeGreaterThan(0.4);
    expect(mGone).toBeLessThan(1.0);
    expect(sGone).toBeGreaterThan(3.0);
    expect(sGone).toBeLessThan(3.6);
    expect(m.momentary).toBe(-Infinity);
    expect(m.shortTerm).toBe(-Infinity);
    expect([m.maxMomentary, m.maxShortTerm, m.truePeak]).toEqual(held);
    // once the last 400 ms blocks touching the programme are complete, silent blocks are gated out
    expect(Number.isFinite(integratedAt1s)).toBe(true);
    expect(m.integrated).toBe(integratedAt1s);
  });

  it('mono: a -20 dBFS 1 kHz sine reads -23.0 LUFS (half the power of the same sine on two channels)', () => {
    const fs = 44100;
    const m = new LoudnessMeter({ sampleRate: fs, channels: 1 });
    const x = new Float32Array(fs * 5);
    for (let i = 0; i < x.length; i++) x[i] = 0.1 * Math.sin((2 * Math.PI * 1000 * i) / fs);
    feed(m, [x], 128);
    expect(Math.abs(m.integrated + 23.0)).toBeLessThan(0.02);
    expect(Math.abs(m.truePeak + 20)).toBeLessThan(0.05);
  });

  it('5.0: surround channels weigh 1.41 (+1.49 dB)', () => {
    const fs = 48000;
    const x = new Float32Array(fs * 2);
    for (let i = 0; i < x.length; i++) x[i] = 0.1 * Math.sin((2 * Math.PI * 1000 * i) / fs);
    const z = new Float32Array(x.length);
    const front = new LoudnessMeter({ sampleRate: fs, channels: 5 });
    const surround = new LoudnessMeter({ sampleRate: fs, channels: 5 });
    feed(front, [x, z, z, z, z], 128);
    feed(surround, [z, z, z, x, z], 128);
    expect(surround.integrated - front.integrated).toBeCloseTo(10 * Math.log10(1.41), 6);
  });

  it.each([44100, 48000])('matches a direct BS.1770-5 / Tech 3342 computation on a programme signal at %i Hz', (fs) => {
    const sig = programme(fs);
    const m = new LoudnessMeter({ sampleRate: fs, channels: 2 });
    feed(m, sig, 128);
    const ref = reference(sig, fs, [1, 1]);
    // the signal length is a multiple of 100 ms, so the meter's last evaluation is at its end
    expect(m.momentary).toBeCloseTo(ref.momentary, 6);
    expect(m.shortTerm).toBeCloseTo(ref.shortTerm, 6);
    expect(Math.abs(m.integrated - ref.integrated)).toBeLessThan(0.01);
    expect(Math.abs(m.loudnessRange - ref.lra)).toBeLessThan(0.02);
    expect(m.loudnessRange).toBeGreaterThan(5); // the signal does have range
  });

  it('blocks of 1, 7 and 1000 frames give the readings of 128-frame blocks', () => {
    const fs = 48000;
    const sig = programme(fs).map((c) => c.subarray(0, Math.round(7.3 * fs)));
    const ref = new LoudnessMeter({ sampleRate: fs, channels: 2 });
    feed(ref, sig, 128);
    const want = readings(ref);
    expect(want.every(Number.isFinite)).toBe(true);
    for (const block of [1, 7, 1000]) {
      const m = new LoudnessMeter({ sampleRate: fs, channels: 2 });
      feed(m, sig, block);
      const got = readings(m);
      for (let i = 0; i < got.length; i++) expect(got[i]).toBeCloseTo(want[i], 9);
    }
  });

  it('reset() returns to the initial state: a reused meter reads exactly like a fresh one', () => {
    const fs = 44100;
    const sig = programme(fs);
    const second = sig.map((c) => c.subarray(Math.round(4 * fs)));
    const used = new LoudnessMeter({ sampleRate: fs, channels: 2 });
    feed(used, sig, 128);
    used.reset();
    expect(readings(used)).toEqual([-Infinity, -Infinity, -Infinity, 0, -Infinity, -Infinity, -Infinity]);
    feed(used, second, 128);
    const fresh = new LoudnessMeter({ sampleRate: fs, channels: 2 });
    feed(fresh, second, 128);
    expect(readings(used)).toEqual(readings(fresh));
  });

  it('evaluates momentary loudness at least every 128 frames', () => {
    for (const fs of [44100, 48000, 96000, 22050, 32000]) {
      const m = new LoudnessMeter({ sampleRate: fs, channels: 2 });
      expect(m.subBlockFrames).toBeLessThanOrEqual(128);
      expect(m.stepFrames % m.subBlockFrames).toBe(0);
    }
  });
});

describe('LoudnessHistogram (0.01 LU bins, exact power sums)', () => {
  /** exact gating by sorting, BS.1770 and Tech 3342 style */
  function exact(values: number[], relLU: number) {
    const abs = values.filter((l) => l > -70);
    const meanL = powerToLufs(abs.reduce((a, l) => a + lufsToPower(l), 0) / abs.length);
    const kept = abs.filter((l) => l > meanL + relLU).sort((a, b) => a - b);
    const gated = powerToLufs(kept.reduce((a, l) => a + lufsToPower(l), 0) / kept.length);
    const pct = (q: number) => kept[Math.round(q * (kept.length - 1))];
    return { gated, range: pct(0.95) - pct(0.1) };
  }

  it('gated mean and percentile range agree with exact sorting within 0.01 LU (random levels, 1 hour of blocks)', () => {
    const rnd = noise(777);
    for (let trial = 0; trial < 5; trial++) {
      const values: number[] = [];
      for (let i = 0; i < 36000; i++) values.push(-60 + 55 * Math.abs(rnd()) * Math.abs(rnd()) - 20 * (trial % 2) * Math.abs(rnd()));
      const h = new LoudnessHistogram();
      for (const l of values) h.add(lufsToPower(l));
      const e10 = exact(values, -10);
      const e20 = exact(values, -20);
      expect(Math.abs(h.gatedLoudness(-10) - e10.gated)).toBeLessThan(0.01);
      expect(Math.abs(h.range(-20, 0.1, 0.95) - e20.range)).toBeLessThan(0.01);
    }
  });

  it('drops values at or below the absolute gate, and clamps very loud values into the top bin with their exact power', () => {
    const h = new LoudnessHistogram();
    h.add(lufsToPower(-70));
    h.add(lufsToPower(-80));
    expect(h.size).toBe(0);
    expect(h.gatedLoudness(-10)).toBe(-Infinity);
    h.add(lufsToPower(20));
    expect(h.gatedLoudness(-10)).toBeCloseTo(20, 9);
  });
});
