/**
 * Migration: the EQ preset fixture saved by version 0.0.1 (test/fixtures/presets/eq-v0.json:
 * `gain_out`, band widths in octaves) loads through plugins/eq/migrations.ts; the mechanism
 * (shared-wam/migrations.ts) applies exactly the steps newer than a preset's pluginVersion;
 * the imager's monoFreq -> monoBelow rename (plugins/imager/migrations.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParamSet } from '../../shared-wam/params.js';
import { applicableSteps, compareVersions, isVersion, migrateParams, type MigrationStep } from '../../shared-wam/migrations.js';
import { parsePreset, validatePreset } from '../../shared-wam/presets.js';
import { decodePresetCode, encodePresetCode } from '../../shared-wam/share-code.js';
import { eqParams } from '../../plugins/eq/params.js';
import { migrations as eqMigrations, octavesToQ } from '../../plugins/eq/migrations.js';
import { imagerParams } from '../../plugins/imager/params.js';
import { migrations as imagerMigrations } from '../../plugins/imager/migrations.js';
import { repoRoot } from './helpers/plugins.js';

const fixture = readFileSync(join(repoRoot, 'test/fixtures/presets/eq-v0.json'), 'utf8');
const EQ = 'com.varnish.eq';

describe('versions', () => {
  it('compares dotted versions numerically', () => {
    expect(compareVersions('0.0.1', '0.1.0')).toBe(-1);
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1', '1.0.0')).toBe(0);
    expect(compareVersions('1.2.3-beta.1', '1.2.3')).toBe(0);
    expect(isVersion('1.2.3')).toBe(true);
    expect(isVersion('1.2.3; drop table')).toBe(false);
    expect(isVersion('')).toBe(false);
    expect(() => compareVersions('x', '1')).toThrow();
  });
});

describe('the migration mechanism', () => {
  const steps: MigrationStep[] = [
    { fromVersion: '0.5.0', toVersion: '1.0.0', rename: { level: 'gain' }, rescale: { gain: (v) => v * 2 } },
    { fromVersion: '0.1.0', toVersion: '0.5.0', rename: { vol: 'level' }, remove: ['legacy'] },
  ];

  it('applies the steps newer than the preset, oldest first', () => {
    expect(applicableSteps(steps, '0.1.0').map((s) => s.toVersion)).toEqual(['0.5.0', '1.0.0']);
    expect(applicableSteps(steps, '0.5.0').map((s) => s.toVersion)).toEqual(['1.0.0']);
    expect(applicableSteps(steps, '1.0.0')).toEqual([]);
    expect(applicableSteps(steps, '')).toEqual([]);
    const r = migrateParams({ vol: 3, legacy: 1, other: 7 }, '0.1.0', steps);
    expect({ ...(r.params as object) }).toEqual({ gain: 6, other: 7 });
    expect(r.applied).toEqual(['0.5.0', '1.0.0']);
    const r2 = migrateParams({ level: 3 }, '0.7.0', steps);
    expect({ ...(r2.params as object) }).toEqual({ gain: 6 });
  });

  it('never overwrites a present id, never rescales non-numbers, leaves non-objects to validation', () => {
    const r = migrateParams({ level: 3, gain: 1 }, '0.6.0', steps);
    expect({ ...(r.params as object) }).toEqual({ gain: 2 });
    const s = migrateParams({ level: 'loud' }, '0.6.0', steps);
    expect({ ...(s.params as object) }).toEqual({ gain: 'loud' });
    expect(migrateParams([1], '0.1.0', steps).params).toEqual([1]);
    expect(migrateParams(null, '0.1.0', steps).params).toBe(null);
  });

  it('prototype keys pass through as plain data', () => {
    const input = JSON.parse('{"__proto__":{"x":1},"vol":2}');
    const r = migrateParams(input, '0.1.0', steps);
    const out = r.params as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['__proto__', 'gain']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('a migrated value is validated like any other (bad results are rejected, not applied)', () => {
    const set = new ParamSet([{ id: 'gain', label: 'Gain', type: 'float', min: -10, max: 10, default: 0 }]);
    const bad: MigrationStep[] = [{ fromVersion: '0', toVersion: '1.0.0', rescale: { gain: () => NaN } }];
    const preset = { format: 'varnish-preset', version: 1, plugin: 'com.varnish.t', pluginVersion: '0.9.0', name: 'x', params: { gain: 100 } };
    expect(() => validatePreset(set, 'com.varnish.t', preset, { migrations: bad })).toThrow(/^preset\.params\.gain: expected a finite number/);
    expect(validatePreset(set, 'com.varnish.t', preset).values.gain).toBe(10);
  });
});

describe('EQ 0.0.1 fixture', () => {
  it('bandwidth in octaves -> Q follows the RBJ cookbook relation', () => {
    // 1/Q = 2 sinh(ln2/2 * BW)
    for (const bw of [0.1, 0.5, 1, 2, 3]) expect(1 / octavesToQ(bw)).toBeCloseTo(2 * Math.sinh((Math.LN2 / 2) * bw), 12);
    expect(octavesToQ(1)).toBeCloseTo(Math.SQRT2, 12);
    expect(octavesToQ(2)).toBeCloseTo(2 / 3, 12);
  });

  it('loads through the declared table: gain_out -> output, b<n>_bw -> b<n>_q', () => {
    const v = parsePreset(eqParams, EQ, fixture, { migrations: eqMigrations });
    expect(v.migrated).toEqual(['0.1.0']);
    expect(v.unknown).toEqual([]);
    expect(v.values.output).toBe(-1.5);
    expect(v.values.b3_q).toBeCloseTo(Math.SQRT2, 12);
    expect(v.values.b6_q).toBeCloseTo(2 / 3, 12);
    expect(v.values.b3_gain).toBe(-3);
    expect(v.values.b6_freq).toBe(4000);
    expect(v.values.b1_type).toBe(3);
    // untouched bands keep their defaults
    expect(v.values.b5_q).toBe(eqParams.get('b5_q').default);
    expect(v.preset.name).toBe('Vocal Warmth');
  });

  it('without the table the old ids are reported unknown (nothing silently misread)', () => {
    const v = parsePreset(eqParams, EQ, fixture);
    expect(v.unknown.sort()).toEqual(['b3_bw', 'b6_bw', 'gain_out']);
    expect(v.values.output).toBe(0);
  });

  it('a current preset is not migrated, even if it holds a b<n>_q', () => {
    const now = JSON.parse(fixture);
    now.pluginVersion = '0.1.0';
    now.params = { b3_q: 1, output: 2 };
    const v = validatePreset(eqParams, EQ, now, { migrations: eqMigrations });
    expect(v.migrated).toEqual([]);
    expect(v.values.b3_q).toBe(1);
  });

  it('an old preset shared as a code migrates the same way', async () => {
    const old = JSON.parse(fixture);
    // a code made by 0.0.1 (by hand here: its ids are not declared any more)
    const { packShareCode } = await import('../../shared-wam/share-code.js');
    const code = await packShareCode('eq', { name: old.name, pluginVersion: '0.0.1', params: old.params });
    const v = await decodePresetCode(eqParams, EQ, code, { migrations: eqMigrations });
    expect(v.values.output).toBe(-1.5);
    expect(v.values.b3_q).toBeCloseTo(Math.SQRT2, 5);
    // and re-encoding writes the current layout with the current version
    const again = await decodePresetCode(eqParams, EQ, await encodePresetCode(eqParams, { ...v.preset, pluginVersion: '0.1.0' }), { migrations: eqMigrations });
    expect(again.migrated).toEqual([]);
    expect(again.values.b3_q).toBeCloseTo(Math.SQRT2, 5);
  });
});

describe('Imager 0.1.0 -> 0.1.1', () => {
  const IMAGER = 'com.varnish.imager';
  const old = { format: 'varnish-preset', version: 1, plugin: IMAGER, pluginVersion: '0.1.0', name: 'Old Bass Mono', params: { monoOn: 1, monoFreq: 90, width: 120 } };

  it('monoFreq becomes monoBelow, the id the specification names', () => {
    const v = validatePreset(imagerParams, IMAGER, old, { migrations: imagerMigrations });
    expect(v.migrated).toEqual(['0.1.1']);
    expect(v.unknown).toEqual([]);
    expect(v.values.monoBelow).toBe(90);
    expect(v.values.monoOn).toBe(1);
    expect(v.values.width).toBe(120);
  });

  it('without the table the old id is reported unknown and the corner keeps its default', () => {
    const v = validatePreset(imagerParams, IMAGER, old);
    expect(v.unknown).toEqual(['monoFreq']);
    expect(v.values.monoBelow).toBe(imagerParams.get('monoBelow').default);
  });

  it('a 0.1.1 preset is not migrated', () => {
    const v = validatePreset(imagerParams, IMAGER, { ...old, pluginVersion: '0.1.1', params: { monoBelow: 200 } }, { migrations: imagerMigrations });
    expect(v.migrated).toEqual([]);
    expect(v.values.monoBelow).toBe(200);
  });
});
