/**
 * The band tree of band-splitter.ts as fused loops, for speed: the side split and the mid allpass
 * chain run sample by sample side by side (independent recurrences the CPU overlaps), and the side
 * bands are summed with their gains at once.
 *
 * Same filters and same expressions as BandSplitter.splitSide/allpassMid plus weightedBandSum
 * (the tests compare them): every section is a DF1 biquad of df1.ts, one LR4 corner (a1, a2, bl)
 * per crossover f1 < f2 < f3:
 *   split at f: ap = AP(x), lo = LP(LP(x)), hi = ap - lo (linkwitz-riley.ts)
 *   allpass:    y = a2 (x - y2) + (x2 + a1 (x1 - y1))
 *   low-pass:   y = bl (x + (x2 + 2 x1)) - (a1 y1 + a2 y2)
 * A node's history pair serves as the output history of the section that writes it and as the
 * input history of every section that reads it.
 *
 * Weighted sum: with hi = ap - lo, g_lo lo + g_hi hi = (g_lo - g_hi) lo + g_hi ap, so the high
 * band of a split is never formed: y = e1 b1 + e2 ap(f1) [+ e3 b3 + e4 ap(f3)], each e moving
 * linearly over the block (the differences of gains that move linearly).
 *
 * 4 bands take two loops (the low branch with the f2 split, then the high branch with the mid
 * chain, the high branch's input passed through a scratch buffer): 7 sections each, whose
 * state fits better in registers and whose chains the CPU overlaps across samples better than
 * one loop of 14 (measured about 10 % faster in Node 20; a loop of 3 or 4 sections is slower
 * again, bound by the latency of its recurrences).
 */
import { flushRange } from './svf.js';

/** history pairs (x1, x2) of the tree's nodes, shared by tree2/3/4 (offsets into the state) */
export const TREE_STATE = {
  S_IN: 0, // side input
  S2_AP: 2, // split f2: allpass output
  S2_LP: 4, // split f2: first low-pass
  S2_LO: 6, // split f2: low output
  LO: 8, // 4 bands: low branch after AP3
  S1_AP: 10, // split f1
  S1_LP: 12,
  S1_LO: 14,
  HI0: 16, // high output of the f2 split
  HI: 18, // high branch after AP1
  S3_AP: 20, // split f3
  S3_LP: 22,
  S3_LO: 24,
  M_IN: 26, // mid input
  M_1: 28, // mid after AP1
  M_2: 30, // after AP2
  M_3: 32, // after AP3
  SIZE: 34,
} as const;

const T = TREE_STATE;

/** e0[k], de[k]: the band-sum weights e (see above) at the block start and their step per frame */
function sumWeights(g0: Float64Array, g1: Float64Array, lo: number, hi: number, n: number, e: Float64Array): void {
  const inv = 1 / n;
  const a0 = g0[lo] - g0[hi], a1 = g1[lo] - g1[hi];
  e[0] = a0;
  e[1] = (a1 - a0) * inv;
  e[2] = g0[hi];
  e[3] = (g1[hi] - g0[hi]) * inv;
}

const W = new Float64Array(4);

/** 2 bands: split at f1; mid through AP1. c: LR4 corners (4 numbers each) at 0, 4, 8. */
export function tree2(m: Float64Array, s: Float64Array, y: Float64Array, n: number, c: Float64Array, st: Float64Array, g0: Float64Array, g1: Float64Array): void {
  const a1 = c[0], a2 = c[1], al = c[3];
  sumWeights(g0, g1, 0, 1, n, W);
  let e1 = W[0], e2 = W[2];
  const d1 = W[1], d2 = W[3];
  let x1 = st[T.S_IN], x2 = st[T.S_IN + 1];
  let p1 = st[T.S1_AP], p2 = st[T.S1_AP + 1], q1 = st[T.S1_LP], q2 = st[T.S1_LP + 1], r1 = st[T.S1_LO], r2 = st[T.S1_LO + 1];
  let m1 = st[T.M_IN], m2 = st[T.M_IN + 1], u1 = st[T.M_1], u2 = st[T.M_1 + 1];
  for (let i = 0; i < n; i++) {
    // mid: AP1
    const xm = m[i];
    const um = a2 * (xm - u2) + (m2 + a1 * (m1 - u1));
    m2 = m1;
    m1 = xm;
    u2 = u1;
    u1 = um;
    m[i] = um;
    // side: split at f1
    const x = s[i];
    const ap = a2 * (x - p2) + (x2 + a1 * (x1 - p1));
    const lp = al * (x + (x2 + 2 * x1)) - (a1 * q1 + a2 * q2);
    const lo = al * (lp + (q2 + 2 * q1)) - (a1 * r1 + a2 * r2);
    x2 = x1;
    x1 = x;
    p2 = p1;
    p1 = ap;
    q2 = q1;
    q1 = lp;
    r2 = r1;
    r1 = lo;
    e1 += d1;
    e2 += d2;
    y[i] = e1 * lo + e2 * ap;
  }
  st[T.S_IN] = x1;
  st[T.S_IN + 1] = x2;
  st[T.S1_AP] = p1;
  st[T.S1_AP + 1] = p2;
  st[T.S1_LP] = q1;
  st[T.S1_LP + 1] = q2;
  st[T.S1_LO] = r1;
  st[T.S1_LO + 1] = r2;
  st[T.M_IN] = m1;
  st[T.M_IN + 1] = m2;
  st[T.M_1] = u1;
  st[T.M_1 + 1] = u2;
  flushRange(st, 0, T.SIZE);
}

