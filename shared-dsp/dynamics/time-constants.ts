/**
 * One-pole smoothing coefficient for a time constant tau (ms): y = a y + (1 - a) x with
 * a = exp(-1/(tau fs)) reaches 1 - 1/e = 63.2 % of a step after tau (Giannoulis et al.,
 * JAES 60(6) 2012, sec. 3; 10-90 % takes ln 9 tau = 2.2 tau).
 */
export function onePoleCoef(tauMs: number, sampleRate: number): number {
  if (!(tauMs > 0)) return 0;
  return Math.exp(-1000 / (tauMs * sampleRate));
}

/**
 * Program-dependent ("auto") release, a two-stage release in the manner of the dual
 * time-constant RC detectors of classic program compressors:
 *  - the fast stage is the normal detector (attack, release = the release setting);
 *  - a slow stage follows the static gain reduction, charging with AUTO_CHARGE_FACTOR x release
 *    and releasing with AUTO_SLOW_FACTOR x release;
 *  - the applied reduction is the larger of the two.
 * A short transient barely charges the slow stage, so it recovers at the set release; after
 * sustained compression the slow stage is charged and the release stretches towards
 * AUTO_SLOW_FACTOR x release, which avoids pumping on dense material.
 */
export const AUTO_CHARGE_FACTOR = 2;
export const AUTO_SLOW_FACTOR = 5;

/** Gain reduction below this (dB) is exactly 0: ends release tails (1e-7 dB < float32 epsilon). */
export const GR_FLUSH_DB = 1e-7;
