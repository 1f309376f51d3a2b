/**
 * Mid/side width, the exact form and the block helpers of the imager.
 *
 * With S = (L - R)/2 and side gain w: L' = L + (w - 1) S, R' = R - (w - 1) S
 * (= M + w S and M - w S). At w = 1 the correction (w - 1) S is exactly 0, so the output is
 * bit-identical to the input; at w = 0 both channels get the same M = (L + R)/2, computed once.
 */

/**
 * In place, exact width on L/R with a side gain moving linearly from g[0] (before the first frame)
 * to g[1] (at the last frame). Constant 1 leaves the data untouched; constant 0 writes M to both.
 * (Gains in an array: a call that is not inlined would box double arguments.)
 */
export function widthExact(l: Float64Array, r: Float64Array, n: number, g: Float64Array): void {
  const g0 = g[0], g1 = g[1];
  if (g0 === g1) {
    if (g0 === 1) return;
    if (g0 === 0) {
      for (let i = 0; i < n; i++) {
        const m = (l[i] + r[i]) * 0.5;
        l[i] = m;
        r[i] = m;
      }
      return;
    }
    const k = g0 - 1;
    for (let i = 0; i < n; i++) {
      const d = k * ((l[i] - r[i]) * 0.5);
      l[i] += d;
      r[i] -= d;
    }
    return;
  }
  const step = (g1 - g0) / n;
  for (let i = 0; i < n; i++) {
    const k = (i === n - 1 ? g1 : g0 + step * (i + 1)) - 1;
    const d = k * ((l[i] - r[i]) * 0.5);
    l[i] += d;
    r[i] -= d;
  }
}

/** m = (l + r)/2, s = (l - r)/2 */
export function toMidSide(l: Float64Array, r: Float64Array, m: Float64Array, s: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const a = l[i], b = r[i];
    m[i] = (a + b) * 0.5;
    s[i] = (a - b) * 0.5;
  }
}

/**
 * m = a + b, s = a - b with a = sl l[off + i]/2, b = sr r[off + i]/2: signs sl = sr = 1 give
 * toMidSide (the same bits), -1 flips a channel's polarity.
 */
export function midSideOf(l: Float32Array, r: Float32Array, off: number, sl: number, sr: number, m: Float64Array, s: Float64Array, n: number): void {
  const hl = 0.5 * sl, hr = 0.5 * sr;
  for (let i = 0; i < n; i++) {
    const a = hl * l[off + i], b = hr * r[off + i];
    m[i] = a + b;
    s[i] = a - b;
  }
}

/**
 * In place: x = dry + t (x - dry), a crossfade whose position t moves linearly from f0[j] to
 * f1[j] over the first fk[j] frames of the block and stays at f1[j] after them. (Positions in
 * arrays: a call that is not inlined would box double arguments.)
 */
export function crossfadeInto(x: Float64Array, dry: Float64Array, n: number, f0: Float64Array, f1: Float64Array, fk: Int32Array, j: number): void {
  const t0 = f0[j], t1 = f1[j], k = fk[j];
  const step = k > 0 ? (t1 - t0) / k : 0;
  for (let i = 0; i < n; i++) {
    const t = i < k - 1 ? t0 + step * (i + 1) : t1;
    const d = dry[i];
    x[i] = d + t * (x[i] - d);
  }
}

/** y = g s, g moving linearly from g[0] to g[1] */
export function scaleRamp(s: Float64Array, y: Float64Array, n: number, g: Float64Array): void {
  const g0 = g[0], g1 = g[1];
  const step = (g1 - g0) / n;
  for (let i = 0; i < n; i++) y[i] = (g0 + step * (i + 1)) * s[i];
}

/**
 * y = sum_k g_k b_k over nb (2..4) bands, each gain moving linearly from g0[k] to g1[k].
 */
export function weightedBandSum(
  y: Float64Array,
  b1: Float64Array,
  b2: Float64Array,
  b3: Float64Array,
  b4: Float64Array,
  nb: number,
  n: number,
  g0: Float64Array,
  g1: Float64Array,
): void {
  const inv = 1 / n;
  const s1 = (g1[0] - g0[0]) * inv, s2 = (g1[1] - g0[1]) * inv;
  const s3 = (g1[2] - g0[2]) * inv, s4 = (g1[3] - g0[3]) * inv;
  let k1 = g0[0], k2 = g0[1], k3 = g0[2], k4 = g0[3];
  if (nb === 2) {
    for (let i = 0; i < n; i++) {
      k1 += s1;
      k2 += s2;
      y[i] = k1 * b1[i] + k2 * b2[i];
    }
  } else if (nb === 3) {
    for (let i = 0; i < n; i++) {
      k1 += s1;
      k2 += s2;
      k3 += s3;
      y[i] = k1 * b1[i] + k2 * b2[i] + k3 * b3[i];
    }
  } else {
    for (let i = 0; i < n; i++) {
      k1 += s1;
      k2 += s2;
      k3 += s3;
      k4 += s4;
      y[i] = k1 * b1[i] + k2 * b2[i] + k3 * b3[i] + k4 * b4[i];
    }
  }
}
