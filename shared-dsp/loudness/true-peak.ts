/**
 * True-peak detection after ITU-R BS.1770-5 Annex 2: oversample 4x with a 48-tap polyphase FIR
 * (12 taps per phase) and take max |.| of the interpolated points; the meter reports
 * max(interpolated peak, sample peak).
 *
 * Interpolator. The standard's tap values are not reproduced here; an equivalent 48-tap filter
 * is designed instead: an ideal 4x interpolator sin(pi t)/(pi t) (t in input samples, cutoff at
 * the input Nyquist frequency) sampled at t = (n - 23.5)/4, n = 0..47, times a Kaiser window
 * (beta = 5) over the 48 taps, and each phase scaled to unit DC gain so that a constant is
 * interpolated exactly. Like the standard's filter it is symmetric about tap 23.5, hence
 * phase 3 = phase 0 reversed and phase 2 = phase 1 reversed, and its four phases interpolate
 * at 1/8, 3/8, 5/8 and 7/8 of the way between two input samples.
 * Measured reading of a full-scale sine, max over all points (sample peaks excluded):
 * within +0.04 / -0.05 dB up to 0.39 fs, -0.13 dB at 0.41 fs, -0.42 dB at 0.45 fs (the
 * geometric limit of 4x sampling there is -0.55 dB, BS.1770 Annex 2 / dsp-references note).
 *
 * Delay. The FIR is linear-phase with 23.5 taps of delay at the 4x rate (5.875 input
 * samples). After push(x[m]) the four points returned lie at times m - 5.875, m - 5.625,
 * m - 5.375 and m - 5.125, i.e. strictly between input samples m - 6 and m - 5. A consumer that
 * must act before a peak (the limiter) delays its audio by TruePeakDetector.DELAY = 6 samples:
 * then the value returned by push(x[m]) describes the span between the delayed sample m - 6 and
 * the next one, m - 5.
 */

/** filter length and phase count (BS.1770 Annex 2) */
export const TP_TAPS = 48;
export const TP_PHASES = 4;
export const TP_TAPS_PER_PHASE = 12;
/** Kaiser window parameter of the interpolator design (see above) */
export const TP_KAISER_BETA = 5;

