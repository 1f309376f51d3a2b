/**
 * Timing of the lookahead limiter: how the lookahead, the true-peak detector's span and the
 * hold become the lengths of the delay line, the attack ramp and the sliding minimum.
 *
 * Streams are indexed by the input step m (the step at which x[m] arrives). At step m the
 * detector yields the peak p[m]: with true peak on, the 4x-interpolated maximum between x[m-6]
 * and x[m-5] (TruePeakDetector.push, ITU-R BS.1770-5 Annex 2), which the interpolator computes
 * from x[m-11..m], together with |x[m]|. The required gain q[m] = min(1, ceiling / p[m]) must
 * therefore hold for every audio sample x[m-11..m] (SPAN = 11 samples before m).
 *
 * Gain path (after F. Adriaensen's lookahead limiter ideas in x42-dpl: sliding minimum of the
 * required gain, then smoothing that reaches it just as the peak leaves the delay line):
 *   M[n] = min(q[n-H+1..n])                   sliding minimum over H steps
 *   G[n] = mean(M[n-L+1..n])                  box average over L steps (the attack ramp)
 * G[n] <= q[i] whenever every term of the mean is <= q[i], i.e. for n in [i+L-1, i+H-1].
 * The audio sample x[j] leaves the delay line at step j + D. Every sample x[i-11..i] must leave
 * inside that interval: i - 11 + D >= i + L - 1 and i + D <= i + H - 1, so
 *   D = L - 1 + SPAN   (latency)        H >= D + 1 = L + SPAN.
 * Any extra length of H holds the gain down after the peak has passed (HOLD, below). With true
 * peak off, p[m] = |x[m]| and x[m] leaves at m + D, inside the same interval.
 */

/** samples before the detection step that a required gain must cover: the interpolator's 12 taps per phase, minus one */
export const DETECTOR_SPAN = 11;
/** longest hold, ms: covers a half period down to 25 Hz so low sines see a steady gain */
export const MAX_HOLD_MS = 20;
/** the hold is this fraction of the release time (a fast release asks for a fast recovery) */
export const HOLD_PER_RELEASE = 0.5;
export const MIN_LOOKAHEAD_MS = 0.5;
export const MAX_LOOKAHEAD_MS = 10;
/** longest release the kernel sizes for, ms (auto release may stretch it, see gain-chain.ts) */
export const MAX_RELEASE_MS = 1000;

/** L: attack ramp (box) length in samples, at least 1 */
export function lookaheadSamples(ms: number, sampleRate: number): number {
  const clamped = ms < MIN_LOOKAHEAD_MS ? MIN_LOOKAHEAD_MS : ms > MAX_LOOKAHEAD_MS ? MAX_LOOKAHEAD_MS : ms;
  return Math.max(1, Math.round((clamped * sampleRate) / 1000));
}

/** D: audio delay = reported latency, samples */
export function delayFor(boxLength: number): number {
  return boxLength - 1 + DETECTOR_SPAN;
}

/** hold in samples for a release time */
export function holdSamples(releaseMs: number, sampleRate: number): number {
  let ms = releaseMs * HOLD_PER_RELEASE;
  if (ms > MAX_HOLD_MS) ms = MAX_HOLD_MS;
  if (!(ms > 0)) ms = 0;
  return Math.round((ms * sampleRate) / 1000);
}

/** H: sliding-minimum window for a box length and a hold */
export function windowFor(boxLength: number, hold: number): number {
  return boxLength + DETECTOR_SPAN + hold;
}

/** one-pole coefficient for time constant tau (time to 63 %): a = exp(-1 / (tau fs)) */
export function onePole(ms: number, sampleRate: number): number {
  return ms > 0 ? Math.exp(-1000 / (ms * sampleRate)) : 0;
}
