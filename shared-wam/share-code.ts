/**
 * Share codes: a preset (or a chain) as one compact, URL-safe line of text that fits in a chat
 * message or a URL fragment:
 *
 *   vrn1.<kind>.<base64url of the deflate-raw compressed JSON body>
 *
 * <kind> is a plugin's short id ("eq" for com.varnish.eq) or "chain". The body of a preset code
 * is the preset without what the prefix already says (format, version, plugin) and with only
 * the values that differ from the defaults, each rounded to 6 significant digits (0.0001 %):
 *
 *   { "name": "Mud Cut", "pluginVersion": "0.1.0", "params": { "b3_gain": -4 }, "tags": [...] }
 *
 * Decoding is bounded before anything is parsed (code length, inflated size) and ends in the
 * same validation as a file (validatePreset), so a code is exactly as safe as a file.
 * Compression: RFC 1951 raw DEFLATE via CompressionStream('deflate-raw') (Chromium, Node 20);
 * base64url: RFC 4648 section 5, without padding.
 */
import type { ParamSet } from './params.js';
import {
  MAX_PRESET_BYTES,
  PRESET_FORMAT,
  PRESET_VERSION,
  changedFromDefaults,
  shortId,
  validatePreset,
  type Preset,
  type PresetOptions,
  type ValidatedPreset,
} from './presets.js';

export const SHARE_PREFIX = 'vrn1';
const KIND = /^[a-z][a-z0-9-]{0,39}$/;
const B64URL = /^[A-Za-z0-9_-]*$/;

// ---- base64url (RFC 4648 §5) --------------------------------------------------------------

export function base64UrlEncode(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlDecode(text: string): Uint8Array {
  if (!B64URL.test(text) || text.length % 4 === 1) throw new Error('share code: not base64url text');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// ---- raw DEFLATE (RFC 1951) with a size cap ------------------------------------------------

async function pump(stream: CompressionStream | DecompressionStream, input: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // errors surface on the readable side; these promises must not reject unhandled
  writer.write(input as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`share code: expands to more than ${Math.round(maxBytes / 1024)} KB`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return pump(new CompressionStream('deflate-raw'), bytes, Number.MAX_SAFE_INTEGER);
}

/** Inflate, refusing output larger than maxBytes (a small code must not expand into a huge one). */
export async function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  try {
    return await pump(new DecompressionStream('deflate-raw'), bytes, maxBytes);
  } catch (e) {
    const msg = (e as Error)?.message ?? '';
    if (msg.startsWith('share code:')) throw e;
    throw new Error('share code: damaged (the compressed data is incomplete or altered)');
  }
}

// ---- generic codes ------------------------------------------------------------------------

/** `vrn1.<kind>.<base64url(deflate-raw(JSON.stringify(body)))>` */
export async function packShareCode(kind: string, body: unknown): Promise<string> {
  if (!KIND.test(kind)) throw new Error(`share code: bad kind "${kind}"`);
  const json = new TextEncoder().encode(JSON.stringify(body));
  return `${SHARE_PREFIX}.${kind}.${base64UrlEncode(await deflateRaw(json))}`;
}

/** Split and inflate a code; the body is parsed JSON (still untrusted data). */
export async function unpackShareCode(code: string, maxBytes: number): Promise<{ kind: string; body: unknown }> {
  if (typeof code !== 'string') throw new Error('share code: expected text');
  const text = code.trim();
  // a deflate stream never shrinks below ~1/1032 of its input, nor grows much above it
  const maxChars = Math.ceil(((maxBytes + 1024) * 4) / 3) + 64;
  if (text.length > maxChars) throw new Error('share code: too long');
  const parts = text.split('.');
  if (parts.length !== 3 || parts[0] !== SHARE_PREFIX) throw new Error(`share code: expected "${SHARE_PREFIX}.<kind>.<data>"`);
  const [, kind, data] = parts;
  if (!KIND.test(kind)) throw new Error('share code: unreadable kind');
  if (!data) throw new Error('share code: no data');
  const bytes = await inflateRaw(base64UrlDecode(data), maxBytes);
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('share code: not UTF-8 text');
  }
  try {
    return { kind, body: JSON.parse(json) };
  } catch {
    throw new Error('share code: not valid JSON');
  }
}

// ---- preset codes -------------------------------------------------------------------------

/** 6 significant digits: far below what anyone hears, and keeps codes short */
export function shareRound(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(6));
}

/** The body of a preset code (also used inside chain codes). */
export function presetShareBody(params: ParamSet, preset: Preset): Record<string, unknown> {
  const changed = changedFromDefaults(params, preset.params);
  const p: Record<string, number> = {};
  for (const id of Object.keys(changed)) p[id] = shareRound(changed[id]);
  const body: Record<string, unknown> = { name: preset.name };
  if (preset.pluginVersion) body.pluginVersion = preset.pluginVersion;
  if (preset.author) body.author = preset.author;
  if (preset.tags.length) body.tags = preset.tags;
  body.params = p;
  return body;
}

/** Rebuild a full preset object (still unvalidated) from a code body. */
export function presetFromShareBody(identifier: string, body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('share code: expected a preset');
  const b = body as Record<string, unknown>;
  return {
    format: PRESET_FORMAT,
    version: PRESET_VERSION,
    plugin: identifier,
    pluginVersion: b.pluginVersion,
    name: b.name,
    author: b.author,
    tags: b.tags,
    params: b.params,
  };
}

export function encodePresetCode(params: ParamSet, preset: Preset): Promise<string> {
  return packShareCode(shortId(preset.plugin), presetShareBody(params, preset));
}

/** Decode and validate a preset code for the plugin `identifier` (wrong plugin: an Error). */
export async function decodePresetCode(params: ParamSet, identifier: string, code: string, options: PresetOptions = {}): Promise<ValidatedPreset> {
  const want = shortId(identifier);
  const { kind, body } = await unpackShareCode(code, MAX_PRESET_BYTES);
  if (kind !== want) throw new Error(`share code: this code is for ${kind === 'chain' ? 'a chain' : `"${kind}"`}, not "${want}"`);
  return validatePreset(params, identifier, presetFromShareBody(identifier, body), options);
}
