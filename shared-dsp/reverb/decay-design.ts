/**
 * Frequency-dependent decay of a recirculating delay path, designed from RT60 in three bands.
 *
 * J.-M. Jot and A. Chaigne, "Digital delay networks for designing artificial reverberators"
 * (AES 90th Convention, 1991): a delay of m samples inside a network whose RT60 is T must lose
 * 20 log10(g) = -60 m / (fs T) dB per pass, i.e. g = 10^(-3 m / (fs T)). With the loss set
 * per sample, every path of the network decays at the same rate, so the tail has one RT60.
 * Made frequency dependent, the per-sample loss in dB is
 *     d(f) = -60 / (fs T(f)),   T(low) = bassDecay T, T(mid) = T, T(high) = damping T.
 * Each path gets a broadband gain, an RBJ low shelf and an RBJ high shelf (shelf.ts) whose dB
 * gains are m times per-sample values (G, L, H). For small gains a shelf's dB response is its
 * gain times a fixed shape s(f), so d(f) ~ G + L sL(f) + H sH(f); (G, L, H) solve that at
 * three match frequencies (a 3x3 system), and designPath refines them for large gains.
 * - Shelf midpoints 220 Hz and 6.5 kHz; mid matched at 1.6 kHz. The shelves' skirts reach
 *   into the mid octaves (a 2nd-order shelf moves at most 12 dB/octave), so with damping < 1
 *   the 2 kHz octave decays a little fast and 500 Hz a little slow; matching the mid between
 *   them keeps the octaves 500 Hz, 1 kHz and 2 kHz within a few per cent at the defaults.
 * - Low matched at 125 Hz.
 * - High matched at a frequency that depends on damping (5.9 kHz at 0.1 to 8.8 kHz at 1.5):
 *   inside the 8 kHz octave (5.7 to 11.3 kHz) the loss still grows with frequency, and an
 *   octave's Schroeder decay follows its slowest part, the lower edge when highs decay
 *   faster (damping < 1), the upper edge when they decay slower. The table below puts the
 *   octave's T30 on damping x decay (tuned on a model of the band's energy decay; the RT60
 *   tests measure it).
 */
import { biquadDb } from './shelf.js';

/** band centres the ratios refer to (octave bands of the measurements) */
export const DECAY_LOW_HZ = 125;
export const DECAY_MID_HZ = 1000;
export const DECAY_HIGH_HZ = 8000;

const LOW_SHELF_HZ = 220;
const HIGH_SHELF_HZ = 6500;
const MATCH_LOW_HZ = 125;
const MATCH_MID_HZ = 1600;
/** high match frequency against damping (piecewise linear in log damping) */
const HIGH_MATCH: ReadonlyArray<readonly [number, number]> = [
  [0.1, 5900], [0.3, 6100], [0.5, 6650], [0.7, 7600], [1.0, 8200], [1.5, 8800],
];
/**
 * The model's inverse for the high match at HM_POINTS dampings, log-spaced over the parameter's
 * range, precomputed in prepare(): while damping moves the design picks the nearest (steps of
 * 0.26 % in damping move the match frequency by a few hertz) instead of recomputing trig,
 * responses and an inverse on the audio thread.
 */
const HM_POINTS = 1024;
const HM_MIN = 0.1;
const HM_MAX = 1.5;
const HM_PER_LOG = (HM_POINTS - 1) / Math.log(HM_MAX / HM_MIN);
const HM_CACHE = new Map<number, [Float64Array, Float64Array]>();

export function highMatchHz(damping: number): number {
  const t = HIGH_MATCH;
  if (damping <= t[0][0]) return t[0][1];
  for (let i = 1; i < t.length; i++) {
    if (damping <= t[i][0]) {
      const x = Math.log(damping / t[i - 1][0]) / Math.log(t[i][0] / t[i - 1][0]);
      return t[i - 1][1] + x * (t[i][1] - t[i - 1][1]);
    }
  }
  return t[t.length - 1][1];
}

/** coefficients per path: two biquads of five numbers */
export const DECAY_FILTER_COEFS = 10;

/**
 * The design runs on the audio thread whenever decay, damping, bassDecay or freeze move, so
 * nothing in it allocates: no helper takes or returns a double (a double crossing a call that
 * is not inlined is boxed); inputs and intermediate results travel through Float64Arrays and
 * fields, and the shelf formulas are written out in place.
 */
