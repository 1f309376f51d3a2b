/**
 * The band tree of band-splitter.ts fused into one loop per band count, for speed: the mid
 * allpass chain and the side split run sample by sample side by side (independent recurrences
 * the CPU can overlap), and the side bands are summed with their gains at once.
 *
 * Same filters, same state layout and same results as BandSplitter.splitSide/allpassMid plus
 * weightedBandSum (the tests compare them):
 * - LR4 splits on trapezoidal SVF sections (svf.ts, A. Simper):
 *     v3 = x - ic2; v1 = a1 ic1 + a2 v3; v2 = ic2 + g v1; ic1 = 2 v1 - ic1; ic2 = 2 v2 - ic2
 *   low = LP(LP(x)) (v2 of two sections), high = allpass(x) - low, allpass = x - 2 sqrt2 v1
 *   (linkwitz-riley.ts);
 * - LR4 allpasses (mid chain, branch compensation) as DF1 sections (df1.ts):
 *     y = a2 (x - y[n-2]) + a1 (x[n-1] - y[n-1]) + x[n-2].
 *
 * Coefficients c: one LR4 corner (linkwitz-riley.ts, 6 numbers) per crossover f1, f2, f3.
 * m is allpassed in place; y = sum_k g_k b_k, gains moving linearly from g0[k] to g1[k].
 */
import { flushRange } from './svf.js';

const K2 = 2 * Math.SQRT2;

/** state offsets (shared with BandSplitter) */
export const TREE_STATE = {
  SPLIT2: 0, // 4, SVF
  AP3_X: 4, // 2, DF1 input history of the low-branch allpass
  AP3_Y: 6, // 2, its output history
  SPLIT1: 8, // 4
  AP1_X: 12, // 2, high-branch allpass
  AP1_Y: 14, // 2
  SPLIT3: 16, // 4
  MID: 20, // 8: history pairs of the mid chain's nodes (input, after AP1, AP2, AP3)
  SIZE: 28,
} as const;

function flushAll(st: Float64Array): void {
  flushRange(st, 0, TREE_STATE.SIZE);
}

/** 2 bands: split at f1; mid through AP1. */
export function tree2(m: Float64Array, s: Float64Array, y: Float64Array, n: number, c: Float64Array, st: Float64Array, g0: Float64Array, g1: Float64Array): void {
  const a1 = c[0], a2 = c[1], ga = c[2], A1 = c[3], A2 = c[4];
  const O = TREE_STATE, M = O.MID;
  let p1 = st[O.SPLIT1], p2 = st[O.SPLIT1 + 1], q1 = st[O.SPLIT1 + 2], q2 = st[O.SPLIT1 + 3];
  let n01 = st[M], n02 = st[M + 1], n11 = st[M + 2], n12 = st[M + 3];
  const inv = 1 / n;
  const d1 = (g1[0] - g0[0]) * inv, d2 = (g1[1] - g0[1]) * inv;
  let k1 = g0[0], k2 = g0[1];
  for (let i = 0; i < n; i++) {
    // mid: AP1
    const xm = m[i];
    const o1 = A2 * (xm - n12) + A1 * (n01 - n11) + n02;
    n02 = n01;
    n01 = xm;
    n12 = n11;
    n11 = o1;
    m[i] = o1;
    // side: split at f1
    const x = s[i];
    const v3 = x - p2;
    const v1 = a1 * p1 + a2 * v3;
    const v2 = p2 + ga * v1;
    p1 = 2 * v1 - p1;
    p2 = 2 * v2 - p2;
    const w3 = v2 - q2;
    const w1 = a1 * q1 + a2 * w3;
    const lo = q2 + ga * w1;
    q1 = 2 * w1 - q1;
    q2 = 2 * lo - q2;
    const hi = x - K2 * v1 - lo;
    k1 += d1;
    k2 += d2;
    y[i] = k1 * lo + k2 * hi;
  }
  st[O.SPLIT1] = p1;
  st[O.SPLIT1 + 1] = p2;
  st[O.SPLIT1 + 2] = q1;
  st[O.SPLIT1 + 3] = q2;
  st[M] = n01;
  st[M + 1] = n02;
  st[M + 2] = n11;
  st[M + 3] = n12;
  flushAll(st);
}

