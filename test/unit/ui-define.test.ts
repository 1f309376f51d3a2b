import { describe, expect, it } from 'vitest';
import { KIT_SCOPE, scopeFor, scopedTag } from '../../shared-ui/define.js';

describe('scoped custom element names', () => {
  it('suffixes the base with this copy\'s scope, a valid custom element name', () => {
    const tag = scopedTag('vn-knob');
    expect(tag).toBe(`vn-knob-${KIT_SCOPE}`);
    expect(tag).toMatch(/^vn-knob-[0-9a-z]{1,7}$/);
    expect(scopedTag('vn-knob')).toBe(tag);
  });

  it('derives the scope from the URL deterministically: FNV-1a 32 bit in base 36', () => {
    expect(scopeFor('https://a.example/eq/index.js')).toBe(scopeFor('https://a.example/eq/index.js'));
    expect(scopeFor('https://a.example/eq/index.js')).not.toBe(scopeFor('https://b.example/eq/index.js'));
    expect(scopeFor('https://a.example/eq/index.js')).not.toBe(scopeFor('https://a.example/limiter/index.js'));
    expect(scopeFor('https://a.example/eq/index.js', 'v2')).not.toBe(scopeFor('https://a.example/eq/index.js', 'v1'));
    expect(parseInt(scopeFor('', ''), 36)).toBe(fnvOfBytes('|'));
    expect(parseInt(scopeFor('https://x.example/a.js', 's'), 36)).toBe(fnvOfBytes('https://x.example/a.js|s'));
    // the reference itself reproduces the published FNV-1a 32-bit vector
    expect(fnvOfBytes('foobar')).toBe(0xbf9cf968);
  });

  it('rejects names that are not custom element bases', () => {
    expect(() => scopedTag('knob')).toThrow();
    expect(() => scopedTag('Vn-Knob')).toThrow();
  });
});

/** reference FNV-1a over ASCII bytes (offset basis 2166136261, prime 16777619) */
function fnvOfBytes(s: string): number {
  let h = 2166136261n;
  for (const c of Buffer.from(s, 'latin1')) {
    h ^= BigInt(c);
    h = (h * 16777619n) % 4294967296n;
  }
  return Number(h);
}
