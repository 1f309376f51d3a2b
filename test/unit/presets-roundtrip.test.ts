/**
 * For every plugin: a preset with values all over the declared ranges round-trips through the
 * file format, the share code and the WAM state shape (getState/setState validate with
 * validateState); and a bad preset leaves the values of a running "host" untouched.
 * (The browser suite test/browser/presets.spec.ts does the same through the real WAM nodes.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParamSet } from '../../shared-wam/params.js';
import { makePreset, parsePreset, presetToJson } from '../../shared-wam/presets.js';
import { decodePresetCode, encodePresetCode, shareRound } from '../../shared-wam/share-code.js';
import { makeState, validateState } from '../../shared-wam/state.js';
import type { MigrationStep } from '../../shared-wam/migrations.js';
import { loadPluginDsp, pluginIdsWithDsp, repoRoot, rng } from './helpers/plugins.js';

async function migrationsOf(id: string): Promise<readonly MigrationStep[]> {
  const file = join(repoRoot, 'plugins', id, 'migrations.ts');
  return existsSync(file) ? (await import(file)).migrations : [];
}

function randomValues(params: ParamSet, seed: number): Record<string, number> {
  const r = rng(seed);
  const out: Record<string, number> = {};
  for (const p of params.list) {
    const x = p.min + r() * (p.max - p.min);
    out[p.id] = p.type === 'float' ? x : Math.round(x);
  }
  return out;
}

describe.each(pluginIdsWithDsp())('preset round trips: %s', (id) => {
  const identifier = `com.varnish.${id}`;

  it('file: presetToJson -> parsePreset gives the same values, name and tags', async () => {
    const { params } = await loadPluginDsp(id);
    const migrations = await migrationsOf(id);
    for (const seed of [1, 2, 3]) {
      const values = randomValues(params, seed);
      const p = makePreset(identifier, '0.1.0', `Random ${seed} <b>&amp;</b>`, values, ['test', 'random']);
      const v = parsePreset(params, identifier, presetToJson(params, p), { migrations });
      expect(v.values).toEqual(values);
      expect(v.preset.name).toBe(p.name);
      expect(v.preset.tags).toEqual(['test', 'random']);
      expect(v.unknown).toEqual([]);
    }
  });

  it('share code: encode -> decode gives the values to 6 significant digits', async () => {
    const { params } = await loadPluginDsp(id);
    const migrations = await migrationsOf(id);
    const values = randomValues(params, 7);
    const p = makePreset(identifier, '0.1.0', 'Coded', values);
    const code = await encodePresetCode(params, p);
    expect(code.startsWith(`vrn1.${id}.`)).toBe(true);
    const v = await decodePresetCode(params, identifier, code, { migrations });
    for (const d of params.list) expect(v.values[d.id], d.id).toBe(params.clamp(d.id, shareRound(values[d.id])));
    // a second trip is exact
    const again = await decodePresetCode(params, identifier, await encodePresetCode(params, v.preset), { migrations });
    expect(again.values).toEqual(v.values);
  });

  it('state: a preset applied as WAM state and read back is the same preset', async () => {
    const { params } = await loadPluginDsp(id);
    const values = randomValues(params, 11);
    const p = makePreset(identifier, '0.1.0', 'State', values);
    const state = makeState(identifier, parsePreset(params, identifier, presetToJson(params, p)).values);
    const back = validateState(params, identifier, JSON.parse(JSON.stringify(state)));
    expect(back.values).toEqual(values);
    const p2 = makePreset(identifier, '0.1.0', 'State', back.values);
    expect(parsePreset(params, identifier, presetToJson(params, p2)).values).toEqual(values);
  });

  it('malformed presets throw before anything could be applied', async () => {
    const { params } = await loadPluginDsp(id);
    const host = { ...params.defaults() };
    const apply = (text: string) => Object.assign(host, parsePreset(params, identifier, text).values);
    const good = presetToJson(params, makePreset(identifier, '0.1.0', 'Good', randomValues(params, 5)));
    const first = params.list[0].id;
    const bad = [
      good.slice(0, good.length / 2),
      good.replace(identifier, 'com.varnish.other'),
      good.replace('"varnish-preset"', '"varnish-chain"'),
      JSON.stringify({ ...JSON.parse(good), params: { [first]: 'x' } }),
      JSON.stringify({ ...JSON.parse(good), name: 'x'.repeat(70_000) }),
    ];
    for (const text of bad) expect(() => apply(text)).toThrow();
    expect(host).toEqual(params.defaults());
  });
});

describe.each(pluginIdsWithDsp().filter((id) => existsSync(join(repoRoot, 'plugins', id, 'presets'))))('factory preset ranges: %s', (id) => {
  it('no factory preset holds a value that validation has to clamp', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { params } = await loadPluginDsp(id);
    const dir = join(repoRoot, 'plugins', id, 'presets');
    const clamped: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')).params as Record<string, number>;
      for (const k of Object.keys(raw)) if (params.has(k) && params.clamp(k, raw[k]) !== raw[k]) clamped.push(`${f}: ${k} ${raw[k]} -> ${params.clamp(k, raw[k])}`);
    }
    expect(clamped).toEqual([]);
  });
});