/** 3 bands: split at f2; low split at f1, high through AP1; mid through AP1 AP2. */
export function tree3(m: Float64Array, s: Float64Array, y: Float64Array, n: number, c: Float64Array, st: Float64Array, g0: Float64Array, g1: Float64Array): void {
  const a1 = c[0], a2 = c[1], ga = c[2], A1 = c[3], A2 = c[4];
  const b1 = c[6], b2 = c[7], gb = c[8], B1 = c[9], B2 = c[10];
  const O = TREE_STATE, M = O.MID;
  let p1 = st[O.SPLIT2], p2 = st[O.SPLIT2 + 1], q1 = st[O.SPLIT2 + 2], q2 = st[O.SPLIT2 + 3];
  let r1 = st[O.SPLIT1], r2 = st[O.SPLIT1 + 1], u1 = st[O.SPLIT1 + 2], u2 = st[O.SPLIT1 + 3];
  let hx1 = st[O.AP1_X], hx2 = st[O.AP1_X + 1], hy1 = st[O.AP1_Y], hy2 = st[O.AP1_Y + 1];
  let n01 = st[M], n02 = st[M + 1], n11 = st[M + 2], n12 = st[M + 3], n21 = st[M + 4], n22 = st[M + 5];
  const inv = 1 / n;
  const d1 = (g1[0] - g0[0]) * inv, d2 = (g1[1] - g0[1]) * inv, d3 = (g1[2] - g0[2]) * inv;
  let k1 = g0[0], k2 = g0[1], k3 = g0[2];
  for (let i = 0; i < n; i++) {
    // mid: AP1 then AP2
    const xm = m[i];
    const o1 = A2 * (xm - n12) + A1 * (n01 - n11) + n02;
    n02 = n01;
    n01 = xm;
    const o2 = B2 * (o1 - n22) + B1 * (n11 - n21) + n12;
    n12 = n11;
    n11 = o1;
    n22 = n21;
    n21 = o2;
    m[i] = o2;
    // side: split at f2
    const x = s[i];
    let v3 = x - p2;
    let v1 = b1 * p1 + b2 * v3;
    let v2 = p2 + gb * v1;
    p1 = 2 * v1 - p1;
    p2 = 2 * v2 - p2;
    const apx = x - K2 * v1;
    v3 = v2 - q2;
    v1 = b1 * q1 + b2 * v3;
    const lo = q2 + gb * v1;
    q1 = 2 * v1 - q1;
    q2 = 2 * lo - q2;
    const hi = apx - lo;
    // low: split at f1
    v3 = lo - r2;
    v1 = a1 * r1 + a2 * v3;
    v2 = r2 + ga * v1;
    r1 = 2 * v1 - r1;
    r2 = 2 * v2 - r2;
    const aplo = lo - K2 * v1;
    v3 = v2 - u2;
    v1 = a1 * u1 + a2 * v3;
    const band1 = u2 + ga * v1;
    u1 = 2 * v1 - u1;
    u2 = 2 * band1 - u2;
    const band2 = aplo - band1;
    // high: AP1
    const band3 = A2 * (hi - hy2) + A1 * (hx1 - hy1) + hx2;
    hx2 = hx1;
    hx1 = hi;
    hy2 = hy1;
    hy1 = band3;
    k1 += d1;
    k2 += d2;
    k3 += d3;
    y[i] = k1 * band1 + k2 * band2 + k3 * band3;
  }
  st[O.SPLIT2] = p1;
  st[O.SPLIT2 + 1] = p2;
  st[O.SPLIT2 + 2] = q1;
  st[O.SPLIT2 + 3] = q2;
  st[O.SPLIT1] = r1;
  st[O.SPLIT1 + 1] = r2;
  st[O.SPLIT1 + 2] = u1;
  st[O.SPLIT1 + 3] = u2;
  st[O.AP1_X] = hx1;
  st[O.AP1_X + 1] = hx2;
  st[O.AP1_Y] = hy1;
  st[O.AP1_Y + 1] = hy2;
  st[M] = n01;
  st[M + 1] = n02;
  st[M + 2] = n11;
  st[M + 3] = n12;
  st[M + 4] = n21;
  st[M + 5] = n22;
  flushAll(st);
}

/**
 * 4 bands: split at f2; low through AP3 then split at f1, high through AP1 then split at f3;
 * mid through AP1 AP2 AP3.
 */