export class DecayDesign {
  /** per-sample loss in dB: broadband, low-shelf gain, high-shelf gain */
  broadband = 0;
  low = 0;
  high = 0;
  /** per-sample loss in dB at mid frequencies (0 while frozen) */
  mid = 0;
  frozen = false;
  /** factor on the first biquad's numerator of every path designed next (designPath) */
  scale = 0.5;
  private fs = 48000;
  /** cos w0 and sin w0 / sqrt 2 of the low and the high shelf (RBJ, slope 1) */
  private readonly corner = new Float64Array(4);
  /** the model's inverse (row-major) at every high-match point, and its trig row (see HM_POINTS) */
  private hmInv: Float64Array = new Float64Array(9 * HM_POINTS);
  private hmTrig: Float64Array = new Float64Array(4 * HM_POINTS);
  /** offset of the inverse in use in hmInv */
  private invAt = 0;
  private readonly model = new Float64Array(9);
  private readonly inv = new Float64Array(9);
  private matchPoint = -1;
  /** per-sample target loss in dB at the match frequencies */
  private readonly target = new Float64Array(3);
  /** cos w, sin w, cos 2w, sin 2w at the three match frequencies */
  private readonly trig = new Float64Array(12);
  /** inputs: decay, damping, bassDecay */
  private readonly args = new Float64Array(3);
  /** scratch: shelf gains in, responses out (see the class comment) */
  private readonly gain = new Float64Array(2);
  private readonly db = new Float64Array(3);
  /** the 1 dB shelves (rows of the model) */
  private readonly shape = new Float64Array(10);

  constructor(sampleRate = 48000) {
    this.prepare(sampleRate);
  }

  prepare(sampleRate: number): void {
    this.fs = sampleRate;
    const nyq = sampleRate / 2;
    const wl = (2 * Math.PI * Math.min(LOW_SHELF_HZ, 0.2 * nyq)) / sampleRate;
    const wh = (2 * Math.PI * Math.min(HIGH_SHELF_HZ, 0.6 * nyq)) / sampleRate;
    this.corner[0] = Math.cos(wl);
    this.corner[1] = Math.sin(wl) * Math.SQRT1_2;
    this.corner[2] = Math.cos(wh);
    this.corner[3] = Math.sin(wh) * Math.SQRT1_2;
    this.setMatch(0, MATCH_LOW_HZ);
    this.setMatch(1, MATCH_MID_HZ);
    // the high-match tables depend on the sample rate only: computed once per rate and shared
    const cached = HM_CACHE.get(sampleRate);
    if (cached) {
      this.hmInv = cached[0];
      this.hmTrig = cached[1];
    } else {
      this.hmInv = new Float64Array(9 * HM_POINTS);
      this.hmTrig = new Float64Array(4 * HM_POINTS);
      for (let i = 0; i < HM_POINTS; i++) {
        this.setMatch(2, highMatchHz(HM_MIN * Math.exp(i / HM_PER_LOG)));
        invert3(this.model, this.inv);
        this.hmInv.set(this.inv, 9 * i);
        this.hmTrig.set(this.trig.subarray(8, 12), 4 * i);
      }
      HM_CACHE.set(sampleRate, [this.hmInv, this.hmTrig]);
    }
    this.matchPoint = -1;
    this.set(2, 0.5, 1, false);
  }

  /** row r of the model: the 1 dB shelves' responses at f (and the trig for designPath); prepare only */
  private setMatch(r: number, f: number): void {
    const fs = this.fs;
    f = Math.min(f, 0.35 * fs);
    const w = (2 * Math.PI * f) / fs;
    this.trig[r * 4] = Math.cos(w);
    this.trig[r * 4 + 1] = Math.sin(w);
    this.trig[r * 4 + 2] = Math.cos(2 * w);
    this.trig[r * 4 + 3] = Math.sin(2 * w);
    this.gain[0] = 1;
    this.gain[1] = 1;
    this.designShelves(this.shape, 0);
    this.model[r * 3] = 1;
    this.model[r * 3 + 1] = biquadDb(this.shape, 0, f, fs);
    this.model[r * 3 + 2] = biquadDb(this.shape, 5, f, fs);
  }

  /** Set the per-sample losses for RT60 = decay (mid), decay*bassDecay (low), decay*damping (high). */
  set(decay: number, damping: number, bassDecay: number, freeze: boolean): void {
    this.args[0] = decay;
    this.args[1] = damping;
    this.args[2] = bassDecay;
    this.update(freeze);
  }

  /** set() with its values read from an array (values[iDecay] etc.): nothing is boxed */
  setFrom(values: Float64Array, iDecay: number, iDamping: number, iBass: number, freeze: boolean): void {
    this.args[0] = values[iDecay];
    this.args[1] = values[iDamping];
    this.args[2] = values[iBass];
    this.update(freeze);
  }

