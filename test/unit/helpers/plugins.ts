/** The plugins whose DSP is complete (params.ts + dsp.ts), for suites that run over all of them. */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Kernel } from '../../../shared-dsp/core/kernel.js';
import { ParamBank } from '../../../shared-dsp/params/param-bank.js';
import type { ParamSet } from '../../../shared-wam/params.js';

export const repoRoot = resolve(import.meta.dirname, '../../..');

export interface PluginDsp {
  id: string;
  params: ParamSet;
  createKernel: (bank: ParamBank) => Kernel;
}

export function pluginIdsWithDsp(): string[] {
  const dir = join(repoRoot, 'plugins');
  return readdirSync(dir)
    .filter((id) => id !== 'scratch' && existsSync(join(dir, id, 'params.ts')) && existsSync(join(dir, id, 'dsp.ts')))
    .sort();
}

export async function loadPluginDsp(id: string): Promise<PluginDsp> {
  const paramsMod = await import(join(repoRoot, 'plugins', id, 'params.ts'));
  const dspMod = await import(join(repoRoot, 'plugins', id, 'dsp.ts'));
  const params = Object.values(paramsMod).find((v: any) => v && Array.isArray(v.list) && typeof v.wamInfo === 'function') as ParamSet;
  if (!params) throw new Error(`plugins/${id}/params.ts exports no ParamSet`);
  return { id, params, createKernel: dspMod.createKernel };
}

/** A bank and a kernel prepared for a sample rate, as the AudioWorklet shell does. */
export function instantiate(p: PluginDsp, sampleRate: number, channels = 2) {
  const bank = new ParamBank(p.params.specs());
  bank.prepare(sampleRate);
  const kernel = p.createKernel(bank);
  kernel.prepare(sampleRate, 128, channels);
  return { bank, kernel };
}

/** Deterministic PRNG (xorshift-multiply), uniform in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
