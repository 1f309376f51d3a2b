/**
 * Chain presets (shared-wam/chain.ts): an ordered list of plugins with their presets, validated
 * entry by entry with each plugin's own rules and migrations, with `vrn1.chain.` share codes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainToJson, decodeChainCode, encodeChainCode, makeChain, parseChain, schemaFromWamInfo, schemaLookup, validateChain, type PluginSchema } from '../../shared-wam/chain.js';
import { makePreset } from '../../shared-wam/presets.js';
import { packShareCode } from '../../shared-wam/share-code.js';
import { migrations as eqMigrations } from '../../plugins/eq/migrations.js';
import { loadPluginDsp, pluginIdsWithDsp, repoRoot } from './helpers/plugins.js';

async function allSchemas() {
  const m = new Map<string, PluginSchema>();
  for (const id of pluginIdsWithDsp()) {
    const { params } = await loadPluginDsp(id);
    m.set(`com.varnish.${id}`, { params, migrations: id === 'eq' ? eqMigrations : [] });
  }
  return m;
}

/** one entry per plugin, each with its first non-boolean parameter moved to 3/4 of its range */
async function sampleChain() {
  const schemas = await allSchemas();
  const entries = [...schemas].map(([identifier, s]) => {
    const p = s.params.list.find((d) => d.type === 'float') ?? s.params.list[0];
    const v = s.params.clamp(p.id, p.min + 0.75 * (p.max - p.min));
    return { plugin: identifier, preset: makePreset(identifier, '0.1.0', `${identifier} part`, { ...s.params.defaults(), [p.id]: v }), moved: { id: p.id, v } };
  });
  return { schemas, lookup: schemaLookup(schemas), entries, chain: makeChain('Master <chain>', entries.map(({ plugin, preset }) => ({ plugin, preset }))) };
}

