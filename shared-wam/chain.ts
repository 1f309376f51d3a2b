/**
 * Chain presets: an ordered list of plugins with their presets, for a track chain or the master
 * chain of a host (the host demo saves, loads and links them).
 *
 *   { format: "varnish-chain", version, name,
 *     plugins: [ { plugin: "com.varnish.<id>", preset: { format: "varnish-preset", ... } } ] }
 *
 * Validation is the presets' own (validatePreset per entry, with that plugin's migrations), all
 * or nothing, with Errors naming the field ("chain.plugins[2].preset.params.gain: ..."). Share
 * codes are `vrn1.chain.<base64url of deflate-raw JSON>`; each entry keeps only the values that
 * differ from its plugin's defaults.
 */
import { ParamSet, type ParamDecl, type WamParamInfoLike } from './params.js';
import type { MigrationStep } from './migrations.js';
import { MAX_NAME_CHARS, shortId, utf8Length, validatePreset, type Preset, type ValidatedPreset } from './presets.js';
import { packShareCode, presetFromShareBody, presetShareBody, unpackShareCode } from './share-code.js';

export const CHAIN_FORMAT = 'varnish-chain';
export const CHAIN_VERSION = 1;
export const MAX_CHAIN_PLUGINS = 32;
export const MAX_CHAIN_BYTES = 256 * 1024;

export interface ChainEntry {
  plugin: string;
  preset: Preset;
}

export interface Chain {
  format: typeof CHAIN_FORMAT;
  version: number;
  name: string;
  plugins: ChainEntry[];
}

/** What a chain needs to know about one plugin. */
export interface PluginSchema {
  params: ParamSet;
  migrations?: readonly MigrationStep[];
}

/** identifier ("com.varnish.eq") -> schema; undefined for a plugin this host does not have */
export type SchemaLookup = (identifier: string) => PluginSchema | undefined;

export interface ValidatedChain {
  chain: Chain;
  /** one validated preset per entry, in chain order */
  entries: Array<{ plugin: string; preset: ValidatedPreset }>;
  /** unknown parameter ids, per entry index (ignored) */
  unknown: Array<{ index: number; ids: string[] }>;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A schema from what any WAM host can ask a loaded plugin: `audioNode.getParameterInfo()`.
 * Enough to validate (types, ranges, choices); a plugin's migrations come only with its code.
 */
export function schemaFromWamInfo(info: Record<string, WamParamInfoLike>, migrations: readonly MigrationStep[] = []): PluginSchema {
  const decls: ParamDecl[] = Object.keys(info).map((key) => {
    const p = info[key];
    return {
      id: p.id,
      label: p.label,
      type: p.type,
      min: p.minValue,
      max: p.maxValue,
      default: p.defaultValue,
      choices: p.type === 'choice' ? p.choices : undefined,
      unit: p.units,
    };
  });
  return { params: new ParamSet(decls), migrations };
}

/** A lookup over a Map (never reads inherited properties). */
export function schemaLookup(schemas: ReadonlyMap<string, PluginSchema>): SchemaLookup {
  return (identifier) => schemas.get(identifier);
}

export function validateChain(data: unknown, lookup: SchemaLookup): ValidatedChain {
  if (!isObject(data)) throw new Error('chain: expected a JSON object');
  if (data.format !== CHAIN_FORMAT) throw new Error(`chain.format: expected "${CHAIN_FORMAT}"`);
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new Error('chain.version: expected a positive integer');
  if (version > CHAIN_VERSION) throw new Error(`chain.version: ${version} is newer than this host understands (${CHAIN_VERSION})`);
  if (typeof data.name !== 'string') throw new Error('chain.name: expected a string');
  if (data.name.length > MAX_NAME_CHARS) throw new Error(`chain.name: longer than ${MAX_NAME_CHARS} characters`);
  if (!Array.isArray(data.plugins)) throw new Error('chain.plugins: expected an array');
  if (data.plugins.length > MAX_CHAIN_PLUGINS) throw new Error(`chain.plugins: more than ${MAX_CHAIN_PLUGINS} plugins`);
  const entries: ValidatedChain['entries'] = [];
  const unknown: ValidatedChain['unknown'] = [];
  data.plugins.forEach((entry: unknown, i: number) => {
    const where = `chain.plugins[${i}]`;
    if (!isObject(entry)) throw new Error(`${where}: expected an object`);
    const plugin = entry.plugin;
    if (typeof plugin !== 'string') throw new Error(`${where}.plugin: expected a string`);
    const schema = /^com\.varnish\.[a-z][a-z0-9-]{0,39}$/.test(plugin) ? lookup(plugin) : undefined;
    if (!schema) throw new Error(`${where}.plugin: unknown plugin ${JSON.stringify(plugin.slice(0, 60))}`);
    let v: ValidatedPreset;
    try {
      v = validatePreset(schema.params, plugin, entry.preset, { migrations: schema.migrations });
    } catch (e) {
      throw new Error(`${where}.${(e as Error).message}`);
    }
    entries.push({ plugin, preset: v });
    if (v.unknown.length) unknown.push({ index: i, ids: v.unknown });
  });
  return {
    chain: { format: CHAIN_FORMAT, version: CHAIN_VERSION, name: data.name, plugins: entries.map((e) => ({ plugin: e.plugin, preset: e.preset.preset })) },
    entries,
    unknown,
  };
}

/** Parse chain text (a file): size-checked before parsing. */
export function parseChain(source: string, lookup: SchemaLookup): ValidatedChain {
  if (typeof source !== 'string') throw new Error('chain: expected text');
  if (source.length > MAX_CHAIN_BYTES || utf8Length(source) > MAX_CHAIN_BYTES) throw new Error(`chain: larger than ${MAX_CHAIN_BYTES / 1024} KB`);
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    throw new Error(`chain: not valid JSON (${(e as Error).message})`);
  }
  return validateChain(data, lookup);
}

