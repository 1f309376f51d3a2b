/**
 * The reverb's block kernels (shared-dsp/reverb/blocks.ts) against their equations written out
 * frame by frame: readModulated runs the frames before the next carry of D in branch-free
 * pairs, which must give the same numbers, bit for bit, as stepping every frame.
 */
import { describe, expect, it } from 'vitest';
import { PATH_COEFS, PATH_STATE, readModulated, ST_D, ST_K, ST_STEP } from '../../shared-dsp/reverb/blocks.js';

const MASK = 1023;
const RING = 0;
const C = RING + MASK + 1;
const S = C + PATH_COEFS;
const O = S + PATH_STATE;

/**
 * The documented recursion one frame at a time: D += step, a carry into k when D leaves
 * [0.5, 1.5), y = a x[n-k] + x[n-k-1] - a y[n-1] with a = (1 - D) / (1 + D), then the two
 * biquads in direct form I.
 */
function reference(H: Float64Array, w: number, b: number): void {
  const c = (i: number) => H[C + i];
  let [x1, x2, t1, t2, u1, u2] = [0, 1, 2, 3, 4, 5].map((i) => H[S + i]);
  let k = H[S + ST_K];
  let D = H[S + ST_D];
  const step = H[S + ST_STEP];
  for (let j = 0; j < b; j++) {
    D += step;
    if (D >= 1.5) {
      D -= 1;
      k += 1;
    } else if (D < 0.5) {
      D += 1;
      k -= 1;
    }
    const hi = H[RING + ((w + j - k) & MASK)];
    const lo = H[RING + ((w + j - k - 1) & MASK)];
    const a = (1 - D) / (1 + D);
    const x = (hi - x1) * a + lo;
    const t = x * c(0) + x1 * c(1) + (x2 * c(2) - t2 * c(4)) - t1 * c(3);
    const u = t * c(5) + t1 * c(6) + (t2 * c(7) - u2 * c(9)) - u1 * c(8);
    x2 = x1; x1 = x; t2 = t1; t1 = t; u2 = u1; u1 = u;
    H[O + j] = u;
  }
  const flush = (v: number) => (v < 1e-30 && v > -1e-30 ? 0 : v);
  [x1, x2, t1, t2, u1, u2].forEach((v, i) => (H[S + i] = flush(v)));
  H[S + ST_K] = k;
  H[S + ST_D] = D;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296 - 0.5;
  };
}

/** a heap with a noise-filled ring, a stable low shelf and high shelf, and a path's state */
function heap(seed: number, D: number, step: number): Float64Array {
  const rnd = lcg(seed);
  const H = new Float64Array(O + 256);
  for (let i = 0; i <= MASK; i++) H[RING + i] = rnd();
  // b0 b1 b2 a1 a2 twice: poles at radius 0.9 and 0.5 (stable), arbitrary zeros
  H.set([0.8, -0.3, 0.1, -1.2, 0.81, 0.6, 0.2, -0.05, -0.4, 0.25], C);
  for (let i = 0; i < 6; i++) H[S + i] = rnd() * 0.1;
  H[S + ST_K] = 300;
  H[S + ST_D] = D;
  H[S + ST_STEP] = step;
  return H;
}

describe('readModulated', () => {
  // steps from none through the usual (depth 0.3 ms at 0.7 Hz moves D by about 1e-3 a frame)
  // to the largest the FDN allows (below 0.5 a frame); starts next to both carry thresholds
  const steps = [0, 1e-9, -1e-9, 1.3e-3, -1.3e-3, 0.031, -0.031, 0.2, -0.2, 0.45, -0.45];
  const starts = [0.5, 0.5000001, 1.0, 1.4999999, 1.25, 0.75];
  const blocks = [1, 2, 3, 17, 128];

  it('matches the frame-by-frame recursion bit for bit, state included, over many blocks', () => {
    let cases = 0;
    let up = 0;
    let down = 0;
    for (const step of steps) {
      for (const D of starts) {
        for (const b of blocks) {
          const fast = heap(cases + 1, D, step);
          const ref = fast.slice();
          let w = 700;
          for (let blk = 0; blk < 12; blk++) {
            const k0 = ref[S + ST_K];
            readModulated(fast, w, MASK, b, RING, C, S, O);
            reference(ref, w, b);
            if (ref[S + ST_K] > k0) up++;
            if (ref[S + ST_K] < k0) down++;
            const at = fast.findIndex((v, i) => !Object.is(v, ref[i]));
            if (at !== -1) {
              throw new Error(`step ${step}, D ${D}, block ${b}: differs at heap word ${at} in block ${blk} (${fast[at]} vs ${ref[at]})`);
            }
            w = (w + b) & MASK;
          }
          cases++;
        }
      }
    }
    expect(cases).toBe(steps.length * starts.length * blocks.length);
    // blocks in which k moved, each way: the carries were exercised
    expect(up).toBeGreaterThan(100);
    expect(down).toBeGreaterThan(100);
  });
});