/** 3 bands: split at f2; low split at f1, high through AP1; mid through AP1 AP2. */
export function tree3(m: Float64Array, s: Float64Array, y: Float64Array, n: number, c: Float64Array, st: Float64Array, g0: Float64Array, g1: Float64Array): void {
  const a1 = c[0], a2 = c[1], al = c[3];
  const b1 = c[4], b2 = c[5], bl = c[7];
  sumWeights(g0, g1, 0, 1, n, W);
  let e1 = W[0], e2 = W[2];
  const d1 = W[1], d2 = W[3];
  let e3 = g0[2];
  const d3 = (g1[2] - g0[2]) / n;
  let x1 = st[T.S_IN], x2 = st[T.S_IN + 1];
  let p1 = st[T.S2_AP], p2 = st[T.S2_AP + 1], q1 = st[T.S2_LP], q2 = st[T.S2_LP + 1], r1 = st[T.S2_LO], r2 = st[T.S2_LO + 1];
  let f1 = st[T.S1_AP], f2 = st[T.S1_AP + 1], h1 = st[T.S1_LP], h2 = st[T.S1_LP + 1], k1 = st[T.S1_LO], k2 = st[T.S1_LO + 1];
  let v1 = st[T.HI0], v2 = st[T.HI0 + 1], w1 = st[T.HI], w2 = st[T.HI + 1];
  let m1 = st[T.M_IN], m2 = st[T.M_IN + 1], u1 = st[T.M_1], u2 = st[T.M_1 + 1], z1 = st[T.M_2], z2 = st[T.M_2 + 1];
  for (let i = 0; i < n; i++) {
    // mid: AP1 then AP2
    const xm = m[i];
    const um = a2 * (xm - u2) + (m2 + a1 * (m1 - u1));
    m2 = m1;
    m1 = xm;
    const zm = b2 * (um - z2) + (u2 + b1 * (u1 - z1));
    u2 = u1;
    u1 = um;
    z2 = z1;
    z1 = zm;
    m[i] = zm;
    // side: split at f2
    const x = s[i];
    const ap2 = b2 * (x - p2) + (x2 + b1 * (x1 - p1));
    const lp2 = bl * (x + (x2 + 2 * x1)) - (b1 * q1 + b2 * q2);
    const lo = bl * (lp2 + (q2 + 2 * q1)) - (b1 * r1 + b2 * r2);
    const hi = ap2 - lo;
    x2 = x1;
    x1 = x;
    p2 = p1;
    p1 = ap2;
    q2 = q1;
    q1 = lp2;
    // low: split at f1 (input history r = the f2 low output)
    const ap1 = a2 * (lo - f2) + (r2 + a1 * (r1 - f1));
    const lp1 = al * (lo + (r2 + 2 * r1)) - (a1 * h1 + a2 * h2);
    const band1 = al * (lp1 + (h2 + 2 * h1)) - (a1 * k1 + a2 * k2);
    r2 = r1;
    r1 = lo;
    f2 = f1;
    f1 = ap1;
    h2 = h1;
    h1 = lp1;
    k2 = k1;
    k1 = band1;
    // high: AP1
    const band3 = a2 * (hi - w2) + (v2 + a1 * (v1 - w1));
    v2 = v1;
    v1 = hi;
    w2 = w1;
    w1 = band3;
    e1 += d1;
    e2 += d2;
    e3 += d3;
    y[i] = e1 * band1 + e2 * ap1 + e3 * band3;
  }
  st[T.S_IN] = x1;
  st[T.S_IN + 1] = x2;
  st[T.S2_AP] = p1;
  st[T.S2_AP + 1] = p2;
  st[T.S2_LP] = q1;
  st[T.S2_LP + 1] = q2;
  st[T.S2_LO] = r1;
  st[T.S2_LO + 1] = r2;
  st[T.S1_AP] = f1;
  st[T.S1_AP + 1] = f2;
  st[T.S1_LP] = h1;
  st[T.S1_LP + 1] = h2;
  st[T.S1_LO] = k1;
  st[T.S1_LO + 1] = k2;
  st[T.HI0] = v1;
  st[T.HI0 + 1] = v2;
  st[T.HI] = w1;
  st[T.HI + 1] = w2;
  st[T.M_IN] = m1;
  st[T.M_IN + 1] = m2;
  st[T.M_1] = u1;
  st[T.M_1 + 1] = u2;
  st[T.M_2] = z1;
  st[T.M_2 + 1] = z2;
  flushRange(st, 0, T.SIZE);
}

