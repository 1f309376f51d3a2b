/** dist/shared-dsp is an importable ES module library with type declarations. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/plugins.js';

const dir = join(repoRoot, 'dist/shared-dsp');

describe('dist/shared-dsp', () => {
  it('is built with its .d.ts (run `npm run build` first)', () => {
    expect(existsSync(join(dir, 'index.js')), 'dist/shared-dsp/index.js missing: npm run build').toBe(true);
    expect(existsSync(join(dir, 'index.d.ts'))).toBe(true);
  });

  it('imports in plain Node and measures loudness', async () => {
    const lib = await import(pathToFileURL(join(dir, 'index.js')).href);
    expect(typeof lib.LoudnessMeter).toBe('function');
    expect(typeof lib.ParamBank).toBe('function');
    const m = new lib.LoudnessMeter({ sampleRate: 48000, channels: 2 });
    const n = 48000 * 4;
    const x = new Float32Array(n);
    // -23 dBFS peak, 1 kHz, stereo: EBU Tech 3341 case 1 reads -23.0 LUFS
    for (let i = 0; i < n; i++) x[i] = 10 ** (-23 / 20) * Math.sin((2 * Math.PI * 1000 * i) / 48000);
    m.process([x, x]);
    expect(m.integrated).toBeCloseTo(-23, 1);
  });
});
