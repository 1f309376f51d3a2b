/**
 * The loudness-target arithmetic of the limiter GUI (pure, no DOM).
 *
 * A target (targets.ts) is an integrated loudness in LUFS (ITU-R BS.1770 / EBU R128) and a
 * true-peak ceiling. The GUI compares a measured loudness (integrated, or short-term while the
 * integrated value is building up) with the target and offers the drive change that would
 * close the gap: loudness follows gain 1:1 while the limiter is idle (BS.1770 loudness is a
 * power measure, so +x dB of gain is +x LU); under limiting the real change is smaller, so the
 * user can apply again. The drive stays in its declared range.
 */
import { CUSTOM_TARGET, LIMITER_TARGETS, type LimiterTarget } from '../targets.js';

/** below the BS.1770 absolute gate (-70 LUFS) a reading is "no measurement" */
export const NO_MEASUREMENT_LUFS = -70;

export function targetAt(index: number): LimiterTarget {
  const i = Math.round(index);
  return LIMITER_TARGETS[i >= 0 && i < LIMITER_TARGETS.length ? i : CUSTOM_TARGET];
}

/** the ceiling a target choice sets (null: Custom leaves the ceiling alone) */
export function ceilingForTarget(index: number): number | null {
  return targetAt(index).ceiling;
}

/** a finite loudness reading above the absolute gate, else null */
export function reading(lufs: number): number | null {
  return Number.isFinite(lufs) && lufs > NO_MEASUREMENT_LUFS ? lufs : null;
}

/** measured minus target, LU (positive: louder than the target); null without both */
export function loudnessGap(measured: number, targetLufs: number | null): number | null {
  const m = reading(measured);
  return m === null || targetLufs === null ? null : m - targetLufs;
}

/** the drive (dB) that would reach the target: gain - gap, kept in [min, max] */
export function gainToReach(gain: number, gap: number, min = 0, max = 24): number {
  const g = gain - gap;
  return g < min ? min : g > max ? max : g;
}

/** peak-to-loudness ratio (EBU R128 s1 / AES: true peak max minus integrated loudness), LU */
export function plr(truePeakDb: number, integrated: number): number | null {
  const i = reading(integrated);
  return i === null || !Number.isFinite(truePeakDb) || truePeakDb <= -149 ? null : truePeakDb - i;
}

/** a loudness or level for the readouts: one decimal, "-inf" without a measurement */
export function formatDb(v: number | null, signed = false): string {
  if (v === null || !Number.isFinite(v) || v <= -149) return '-inf';
  const t = v.toFixed(1);
  const z = t === '-0.0' ? '0.0' : t;
  return signed && v >= 0.05 ? `+${z}` : z;
}
