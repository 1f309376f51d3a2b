/**
 * Every factory preset of every plugin validates, sets only declared parameters, and sounds
 * different from the plugin's default (a test signal rendered through the real kernel).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePreset } from '../../shared-wam/presets.js';
import { renderOffline } from '../../shared-dsp/core/run-kernel.js';
import { instantiate, loadPluginDsp, pluginIdsWithDsp, repoRoot, rng, type PluginDsp } from './helpers/plugins.js';

const withPresets = pluginIdsWithDsp().filter((id) => existsSync(join(repoRoot, 'plugins', id, 'presets')));

function render(p: PluginDsp, values: Record<string, number> | null): Float32Array[] {
  const sr = 48000;
  const { bank, kernel } = instantiate(p, sr);
  if (values) for (const d of p.params.list) bank.setNow(d.index, values[d.id]);
  const r = rng(5);
  const n = sr; // 1 s of noise with a drum-like envelope: exercises filters, dynamics and space
  const input = [new Float32Array(n), new Float32Array(n)];
  for (let i = 0; i < n; i++) {
    const env = Math.exp(-((i % 12000) / 2500));
    input[0][i] = (r() * 2 - 1) * 0.5 * env;
    input[1][i] = (r() * 2 - 1) * 0.5 * env;
  }
  return renderOffline(kernel, bank, input);
}

describe.each(withPresets)('factory presets: %s', (id) => {
  const dir = join(repoRoot, 'plugins', id, 'presets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json');

  it('has at least 6 presets with distinct names', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    const names = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(files)('%s validates and sounds different from the default', async (file) => {
    const p = await loadPluginDsp(id);
    const v = parsePreset(p.params, `com.varnish.${id}`, readFileSync(join(dir, file), 'utf8'));
    expect(v.unknown).toEqual([]);
    const a = render(p, null);
    const b = render(p, v.values);
    let diff = 0;
    let ref = 0;
    for (let c = 0; c < 2; c++) {
      for (let i = 0; i < a[c].length; i++) {
        diff += (a[c][i] - b[c][i]) ** 2;
        ref += a[c][i] ** 2;
      }
    }
    // at least -40 dB of difference relative to the default's output
    expect(10 * Math.log10(diff / ref)).toBeGreaterThan(-40);
  });
});