export function makeChain(name: string, plugins: ChainEntry[]): Chain {
  return { format: CHAIN_FORMAT, version: CHAIN_VERSION, name, plugins: plugins.map((e) => ({ plugin: e.plugin, preset: e.preset })) };
}

/** A chain as a file, pretty-printed. */
export function chainToJson(chain: Chain): string {
  return JSON.stringify(chain, null, 2) + '\n';
}

/** `vrn1.chain.<...>`; the chain must validate against `lookup` first. */
export function encodeChainCode(chain: Chain, lookup: SchemaLookup): Promise<string> {
  const { entries } = validateChain(chain, lookup);
  const body = {
    name: chain.name,
    plugins: entries.map((e) => ({ plugin: shortId(e.plugin), preset: presetShareBody(lookup(e.plugin)!.params, e.preset.preset) })),
  };
  return packShareCode('chain', body);
}

export async function decodeChainCode(code: string, lookup: SchemaLookup): Promise<ValidatedChain> {
  const { kind, body } = await unpackShareCode(code, MAX_CHAIN_BYTES);
  if (kind !== 'chain') throw new Error(`share code: this code is for "${kind}", not a chain`);
  if (!isObject(body)) throw new Error('share code: expected a chain');
  const plugins = body.plugins;
  if (!Array.isArray(plugins)) throw new Error('chain.plugins: expected an array');
  if (plugins.length > MAX_CHAIN_PLUGINS) throw new Error(`chain.plugins: more than ${MAX_CHAIN_PLUGINS} plugins`);
  const chain = {
    format: CHAIN_FORMAT,
    version: CHAIN_VERSION,
    name: body.name,
    plugins: plugins.map((e: unknown, i: number) => {
      if (!isObject(e) || typeof e.plugin !== 'string') throw new Error(`chain.plugins[${i}].plugin: expected a string`);
      const identifier = `com.varnish.${e.plugin}`;
      return { plugin: identifier, preset: presetFromSharedEntry(identifier, e.preset, i) };
    }),
  };
  return validateChain(chain, lookup);
}

function presetFromSharedEntry(identifier: string, body: unknown, i: number): unknown {
  try {
    return presetFromShareBody(identifier, body);
  } catch {
    throw new Error(`chain.plugins[${i}].preset: expected an object`);
  }
}
