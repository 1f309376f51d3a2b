/**
 * Presets: one JSON format for every Varnish plugin, reusing the state's `params` record.
 *   { format: "varnish-preset", version, plugin: "com.varnish.<id>", pluginVersion,
 *     name, author, tags, params: { id: value } }
 * Validation lives here only: a bad preset is rejected whole with an Error naming the field,
 * so loading one never changes the current sound. Presets are data: nothing is evaluated.
 */
import type { ParamSet } from './params.js';
import { validateParams } from './state.js';

export const PRESET_FORMAT = 'varnish-preset';
export const PRESET_VERSION = 1;
export const MAX_PRESET_BYTES = 64 * 1024;

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
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function text(where: string, v: unknown, max: number, optional = false): string {
  if (v === undefined && optional) return '';
  if (typeof v !== 'string') throw new Error(`${where}: expected a string`);
  if (v.length > max) throw new Error(`${where}: longer than ${max} characters`);
  return v;
}

export function validatePreset(params: ParamSet, identifier: string, data: unknown): ValidatedPreset {
  if (!isObject(data)) throw new Error('preset: expected a JSON object');
  if (data.format !== PRESET_FORMAT) throw new Error(`preset.format: expected "${PRESET_FORMAT}"`);
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new Error('preset.version: expected a positive integer');
  if (version > PRESET_VERSION) throw new Error(`preset.version: ${version} is newer than this plugin understands (${PRESET_VERSION})`);
  if (data.plugin !== identifier) throw new Error(`preset.plugin: this preset is for ${typeof data.plugin === 'string' ? JSON.stringify(data.plugin.slice(0, 60)) : 'another plugin'}, not "${identifier}"`);
  const name = text('preset.name', data.name, 200);
  const author = text('preset.author', data.author, 200, true);
  const pluginVersion = text('preset.pluginVersion', data.pluginVersion, 40, true);
  let tags: string[] = [];
  if (data.tags !== undefined) {
    if (!Array.isArray(data.tags) || data.tags.length > 32) throw new Error('preset.tags: expected an array of at most 32 strings');
    tags = data.tags.map((t, i) => text(`preset.tags[${i}]`, t, 40));
  }
  const { values, unknown } = validateParams(params, data.params, 'preset.params');
  return {
    preset: { format: PRESET_FORMAT, version: PRESET_VERSION, plugin: identifier, pluginVersion, name, author, tags, params: { ...values } },
    values,
    unknown,
  };
}

/** Parse preset text (a file, a paste): size-checked before parsing. */
export function parsePreset(params: ParamSet, identifier: string, source: string): ValidatedPreset {
  if (typeof source !== 'string') throw new Error('preset: expected text');
  if (source.length > MAX_PRESET_BYTES) throw new Error(`preset: larger than ${MAX_PRESET_BYTES / 1024} KB`);
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    throw new Error(`preset: not valid JSON (${(e as Error).message})`);
  }
  return validatePreset(params, identifier, data);
}

export function makePreset(identifier: string, pluginVersion: string, name: string, values: Record<string, number>, tags: string[] = [], author = ''): Preset {
  return { format: PRESET_FORMAT, version: PRESET_VERSION, plugin: identifier, pluginVersion, name, author, tags, params: { ...values } };
}
