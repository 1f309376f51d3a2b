/**
 * Limiter gain stages in isolation: the sliding minimum against brute force (with window
 * changes), the exact box mean, the coverage property G[n] <= q[i] for n in [i + L - 1, i + H - 1]
 * that the ceiling guarantee rests on (limiter-timing.ts), and the rebuild after a change of L.
 */
import { describe, expect, it } from 'vitest';
import { BoxMean } from '../../shared-dsp/limiter/box-mean.js';
import { GainChain } from '../../shared-dsp/limiter/gain-chain.js';
import { SlidingMin } from '../../shared-dsp/limiter/sliding-min.js';

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** required gains: mostly 1, with bursts of random reductions (ties included) */
function requirements(n: number, seed: number): Float64Array {
  const r = rng(seed);
  const q = new Float64Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    if (r() < 0.05) {
      const len = 1 + Math.floor(r() * 40);
      for (let k = i; k < Math.min(n, i + len); k++) q[k] = r() < 0.2 ? 0.5 : 0.1 + 0.9 * r();
      i += len;
    }
  }
  return q;
}

describe('SlidingMin', () => {
  it('equals the brute-force minimum over the window, also while the window changes', () => {
    const q = requirements(20000, 1);
    const m = new SlidingMin(600);
    const r = rng(2);
    let w = 50;
    for (let t = 0; t < q.length; t++) {
      if (t % 997 === 0) w = 1 + Math.floor(r() * 599);
      m.window = w;
      const got = m.push(q[t], t);
      // after a growth the deque may have dropped values older than the previous window:
      // compare against the minimum over the window the deque can know
      let want = Infinity;
      for (let k = Math.max(0, t - w + 1); k <= t; k++) want = Math.min(want, q[k]);
      if (t % 997 >= 600) expect(got).toBe(want);
      else expect(got).toBeGreaterThanOrEqual(want);
    }
  });
});

describe('BoxMean', () => {
  it('a window of ones is exactly 1; the mean never exceeds the exact mean; no drift', () => {
    const b = new BoxMean(512);
    b.setLength(240);
    const q = requirements(50000, 3);
    for (let t = 0; t < q.length; t++) {
      const g = b.push(q[t]);
      let exact = 0;
      if (t % 101 === 0 || g === 1) {
        for (let k = t - 239; k <= t; k++) exact += k >= 0 ? q[k] : 1;
        exact /= 240;
        expect(g).toBeLessThanOrEqual(exact);
        expect(exact - g).toBeLessThan(1e-11);
        if (exact === 1) expect(g).toBe(1);
      }
    }
    for (let t = 0; t < 240; t++) b.push(1);
    expect(b.push(1)).toBe(1);
  });
});

describe('GainChain', () => {
  it('coverage: G[n] <= q[i] for every n in [i + L - 1, i + H - 1] (instant release)', () => {
    for (const [L, H] of [[1, 12], [24, 35], [240, 251], [240, 1211]]) {
      const ch = new GainChain(2000, 500);
      ch.setRelease(0, 0, 0, false);
      ch.setWindow(H);
      ch.setBoxLength(L);
      const q = requirements(12000, L + H);
      const g = new Float64Array(q.length);
      for (let s = 0; s < q.length; s += 128) ch.run(q.subarray(s, s + 128), g.subarray(s, s + 128), Math.min(128, q.length - s));
      for (let i = 0; i < q.length; i++) {
        for (let n = i + L - 1; n <= Math.min(q.length - 1, i + H - 1); n++) {
          if (g[n] > q[i]) throw new Error(`L ${L} H ${H}: G[${n}] = ${g[n]} > q[${i}] = ${q[i]}`);
        }
      }
    }
  });

  it('released gain <= G, returns to exactly 1, and a change of L rebuilds the state exactly', () => {
    const q = requirements(6000, 9);
    q.fill(1, 4000);
    const run = (ch: GainChain, from: number, to: number, out: Float64Array) => {
      for (let s = from; s < to; s += 64) ch.run(q.subarray(s, Math.min(to, s + 64)), out.subarray(s, Math.min(to, s + 64)), Math.min(64, to - s));
    };
    // a chain switched from L = 50 to L = 200 at 3000 matches one that always ran with 200
    const a = new GainChain(2000, 500);
    const b = new GainChain(2000, 500);
    for (const ch of [a, b]) ch.setRelease(Math.exp(-1 / 48), 0, 0, false);
    // as the kernel does: the window follows L (H = L + 11 + hold)
    a.setWindow(50 + 11 + 100);
    a.setBoxLength(50);
    b.setWindow(200 + 11 + 100);
    b.setBoxLength(200);
    const ga = new Float64Array(q.length);
    const gb = new Float64Array(q.length);
    run(a, 0, 3000, ga);
    run(b, 0, 3000, gb);
    a.setWindow(200 + 11 + 100);
    a.setBoxLength(200);
    a.g = b.g; // the released state is not part of the rebuild (it only follows)
    run(a, 3000, q.length, ga);
    run(b, 3000, q.length, gb);
    for (let i = 3000; i < q.length; i++) expect(ga[i]).toBe(gb[i]);
    // never above the instant-release G, and exactly 1 at the end
    const inst = new GainChain(2000, 500);
    inst.setRelease(0, 0, 0, false);
    inst.setWindow(311);
    inst.setBoxLength(200);
    const gi = new Float64Array(q.length);
    run(inst, 0, q.length, gi);
    for (let i = 0; i < q.length; i++) expect(gb[i]).toBeLessThanOrEqual(gi[i]);
    expect(gb[q.length - 1]).toBe(1);
  });
});
