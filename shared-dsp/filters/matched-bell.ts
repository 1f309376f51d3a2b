/**
 * Matched peaking (bell) band: analog prototype H(s) = (s^2 + s A/Q + 1)/(s^2 + s/(AQ) + 1),
 * A = 10^(dB/40), matched without prewarping (no cramping near Nyquist).
 * Boost: poles of the analog filter (natural frequency w0, pole Q = A Q) by impulse
 * invariance; numerator by magnitude matching at DC (1), at f0 (A^2 exactly) and halfway from
 * f0 to Nyquist (M. Vicanek, "Matched Second Order Digital Filters", 2016; see
 * magnitude-match.ts). Cut: the reciprocal of the matched boost of the same |dB| (poles and
 * zeros swapped), since the analog cut is exactly the reciprocal of the analog boost and a
 * match solved directly for a cut is less accurate (shared/notes/dsp-references.md).
 * Fallback, only where matching is unattainable: the bilinear transform prewarped at f0
 * (R. Bristow-Johnson's cookbook peaking EQ), which is stable and minimum phase by construction.
 */
import { bellMagnitude } from './analog-prototypes.js';
import { pushMatchedSection } from './magnitude-match.js';
import { pushSection, D_COUNT } from './filter-design.js';
import { invertSection } from './svf-section.js';

/** Append a bell section. w0 = 2 pi f0 / fs in (0, pi), already clamped by the caller. */
export function pushMatchedBell(d: Float64Array, w0: number, db: number, q: number): void {
  const A = Math.pow(10, Math.abs(db) / 40);
  const i = d[D_COUNT];
  const wb = 0.5 * (w0 + Math.PI);
  const tb = bellMagnitude(wb / w0, A, q);
  if (!pushMatchedSection(d, w0, A * q, 1, w0, A * A * A * A, wb, tb * tb)) {
    // bilinear, prewarped: g = tan(w0/2), denominator s^2 + s/(AQ) + 1, numerator s^2 + s A/Q + 1
    pushSection(d, Math.tan(0.5 * w0), 1 / (A * q), 1, A / q, 1);
  }
  if (db < 0) invertSection(d, i);
}