describe('chain presets', () => {
  it('validate in order, file round trip', async () => {
    const { lookup, entries, chain } = await sampleChain();
    const v = parseChain(chainToJson(chain), lookup);
    expect(v.chain.name).toBe('Master <chain>');
    expect(v.entries.map((e) => e.plugin)).toEqual(entries.map((e) => e.plugin));
    v.entries.forEach((e, i) => expect(e.preset.values[entries[i].moved.id]).toBe(entries[i].moved.v));
    expect(v.unknown).toEqual([]);
  });

  it('share code round trip: vrn1.chain.…', async () => {
    const { lookup, entries, chain } = await sampleChain();
    const code = await encodeChainCode(chain, lookup);
    expect(code).toMatch(/^vrn1\.chain\.[A-Za-z0-9_-]+$/);
    console.log(`chain of ${entries.length} plugin(s), one change each: ${code.length} characters`);
    const v = await decodeChainCode(code, lookup);
    expect(v.chain.name).toBe(chain.name);
    v.entries.forEach((e, i) => {
      expect(e.plugin).toBe(entries[i].plugin);
      expect(e.preset.values[entries[i].moved.id]).toBeCloseTo(entries[i].moved.v, 4);
    });
  });

  it('a plugin may appear more than once; an empty chain is valid', async () => {
    const { lookup } = await sampleChain();
    const eq = makePreset('com.varnish.eq', '0.1.0', 'a', {});
    const v = validateChain(makeChain('two eqs', [{ plugin: eq.plugin, preset: eq }, { plugin: eq.plugin, preset: { ...eq, name: 'b' } }]), lookup);
    expect(v.entries.map((e) => e.preset.preset.name)).toEqual(['a', 'b']);
    expect(validateChain(makeChain('empty', []), lookup).entries).toEqual([]);
  });

  it('entries from an older plugin version migrate', async () => {
    const { lookup } = await sampleChain();
    const old = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/presets/eq-v0.json'), 'utf8'));
    const v = validateChain({ format: 'varnish-chain', version: 1, name: 'old', plugins: [{ plugin: 'com.varnish.eq', preset: old }] }, lookup);
    expect(v.entries[0].preset.values.output).toBe(-1.5);
    expect(v.entries[0].preset.migrated).toEqual(['0.1.0']);
  });

  it.each([
    [null, /^chain: expected a JSON object/],
    [{ format: 'varnish-preset', version: 1, name: 'x', plugins: [] }, /^chain\.format: expected "varnish-chain"/],
    [{ format: 'varnish-chain', version: 0, name: 'x', plugins: [] }, /^chain\.version/],
    [{ format: 'varnish-chain', version: 2, name: 'x', plugins: [] }, /^chain\.version: 2 is newer/],
    [{ format: 'varnish-chain', version: 1, name: 3, plugins: [] }, /^chain\.name: expected a string/],
    [{ format: 'varnish-chain', version: 1, name: 'x', plugins: {} }, /^chain\.plugins: expected an array/],
    [{ format: 'varnish-chain', version: 1, name: 'x', plugins: Array(33).fill(null) }, /^chain\.plugins: more than 32/],
    [{ format: 'varnish-chain', version: 1, name: 'x', plugins: [5] }, /^chain\.plugins\[0\]: expected an object/],
    [{ format: 'varnish-chain', version: 1, name: 'x', plugins: [{ plugin: 'com.other.fx', preset: {} }] }, /^chain\.plugins\[0\]\.plugin: unknown plugin "com\.other\.fx"/],
    [{ format: 'varnish-chain', version: 1, name: 'x', plugins: [{ plugin: 'com.varnish.__proto__', preset: {} }] }, /^chain\.plugins\[0\]\.plugin: unknown plugin/],
    [{ format: 'varnish-chain', version: 1, name: 'x', plugins: [{ plugin: 'com.varnish.eq' }] }, /^chain\.plugins\[0\]\.preset: expected a JSON object/],
  ])('rejects %j, naming the field', async (bad, message) => {
    const { lookup } = await sampleChain();
    expect(() => validateChain(bad, lookup)).toThrow(message);
  });

  it("an entry whose preset is another plugin's is rejected with its index", async () => {
    const { lookup } = await sampleChain();
    const eq = makePreset('com.varnish.eq', '0.1.0', 'a', {});
    const bad = makeChain('x', [{ plugin: 'com.varnish.eq', preset: eq }, { plugin: 'com.varnish.eq', preset: { ...eq, plugin: 'com.varnish.limiter' } }]);
    expect(() => validateChain(bad, lookup)).toThrow(/^chain\.plugins\[1\]\.preset\.plugin: this preset is for "com\.varnish\.limiter"/);
    const badValue = makeChain('x', [{ plugin: 'com.varnish.eq', preset: { ...eq, params: { output: 'up' } as never } }]);
    expect(() => validateChain(badValue, lookup)).toThrow(/^chain\.plugins\[0\]\.preset\.params\.output: expected a finite number/);
  });

  it('malformed chain text and codes are rejected', async () => {
    const { lookup, chain } = await sampleChain();
    const text = chainToJson(chain);
    expect(() => parseChain(text.slice(0, text.length - 5), lookup)).toThrow(/^chain: not valid JSON/);
    expect(() => parseChain(' '.repeat(300 * 1024), lookup)).toThrow(/^chain: larger than 256 KB/);
    const code = await encodeChainCode(chain, lookup);
    await expect(decodeChainCode(code.slice(0, code.length - 4), lookup)).rejects.toThrow(/^share code/);
    await expect(decodeChainCode(await packShareCode('eq', { name: 'x', params: {} }), lookup)).rejects.toThrow(/not a chain/);
    await expect(decodeChainCode(await packShareCode('chain', { name: 'x', plugins: [{ plugin: 'nope', preset: { name: 'p', params: {} } }] }), lookup)).rejects.toThrow(
      /^chain\.plugins\[0\]\.plugin: unknown plugin "com\.varnish\.nope"/,
    );
    await expect(decodeChainCode(await packShareCode('chain', { name: 'x', plugins: [{ plugin: 'eq', preset: 3 }] }), lookup)).rejects.toThrow(/^chain\.plugins\[0\]\.preset/);
    const proto = JSON.parse('{"name":"p","plugins":[{"plugin":"eq","preset":{"name":"q","params":{"__proto__":{"output":5}}}}]}');
    await expect(decodeChainCode(await packShareCode('chain', proto), lookup)).rejects.toThrow(/^chain\.plugins\[0\]\.preset\.params\.__proto__: not allowed/);
  });

  it('a host without the plugins\' code validates from getParameterInfo alone', async () => {
    const { schemas, chain } = await sampleChain();
    const fromInfo = new Map([...schemas].map(([k, v]) => [k, schemaFromWamInfo(v.params.wamInfo())]));
    const a = validateChain(chain, schemaLookup(schemas));
    const b = validateChain(chain, schemaLookup(fromInfo));
    expect(b.entries.map((e) => e.preset.values)).toEqual(a.entries.map((e) => e.preset.values));
    const code = await encodeChainCode(chain, schemaLookup(fromInfo));
    expect((await decodeChainCode(code, schemaLookup(schemas))).entries.length).toBe(a.entries.length);
  });
});
