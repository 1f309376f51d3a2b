/**
 * Word-length reduction of the limiter's output with TPDF dither, optionally noise-shaped.
 *
 * TPDF (Vanderkooy & Lipshitz, "Dither in Digital Audio", JAES 35(12) 1987; Wannamaker,
 * Lipshitz, Vanderkooy, "A Theory of Nonsubtractive Dither", IEEE Trans. SP 48(2) 2000):
 * the difference of two independent uniform values, triangular on (-1, 1) LSB, added before
 * rounding to the grid. It makes the first two moments of the total error independent of the
 * signal; the total error is white with variance LSB^2/12 (rounding) + LSB^2/6 (dither)
 * = LSB^2/4, i.e. RMS LSB/2.
 *
 * Noise shaping (error feedback): with e[n] = q[n] - v[n] the total error of the quantiser
 * input v[n] = u[n] - sum_k h_k e[n-k], the output error is E(z) (1 - sum_k h_k z^-k).
 * h = [1.623, -0.982, 0.109], the 3-coefficient E-weighted design of Lipshitz, Vanderkooy and
 * Wannamaker, "Minimally Audible Noise Shaping", JAES 39(11) 1991 (for 44.1 kHz): its error
 * response is -12 dB at DC, about -19 dB near 4 kHz where hearing is most sensitive, and
 * +11 dB at Nyquist (total noise power +6.6 dB). At 48 kHz the same filter puts its minimum at
 * about 4.1 kHz. The fed-back error is bounded (E_LIMIT) so that clamping at the ceiling
 * cannot make the loop run away.
 *
 * Output values are integers times 2^-(bits-1), exactly representable in float32, and never
 * beyond +-gridMax (the largest grid value inside the ceiling). PRNG: xorshift32 (Marsaglia,
 * "Xorshift RNGs", J. Stat. Software 8(14) 2003), seeded per channel, so renders repeat exactly.
 */

export const DITHER_OFF = 0;
export const DITHER_TPDF_24 = 1;
export const DITHER_TPDF_16 = 2;
export const DITHER_SHAPED_16 = 3;

/** E-weighted error-feedback coefficients (Lipshitz, Vanderkooy, Wannamaker 1991) */
export const SHAPER_COEFFS = [1.623, -0.982, 0.109] as const;
/** bound of the fed-back error in LSB (normally |e| <= 1.5: 0.5 rounding + 1 dither) */
const E_LIMIT = 2;
const U32 = 1 / 4294967296;

/** bits of the output word for a dither mode (0: no quantisation) */
export function ditherBits(mode: number): number {
  return mode === DITHER_TPDF_24 ? 24 : mode === DITHER_TPDF_16 || mode === DITHER_SHAPED_16 ? 16 : 0;
}

/**
 * Largest excursion in LSB of the quantised output above its input, used by the limiter to keep
 * clear of the ceiling: rounding 0.5 + TPDF 1, times the error filter's |1| + sum|h_k| when shaped.
 */
export function ditherHeadroomLsb(mode: number): number {
  if (mode === DITHER_OFF) return 0;
  if (mode === DITHER_SHAPED_16) return 1.5 * (1 + SHAPER_COEFFS[0] - SHAPER_COEFFS[1] + SHAPER_COEFFS[2]);
  return 1.5;
}

export class Dither {
  private mode = DITHER_OFF;
  /** grid steps per unit: 2^(bits-1) */
  private steps = 1;
  private invSteps = 1;
  private state = 1;
  private readonly seed: number;
  private e1 = 0;
  private e2 = 0;
  private e3 = 0;

  constructor(seed: number) {
    this.seed = seed >>> 0 || 1;
    this.state = this.seed;
  }

  reset(): void {
    this.state = this.seed;
    this.e1 = this.e2 = this.e3 = 0;
  }

  setMode(mode: number): void {
    if (mode === this.mode) return;
    this.mode = mode;
    const bits = ditherBits(mode);
    this.steps = bits > 0 ? 2 ** (bits - 1) : 1;
    this.invSteps = 1 / this.steps;
    this.e1 = this.e2 = this.e3 = 0;
  }

  get active(): boolean {
    return this.mode !== DITHER_OFF;
  }

  /** LSB of the current word length (1 when off) */
  get lsb(): number {
    return this.invSteps;
  }

  /** largest grid value not above limit */
  gridBelow(limit: number): number {
    return Math.floor(limit * this.steps) * this.invSteps;
  }

  /** uniform in [0, 1) from xorshift32 */
  private uniform(): number {
    let s = this.state;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.state = s;
    return (s >>> 0) * U32;
  }

  /** quantise x to the grid with TPDF dither (and noise shaping), within +-gridMax (a grid value) */
  process(x: number, gridMax: number): number {
    const steps = this.steps;
    const top = gridMax * steps;
    let u = x * steps;
    if (this.mode === DITHER_SHAPED_16) {
      u -= SHAPER_COEFFS[0] * this.e1 + SHAPER_COEFFS[1] * this.e2 + SHAPER_COEFFS[2] * this.e3;
    }
    const d = this.uniform() - this.uniform();
    let q = Math.floor(u + d + 0.5);
    if (q > top) q = top;
    else if (q < -top) q = -top;
    if (this.mode === DITHER_SHAPED_16) {
      let e = q - u;
      if (e > E_LIMIT) e = E_LIMIT;
      else if (e < -E_LIMIT) e = -E_LIMIT;
      this.e3 = this.e2;
      this.e2 = this.e1;
      this.e1 = e;
    }
    return q * this.invSteps;
  }
}
