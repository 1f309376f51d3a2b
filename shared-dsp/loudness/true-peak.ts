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

/** samples of history the window keeps: the FIR spans 12 inputs, and past() reaches 11 back */
const HISTORY = TP_TAPS_PER_PHASE;
/** frames interpolated per pass over the window */
const WINDOW_BLOCK = 128;

/**
 * 4x true-peak detector for one channel. Uses the filter's symmetry: with
 * s_j = x[m-j] + x[m-11+j] and d_j = x[m-j] - x[m-11+j] (j = 0..5),
 * y0 = A0 + B0, y3 = A0 - B0, y1 = A1 + B1, y2 = A1 - B1 where A = sum p_j s_j, B = sum q_j d_j,
 * p and q the even and odd halves of phases 0 and 1; so max(|y0|, |y3|) = |A0| + |B0|.
 *
 * The input runs through a linear window: the last HISTORY samples, then up to WINDOW_BLOCK new
 * ones, so a block's interpolation reads one array at fixed offsets with its 24 coefficients
 * in locals (no ring index per tap, no coefficient loads per sample).
 */
export class TruePeakDetector {
  /** audio delay (input samples) that aligns push()'s result with the span it describes; see the file comment */
  static readonly DELAY = 6;
  /** exact group delay of the interpolator in input samples */
  static readonly GROUP_DELAY = (TP_TAPS - 1) / 2 / TP_PHASES;

  /** even/odd halves of phase 0 and phase 1: p0[6], q0[6], p1[6], q1[6] */
  private readonly pq: Float64Array;
  /** x[m-HISTORY+1 .. m] at [0, HISTORY), then the block being interpolated */
  private readonly win = new Float64Array(HISTORY + WINDOW_BLOCK);
  /** one result of push(); a block's results in processBlock() */
  private readonly one = new Float64Array(1);
  private readonly ys = new Float64Array(WINDOW_BLOCK);
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
    this.win.fill(0);
    this.peak = 0;
  }

  /**
   * Feed one sample; returns max |.| of the 4 interpolated points between x[m-6] and x[m-5]
   * (sample peaks not included, the held peak not updated).
   */
  push(x: number): number {
    const w = this.win;
    w[HISTORY] = x;
    this.interpolateWindow(1, this.one, 0);
    w.copyWithin(0, 1, HISTORY + 1);
    return this.one[0];
  }

  /** the input sample pushed `delay` samples ago (0 = the latest), delay 0..11 */
  past(delay: number): number {
    return this.win[HISTORY - 1 - delay];
  }

  /**
   * Feed x[off, off + n); out[outOff + i] = max |.| of the 4 interpolated points that push(x[off + i])
   * would return (sample peaks not included, the held peak not updated).
   */
  interpolate(x: Float32Array | Float64Array, off: number, n: number, out: Float64Array, outOff: number): void {
    const w = this.win;
    for (let done = 0; done < n; ) {
      const len = n - done < WINDOW_BLOCK ? n - done : WINDOW_BLOCK;
      for (let i = 0; i < len; i++) w[HISTORY + i] = x[off + done + i];
      this.interpolateWindow(len, out, outOff + done);
      w.copyWithin(0, len, len + HISTORY);
      done += len;
    }
  }

  /** Feed x[start, end); returns the block's max(interpolated, sample) |.| and updates `peak`. */
  processBlock(x: Float32Array, start: number, end: number): number {
    const w = this.win;
    let mx = 0;
    for (let pos = start; pos < end; ) {
      const len = end - pos < WINDOW_BLOCK ? end - pos : WINDOW_BLOCK;
      for (let i = 0; i < len; i++) {
        const v = x[pos + i];
        w[HISTORY + i] = v;
        const a = Math.abs(v); // branch-free: sign tests mispredict on noise-like audio
        mx = a > mx ? a : mx;
      }
      const y = this.ys;
      this.interpolateWindow(len, y, 0);
      for (let i = 0; i < len; i++) {
        const v = y[i];
        mx = v > mx ? v : mx;
      }
      w.copyWithin(0, len, len + HISTORY);
      pos += len;
    }
    if (mx > this.peak) this.peak = mx;
    return mx;
  }

  /** out[outOff + i] for the n samples at win[HISTORY, HISTORY + n) */
  private interpolateWindow(n: number, out: Float64Array, outOff: number): void {
    const w = this.win;
    const c = this.pq;
    const p0 = c[0], p1 = c[1], p2 = c[2], p3 = c[3], p4 = c[4], p5 = c[5];
    const q0 = c[6], q1 = c[7], q2 = c[8], q3 = c[9], q4 = c[10], q5 = c[11];
    const r0 = c[12], r1 = c[13], r2 = c[14], r3 = c[15], r4 = c[16], r5 = c[17];
    const t0 = c[18], t1 = c[19], t2 = c[20], t3 = c[21], t4 = c[22], t5 = c[23];
    for (let i = 0; i < n; i = (i + 1) | 0) {
      // x[m - j] = w[b - j], b = HISTORY + i; the window's oldest tap x[m - 11] = w[i + 1]
      const b = (i + HISTORY) | 0;
      const u0 = w[b], v0 = w[(b - 11) | 0];
      const u1 = w[(b - 1) | 0], v1 = w[(b - 10) | 0];
      const u2 = w[(b - 2) | 0], v2 = w[(b - 9) | 0];
      const u3 = w[(b - 3) | 0], v3 = w[(b - 8) | 0];
      const u4 = w[(b - 4) | 0], v4 = w[(b - 7) | 0];
      const u5 = w[(b - 5) | 0], v5 = w[(b - 6) | 0];
      const s0 = u0 + v0, s1 = u1 + v1, s2 = u2 + v2, s3 = u3 + v3, s4 = u4 + v4, s5 = u5 + v5;
      const d0 = u0 - v0, d1 = u1 - v1, d2 = u2 - v2, d3 = u3 - v3, d4 = u4 - v4, d5 = u5 - v5;
      // sums in the order j = 0..5 (as a running sum from 0 would add them)
      const A0 = p0 * s0 + p1 * s1 + p2 * s2 + p3 * s3 + p4 * s4 + p5 * s5;
      const B0 = q0 * d0 + q1 * d1 + q2 * d2 + q3 * d3 + q4 * d4 + q5 * d5;
      const A1 = r0 * s0 + r1 * s1 + r2 * s2 + r3 * s3 + r4 * s4 + r5 * s5;
      const B1 = t0 * d0 + t1 * d1 + t2 * d2 + t3 * d3 + t4 * d4 + t5 * d5;
      const m0 = Math.abs(A0) + Math.abs(B0);
      const m1 = Math.abs(A1) + Math.abs(B1);
      out[(outOff + i) | 0] = m0 > m1 ? m0 : m1;
    }
  }
}