  /** the losses for args = [decay, damping, bassDecay] */
  private update(freeze: boolean): void {
    this.frozen = freeze;
    if (freeze) {
      // lossless: designPath then makes flat shelves and the plain gain
      this.broadband = this.low = this.high = this.mid = 0;
      this.target[0] = this.target[1] = this.target[2] = 0;
      return;
    }
    const damping = this.args[1];
    // the high match: the nearest precomputed point (HM_POINTS; written here, not in a method
    // of its own, so that it runs in this function's optimised code)
    const x = Math.round(Math.log(damping / HM_MIN) * HM_PER_LOG);
    const hm = x < 0 ? 0 : x > HM_POINTS - 1 ? HM_POINTS - 1 : x;
    if (hm !== this.matchPoint) {
      this.matchPoint = hm;
      this.invAt = 9 * hm;
      const t = this.trig;
      const h = this.hmTrig;
      t[8] = h[4 * hm];
      t[9] = h[4 * hm + 1];
      t[10] = h[4 * hm + 2];
      t[11] = h[4 * hm + 3];
    }
    const k = -60 / (this.fs * this.args[0]);
    const dl = k / this.args[2];
    const dm = k;
    this.mid = dm;
    const dh = k / damping;
    this.target[0] = dl;
    this.target[1] = dm;
    this.target[2] = dh;
    const v = this.hmInv;
    const a = this.invAt;
    this.broadband = v[a] * dl + v[a + 1] * dm + v[a + 2] * dh;
    this.low = v[a + 3] * dl + v[a + 4] * dm + v[a + 5] * dh;
    this.high = v[a + 6] * dl + v[a + 7] * dm + v[a + 8] * dh;
  }

  /** linear gain per sample at mid frequencies (1 while frozen) */
  midPerSample(): number {
    return this.frozen ? 1 : Math.pow(10, this.mid / 20);
  }

  /**
   * Decay filter of a path of m samples: low shelf then high shelf at c[o..o+9].
   * The first biquad's numerator carries `this.scale` times the broadband gain of m samples.
   * The shape model is linear only for small gains; for large ones (short RT60 and long
   * paths) the gains are refined so that the filters' actual response meets the targets at
   * the three match frequencies (a few Newton steps with the model's inverse as Jacobian).
   */
  designPath(c: Float64Array, o: number, m: number): void {
    // (frozen: every loss is 0, so the shelves come out flat and the gain is `scale`)
    const gain = this.gain;
    const db = this.db;
    let g = this.broadband * m;
    let lo = this.low * m;
    let hi = this.high * m;
    const t0 = this.target[0] * m;
    const t1 = this.target[1] * m;
    const t2 = this.target[2] * m;
    const v = this.hmInv;
    const a = this.invAt;
    let iter = 0;
    for (;;) {
      gain[0] = lo;
      gain[1] = hi;
      this.designShelves(c, o);
      this.responses(c, o);
      const e0 = t0 - g - db[0];
      const e1 = t1 - g - db[1];
      const e2 = t2 - g - db[2];
      // the next step (and the count) are worked out also when not taken: the code runs on
      // every call (a path the JIT has never seen would deoptimise it on the audio thread)
      const ng = g + (v[a] * e0 + v[a + 1] * e1 + v[a + 2] * e2);
      const nlo = lo + (v[a + 3] * e0 + v[a + 4] * e1 + v[a + 5] * e2);
      const nhi = hi + (v[a + 6] * e0 + v[a + 7] * e1 + v[a + 8] * e2);
      iter = iter + 1;
      if (iter === 4 || (Math.abs(e0) < 0.01 && Math.abs(e1) < 0.01 && Math.abs(e2) < 0.01)) break;
      g = ng;
      lo = nlo;
      hi = nhi;
    }
    const k = this.scale * Math.pow(10, g / 20);
    c[o] *= k;
    c[o + 1] *= k;
    c[o + 2] *= k;
  }

