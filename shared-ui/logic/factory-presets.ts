/**
 * A plugin's factory presets and version, read from its own folder: `<base>presets/index.json`
 * (the file list the build writes), each listed file, and `<base>descriptor.json`. Texts are
 * fetched once per base URL; validation (with the plugin's migrations) happens per use.
 */
import type { ParamSet } from '../../shared-wam/params.js';
import { parsePreset, type PresetOptions } from '../../shared-wam/presets.js';
import type { PresetEntry } from './preset-list.js';

interface FactoryTexts {
  files: Array<{ file: string; text: string }>;
  version: string;
}

const cache = new Map<string, Promise<FactoryTexts>>();

const SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}\.json$/;

async function fetchTexts(baseUrl: string): Promise<FactoryTexts> {
  const base = new URL('presets/', baseUrl);
  const version = fetch(new URL('descriptor.json', baseUrl))
    .then((r) => (r.ok ? r.json() : {}))
    .then((d: { version?: unknown }) => (typeof d?.version === 'string' ? d.version : ''))
    .catch(() => '');
  const res = await fetch(new URL('index.json', base));
  if (!res.ok) return { files: [], version: await version };
  const list: unknown = await res.json();
  const names = Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string' && SAFE_FILE.test(f)) : [];
  const files = await Promise.all(names.map(async (file) => ({ file, text: await (await fetch(new URL(file, base))).text() })));
  return { files, version: await version };
}

export function loadFactoryTexts(baseUrl: string): Promise<FactoryTexts> {
  let p = cache.get(baseUrl);
  if (!p) {
    p = fetchTexts(baseUrl);
    p.catch(() => cache.delete(baseUrl));
    cache.set(baseUrl, p);
  }
  return p;
}

/** Validated factory entries (files that fail validation are listed in `rejected`). */
export async function loadFactoryPresets(
  baseUrl: string,
  params: ParamSet,
  identifier: string,
  options: PresetOptions = {},
): Promise<{ entries: PresetEntry[]; rejected: Array<{ file: string; error: string }>; version: string }> {
  const { files, version } = await loadFactoryTexts(baseUrl);
  const entries: PresetEntry[] = [];
  const rejected: Array<{ file: string; error: string }> = [];
  for (const { file, text } of files) {
    try {
      const v = parsePreset(params, identifier, text, options);
      entries.push({ source: 'factory', preset: v.preset, values: v.values });
    } catch (e) {
      rejected.push({ file, error: (e as Error).message });
    }
  }
  return { entries, rejected, version };
}
