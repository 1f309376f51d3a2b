/**
 * Bass mono: the side channel is high-passed with a Linkwitz-Riley 8th-order (48 dB/oct) filter
 * and the mid channel goes through the allpass that the LR8 low and high sides add up to
 * (linkwitz-riley.ts). Below the corner the output becomes mono; above it L and R keep their
 * image, both channels only phase-shifted alike.
 *
 * Why LR8: at one octave below the corner the LR8 high side is 1/(1 + 2^8) -> -48.2 dB, and one
 * octave above 1/(1 + 2^-8) -> -0.034 dB; an LR4 would give only -24.6 dB and -0.53 dB.
 */
import { DF1_COEFS } from './df1.js';
import { flushRange } from './svf.js';
import { LR8_ALLPASS_STATE, LR8_COEFS, LR8_HIGHPASS_STATE, lr8Allpass, lr8Design, lr8DesignAt, lr8Highpass } from './linkwitz-riley.js';

export class BassMono {
  frequency = 120;
  private readonly coefs = new Float64Array(LR8_COEFS);
  private readonly sideState = new Float64Array(LR8_HIGHPASS_STATE);
  private readonly midState = new Float64Array(LR8_ALLPASS_STATE);

  setFrequency(freq: number, sampleRate: number): void {
    this.frequency = freq;
    lr8Design(this.coefs, 0, freq, sampleRate);
  }

  /** setFrequency(f[fi]) (no double arguments: for the audio thread). */
  setFrequencyAt(f: Float64Array, fi: number, sampleRate: number): void {
    this.frequency = f[fi];
    lr8DesignAt(this.coefs, 0, f, fi, sampleRate);
  }

  reset(): void {
    this.sideState.fill(0);
    this.midState.fill(0);
  }

  /** In place: m -> LR8 allpass, s -> LR8 high-pass. */
  process(m: Float64Array, s: Float64Array, n: number): void {
    lr8Allpass(m, n, this.coefs, 0, this.midState, 0);
    lr8Highpass(s, n, this.coefs, 0, this.sideState, 0);
  }

  /**
   * Fused: with a = sl l[off + i]/2 and b = sr r[off + i]/2, m = LR8 allpass of a + b and s = LR8
   * high-pass of a - b, in one loop (the mid and side recurrences run side by side). Signs sl = sr =
   * 1 give M = (l + r)/2 and S = (l - r)/2 (the same bits: halving is exact); -1 flips a channel's
   * polarity (integers, so the call passes no boxed doubles). Same DF1 sections and state as
   * process().
   */
  processLR(
    l: Float32Array | Float64Array,
    r: Float32Array | Float64Array,
    off: number,
    sl: number,
    sr: number,
    m: Float64Array,
    s: Float64Array,
    n: number,
  ): void {
    const c = this.coefs, ms = this.midState, ss = this.sideState;
    const hl = 0.5 * sl, hr = 0.5 * sr;
    const a1 = c[0], a2 = c[1], a0 = c[2];
    const b1 = c[DF1_COEFS], b2 = c[DF1_COEFS + 1], b0 = c[DF1_COEFS + 2];
    // mid history pairs: input, after section 1, after section 2
    let mx1 = ms[0], mx2 = ms[1], my1 = ms[2], my2 = ms[3], mz1 = ms[4], mz2 = ms[5];
    // side history pairs: input, after sections 1..4
    let x1 = ss[0], x2 = ss[1], p1 = ss[2], p2 = ss[3], q1 = ss[4], q2 = ss[5];
    let r1 = ss[6], r2 = ss[7], u1 = ss[8], u2 = ss[9];
    for (let i = 0; i < n; i++) {
      const L = hl * l[off + i], R = hr * r[off + i];
      // mid: allpass k1 then k2 (df1.ts)
      const mx = L + R;
      const my = a2 * (mx - my2) + (mx2 + a1 * (mx1 - my1));
      mx2 = mx1;
      mx1 = mx;
      const mz = b2 * (my - mz2) + (my2 + b1 * (my1 - mz1));
      my2 = my1;
      my1 = my;
      mz2 = mz1;
      mz1 = mz;
      m[i] = mz;
      // side: high-pass k1, k2, k1, k2
      const x = L - R;
      const p = a0 * (x + (x2 - 2 * x1)) - (a1 * p1 + a2 * p2);
      x2 = x1;
      x1 = x;
      const q = b0 * (p + (p2 - 2 * p1)) - (b1 * q1 + b2 * q2);
      p2 = p1;
      p1 = p;
      const rr = a0 * (q + (q2 - 2 * q1)) - (a1 * r1 + a2 * r2);
      q2 = q1;
      q1 = q;
      const u = b0 * (rr + (r2 - 2 * r1)) - (b1 * u1 + b2 * u2);
      r2 = r1;
      r1 = rr;
      u2 = u1;
      u1 = u;
      s[i] = u;
    }
    ms[0] = mx1;
    ms[1] = mx2;
    ms[2] = my1;
    ms[3] = my2;
    ms[4] = mz1;
    ms[5] = mz2;
    ss[0] = x1;
    ss[1] = x2;
    ss[2] = p1;
    ss[3] = p2;
    ss[4] = q1;
    ss[5] = q2;
    ss[6] = r1;
    ss[7] = r2;
    ss[8] = u1;
    ss[9] = u2;
    flushRange(ms, 0, LR8_ALLPASS_STATE);
    flushRange(ss, 0, LR8_HIGHPASS_STATE);
  }
}