/**
 * 4 bands: split at f2; low through AP3 then split at f1, high through AP1 then split at f3;
 * mid through AP1 AP2 AP3. hb: scratch for the high branch (n frames).
 */
export function tree4(m: Float64Array, s: Float64Array, y: Float64Array, hb: Float64Array, n: number, c: Float64Array, st: Float64Array, g0: Float64Array, g1: Float64Array): void {
  tree4Low(s, y, hb, n, c, st, g0, g1);
  tree4High(m, hb, y, n, c, st, g0, g1);
  flushRange(st, 0, T.SIZE);
}

/** low branch: y = e1 b1 + e2 ap(f1), hb = high output of the f2 split */
function tree4Low(s: Float64Array, y: Float64Array, hb: Float64Array, n: number, c: Float64Array, st: Float64Array, g0: Float64Array, g1: Float64Array): void {
  const a1 = c[0], a2 = c[1], al = c[3];
  const b1 = c[4], b2 = c[5], bl = c[7];
  const c1 = c[8], c2 = c[9];
  sumWeights(g0, g1, 0, 1, n, W);
  let e1 = W[0], e2 = W[2];
  const d1 = W[1], d2 = W[3];
  let x1 = st[T.S_IN], x2 = st[T.S_IN + 1];
  let p1 = st[T.S2_AP], p2 = st[T.S2_AP + 1], q1 = st[T.S2_LP], q2 = st[T.S2_LP + 1], r1 = st[T.S2_LO], r2 = st[T.S2_LO + 1];
  let o1 = st[T.LO], o2 = st[T.LO + 1];
  let f1 = st[T.S1_AP], f2 = st[T.S1_AP + 1], h1 = st[T.S1_LP], h2 = st[T.S1_LP + 1], k1 = st[T.S1_LO], k2 = st[T.S1_LO + 1];
  for (let i = 0; i < n; i++) {
    // split at f2
    const x = s[i];
    const ap2 = b2 * (x - p2) + (x2 + b1 * (x1 - p1));
    const lp2 = bl * (x + (x2 + 2 * x1)) - (b1 * q1 + b2 * q2);
    const lo0 = bl * (lp2 + (q2 + 2 * q1)) - (b1 * r1 + b2 * r2);
    hb[i] = ap2 - lo0;
    x2 = x1;
    x1 = x;
    p2 = p1;
    p1 = ap2;
    q2 = q1;
    q1 = lp2;
    // low: AP3 (input history r = the f2 low output)
    const lo = c2 * (lo0 - o2) + (r2 + c1 * (r1 - o1));
    r2 = r1;
    r1 = lo0;
    // low: split at f1 (input history o)
    const ap1 = a2 * (lo - f2) + (o2 + a1 * (o1 - f1));
    const lp1 = al * (lo + (o2 + 2 * o1)) - (a1 * h1 + a2 * h2);
    const band1 = al * (lp1 + (h2 + 2 * h1)) - (a1 * k1 + a2 * k2);
    o2 = o1;
    o1 = lo;
    f2 = f1;
    f1 = ap1;
    h2 = h1;
    h1 = lp1;
    k2 = k1;
    k1 = band1;
    e1 += d1;
    e2 += d2;
    y[i] = e1 * band1 + e2 * ap1;
  }
  st[T.S_IN] = x1;
  st[T.S_IN + 1] = x2;
  st[T.S2_AP] = p1;
  st[T.S2_AP + 1] = p2;
  st[T.S2_LP] = q1;
  st[T.S2_LP + 1] = q2;
  st[T.S2_LO] = r1;
  st[T.S2_LO + 1] = r2;
  st[T.LO] = o1;
  st[T.LO + 1] = o2;
  st[T.S1_AP] = f1;
  st[T.S1_AP + 1] = f2;
  st[T.S1_LP] = h1;
  st[T.S1_LP + 1] = h2;
  st[T.S1_LO] = k1;
  st[T.S1_LO + 1] = k2;
}

