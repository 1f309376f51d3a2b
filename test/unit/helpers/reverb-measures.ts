/**
 * Measures of a reverb's impulse response beyond RT60.
 * - IACC (ISO 3382-1:2009, annex A): the largest |normalised cross-correlation| of left and
 *   right over lags of +-1 ms, here over the late part of the response.
 * - Normalised echo density (J. S. Abel and P. Huang, "A simple, robust measure of
 *   reverberation echo density", AES 121st Convention, 2006): in a sliding window (Hann
 *   weights w, sum 1), the weighted fraction of samples whose magnitude exceeds the window's
 *   standard deviation, divided by erfc(1/sqrt 2) = 0.3173 (that fraction for Gaussian noise).
 *   0 for sparse echoes, about 1 once the response sounds like noise.
 */

export function iacc(l: ArrayLike<number>, r: ArrayLike<number>, from: number, to: number, maxLag: number): number {
  let ll = 0;
  let rr = 0;
  for (let i = from; i < to; i++) {
    ll += l[i] * l[i];
    rr += r[i] * r[i];
  }
  const norm = Math.sqrt(ll * rr);
  let best = 0;
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let acc = 0;
    const a = Math.max(from, from - lag);
    const b = Math.min(to, to - lag);
    for (let i = a; i < b; i++) acc += l[i] * r[i + lag];
    const rho = Math.abs(acc) / norm;
    if (rho > best) best = rho;
  }
  return best;
}

/** erfc(1/sqrt 2): the fraction of a Gaussian beyond one standard deviation */
export const GAUSS_BEYOND_ONE_SIGMA = 0.31731050786291415;

/** normalised echo density at the centres t = 0, hop, 2 hop, ... (window of `win` samples) */
export function echoDensity(h: ArrayLike<number>, win: number, hop: number): Float64Array {
  const half = Math.floor(win / 2);
  const w = new Float64Array(win);
  let ws = 0;
  for (let k = 0; k < win; k++) ws += (w[k] = 0.5 - 0.5 * Math.cos((2 * Math.PI * (k + 0.5)) / win));
  for (let k = 0; k < win; k++) w[k] /= ws;
  const count = Math.floor(h.length / hop);
  const out = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    const t = c * hop;
    let e = 0;
    for (let k = 0; k < win; k++) {
      const i = t - half + k;
      const x = i >= 0 && i < h.length ? h[i] : 0;
      e += w[k] * x * x;
    }
    const sigma = Math.sqrt(e);
    let frac = 0;
    if (sigma > 0) {
      for (let k = 0; k < win; k++) {
        const i = t - half + k;
        const x = i >= 0 && i < h.length ? h[i] : 0;
        if (Math.abs(x) > sigma) frac += w[k];
      }
    }
    out[c] = frac / GAUSS_BEYOND_ONE_SIGMA;
  }
  return out;
}