export function tree4(m: Float64Array, s: Float64Array, y: Float64Array, n: number, c: Float64Array, st: Float64Array, g0: Float64Array, g1: Float64Array): void {
  const a1 = c[0], a2 = c[1], ga = c[2], A1 = c[3], A2 = c[4];
  const b1 = c[6], b2 = c[7], gb = c[8], B1 = c[9], B2 = c[10];
  const c1 = c[12], c2 = c[13], gc = c[14], C1 = c[15], C2 = c[16];
  const O = TREE_STATE, M = O.MID;
  let p1 = st[O.SPLIT2], p2 = st[O.SPLIT2 + 1], q1 = st[O.SPLIT2 + 2], q2 = st[O.SPLIT2 + 3];
  let lx1 = st[O.AP3_X], lx2 = st[O.AP3_X + 1], ly1 = st[O.AP3_Y], ly2 = st[O.AP3_Y + 1];
  let r1 = st[O.SPLIT1], r2 = st[O.SPLIT1 + 1], u1 = st[O.SPLIT1 + 2], u2 = st[O.SPLIT1 + 3];
  let hx1 = st[O.AP1_X], hx2 = st[O.AP1_X + 1], hy1 = st[O.AP1_Y], hy2 = st[O.AP1_Y + 1];
  let w1 = st[O.SPLIT3], w2 = st[O.SPLIT3 + 1], z1 = st[O.SPLIT3 + 2], z2 = st[O.SPLIT3 + 3];
  let n01 = st[M], n02 = st[M + 1], n11 = st[M + 2], n12 = st[M + 3];
  let n21 = st[M + 4], n22 = st[M + 5], n31 = st[M + 6], n32 = st[M + 7];
  const inv = 1 / n;
  const d1 = (g1[0] - g0[0]) * inv, d2 = (g1[1] - g0[1]) * inv, d3 = (g1[2] - g0[2]) * inv, d4 = (g1[3] - g0[3]) * inv;
  let k1 = g0[0], k2 = g0[1], k3 = g0[2], k4 = g0[3];
  for (let i = 0; i < n; i++) {
    // mid: AP1, AP2, AP3
    const xm = m[i];
    const o1 = A2 * (xm - n12) + A1 * (n01 - n11) + n02;
    n02 = n01;
    n01 = xm;
    const o2 = B2 * (o1 - n22) + B1 * (n11 - n21) + n12;
    n12 = n11;
    n11 = o1;
    const o3 = C2 * (o2 - n32) + C1 * (n21 - n31) + n22;
    n22 = n21;
    n21 = o2;
    n32 = n31;
    n31 = o3;
    m[i] = o3;
    // side: split at f2
    const x = s[i];
    let v3 = x - p2;
    let v1 = b1 * p1 + b2 * v3;
    let v2 = p2 + gb * v1;
    p1 = 2 * v1 - p1;
    p2 = 2 * v2 - p2;
    const apx = x - K2 * v1;
    v3 = v2 - q2;
    v1 = b1 * q1 + b2 * v3;
    const lo0 = q2 + gb * v1;
    q1 = 2 * v1 - q1;
    q2 = 2 * lo0 - q2;
    const hi0 = apx - lo0;
    // low: AP3 (DF1)
    const lo = C2 * (lo0 - ly2) + C1 * (lx1 - ly1) + lx2;
    lx2 = lx1;
    lx1 = lo0;
    ly2 = ly1;
    ly1 = lo;
    // low: split at f1
    v3 = lo - r2;
    v1 = a1 * r1 + a2 * v3;
    v2 = r2 + ga * v1;
    r1 = 2 * v1 - r1;
    r2 = 2 * v2 - r2;
    const aplo = lo - K2 * v1;
    v3 = v2 - u2;
    v1 = a1 * u1 + a2 * v3;
    const band1 = u2 + ga * v1;
    u1 = 2 * v1 - u1;
    u2 = 2 * band1 - u2;
    const band2 = aplo - band1;
    // high: AP1 (DF1)
    const hi = A2 * (hi0 - hy2) + A1 * (hx1 - hy1) + hx2;
    hx2 = hx1;
    hx1 = hi0;
    hy2 = hy1;
    hy1 = hi;
    // high: split at f3
    v3 = hi - w2;
    v1 = c1 * w1 + c2 * v3;
    v2 = w2 + gc * v1;
    w1 = 2 * v1 - w1;
    w2 = 2 * v2 - w2;
    const aphi = hi - K2 * v1;
    v3 = v2 - z2;
    v1 = c1 * z1 + c2 * v3;
    const band3 = z2 + gc * v1;
    z1 = 2 * v1 - z1;
    z2 = 2 * band3 - z2;
    const band4 = aphi - band3;
    k1 += d1;
    k2 += d2;
    k3 += d3;
    k4 += d4;
    y[i] = k1 * band1 + k2 * band2 + k3 * band3 + k4 * band4;
  }
  st[O.SPLIT2] = p1;
  st[O.SPLIT2 + 1] = p2;
  st[O.SPLIT2 + 2] = q1;
  st[O.SPLIT2 + 3] = q2;
  st[O.AP3_X] = lx1;
  st[O.AP3_X + 1] = lx2;
  st[O.AP3_Y] = ly1;
  st[O.AP3_Y + 1] = ly2;
  st[O.SPLIT1] = r1;
  st[O.SPLIT1 + 1] = r2;
  st[O.SPLIT1 + 2] = u1;
  st[O.SPLIT1 + 3] = u2;
  st[O.AP1_X] = hx1;
  st[O.AP1_X + 1] = hx2;
  st[O.AP1_Y] = hy1;
  st[O.AP1_Y + 1] = hy2;
  st[O.SPLIT3] = w1;
  st[O.SPLIT3 + 1] = w2;
  st[O.SPLIT3 + 2] = z1;
  st[O.SPLIT3 + 3] = z2;
  st[M] = n01;
  st[M + 1] = n02;
  st[M + 2] = n11;
  st[M + 3] = n12;
  st[M + 4] = n21;
  st[M + 5] = n22;
  st[M + 6] = n31;
  st[M + 7] = n32;
  flushAll(st);
}
