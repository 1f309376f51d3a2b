/**
 * The one place of preset validation (shared-wam/presets.ts): wrong plugin, wrong types and a
 * wrong format name are rejected with an Error naming the field; missing ids take defaults,
 * unknown ids are reported and ignored, out-of-range values are clamped; files over 64 KB are
 * refused; presets are data (prototype keys, HTML in names).
 */
import { describe, expect, it } from 'vitest';
import { ParamSet } from '../../shared-wam/params.js';
import {
  MAX_PRESET_BYTES,
  makePreset,
  parsePreset,
  presetFileName,
  presetToJson,
  shortId,
  utf8Length,
  validatePreset,
} from '../../shared-wam/presets.js';

const set = new ParamSet([
  { id: 'gain', label: 'Gain', type: 'float', min: -24, max: 24, default: 0, unit: 'dB' },
  { id: 'freq', label: 'Freq', type: 'float', min: 20, max: 20000, default: 1000, skew: 'log' },
  { id: 'on', label: 'On', type: 'boolean', default: 1 },
  { id: 'mode', label: 'Mode', type: 'choice', choices: ['a', 'b', 'c'], default: 1 },
]);
const ID = 'com.varnish.test';
const good = () => ({
  format: 'varnish-preset',
  version: 1,
  plugin: ID,
  pluginVersion: '0.1.0',
  name: 'Warm',
  author: 'me',
  tags: ['vocal', 'warm'],
  params: { gain: -3, mode: 2 } as Record<string, unknown>,
});

describe('validatePreset', () => {
  it('accepts a good preset; missing ids take their defaults', () => {
    const v = validatePreset(set, ID, good());
    expect(v.values).toEqual({ gain: -3, freq: 1000, on: 1, mode: 2 });
    expect(v.unknown).toEqual([]);
    expect(v.migrated).toEqual([]);
    expect(v.preset).toEqual({ ...good(), params: v.values });
  });

  it('clamps out-of-range values and rounds discrete ones', () => {
    const p = good();
    p.params = { gain: 99, freq: 1, mode: 7.4, on: true };
    expect(validatePreset(set, ID, p).values).toEqual({ gain: 24, freq: 20, on: 1, mode: 2 });
  });

  it('reports unknown ids and ignores them', () => {
    const p = good();
    p.params = { gain: 1, shimmer: 5, 'b9_q': 2 };
    const v = validatePreset(set, ID, p);
    expect(v.unknown).toEqual(['shimmer', 'b9_q']);
    expect(Object.keys(v.values)).toEqual(['gain', 'freq', 'on', 'mode']);
  });

  it.each([
    [null, /^preset: expected a JSON object/],
    [[], /^preset: expected a JSON object/],
    ['{"format":"varnish-preset"}', /^preset: expected a JSON object/],
    [{ ...good(), format: 'varnish-state' }, /^preset\.format: expected "varnish-preset"/],
    [{ ...good(), format: undefined }, /^preset\.format/],
    [{ ...good(), version: '1' }, /^preset\.version: expected a positive integer/],
    [{ ...good(), version: 1.5 }, /^preset\.version/],
    [{ ...good(), version: 2 }, /^preset\.version: 2 is newer/],
    [{ ...good(), plugin: 'com.varnish.eq' }, /^preset\.plugin: this preset is for "com\.varnish\.eq", not "com\.varnish\.test"/],
    [{ ...good(), plugin: 42 }, /^preset\.plugin: this preset is for another plugin/],
    [{ ...good(), name: 5 }, /^preset\.name: expected a string/],
    [{ ...good(), name: undefined }, /^preset\.name: expected a string/],
    [{ ...good(), name: 'x'.repeat(201) }, /^preset\.name: longer than 200/],
    [{ ...good(), author: {} }, /^preset\.author: expected a string/],
    [{ ...good(), pluginVersion: 1 }, /^preset\.pluginVersion: expected a string/],
    [{ ...good(), pluginVersion: 'latest' }, /^preset\.pluginVersion: expected a version/],
    [{ ...good(), tags: 'vocal' }, /^preset\.tags: expected an array/],
    [{ ...good(), tags: ['ok', 3] }, /^preset\.tags\[1\]: expected a string/],
    [{ ...good(), tags: Array(33).fill('t') }, /^preset\.tags: expected an array of at most 32/],
    [{ ...good(), params: [1, 2] }, /^preset\.params: expected an object/],
    [{ ...good(), params: null }, /^preset\.params: expected an object/],
    [{ ...good(), params: { gain: '3' } }, /^preset\.params\.gain: expected a finite number, got "3"/],
    [{ ...good(), params: { gain: null } }, /^preset\.params\.gain: expected a finite number, got null/],
    [{ ...good(), params: { mode: { valueOf: 2 } } }, /^preset\.params\.mode: expected a finite number/],
  ])('rejects %j, naming the field', (bad, message) => {
    expect(() => validatePreset(set, ID, bad)).toThrow(message);
  });

  it('a "__proto__" key is refused (top level or params), and pollutes nothing', () => {
    const top = '{"format":"varnish-preset","version":1,"plugin":"com.varnish.test","name":"p","__proto__":{"polluted":1},"params":{}}';
    expect(() => parsePreset(set, ID, top)).toThrow(/^preset\.__proto__: not allowed/);
    const inParams = '{"format":"varnish-preset","version":1,"plugin":"com.varnish.test","name":"p","params":{"__proto__":{"gain":12},"gain":-1}}';
    expect(() => parsePreset(set, ID, inParams)).toThrow(/^preset\.params\.__proto__: not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).gain).toBeUndefined();
  });

  it('other Object.prototype names are plain unknown ids', () => {
    const text = '{"format":"varnish-preset","version":1,"plugin":"com.varnish.test","name":"p",' +
      '"params":{"constructor":{"prototype":{"polluted":1}},"toString":3,"hasOwnProperty":1,"gain":-1}}';
    const v = parsePreset(set, ID, text);
    expect(v.values.gain).toBe(-1);
    expect(v.unknown.sort()).toEqual(['constructor', 'hasOwnProperty', 'toString']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(v.values)).toBe(Object.prototype);
    expect(Object.keys(v.preset)).toEqual(['format', 'version', 'plugin', 'pluginVersion', 'name', 'author', 'tags', 'params']);
  });

  it('a params record that only inherits an id does not set it', () => {
    const params = Object.create({ gain: 12 });
    expect(validatePreset(set, ID, { ...good(), params }).values.gain).toBe(0);
  });

  it('names are kept as text, never interpreted', () => {
    const name = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const v = validatePreset(set, ID, { ...good(), name, tags: ['<b>x</b>'] });
    expect(v.preset.name).toBe(name);
    expect(v.preset.tags).toEqual(['<b>x</b>']);
  });

  it('returns copies: changing the input afterwards changes nothing', () => {
    const p = good();
    const v = validatePreset(set, ID, p);
    p.tags.push('late');
    (p.params as Record<string, number>).gain = 9;
    expect(v.preset.tags).toEqual(['vocal', 'warm']);
    expect(v.values.gain).toBe(-3);
  });
});

