/**
 * Stereo meters: phase correlation, balance, mid/side levels, and a vectorscope point buffer.
 *
 * Correlation r = E[L R] / sqrt(E[L^2] E[R^2]) (the normalised cross-correlation at lag 0, as in
 * every phase-correlation meter): identical channels +1, one inverted -1, sines 90 deg apart 0,
 * 45 deg apart cos 45 = 0.707, independent noise about 0.
 * Averaging: one-pole (exponential) mean with time constant tau (default 0.3 s), updated once
 * per processed block: e = a^n e + (1 - a^n) mean(block), a = exp(-1/(tau fs)). For blocks much
 * shorter than tau this is the per-sample exponential mean to within a fraction of a block.
 *
 * Optional low-pass before the correlation (lowpassHz > 0, 2nd-order Butterworth on both
 * channels): the same filter on both channels keeps the phase difference and amplitude ratio of
 * a sine, so the sine readings above hold. It is off by default: it narrows the measured band,
 * and with it the estimate on uncorrelated material gets about fs/(2 * 1.11 fc) times fewer
 * independent samples (at 2 kHz and 48 kHz the reading on independent noise scatters by about
 * +-0.02 instead of +-0.006 with tau = 0.3 s).
 *
 * Silence: when either channel's mean square is below SILENCE_MS (1e-10, -100 dBFS RMS) the
 * correlation reads 0 (no relation can be measured; a meter at rest sits at the centre), and the
 * balance reads 0 when both are below it. A silent channel opposite a signal therefore gives
 * correlation 0 and balance -1 or +1.
 */
import { svfDesign, prewarp, flush } from './svf.js';
import { BUTTER2_K } from './linkwitz-riley.js';

/** mean square below which a channel counts as silent */
export const SILENCE_MS = 1e-10;