  /**
   * RBJ low shelf (gain[0] dB) at c[o..o+4] and RBJ high shelf (gain[1] dB) at c[o+5..o+9],
   * slope 1 (R. Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter coefficients";
   * the same formulas as shelf.ts, written out here so that nothing is boxed): A = 10^(dB/40),
   * alpha = sin(w0) / sqrt 2, 2 sqrt(A) alpha = sa.
   */
  private designShelves(c: Float64Array, o: number): void {
    const k = this.corner;
    let A = Math.pow(10, this.gain[0] / 40);
    let cs = k[0];
    let sa = 2 * Math.sqrt(A) * k[1];
    let ap = A + 1;
    let am = A - 1;
    let a0 = ap + am * cs + sa;
    c[o] = (A * (ap - am * cs + sa)) / a0;
    c[o + 1] = (2 * A * (am - ap * cs)) / a0;
    c[o + 2] = (A * (ap - am * cs - sa)) / a0;
    c[o + 3] = (-2 * (am + ap * cs)) / a0;
    c[o + 4] = (ap + am * cs - sa) / a0;
    A = Math.pow(10, this.gain[1] / 40);
    cs = k[2];
    sa = 2 * Math.sqrt(A) * k[3];
    ap = A + 1;
    am = A - 1;
    a0 = ap - am * cs + sa;
    c[o + 5] = (A * (ap + am * cs + sa)) / a0;
    c[o + 6] = (-2 * A * (am + ap * cs)) / a0;
    c[o + 7] = (A * (ap + am * cs - sa)) / a0;
    c[o + 8] = (2 * (am - ap * cs)) / a0;
    c[o + 9] = (ap - am * cs - sa) / a0;
  }

  /** dB response of the two shelves at c[o..o+9] at the three match frequencies, into db[0..2] */
  private responses(c: Float64Array, o: number): void {
    const t = this.trig;
    const db = this.db;
    for (let r = 0; r < 3; r++) {
      const c1 = t[r * 4], s1 = t[r * 4 + 1], c2 = t[r * 4 + 2], s2 = t[r * 4 + 3];
      let p = 1;
      for (let q = o; q <= o + 5; q += 5) {
        const nr = c[q] + c[q + 1] * c1 + c[q + 2] * c2;
        const ni = c[q + 1] * s1 + c[q + 2] * s2;
        const dr = 1 + c[q + 3] * c1 + c[q + 4] * c2;
        const di = c[q + 3] * s1 + c[q + 4] * s2;
        p *= (nr * nr + ni * ni) / (dr * dr + di * di);
      }
      db[r] = 10 * Math.log10(p);
    }
  }
}

/** 3x3 inverse (row-major), by cofactors. */
function invert3(m: Float64Array, out: Float64Array): void {
  const a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  out[0] = A / det;
  out[1] = -(b * i - c * h) / det;
  out[2] = (b * f - c * e) / det;
  out[3] = B / det;
  out[4] = (a * i - c * g) / det;
  out[5] = -(a * f - c * d) / det;
  out[6] = C / det;
  out[7] = -(a * h - b * g) / det;
  out[8] = (a * e - b * d) / det;
}

export interface DecayBands {
  lowHz: number;
  midHz: number;
  highHz: number;
  /** RT60 in seconds (Infinity while frozen) */
  low: number;
  mid: number;
  high: number;
}

/** The designed RT60 per band for the current parameters (for the GUI's decay picture). */
export function designedDecay(decay: number, damping: number, bassDecay: number, freeze = false): DecayBands {
  if (freeze) return { lowHz: DECAY_LOW_HZ, midHz: DECAY_MID_HZ, highHz: DECAY_HIGH_HZ, low: Infinity, mid: Infinity, high: Infinity };
  return { lowHz: DECAY_LOW_HZ, midHz: DECAY_MID_HZ, highHz: DECAY_HIGH_HZ, low: decay * bassDecay, mid: decay, high: decay * damping };
}

/**
 * RT60 (s) at each frequency in `freqs` of the filters the kernel actually runs, for a
 * reference path of 50 ms (the curve the GUI can draw between the band values).
 */
export function designedDecayAt(
  freqs: ArrayLike<number>,
  decay: number,
  damping: number,
  bassDecay: number,
  freeze = false,
  sampleRate = 48000,
  out: Float64Array = new Float64Array(freqs.length),
): Float64Array {
  if (freeze) return out.fill(Infinity);
  const d = new DecayDesign(sampleRate);
  d.set(decay, damping, bassDecay, false);
  const m = 0.05 * sampleRate;
  const c = new Float64Array(DECAY_FILTER_COEFS);
  d.scale = 1;
  d.designPath(c, 0, m);
  for (let k = 0; k < freqs.length; k++) {
    const f = freqs[k];
    const db = biquadDb(c, 0, f, sampleRate) + biquadDb(c, 5, f, sampleRate);
    out[k] = db < 0 ? (-60 * m) / (sampleRate * db) : Infinity;
  }
  return out;
}