describe('parsePreset', () => {
  it('rejects truncated JSON', () => {
    const text = JSON.stringify(good());
    for (const cut of [1, 10, text.length - 1]) expect(() => parsePreset(set, ID, text.slice(0, cut))).toThrow(/^preset: not valid JSON/);
  });

  it('refuses text over 64 KB before parsing (bytes, not characters)', () => {
    const big = JSON.stringify({ ...good(), author: 'a'.repeat(MAX_PRESET_BYTES) });
    expect(() => parsePreset(set, ID, big)).toThrow(/^preset: larger than 64 KB/);
    // 30 000 three-byte characters: 30 k characters but 90 KB of UTF-8
    const wide = JSON.stringify({ ...good(), author: '€'.repeat(30_000) });
    expect(wide.length).toBeLessThan(MAX_PRESET_BYTES);
    expect(() => parsePreset(set, ID, wide)).toThrow(/^preset: larger than 64 KB/);
    expect(utf8Length('a€😀')).toBe(1 + 3 + 4);
  });

  it('a file written by presetToJson reads back to the same values', () => {
    const p = makePreset(ID, '0.1.0', 'Round trip', { gain: -7.25, freq: 3210.5, on: 0, mode: 0 }, ['x']);
    const text = presetToJson(set, p);
    const v = parsePreset(set, ID, text);
    expect(v.values).toEqual(p.params);
    expect(v.preset.name).toBe('Round trip');
    // only the values that differ from the defaults are written
    expect(Object.keys(JSON.parse(text).params)).toEqual(['gain', 'freq', 'on', 'mode']);
    const d = makePreset(ID, '0.1.0', 'Default', set.defaults());
    expect(JSON.parse(presetToJson(set, d)).params).toEqual({});
  });
});

describe('names', () => {
  it('shortId takes Varnish identifiers only', () => {
    expect(shortId('com.varnish.eq')).toBe('eq');
    expect(() => shortId('com.other.eq')).toThrow();
    expect(() => shortId('com.varnish.__proto__')).toThrow();
  });

  it('export file names hold no path or markup characters', () => {
    expect(presetFileName('com.varnish.eq', 'Vocal Presence')).toBe('eq-vocal-presence.json');
    expect(presetFileName('com.varnish.eq', '../../<script>x</script>')).toBe('eq-scriptxscript.json');
    expect(presetFileName('com.varnish.eq', '///')).toBe('eq-preset.json');
  });
});
