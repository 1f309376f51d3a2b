/**
 * Presets: one JSON format for every Varnish plugin, reusing the state's `params` record.
 *   { format: "varnish-preset", version, plugin: "com.varnish.<id>", pluginVersion,
 *     name, author, tags, params: { id: value } }
 * Validation lives here only: a bad preset is rejected whole with an Error naming the field,
 * so loading one never changes the current sound. Missing ids take their defaults, unknown ids
 * are reported and ignored, out-of-range values are clamped. Presets are data: nothing in one
 * is evaluated, a "__proto__" key (only ever in a crafted file) is refused, other names of
 * Object.prototype ("constructor", ...) are plain unknown ids, and names are text.
 * Presets written by an older plugin version are migrated first (shared-wam/migrations.ts).
 */
import type { ParamSet } from './params.js';
import { validateParams } from './state.js';
import { isVersion, migrateParams, type MigrationStep } from './migrations.js';

export const PRESET_FORMAT = 'varnish-preset';
export const PRESET_VERSION = 1;
export const MAX_PRESET_BYTES = 64 * 1024;
export const MAX_NAME_CHARS = 200;
export const MAX_TAGS = 32;
export const MAX_TAG_CHARS = 40;

export interface Preset {
  format: typeof PRESET_FORMAT;
  version: number;
  plugin: string;
  pluginVersion: string;
  name: string;
  author: string;
  tags: string[];
  params: Record<string, number>;
}

export interface ValidatedPreset {
  preset: Preset;
  /** every declared id with its clamped value */
  values: Record<string, number>;
  /** ids in the file that the plugin does not declare (ignored) */
  unknown: string[];
  /** toVersion of each migration step applied (empty for a current preset) */
  migrated: string[];
}

export interface PresetOptions {
  /** the plugin's migration table (plugins/<id>/migrations.ts) */
  migrations?: readonly MigrationStep[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function text(where: string, v: unknown, max: number, optional = false): string {
  if (v === undefined && optional) return '';
  if (typeof v !== 'string') throw new Error(`${where}: expected a string`);
  if (v.length > max) throw new Error(`${where}: longer than ${max} characters`);
  return v;
}

/** "com.varnish.eq" -> "eq" (the short id used by share codes and chain codes) */
export function shortId(identifier: string): string {
  const m = /^com\.varnish\.([a-z][a-z0-9-]{0,39})$/.exec(identifier);
  if (!m) throw new Error(`"${identifier}" is not a Varnish plugin identifier`);
  return m[1];
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * JSON.parse turns a "__proto__" key into a plain own property, so it can never reach a
 * prototype here; a file that holds one is crafted, not saved by a plugin, and is refused.
 */
function refuseProtoKeys(where: string, o: Record<string, unknown>): void {
  if (own(o, '__proto__')) throw new Error(`${where}.__proto__: not allowed in a preset`);
}

export function validatePreset(params: ParamSet, identifier: string, data: unknown, options: PresetOptions = {}): ValidatedPreset {
  if (!isObject(data)) throw new Error('preset: expected a JSON object');
  refuseProtoKeys('preset', data);
  if (isObject(data.params)) refuseProtoKeys('preset.params', data.params);
  if (data.format !== PRESET_FORMAT) throw new Error(`preset.format: expected "${PRESET_FORMAT}"`);
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new Error('preset.version: expected a positive integer');
  if (version > PRESET_VERSION) throw new Error(`preset.version: ${version} is newer than this plugin understands (${PRESET_VERSION})`);
  if (data.plugin !== identifier) throw new Error(`preset.plugin: this preset is for ${typeof data.plugin === 'string' ? JSON.stringify(data.plugin.slice(0, 60)) : 'another plugin'}, not "${identifier}"`);
  const name = text('preset.name', data.name, MAX_NAME_CHARS);
  const author = text('preset.author', data.author, MAX_NAME_CHARS, true);
  const pluginVersion = text('preset.pluginVersion', data.pluginVersion, 40, true);
  if (pluginVersion && !isVersion(pluginVersion)) throw new Error('preset.pluginVersion: expected a version such as "1.2.3"');
  let tags: string[] = [];
  if (data.tags !== undefined) {
    if (!Array.isArray(data.tags) || data.tags.length > MAX_TAGS) throw new Error(`preset.tags: expected an array of at most ${MAX_TAGS} strings`);
    tags = data.tags.map((t, i) => text(`preset.tags[${i}]`, t, MAX_TAG_CHARS));
  }
  const migration = migrateParams(data.params, pluginVersion, options.migrations ?? []);
  const { values, unknown } = validateParams(params, migration.params, 'preset.params');
  return {
    preset: { format: PRESET_FORMAT, version: PRESET_VERSION, plugin: identifier, pluginVersion, name, author, tags: [...tags], params: { ...values } },
    values,
    unknown,
    migrated: migration.applied,
  };
}

/** UTF-8 length of a string without allocating (for the size limit). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Parse preset text (a file, a paste): size-checked before parsing. */
export function parsePreset(params: ParamSet, identifier: string, source: string, options: PresetOptions = {}): ValidatedPreset {
  if (typeof source !== 'string') throw new Error('preset: expected text');
  if (source.length > MAX_PRESET_BYTES || utf8Length(source) > MAX_PRESET_BYTES) throw new Error(`preset: larger than ${MAX_PRESET_BYTES / 1024} KB`);
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    throw new Error(`preset: not valid JSON (${(e as Error).message})`);
  }
  return validatePreset(params, identifier, data, options);
}

export function makePreset(identifier: string, pluginVersion: string, name: string, values: Record<string, number>, tags: string[] = [], author = ''): Preset {
  return { format: PRESET_FORMAT, version: PRESET_VERSION, plugin: identifier, pluginVersion, name, author, tags: [...tags], params: { ...values } };
}

/** The values that differ from the declaration's defaults, in declaration order. */
export function changedFromDefaults(params: ParamSet, values: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of params.list) {
    const v = values[p.id];
    if (typeof v === 'number' && v !== p.default) out[p.id] = v;
  }
  return out;
}

/** A preset as a file: only the values that differ from the defaults, pretty-printed. */
export function presetToJson(params: ParamSet, preset: Preset): string {
  const out: Preset = { ...preset, tags: [...preset.tags], params: changedFromDefaults(params, preset.params) };
  return JSON.stringify(out, null, 2) + '\n';
}

/** A file name for an exported preset: letters, digits, '-' and '_' only. */
export function presetFileName(identifier: string, name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  return `${shortId(identifier)}-${slug || 'preset'}.json`;
}
