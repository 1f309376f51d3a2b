/**
 * EBU Tech 3341 (2023) minimum-requirement cases 1-6, 9-10, 12-13 and EBU Tech 3342 cases 1-4,
 * synthesised from their descriptions (1 kHz sine, in phase on every channel unless stated;
 * levels are per-channel peak dBFS) at 48 kHz and 44.1 kHz.
 * Tolerances: Tech 3341 +-0.1 LU (and the +-0.05 LU internal accuracy on cases 1-5),
 * Tech 3342 +-1 LU.
 */
import { describe, expect, it } from 'vitest';
import { LoudnessMeter } from '../../shared-dsp/loudness/loudness-meter.js';

const BLOCK = 128;

/** a level segment: duration in seconds and per-channel peak level in dBFS (null = silence) */
type Seg = [seconds: number, dbfs: number | number[] | null];

/**
 * Render segments of a continuous-phase 1 kHz sine into a fresh meter, 128-frame blocks.
 * The sine comes from a table of fs/100 samples (exactly 10 periods at 44.1 and 48 kHz).
 * onBlock(meter, seconds) runs after every block.
 */
function measure(
  fs: number,
  channels: 1 | 2 | 5,
  segs: Seg[],
  onBlock?: (m: LoudnessMeter, t: number) => void,
): LoudnessMeter {
  const meter = new LoudnessMeter({ sampleRate: fs, channels });
  const period = fs / 100;
  const table = new Float64Array(period);
  for (let i = 0; i < period; i++) table[i] = Math.sin((2 * Math.PI * 1000 * i) / fs);
  const bufs: Float32Array[] = [];
  for (let c = 0; c < channels; c++) bufs.push(new Float32Array(BLOCK));

  const ends: number[] = [];
  const gains: Float64Array[] = [];
  let total = 0;
  for (const [sec, db] of segs) {
    total += Math.round(sec * fs);
    ends.push(total);
    const g = new Float64Array(channels);
    for (let c = 0; c < channels; c++) {
      const d = db === null ? null : Array.isArray(db) ? db[c] : db;
      g[c] = d === null ? 0 : Math.pow(10, d / 20);
    }
    gains.push(g);
  }

  let seg = 0;
  let phase = 0;
  for (let n0 = 0; n0 < total; n0 += BLOCK) {
    const len = Math.min(BLOCK, total - n0);
    const views = len === BLOCK ? bufs : bufs.map((b) => b.subarray(0, len));
    for (let i = 0; i < len; i++) {
      while (n0 + i >= ends[seg]) seg++;
      const s = table[phase];
      phase = phase + 1 === period ? 0 : phase + 1;
      const g = gains[seg];
      for (let c = 0; c < channels; c++) views[c][i] = g[c] * s;
    }
    meter.process(views);
    onBlock?.(meter, (n0 + len) / fs);
  }
  return meter;
}

const RATES = [48000, 44100];
/** measured values, printed at the end for the report */
const report: string[] = [];
function note(label: string, value: number, expected: number): void {
  report.push(`${label}: ${value.toFixed(3)} (expected ${expected})`);
}

