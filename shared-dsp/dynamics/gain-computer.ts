/**
 * Static gain computer of a feed-forward compressor, in dB.
 *
 * Giannoulis, Massberg & Reiss, "Digital Dynamic Range Compressor Design - A Tutorial and
 * Analysis", JAES 60(6), 2012, eq. (4) (quadratic soft knee of width W):
 *   x < T - W/2           -> y = x
 *   |x - T| <= W/2        -> y = x + (1/R - 1)(x - T + W/2)^2 / (2W)
 *   x > T + W/2           -> y = T + (x - T)/R
 * We work with the gain reduction GR = x - y >= 0 (dB), limited to `range` dB.
 * With W = 0 the quadratic branch is never taken (no 0/0 at x = T).
 */

/** The ratio control runs 1..21; the top value means infinity (a limiter). */
export const RATIO_MAX_FINITE = 20;
export const RATIO_INFINITE = 21;

/**
 * 1/R for the ratio control. Between 20 and 21 the inverse ratio falls linearly from 1/20 to 0,
 * so the control is continuous (a ramp from 20:1 to the limit passes 40:1, 80:1 ... on the way)
 * and 21 is exactly infinity:1.
 */
export function inverseRatio(r: number): number {
  if (r <= 1) return 1;
  if (r < RATIO_MAX_FINITE) return 1 / r;
  if (r >= RATIO_INFINITE) return 0;
  return (RATIO_INFINITE - r) / (RATIO_MAX_FINITE * (RATIO_INFINITE - RATIO_MAX_FINITE));
}

/** Ratio shown to a user: R, or Infinity at the top of the control. */
export function effectiveRatio(r: number): number {
  const inv = inverseRatio(r);
  return inv === 0 ? Infinity : 1 / inv;
}

/** Precomputed constants of the static curve; reduction() is the per-sample evaluation. */
export class GainCurve {
  thresholdDb = 0;
  /** knee start T - W/2 and end T + W/2 */
  lowDb = 0;
  highDb = 0;
  /** 1 - 1/R: the slope of the gain reduction above the knee */
  slope = 0;
  /** slope / (2W) (0 when W = 0): the quadratic knee coefficient */
  kneeCoef = 0;
  rangeDb = 0;

  set(thresholdDb: number, ratio: number, kneeDb: number, rangeDb: number): void {
    const w = kneeDb > 0 ? kneeDb : 0;
    this.thresholdDb = thresholdDb;
    this.slope = 1 - inverseRatio(ratio);
    this.lowDb = thresholdDb - 0.5 * w;
    this.highDb = thresholdDb + 0.5 * w;
    this.kneeCoef = w > 0 ? this.slope / (2 * w) : 0;
    this.rangeDb = rangeDb > 0 ? rangeDb : 0;
  }

  /** Gain reduction in dB (>= 0, <= range) for a detector level x in dB. */
  reduction(xDb: number): number {
    if (!(xDb > this.lowDb)) return 0;
    let gr: number;
    if (xDb < this.highDb) {
      const d = xDb - this.lowDb; // x - T + W/2
      gr = this.kneeCoef * d * d;
    } else {
      gr = this.slope * (xDb - this.thresholdDb);
    }
    return gr < this.rangeDb ? gr : this.rangeDb;
  }
}

/**
 * Auto make-up reference: the EBU R68 alignment level, where the average (RMS) level of
 * programme material usually sits. Auto make-up adds back the static curve's gain reduction at
 * this detector level, so a signal whose detector reads -18 dB leaves the compressor at the level
 * it came in (a loudness-neutral A/B for typical material; Giannoulis et al. 2012 compensate at
 * 0 dB instead, which makes heavily compressed settings much louder than the bypass).
 */
export const AUTO_MAKEUP_REFERENCE_DB = -18;

export function autoMakeupDb(curve: GainCurve): number {
  return curve.reduction(AUTO_MAKEUP_REFERENCE_DB);
}
