/**
 * K-weighting (ITU-R BS.1770-5, Annex 1): a high-frequency shelf ("stage 1", head effects)
 * followed by the RLB high-pass ("stage 2"). BS.1770 tabulates the coefficients at 48 kHz only;
 * here they are derived for any rate from the analog parameters (f0, G, Q) that reproduce the
 * 48 kHz table, through the bilinear transform with K = tan(pi f0 / fs)
 * (facts in ../shared/notes/dsp-references.md, "Loudness").
 */

/** A biquad in the form y = b0 x + b1 x1 + b2 x2 - a1 y1 - a2 y2 (a0 normalised to 1). */
export interface Biquad {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

export interface KWeightingCoefficients {
  /** stage 1: high shelf, about +4 dB above 2 kHz */
  readonly shelf: Biquad;
  /** stage 2: revised low-frequency B-curve (RLB) high-pass, about 38 Hz */
  readonly rlb: Biquad;
}

/** analog parameters of the stage-1 shelf that reproduce the BS.1770 48 kHz table */
export const SHELF_F0 = 1681.974450955533;
export const SHELF_GAIN_DB = 3.999843853973347;
export const SHELF_Q = 0.7071752369554196;
/** exponent of the shelf's band gain Vb = Vh^SHELF_VB_EXP */
export const SHELF_VB_EXP = 0.4996667741545416;
/** analog parameters of the stage-2 RLB high-pass */
export const RLB_F0 = 38.13547087602444;
export const RLB_Q = 0.5003270373238773;

/** Stage-1 shelf at sample rate fs (bilinear high shelf, BS.1770 analog-parameter form). */
export function shelfCoefficients(fs: number): Biquad {
  const K = Math.tan((Math.PI * SHELF_F0) / fs);
  const Vh = Math.pow(10, SHELF_GAIN_DB / 20);
  const Vb = Math.pow(Vh, SHELF_VB_EXP);
  const KQ = K / SHELF_Q;
  const K2 = K * K;
  const a0 = 1 + KQ + K2;
  return {
    b0: (Vh + Vb * KQ + K2) / a0,
    b1: (2 * (K2 - Vh)) / a0,
    b2: (Vh - Vb * KQ + K2) / a0,
    a1: (2 * (K2 - 1)) / a0,
    a2: (1 - KQ + K2) / a0,
  };
}

/** Stage-2 RLB high-pass at fs: poles from the bilinear form, numerator fixed at [1, -2, 1] as in BS.1770. */
export function rlbCoefficients(fs: number): Biquad {
  const K = Math.tan((Math.PI * RLB_F0) / fs);
  const KQ = K / RLB_Q;
  const K2 = K * K;
  const a0 = 1 + KQ + K2;
  return { b0: 1, b1: -2, b2: 1, a1: (2 * (K2 - 1)) / a0, a2: (1 - KQ + K2) / a0 };
}

export function kWeightingCoefficients(fs: number): KWeightingCoefficients {
  return { shelf: shelfCoefficients(fs), rlb: rlbCoefficients(fs) };
}

/**
 * K-weighting filters for several channels, Float64 state (transposed direct form II), that
 * also accumulate the energy sum(y^2) of their output per channel: the meter's mean-square
 * integrator (BS.1770 eq. 1) lives here so that the per-sample loop is a single pass.
 */
export class KWeightingBank {
  readonly channels: number;
  private readonly c: Float64Array; // shelf b0 b1 b2 a1 a2, rlb b0 b1 b2 a1 a2
  /** per channel: shelf s1 s2, rlb s1 s2 */
  private readonly state: Float64Array;
  /** per channel running sum of squared K-weighted samples (cleared by takeEnergy) */
  private readonly energy: Float64Array;

  constructor(sampleRate: number, channels: number) {
    this.channels = channels;
    const k = kWeightingCoefficients(sampleRate);
    this.c = new Float64Array([
      k.shelf.b0, k.shelf.b1, k.shelf.b2, k.shelf.a1, k.shelf.a2,
      k.rlb.b0, k.rlb.b1, k.rlb.b2, k.rlb.a1, k.rlb.a2,
    ]);
    this.state = new Float64Array(4 * channels);
    this.energy = new Float64Array(channels);
  }

  reset(): void {
    this.state.fill(0);
    this.energy.fill(0);
  }

  /** K-weight x[start, end) of channel ch and add sum(y^2) to that channel's energy. */
  accumulate(ch: number, x: Float32Array, start: number, end: number): void {
    const c = this.c;
    const sb0 = c[0], sb1 = c[1], sb2 = c[2], sa1 = c[3], sa2 = c[4];
    const rb0 = c[5], rb1 = c[6], rb2 = c[7], ra1 = c[8], ra2 = c[9];
    const st = this.state;
    const o = 4 * ch;
    let s1 = st[o], s2 = st[o + 1], r1 = st[o + 2], r2 = st[o + 3];
    let e = this.energy[ch];
    for (let n = start; n < end; n++) {
      const xn = x[n];
      // stage 1 (shelf), transposed DF II
      const u = sb0 * xn + s1;
      s1 = sb1 * xn - sa1 * u + s2;
      s2 = sb2 * xn - sa2 * u;
      // stage 2 (RLB high-pass)
      const y = rb0 * u + r1;
      r1 = rb1 * u - ra1 * y + r2;
      r2 = rb2 * u - ra2 * y;
      e += y * y;
    }
    // flush denormal-range feedback state (helper brief)
    st[o] = flush(s1);
    st[o + 1] = flush(s2);
    st[o + 2] = flush(r1);
    st[o + 3] = flush(r2);
    this.energy[ch] = e;
  }

  /** The weighted energy sum_i G_i sum(y_i^2) accumulated since the last call (BS.1770 eq. 2, before the log), then cleared. */
  takeEnergy(weights: Float64Array): number {
    let z = 0;
    const e = this.energy;
    for (let i = 0; i < this.channels; i++) {
      z += weights[i] * e[i];
      e[i] = 0;
    }
    return z;
  }
}

function flush(v: number): number {
  return v < 1e-30 && v > -1e-30 ? 0 : v;
}