/** r = lr / sqrt(ll rr), 0 when either channel is silent, clamped to [-1, 1]. */
export function correlationOf(ll: number, rr: number, lr: number): number {
  if (!(ll >= SILENCE_MS) || !(rr >= SILENCE_MS)) return 0;
  const r = lr / Math.sqrt(ll * rr);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

/** Power balance (rr - ll)/(rr + ll): -1 left only, 0 centred, +1 right only; 0 in silence. */
export function balanceOf(ll: number, rr: number): number {
  const sum = ll + rr;
  if (!(sum >= SILENCE_MS)) return 0;
  return (rr - ll) / sum;
}

export interface CorrelationMeterOptions {
  /** averaging time constant in seconds (default 0.3) */
  tauSeconds?: number;
  /** low-pass corner before the correlation in Hz; 0 = full band (default) */
  lowpassHz?: number;
}

export class CorrelationMeter {
  readonly tauSeconds: number;
  readonly lowpassHz: number;
  private sampleRate = 48000;
  // full-band exponential means
  private ll = 0;
  private rr = 0;
  private lr = 0;
  // low-passed means (only with lowpassHz > 0)
  private fll = 0;
  private frr = 0;
  private flr = 0;
  private readonly lpCoefs = new Float64Array(3);
  // exp(-n/(tau fs)) for the last block length n
  private keepN = -1;
  private keepV = 1;
  private readonly lpState = new Float64Array(4);

  constructor(options: CorrelationMeterOptions = {}) {
    this.tauSeconds = options.tauSeconds ?? 0.3;
    this.lowpassHz = options.lowpassHz ?? 0;
    this.prepare(48000);
  }

  prepare(sampleRate: number): void {
    this.sampleRate = sampleRate;
    this.keepN = -1;
    if (this.lowpassHz > 0) svfDesign(this.lpCoefs, 0, prewarp(this.lowpassHz, sampleRate), BUTTER2_K);
    this.reset();
  }

  reset(): void {
    this.ll = this.rr = this.lr = 0;
    this.fll = this.frr = this.flr = 0;
    this.lpState.fill(0);
  }

  /** Add frames [start, start + n) of l and r. */
  process(l: Float64Array | Float32Array, r: Float64Array | Float32Array, start: number, n: number): void {
    if (n <= 0) return;
    const end = start + n;
    let sll = 0, srr = 0, slr = 0;
    for (let i = start; i < end; i++) {
      const a = l[i], b = r[i];
      sll += a * a;
      srr += b * b;
      slr += a * b;
    }
    const keep = this.keep(n);
    const take = (1 - keep) / n;
    this.ll = keep * this.ll + take * sll;
    this.rr = keep * this.rr + take * srr;
    this.lr = keep * this.lr + take * slr;
    if (this.lowpassHz > 0) this.lowpassed(l, r, start, end, keep, take);
  }

  /**
   * Add a block given as its sums [sum L^2, sum R^2, sum L R] over n frames, for callers that
   * compute them in their own output loop. Full band only (the low-pass needs the samples).
   */
  accumulate(sums: Float64Array, n: number): void {
    if (n <= 0) return;
    if (n !== this.keepN) this.setKeep(n);
    const keep = this.keepV;
    const take = (1 - keep) / n;
    this.ll = keep * this.ll + take * sums[0];
    this.rr = keep * this.rr + take * sums[1];
    this.lr = keep * this.lr + take * sums[2];
  }

  /** exp(-n/(tau fs)): what is kept of the mean over n frames */
  private keep(n: number): number {
    if (n !== this.keepN) this.setKeep(n);
    return this.keepV;
  }

  /** keepV for blocks of n frames (no double returned: the per-block path boxes nothing) */
  private setKeep(n: number): void {
    this.keepN = n;
    this.keepV = Math.exp(-n / (this.tauSeconds * this.sampleRate));
  }

  private lowpassed(l: Float64Array | Float32Array, r: Float64Array | Float32Array, start: number, end: number, keep: number, take: number): void {
    const c = this.lpCoefs, st = this.lpState;
    const a1 = c[0], a2 = c[1], g = c[2];
    let p1 = st[0], p2 = st[1], q1 = st[2], q2 = st[3];
    let sll = 0, srr = 0, slr = 0;
    for (let i = start; i < end; i++) {
      // Simper SVF low output on each channel (svf.ts)
      const v3 = l[i] - p2;
      const v1 = a1 * p1 + a2 * v3;
      const x = p2 + g * v1;
      p1 = 2 * v1 - p1;
      p2 = 2 * x - p2;
      const w3 = r[i] - q2;
      const w1 = a1 * q1 + a2 * w3;
      const y = q2 + g * w1;
      q1 = 2 * w1 - q1;
      q2 = 2 * y - q2;
      sll += x * x;
      srr += y * y;
      slr += x * y;
    }
    st[0] = flush(p1);
    st[1] = flush(p2);
    st[2] = flush(q1);
    st[3] = flush(q2);
    this.fll = keep * this.fll + take * sll;
    this.frr = keep * this.frr + take * srr;
    this.flr = keep * this.flr + take * slr;
  }

  /** phase correlation -1..+1 (0 when a channel is silent) */
  get correlation(): number {
    return this.lowpassHz > 0 ? correlationOf(this.fll, this.frr, this.flr) : correlationOf(this.ll, this.rr, this.lr);
  }

  /** power balance -1 (left) .. +1 (right), full band */
  get balance(): number {
    return balanceOf(this.ll, this.rr);
  }

  /** RMS of M = (L + R)/2, full band */
  get midRms(): number {
    const v = 0.25 * (this.ll + 2 * this.lr + this.rr);
    return v > 0 ? Math.sqrt(v) : 0;
  }

  /** RMS of S = (L - R)/2, full band */
  get sideRms(): number {
    const v = 0.25 * (this.ll - 2 * this.lr + this.rr);
    return v > 0 ? Math.sqrt(v) : 0;
  }
}

/**
 * The most recent `points` (L, R) pairs, taken every `decimation`-th frame (plain picking: a
 * vectorscope draws the trajectory, it needs no anti-alias filter). The default point rate is
 * 12 kHz, so 256 points span about 21 ms, one or two GUI frames.
 */
export class VectorscopeBuffer {
  readonly points: number;
  decimation = 4;
  private readonly ring: Float32Array;
  private pos = 0;
  private phase = 0;

  constructor(points = 256) {
    this.points = points;
    this.ring = new Float32Array(2 * points);
  }

  prepare(sampleRate: number, pointRate = 12000): void {
    const d = Math.round(sampleRate / pointRate);
    this.decimation = d > 1 ? d : 1;
    this.reset();
  }

  reset(): void {
    this.ring.fill(0);
    this.pos = 0;
    this.phase = 0;
  }

  push(l: Float64Array | Float32Array, r: Float64Array | Float32Array, start: number, n: number): void {
    const ring = this.ring, size = this.points, d = this.decimation;
    let pos = this.pos;
    let i = start + this.phase;
    const end = start + n;
    for (; i < end; i += d) {
      ring[2 * pos] = l[i];
      ring[2 * pos + 1] = r[i];
      if (++pos === size) pos = 0;
    }
    this.pos = pos;
    this.phase = i - end;
  }

  /** (L, R) pairs, oldest first, into out[offset .. offset + 2 points). */
  writeTo(out: Float32Array, offset: number): void {
    const ring = this.ring, first = 2 * this.pos, len = ring.length;
    let o = offset;
    for (let k = first; k < len; k++) out[o++] = ring[k];
    for (let k = 0; k < first; k++) out[o++] = ring[k];
  }
}

/**
 * Vectorscope drawing coordinates of (L, R) pairs, mid up: x = (R - L)/sqrt 2 (right channel to
 * the right), y = (L + R)/sqrt 2. A mono signal is a vertical line, L only the diagonal to the
 * upper left, R only the one to the upper right, an inverted pair a horizontal line.
 */
export function toScopePoints(pairs: Float32Array, out: Float32Array, count: number, offset = 0): void {
  const h = Math.SQRT1_2;
  for (let k = 0; k < count; k++) {
    const l = pairs[offset + 2 * k], r = pairs[offset + 2 * k + 1];
    out[2 * k] = (r - l) * h;
    out[2 * k + 1] = (l + r) * h;
  }
}