describe.each(RATES)('EBU Tech 3341 minimum requirements at %i Hz', (fs) => {
  it('case 1: stereo -23 dBFS, 20 s -> M, S, I = -23.0 (+-0.05 internal)', () => {
    const m = measure(fs, 2, [[20, -23]]);
    note(`${fs} case 1 M`, m.momentary, -23);
    note(`${fs} case 1 S`, m.shortTerm, -23);
    note(`${fs} case 1 I`, m.integrated, -23);
    expect(Math.abs(m.momentary + 23)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(m.shortTerm + 23)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(m.integrated + 23)).toBeLessThanOrEqual(0.05);
  });

  it('case 2: stereo -33 dBFS, 20 s -> M, S, I = -33.0 (+-0.05 internal)', () => {
    const m = measure(fs, 2, [[20, -33]]);
    note(`${fs} case 2 M`, m.momentary, -33);
    note(`${fs} case 2 S`, m.shortTerm, -33);
    note(`${fs} case 2 I`, m.integrated, -33);
    expect(Math.abs(m.momentary + 33)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(m.shortTerm + 33)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(m.integrated + 33)).toBeLessThanOrEqual(0.05);
  });

  it('case 3: -36 / -23 / -36 dBFS (10 / 60 / 10 s) -> I = -23.0 (relative gate)', () => {
    const m = measure(fs, 2, [[10, -36], [60, -23], [10, -36]]);
    note(`${fs} case 3 I`, m.integrated, -23);
    expect(Math.abs(m.integrated + 23)).toBeLessThanOrEqual(0.05);
  });

  it('case 4: -72 / -36 / -23 / -36 / -72 dBFS -> I = -23.0 (absolute and relative gates)', () => {
    const m = measure(fs, 2, [[10, -72], [10, -36], [60, -23], [10, -36], [10, -72]]);
    note(`${fs} case 4 I`, m.integrated, -23);
    expect(Math.abs(m.integrated + 23)).toBeLessThanOrEqual(0.05);
  });

  it('case 5: -26 / -20 / -26 dBFS (20 / 20.1 / 20 s) -> I = -23.0', () => {
    const m = measure(fs, 2, [[20, -26], [20.1, -20], [20, -26]]);
    note(`${fs} case 5 I`, m.integrated, -23);
    expect(Math.abs(m.integrated + 23)).toBeLessThanOrEqual(0.05);
  });

  it('case 6: 5.0 channels L, R -28, C -24, Ls, Rs -30 dBFS -> I = -23.0', () => {
    const m = measure(fs, 5, [[20, [-28, -28, -24, -30, -30]]]);
    note(`${fs} case 6 I`, m.integrated, -23);
    expect(Math.abs(m.integrated + 23)).toBeLessThanOrEqual(0.1);
  });

  it('case 9: (1.34 s -20 / 1.66 s -30) x 5 -> S = -23.0 at every block after 3 s', () => {
    const segs: Seg[] = [];
    for (let i = 0; i < 5; i++) segs.push([1.34, -20], [1.66, -30]);
    let lo = Infinity;
    let hi = -Infinity;
    let evaluations = 0;
    measure(fs, 2, segs, (m, t) => {
      if (t < 3) return;
      lo = Math.min(lo, m.shortTerm);
      hi = Math.max(hi, m.shortTerm);
      evaluations++;
    });
    note(`${fs} case 9 S min`, lo, -23);
    note(`${fs} case 9 S max`, hi, -23);
    expect(evaluations).toBeGreaterThan(4000);
    expect(Math.abs(lo + 23)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(hi + 23)).toBeLessThanOrEqual(0.1);
  });

  it('case 10: 20 signals, i*0.15 s silence / 3 s -23 dBFS / 1 s silence -> max S = -23.0', () => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 1; i <= 20; i++) {
      const m = measure(fs, 2, [[i * 0.15, null], [3, -23], [1, null]]);
      lo = Math.min(lo, m.maxShortTerm);
      hi = Math.max(hi, m.maxShortTerm);
    }
    note(`${fs} case 10 max S (lowest of 20)`, lo, -23);
    note(`${fs} case 10 max S (highest of 20)`, hi, -23);
    expect(Math.abs(lo + 23)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(hi + 23)).toBeLessThanOrEqual(0.1);
  });

  it('case 12: (0.18 s -20 / 0.22 s -30) x 25 -> M = -23.0 at every block after 1 s', () => {
    const segs: Seg[] = [];
    for (let i = 0; i < 25; i++) segs.push([0.18, -20], [0.22, -30]);
    let lo = Infinity;
    let hi = -Infinity;
    let evaluations = 0;
    measure(fs, 2, segs, (m, t) => {
      if (t < 1) return;
      lo = Math.min(lo, m.momentary);
      hi = Math.max(hi, m.momentary);
      evaluations++;
    });
    note(`${fs} case 12 M min`, lo, -23);
    note(`${fs} case 12 M max`, hi, -23);
    expect(evaluations).toBeGreaterThan(3000);
    expect(Math.abs(lo + 23)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(hi + 23)).toBeLessThanOrEqual(0.1);
  });

  it('case 13: 20 signals, i*20 ms silence / 0.4 s -23 dBFS / 1 s silence -> max M = -23.0', () => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 1; i <= 20; i++) {
      const m = measure(fs, 2, [[i * 0.02, null], [0.4, -23], [1, null]]);
      lo = Math.min(lo, m.maxMomentary);
      hi = Math.max(hi, m.maxMomentary);
    }
    note(`${fs} case 13 max M (lowest of 20)`, lo, -23);
    note(`${fs} case 13 max M (highest of 20)`, hi, -23);
    expect(Math.abs(lo + 23)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(hi + 23)).toBeLessThanOrEqual(0.1);
  });
});

describe('EBU Tech 3342 loudness range (48 kHz, 20 s per level, +-1 LU)', () => {
  const cases: [number, number[], number][] = [
    [1, [-20, -30], 10],
    [2, [-20, -15], 5],
    [3, [-40, -20], 20],
    [4, [-50, -35, -20, -35, -50], 15],
  ];
  it.each(cases)('case %i: levels %j -> LRA %i LU', (id, levels, expected) => {
    const m = measure(48000, 2, levels.map((db): Seg => [20, db]));
    note(`3342 case ${id} LRA`, m.loudnessRange, expected);
    expect(Math.abs(m.loudnessRange - expected)).toBeLessThanOrEqual(1);
  });
});

describe('report', () => {
  it('prints the measured values', () => {
    console.log(report.join('\n'));
    expect(report.length).toBeGreaterThan(0);
  });
});
