/**
 * Share chain links: `host-demo/#chain=<code>[&on=<target>]` (code from shared-wam/chain.ts,
 * #8). A chain holds Varnish plugins with their parameter values; third-party inserts cannot
 * be named in a code and are left out (the caller is told which). The target is "master"
 * (default), "aux", or a track's name.
 */
import { decodeChainCode, encodeChainCode, makeChain, MAX_CHAIN_BYTES, type ChainEntry, type PluginSchema } from '../../shared-wam/chain.js';
import { unpackShareCode } from '../../shared-wam/share-code.js';
import type { Strip } from '../engine/strip.js';
import type { Mixer } from '../engine/mixer.js';
import { createWam } from '../wam/loader.js';
import { storableUrl, type CatalogEntry } from '../wam/catalog.js';
import { schemaFromInfo } from './schema.js';

const VERSION = /^\d+\.\d+\.\d+$/;

export class ChainLinks {
  private readonly schemas = new Map<string, Promise<PluginSchema | undefined>>();

  constructor(
    private readonly ctx: BaseAudioContext,
    private readonly catalog: () => CatalogEntry[],
    private readonly mixer: () => Mixer,
  ) {}

  /** The schema of a catalog plugin, from a live instance or a short-lived one. */
  schemaFor(identifier: string): Promise<PluginSchema | undefined> {
    let s = this.schemas.get(identifier);
    if (!s) {
      s = (async () => {
        const live = this.mixer().inserts.find((i) => i.identifier === identifier);
        if (live) return schemaFromInfo(await live.paramInfo());
        const entry = this.catalog().find((c) => c.identifier === identifier);
        if (!entry) return undefined;
        const wam = await createWam(entry.url, this.ctx);
        try {
          return schemaFromInfo(await wam.audioNode.getParameterInfo());
        } finally {
          wam.audioNode.destroy();
        }
      })().catch(() => undefined);
      this.schemas.set(identifier, s);
    }
    return s;
  }

  private async lookupFor(identifiers: string[]) {
    const map = new Map<string, PluginSchema>();
    for (const id of new Set(identifiers)) {
      const s = await this.schemaFor(id);
      if (s) map.set(id, s);
    }
    return (identifier: string) => map.get(identifier);
  }

  /** The chain code of a strip's inserts, and the names of the inserts left out. */
  async encode(strip: Strip): Promise<{ code: string; skipped: string[] }> {
    const entries: ChainEntry[] = [];
    const skipped: string[] = [];
    for (const ins of strip.chain.inserts) {
      const id = ins.identifier;
      const known = this.catalog().some((c) => c.identifier === id);
      const state = (await ins.getState()) as { params?: Record<string, number> } | undefined;
      if (!known || !state?.params) {
        skipped.push(ins.name);
        continue;
      }
      const v = ins.wam.descriptor?.version ?? '';
      entries.push({
        plugin: id,
        preset: { format: 'varnish-preset', version: 1, plugin: id, pluginVersion: VERSION.test(v) ? v : '', name: ins.name, author: '', tags: [], params: state.params },
      });
    }
    const lookup = await this.lookupFor(entries.map((e) => e.plugin));
    const code = await encodeChainCode(makeChain(strip.name, entries), lookup);
    return { code, skipped };
  }

  async link(strip: Strip): Promise<{ url: string; skipped: string[] }> {
    const { code, skipped } = await this.encode(strip);
    const on = strip.kind === 'track' ? strip.name : strip.kind;
    const url = new URL(location.href);
    url.hash = `chain=${code}${on === 'master' ? '' : `&on=${encodeURIComponent(on)}`}`;
    return { url: url.href, skipped };
  }

  /** Replace the strip's inserts with the chain in `code`; returns the chain's name. */
  async apply(code: string, strip: Strip): Promise<string> {
    const { body } = await unpackShareCode(code, MAX_CHAIN_BYTES);
    const plugins = (body as { plugins?: Array<{ plugin?: unknown }> })?.plugins;
    const ids = Array.isArray(plugins) ? plugins.map((p) => `com.varnish.${String(p?.plugin)}`) : [];
    const { chain, entries } = await decodeChainCode(code, await this.lookupFor(ids));
    const mixer = this.mixer();
    for (const ins of [...strip.chain.inserts]) mixer.removeInsert(strip, ins);
    for (const e of entries) {
      const entry = this.catalog().find((c) => c.identifier === e.plugin)!;
      await mixer.addInsert(strip, storableUrl(entry.url), { name: entry.name, state: { plugin: e.plugin, version: 1, params: e.preset.values } });
    }
    return chain.name;
  }
}

/** `#chain=<code>&on=<target>` from a location hash, or null */
export function parseChainHash(hash: string): { code: string; on: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('chain');
  if (!code) return null;
  return { code, on: params.get('on') ?? 'master' };
}
