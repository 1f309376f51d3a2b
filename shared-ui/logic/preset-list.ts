/**
 * The preset bar's list logic, pure: factory and user presets in one list (factory first, in
 * file order; then user presets by name), tags, previous/next, and the "modified" test.
 */
import type { ParamSet } from '../../shared-wam/params.js';
import type { Preset } from '../../shared-wam/presets.js';

export type PresetSource = 'factory' | 'user';

export interface PresetEntry {
  source: PresetSource;
  preset: Preset;
  /** every declared id, validated and clamped */
  values: Record<string, number>;
}

export function entryKey(e: { source: PresetSource; preset: { name: string } }): string {
  return `${e.source}:${e.preset.name}`;
}

/** equal within 1e-9 of each parameter's range (values come back from Float64 mirrors) */
export function sameValues(params: ParamSet, a: Record<string, number>, b: Record<string, number>): boolean {
  return differingIds(params, a, b).length === 0;
}

export function differingIds(params: ParamSet, a: Record<string, number>, b: Record<string, number>): string[] {
  const out: string[] = [];
  for (const p of params.list) {
    const x = a[p.id] ?? p.default;
    const y = b[p.id] ?? p.default;
    if (Math.abs(x - y) > 1e-9 * (p.max - p.min)) out.push(p.id);
  }
  return out;
}

/** every tag in use, case-insensitively unique, sorted */
export function allTags(entries: readonly PresetEntry[]): string[] {
  const seen = new Map<string, string>();
  for (const e of entries) for (const t of e.preset.tags) if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

export function filterByTag(entries: readonly PresetEntry[], tag: string | null | undefined): PresetEntry[] {
  if (!tag) return [...entries];
  const t = tag.toLowerCase();
  return entries.filter((e) => e.preset.tags.some((x) => x.toLowerCase() === t));
}

/** the entry after (dir 1) or before (dir -1) `currentKey`, wrapping; the first/last when not in the list */
export function stepEntry(entries: readonly PresetEntry[], currentKey: string | undefined, dir: 1 | -1): PresetEntry | undefined {
  if (!entries.length) return undefined;
  const i = currentKey === undefined ? -1 : entries.findIndex((e) => entryKey(e) === currentKey);
  if (i < 0) return dir > 0 ? entries[0] : entries[entries.length - 1];
  return entries[(i + dir + entries.length) % entries.length];
}

/** the first entry whose values equal `values` (to name a state restored by a host) */
export function findMatching(params: ParamSet, entries: readonly PresetEntry[], values: Record<string, number>): PresetEntry | undefined {
  return entries.find((e) => sameValues(params, e.values, values));
}

/** factory entries in their order, then user entries by name */
export function combine(factory: readonly PresetEntry[], user: readonly PresetEntry[]): PresetEntry[] {
  return [...factory, ...[...user].sort((a, b) => a.preset.name.localeCompare(b.preset.name))];
}
