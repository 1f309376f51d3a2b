/**
 * Varnish EQ: how presets of older versions map onto the current parameters
 * (applied by shared-wam/migrations.ts, selected by the preset's pluginVersion).
 *
 * 0.0.1 -> 0.1.0
 * - the output trim was called `gain_out` (same dB range): now `output`;
 * - each band's width was stored as a bandwidth in octaves, `b<n>_bw`: now a Q, `b<n>_q`.
 *   For the analog band-pass/peaking prototype, 1/Q = 2 sinh(ln(2)/2 * BW), i.e.
 *   Q = 2^(BW/2) / (2^BW - 1) (R. Bristow-Johnson, "Cookbook formulae for audio EQ biquad
 *   filter coefficients", the BW <-> Q relation). 1 octave -> Q 1.414, 2 octaves -> Q 0.667.
 *   Out-of-range results are clamped by validation like any preset value.
 */
import type { MigrationStep } from '../../shared-wam/migrations.js';
import { BAND_COUNT } from './params.js';

/** Q of a bandwidth in octaves (RBJ cookbook); non-positive widths map to the widest Q range end */
export function octavesToQ(bw: number): number {
  if (!(bw > 0)) return 0.1;
  const g = 2 ** bw;
  return Math.sqrt(g) / (g - 1);
}

const bands = Array.from({ length: BAND_COUNT }, (_, i) => i + 1);

export const migrations: readonly MigrationStep[] = [
  {
    fromVersion: '0.0.1',
    toVersion: '0.1.0',
    note: 'gain_out -> output; band width in octaves (b<n>_bw) -> Q (b<n>_q)',
    rename: Object.fromEntries([['gain_out', 'output'], ...bands.map((n) => [`b${n}_bw`, `b${n}_q`])]),
    rescale: Object.fromEntries(bands.map((n) => [`b${n}_q`, octavesToQ])),
  },
];
