/**
 * Share codes (shared-wam/share-code.ts): `vrn1.<id>.<base64url(deflate-raw(JSON))>`, URL-safe,
 * short (a short EQ preset under 300 characters), and decoded with bounds and the same
 * validation as a file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePreset, parsePreset } from '../../shared-wam/presets.js';
import {
  base64UrlDecode,
  base64UrlEncode,
  decodePresetCode,
  deflateRaw,
  encodePresetCode,
  inflateRaw,
  packShareCode,
  unpackShareCode,
} from '../../shared-wam/share-code.js';
import { eqParams } from '../../plugins/eq/params.js';
import { repoRoot } from './helpers/plugins.js';

const EQ = 'com.varnish.eq';
const URL_SAFE = /^vrn1\.eq\.[A-Za-z0-9_-]+$/;

describe('base64url (RFC 4648 §5)', () => {
  it('matches the RFC test vectors, without padding', () => {
    const enc = (s: string) => base64UrlEncode(new TextEncoder().encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual(['', 'Zg', 'Zm8', 'Zm9v', 'Zm9vYg', 'Zm9vYmE', 'Zm9vYmFy']);
    // the two characters that differ from base64
    expect(base64UrlEncode(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect([...base64UrlDecode('-_8')]).toEqual([0xfb, 0xff]);
  });

  it('round-trips every byte value and rejects non-alphabet text', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...base64UrlDecode(base64UrlEncode(all))]).toEqual([...all]);
    expect(() => base64UrlDecode('ab+c')).toThrow(/base64url/);
    expect(() => base64UrlDecode('abcde')).toThrow(/base64url/);
  });
});

describe('deflate-raw', () => {
  it('round-trips and compresses repetitive JSON', async () => {
    const text = new TextEncoder().encode(JSON.stringify({ a: Array(200).fill('b3_gain') }));
    const z = await deflateRaw(text);
    expect(z.length).toBeLessThan(text.length / 10);
    expect(new TextDecoder().decode(await inflateRaw(z, 1 << 20))).toBe(new TextDecoder().decode(text));
  });

  it('refuses to inflate beyond the cap (a small code cannot expand into a huge one)', async () => {
    const bomb = await deflateRaw(new Uint8Array(10 << 20)); // 10 MB of zeros -> ~10 KB
    expect(bomb.length).toBeLessThan(20_000);
    await expect(inflateRaw(bomb, 64 * 1024)).rejects.toThrow(/expands to more than 64 KB/);
  });

  it('damaged data is an Error, not a hang or a crash', async () => {
    const z = await deflateRaw(new TextEncoder().encode('{"name":"x","params":{}}'));
    await expect(inflateRaw(z.subarray(0, z.length - 3), 1000)).rejects.toThrow(/damaged/);
    await expect(inflateRaw(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 1000)).rejects.toThrow(/damaged/);
  });
});

describe('preset codes', () => {
  const short = makePreset(EQ, '0.1.0', 'Mud Cut', { ...eqParams.defaults(), b3_on: 1, b3_freq: 320, b3_gain: -4, b3_q: 1.4, b1_on: 1, b1_freq: 60, output: 1.5 }, ['mix']);

  it('a short EQ preset stays under 300 characters, URL-safe', async () => {
    const code = await encodePresetCode(eqParams, short);
    expect(code).toMatch(URL_SAFE);
    expect(code.length).toBeLessThan(300);
    expect(encodeURIComponent(code)).toBe(code);
    const v = await decodePresetCode(eqParams, EQ, code);
    expect(v.values).toEqual(short.params);
    expect(v.preset.name).toBe('Mud Cut');
    expect(v.preset.tags).toEqual(['mix']);
  });

  it('every EQ factory preset round-trips; their lengths', async () => {
    const dir = join(repoRoot, 'plugins/eq/presets');
    const lengths: Record<string, number> = {};
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      const v = parsePreset(eqParams, EQ, readFileSync(join(dir, f), 'utf8'));
      const code = await encodePresetCode(eqParams, v.preset);
      lengths[f] = code.length;
      expect(code).toMatch(URL_SAFE);
      const back = await decodePresetCode(eqParams, EQ, code);
      expect(back.values).toEqual(v.values);
      expect(back.preset.name).toBe(v.preset.name);
    }
    console.log('EQ factory share-code lengths:', lengths);
    expect(Math.max(...Object.values(lengths))).toBeLessThan(300);
  });

  it('a default preset is tiny; values round to 6 significant digits', async () => {
    const code = await encodePresetCode(eqParams, makePreset(EQ, '0.1.0', 'Init', eqParams.defaults()));
    expect(code.length).toBeLessThan(80);
    const odd = makePreset(EQ, '0.1.0', 'Odd', { ...eqParams.defaults(), b4_freq: 1234.56789012, b4_gain: -2.718281828 });
    const v = await decodePresetCode(eqParams, EQ, await encodePresetCode(eqParams, odd));
    expect(v.values.b4_freq).toBe(1234.57);
    expect(v.values.b4_gain).toBe(-2.71828);
  });

  it('surrounding whitespace is ignored', async () => {
    const code = await encodePresetCode(eqParams, short);
    expect((await decodePresetCode(eqParams, EQ, `  ${code}\n`)).values).toEqual(short.params);
  });

  it.each([
    ['', /expected "vrn1\.<kind>\.<data>"/],
    ['vrn2.eq.abc', /expected "vrn1/],
    ['vrn1.eq', /expected "vrn1/],
    ['vrn1.eq.', /no data/],
    ['vrn1.eq.a.b', /expected "vrn1/],
    ['vrn1.EQ.abcd', /unreadable kind/],
    ['vrn1.eq.ab+/', /base64url/],
    ['vrn1.eq.AAAA', /damaged/],
    ['vrn1.eq.' + 'A'.repeat(200_000), /too long/],
  ])('rejects %j', async (code, message) => {
    await expect(decodePresetCode(eqParams, EQ, code)).rejects.toThrow(message);
  });

  it('rejects a truncated code', async () => {
    const code = await encodePresetCode(eqParams, short);
    for (const cut of [12, 40, code.length - 2]) await expect(decodePresetCode(eqParams, EQ, code.slice(0, cut))).rejects.toThrow(/^share code/);
  });

  it("rejects another plugin's code and a chain code, naming them", async () => {
    const comp = await packShareCode('compressor', { name: 'x', params: {} });
    await expect(decodePresetCode(eqParams, EQ, comp)).rejects.toThrow(/this code is for "compressor", not "eq"/);
    const chain = await packShareCode('chain', { name: 'x', plugins: [] });
    await expect(decodePresetCode(eqParams, EQ, chain)).rejects.toThrow(/for a chain/);
  });

  it('the body goes through preset validation: bad types name the field, prototype keys are refused', async () => {
    await expect(decodePresetCode(eqParams, EQ, await packShareCode('eq', { name: 'x', params: { output: 'loud' } }))).rejects.toThrow(
      /^preset\.params\.output: expected a finite number/,
    );
    await expect(decodePresetCode(eqParams, EQ, await packShareCode('eq', { params: {} }))).rejects.toThrow(/^preset\.name/);
    await expect(decodePresetCode(eqParams, EQ, await packShareCode('eq', [1, 2]))).rejects.toThrow(/expected a preset/);
    await expect(decodePresetCode(eqParams, EQ, await packShareCode('eq', 'text'))).rejects.toThrow(/expected a preset/);
    const proto = JSON.parse('{"name":"p","params":{"__proto__":{"output":9},"output":-2}}');
    await expect(decodePresetCode(eqParams, EQ, await packShareCode('eq', proto))).rejects.toThrow(/^preset\.params\.__proto__: not allowed/);
    const v = await decodePresetCode(eqParams, EQ, await packShareCode('eq', { name: '<script>alert(1)</script>', params: { constructor: 1, output: -2 } }));
    expect(v.values.output).toBe(-2);
    expect(v.unknown).toEqual(['constructor']);
    expect(v.preset.name).toBe('<script>alert(1)</script>');
  });

  it('a body over 64 KB is refused', async () => {
    const code = await packShareCode('eq', { name: 'x', author: 'a'.repeat(70_000), params: {} });
    expect(code.length).toBeLessThan(2000);
    await expect(decodePresetCode(eqParams, EQ, code)).rejects.toThrow(/expands to more than 64 KB/);
  });

  it('unpackShareCode splits kind and body', async () => {
    const r = await unpackShareCode(await packShareCode('chain', { a: 1 }), 1000);
    expect(r).toEqual({ kind: 'chain', body: { a: 1 } });
  });
});