/** zeroth-order modified Bessel function (power series), for the Kaiser window */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 60; k++) {
    const r = x / (2 * k);
    term *= r * r;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/**
 * The 48 taps h[n] of the 4x interpolator (impulse response at the 4x rate), phase k being
 * h[4j + k], j = 0..11. Kaiser-windowed sinc, each phase normalised to unit DC gain.
 */
export function truePeakInterpolator(): Float64Array {
  const h = new Float64Array(TP_TAPS);
  const centre = (TP_TAPS - 1) / 2; // 23.5
  const i0beta = besselI0(TP_KAISER_BETA);
  for (let n = 0; n < TP_TAPS / 2; n++) {
    const t = (n - centre) / TP_PHASES; // time in input samples
    const sinc = Math.sin(Math.PI * t) / (Math.PI * t); // t never 0 (half-sample centre)
    const r = (n - centre) / (centre + 0.5);
    const w = besselI0(TP_KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0beta;
    h[n] = sinc * w;
    h[TP_TAPS - 1 - n] = h[n]; // exact symmetry: phase 3 = phase 0 reversed, 2 = 1 reversed
  }
  // unit DC gain per phase; phases k and 3 - k hold the same taps, so share the divisor
  for (let k = 0; k < TP_PHASES / 2; k++) {
    let s = 0;
    for (let j = 0; j < TP_TAPS_PER_PHASE; j++) s += h[TP_PHASES * j + k];
    for (let j = 0; j < TP_TAPS_PER_PHASE; j++) {
      h[TP_PHASES * j + k] /= s;
      h[TP_PHASES * j + (TP_PHASES - 1 - k)] /= s;
    }
  }
  return h;
}

/**
 * 4x true-peak detector for one channel. Uses the filter's symmetry: with
 * s_j = x[m-j] + x[m-11+j] and d_j = x[m-j] - x[m-11+j] (j = 0..5),
 * y0 = A0 + B0, y3 = A0 - B0, y1 = A1 + B1, y2 = A1 - B1 where A = sum p_j s_j, B = sum q_j d_j,
 * p and q the even and odd halves of phases 0 and 1; so max(|y0|, |y3|) = |A0| + |B0|.
 */
export class TruePeakDetector {
  /** audio delay (input samples) that aligns push()'s result with the span it describes; see the file comment */
  static readonly DELAY = 6;
  /** exact group delay of the interpolator in input samples */
  static readonly GROUP_DELAY = (TP_TAPS - 1) / 2 / TP_PHASES;

  /** even/odd halves of phase 0 and phase 1: p0[6], q0[6], p1[6], q1[6] */
  private readonly pq: Float64Array;
  /** last 12 inputs, twice (ring of 12 mirrored into 24 so a window is contiguous); x[m-j] = ring[pos + j] */
  private readonly ring = new Float64Array(2 * TP_TAPS_PER_PHASE);
  private pos = 0;
  /** max(interpolated, sample) |.| seen by processBlock since reset (linear) */
  peak = 0;

  constructor() {
    const h = truePeakInterpolator();
    const pq = new Float64Array(24);
    for (let j = 0; j < 6; j++) {
      const a0 = h[4 * j], b0 = h[4 * (11 - j)];
      const a1 = h[4 * j + 1], b1 = h[4 * (11 - j) + 1];
      pq[j] = 0.5 * (a0 + b0);
      pq[6 + j] = 0.5 * (a0 - b0);
      pq[12 + j] = 0.5 * (a1 + b1);
      pq[18 + j] = 0.5 * (a1 - b1);
    }
    this.pq = pq;
  }

  reset(): void {
    this.ring.fill(0);
    this.pos = 0;
    this.peak = 0;
  }

  /**
   * Feed one sample; returns max |.| of the 4 interpolated points between x[m-6] and x[m-5]
   * (sample peaks not included, the held peak not updated).
   */
  push(x: number): number {
    const r = this.ring;
    const pos = this.pos === 0 ? 11 : this.pos - 1;
    this.pos = pos;
    r[pos] = x;
    r[pos + 12] = x;
    return this.interpolatedMax(pos);
  }

  /** the input sample pushed `delay` samples ago (0 = the latest), delay 0..11 */
  past(delay: number): number {
    return this.ring[this.pos + delay];
  }

  /** Feed x[start, end); returns the block's max(interpolated, sample) |.| and updates `peak`. */
  processBlock(x: Float32Array, start: number, end: number): number {
    const r = this.ring;
    let pos = this.pos;
    let mx = 0;
    for (let n = start; n < end; n++) {
      const v = x[n];
      pos = pos === 0 ? 11 : pos - 1;
      r[pos] = v;
      r[pos + 12] = v;
      const y = this.interpolatedMax(pos);
      const a = Math.abs(v); // branch-free: sign tests mispredict on noise-like audio
      if (y > mx) mx = y;
      if (a > mx) mx = a;
    }
    this.pos = pos;
    if (mx > this.peak) this.peak = mx;
    return mx;
  }

  private interpolatedMax(pos: number): number {
    const r = this.ring;
    const c = this.pq;
    let A0 = 0, B0 = 0, A1 = 0, B1 = 0;
    for (let j = 0; j < 6; j++) {
      const u = r[pos + j];
      const w = r[pos + 11 - j];
      const s = u + w;
      const d = u - w;
      A0 += c[j] * s;
      B0 += c[6 + j] * d;
      A1 += c[12 + j] * s;
      B1 += c[18 + j] * d;
    }
    const m0 = Math.abs(A0) + Math.abs(B0);
    const m1 = Math.abs(A1) + Math.abs(B1);
    return m0 > m1 ? m0 : m1;
  }
}