/** high branch and mid chain: y += e3 b3 + e4 ap(f3); m through AP1 AP2 AP3 in place */
function tree4High(m: Float64Array, hb: Float64Array, y: Float64Array, n: number, c: Float64Array, st: Float64Array, g0: Float64Array, g1: Float64Array): void {
  const a1 = c[0], a2 = c[1];
  const b1 = c[4], b2 = c[5];
  const c1 = c[8], c2 = c[9], cl = c[11];
  sumWeights(g0, g1, 2, 3, n, W);
  let e3 = W[0], e4 = W[2];
  const d3 = W[1], d4 = W[3];
  let v1 = st[T.HI0], v2 = st[T.HI0 + 1], w1 = st[T.HI], w2 = st[T.HI + 1];
  let f1 = st[T.S3_AP], f2 = st[T.S3_AP + 1], h1 = st[T.S3_LP], h2 = st[T.S3_LP + 1], k1 = st[T.S3_LO], k2 = st[T.S3_LO + 1];
  let m1 = st[T.M_IN], m2 = st[T.M_IN + 1], u1 = st[T.M_1], u2 = st[T.M_1 + 1];
  let z1 = st[T.M_2], z2 = st[T.M_2 + 1], t1 = st[T.M_3], t2 = st[T.M_3 + 1];
  for (let i = 0; i < n; i++) {
    // mid: AP1, AP2, AP3
    const xm = m[i];
    const um = a2 * (xm - u2) + (m2 + a1 * (m1 - u1));
    m2 = m1;
    m1 = xm;
    const zm = b2 * (um - z2) + (u2 + b1 * (u1 - z1));
    u2 = u1;
    u1 = um;
    const tm = c2 * (zm - t2) + (z2 + c1 * (z1 - t1));
    z2 = z1;
    z1 = zm;
    t2 = t1;
    t1 = tm;
    m[i] = tm;
    // high: AP1 (input history v)
    const hi0 = hb[i];
    const hi = a2 * (hi0 - w2) + (v2 + a1 * (v1 - w1));
    v2 = v1;
    v1 = hi0;
    // high: split at f3 (input history w)
    const ap3 = c2 * (hi - f2) + (w2 + c1 * (w1 - f1));
    const lp3 = cl * (hi + (w2 + 2 * w1)) - (c1 * h1 + c2 * h2);
    const band3 = cl * (lp3 + (h2 + 2 * h1)) - (c1 * k1 + c2 * k2);
    w2 = w1;
    w1 = hi;
    f2 = f1;
    f1 = ap3;
    h2 = h1;
    h1 = lp3;
    k2 = k1;
    k1 = band3;
    e3 += d3;
    e4 += d4;
    y[i] += e3 * band3 + e4 * ap3;
  }
  st[T.HI0] = v1;
  st[T.HI0 + 1] = v2;
  st[T.HI] = w1;
  st[T.HI + 1] = w2;
  st[T.S3_AP] = f1;
  st[T.S3_AP + 1] = f2;
  st[T.S3_LP] = h1;
  st[T.S3_LP + 1] = h2;
  st[T.S3_LO] = k1;
  st[T.S3_LO + 1] = k2;
  st[T.M_IN] = m1;
  st[T.M_IN + 1] = m2;
  st[T.M_1] = u1;
  st[T.M_1 + 1] = u2;
  st[T.M_2] = z1;
  st[T.M_2 + 1] = z2;
  st[T.M_3] = t1;
  st[T.M_3 + 1] = t2;
}
