/**
 * Varnish Imager: how presets of older versions map onto the current parameters
 * (applied by shared-wam/migrations.ts, selected by the preset's pluginVersion).
 *
 * 0.1.0 -> 0.1.1
 * - the bass-mono corner was called `monoFreq` (same Hz range): now `monoBelow`, the id the
 *   imager's specification names. `monoOn` still switches it.
 */
import type { MigrationStep } from '../../shared-wam/migrations.js';

export const migrations: readonly MigrationStep[] = [
  {
    fromVersion: '0.1.0',
    toVersion: '0.1.1',
    note: 'monoFreq -> monoBelow',
    rename: { monoFreq: 'monoBelow' },
  },
];
