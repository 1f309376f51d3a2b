/**
 * Where user presets live: an interface with two implementations, one in memory (tests, and
 * the fallback when a page has no IndexedDB) and one on IndexedDB (idb-preset-store.ts).
 * A store keeps records keyed by (plugin identifier, name). It stores whatever it is given and
 * hands back raw records: callers validate what they read (validatePreset), since storage is
 * shared with every page of the origin and may hold presets of other plugin versions.
 */
import { MAX_NAME_CHARS, type Preset } from '../../shared-wam/presets.js';

export interface UserPresetStore {
  /** false for the in-memory store: presets last as long as the page */
  readonly persistent: boolean;
  /** the raw records of one plugin, sorted by name */
  list(plugin: string): Promise<unknown[]>;
  /** store a preset under (preset.plugin, preset.name); an existing name needs overwrite */
  put(preset: Preset, options?: { overwrite?: boolean }): Promise<void>;
  remove(plugin: string, name: string): Promise<void>;
  /** rename in one step; refuses to replace another preset */
  rename(plugin: string, from: string, to: string): Promise<void>;
}

/** A user preset name: trimmed, 1..200 characters. Returns the trimmed name or throws. */
export function checkPresetName(name: unknown): string {
  if (typeof name !== 'string') throw new Error('name: expected text');
  const t = name.trim();
  if (!t) throw new Error('name: empty');
  if (t.length > MAX_NAME_CHARS) throw new Error(`name: longer than ${MAX_NAME_CHARS} characters`);
  return t;
}

export class PresetExistsError extends Error {
  constructor(name: string) {
    super(`a user preset named "${name}" exists`);
    this.name = 'PresetExistsError';
  }
}

export const byName = (a: unknown, b: unknown): number => {
  const x = String((a as { name?: unknown })?.name ?? '');
  const y = String((b as { name?: unknown })?.name ?? '');
  return x.localeCompare(y);
};

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export class MemoryPresetStore implements UserPresetStore {
  readonly persistent = false;
  private readonly records = new Map<string, Preset>();

  private key(plugin: string, name: string): string {
    return `${plugin}\n${name}`;
  }

  async list(plugin: string): Promise<unknown[]> {
    return [...this.records.values()].filter((r) => r.plugin === plugin).map(clone).sort(byName);
  }

  async put(preset: Preset, options: { overwrite?: boolean } = {}): Promise<void> {
    const name = checkPresetName(preset.name);
    const k = this.key(preset.plugin, name);
    if (!options.overwrite && this.records.has(k)) throw new PresetExistsError(name);
    this.records.set(k, clone({ ...preset, name }));
  }

  async remove(plugin: string, name: string): Promise<void> {
    this.records.delete(this.key(plugin, name));
  }

  async rename(plugin: string, from: string, to: string): Promise<void> {
    const name = checkPresetName(to);
    const a = this.key(plugin, from);
    const b = this.key(plugin, name);
    const rec = this.records.get(a);
    if (!rec) throw new Error(`no user preset named "${from}"`);
    if (a === b) return;
    if (this.records.has(b)) throw new PresetExistsError(name);
    this.records.delete(a);
    this.records.set(b, { ...rec, name });
  }
}
