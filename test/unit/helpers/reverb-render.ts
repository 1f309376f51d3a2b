/**
 * Rendering helpers for the reverb tests: the real kernel (plugins/reverb/dsp.ts) through
 * renderOffline at 48 kHz, 128-frame blocks.
 */
import { renderOffline } from '../../../shared-dsp/core/run-kernel.js';
import type { Kernel } from '../../../shared-dsp/core/kernel.js';
import { ParamBank } from '../../../shared-dsp/params/param-bank.js';
import { createKernel } from '../../../plugins/reverb/dsp.js';
import { reverbParams } from '../../../plugins/reverb/params.js';

export const FS = 48000;
export const ALGORITHMS = ['plate', 'hall', 'room', 'chamber'] as const;

export type Settings = Partial<Record<string, number>>;

export interface Rig {
  bank: ParamBank;
  kernel: Kernel;
  set(id: string, v: number): void;
  render(inputs: Float32Array[]): Float32Array[];
}

/** a fresh kernel with the given settings (values as declared: %, ms, s, Hz, choice index) */
export function rig(settings: Settings = {}, sampleRate = FS): Rig {
  const bank = new ParamBank(reverbParams.specs());
  bank.prepare(sampleRate);
  const set = (id: string, v: number): void => bank.setNow(reverbParams.index(id), v);
  for (const [k, v] of Object.entries(settings)) if (v !== undefined) set(k, v);
  const kernel = createKernel(bank);
  kernel.prepare(sampleRate, 128, 2);
  return { bank, kernel, set, render: (inputs) => renderOffline(kernel, bank, inputs) };
}

/** wet-only settings for measuring the reverb itself */
export const WET: Settings = { mix: 100, send: 1 };

/** response of a fresh kernel to a unit impulse at frame 0 on the given channels */
export function impulseResponse(settings: Settings, seconds: number, left = 1, right = 1, sampleRate = FS): Float32Array[] {
  const n = Math.round(seconds * sampleRate);
  const l = new Float32Array(n);
  const r = new Float32Array(n);
  l[0] = left;
  r[0] = right;
  return rig(settings, sampleRate).render([l, r]);
}

/** the four paths L->L, L->R, R->L, R->R (impulses into each input of fresh kernels) */
export function stereoResponses(settings: Settings, seconds: number, sampleRate = FS): Float32Array[] {
  return [...impulseResponse(settings, seconds, 1, 0, sampleRate), ...impulseResponse(settings, seconds, 0, 1, sampleRate)];
}

/** deterministic white noise in [-a, a) (linear congruential generator) */
export function noise(n: number, a: number, seed = 1): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = a * ((s / 4294967296) * 2 - 1);
  }
  return out;
}
