/**
 * Plugin state: one versioned JSON shape for getState/setState, presets and sessions:
 *   { plugin: "com.varnish.<id>", version: <state format version>, params: { id: value } }
 * Validation is all-or-nothing: it returns a complete, clamped value record or throws an Error
 * naming the bad field, so a rejected state never half-applies.
 */
import type { ParamSet } from './params.js';
import { clampTo } from './params.js';

export const STATE_VERSION = 1;

export interface PluginState {
  plugin: string;
  version: number;
  params: Record<string, number>;
}

export interface ValidatedParams {
  /** every declared id with its clamped value (missing ids take their defaults) */
  values: Record<string, number>;
  /** ids present in the input that the plugin does not declare */
  unknown: string[];
}

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Validate a `params` record against a declaration. Throws `${where}.${id}: ...` on bad values. */
export function validateParams(params: ParamSet, input: unknown, where = 'params'): ValidatedParams {
  if (!isPlainObject(input)) throw new Error(`${where}: expected an object of parameter values`);
  const values: Record<string, number> = Object.create(null);
  const unknown: string[] = [];
  for (const key of Object.keys(input)) {
    if (!params.has(key)) unknown.push(key);
  }
  for (const p of params.list) {
    if (!Object.prototype.hasOwnProperty.call(input, p.id)) {
      values[p.id] = p.default;
      continue;
    }
    let v = input[p.id];
    if (typeof v === 'boolean') v = v ? 1 : 0;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`${where}.${p.id}: expected a finite number, got ${describe(v)}`);
    }
    values[p.id] = clampTo(p, v);
  }
  return { values: { ...values }, unknown };
}

/** Validate a whole state object for plugin `identifier`. */
export function validateState(params: ParamSet, identifier: string, state: unknown): ValidatedParams {
  if (!isPlainObject(state)) throw new Error(`state: expected an object, got ${describe(state)}`);
  if (state.plugin !== identifier) {
    throw new Error(`state.plugin: expected "${identifier}", got ${describe(state.plugin)}`);
  }
  const version = state.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new Error(`state.version: expected a positive integer, got ${describe(version)}`);
  }
  if (version > STATE_VERSION) {
    throw new Error(`state.version: ${version} is newer than this plugin understands (${STATE_VERSION})`);
  }
  return validateParams(params, state.params, 'state.params');
}

export function makeState(identifier: string, values: Record<string, number>): PluginState {
  return { plugin: identifier, version: STATE_VERSION, params: { ...values } };
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (typeof x === 'object') return 'an object';
  return String(x);
}
