/** What the browser suites need to know about the built plugins. */
import { existsSync, readFileSync } from 'node:fs';
import type { ResolvedParam } from '../../shared-wam/params.js';

export interface BuiltPlugin {
  id: string;
  identifier: string;
  name: string;
}

export function pluginList(): BuiltPlugin[] {
  const file = 'dist/plugins/index.json';
  if (!existsSync(file)) throw new Error('dist/plugins/index.json is missing: run `npm run build` first');
  return JSON.parse(readFileSync(file, 'utf8')).plugins;
}

/**
 * For each plugin, a parameter whose move audibly changes a steady signal, and the value it
 * moves to (used by the automation, state and independence checks). `base` sets values first.
 */
export const PROBES: Record<string, { id: string; value: number; base?: Record<string, number> }> = {
  eq: { id: 'output', value: -12 },
  compressor: { id: 'makeup', value: 12 },
  limiter: { id: 'trim', value: -12 },
  reverb: { id: 'mix', value: 0 },
  imager: { id: 'output', value: -12 },
};

export async function declaredParams(id: string): Promise<readonly ResolvedParam[]> {
  const mod = await import(`../../plugins/${id}/params.ts`);
  const set = Object.values(mod).find((v: any) => v && Array.isArray(v.list) && typeof v.wamInfo === 'function') as any;
  if (!set) throw new Error(`plugins/${id}/params.ts exports no ParamSet`);
  return set.list;
}
