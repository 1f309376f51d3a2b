/**
 * The audio thread does not allocate per sample: every plugin kernel, driven through runKernel
 * exactly as the AudioWorklet shell drives it, once warm.
 * - Parameters settled (each benchmark case): less than SETTLED_LIMIT bytes per 128-frame block,
 *   a few boxed doubles a block at most. Alone on a quiet machine every kernel reads 0 to 8
 *   (the loudness meter's 10 Hz gating step); with the whole suite running in parallel on two
 *   cores some read up to 16, one number a block, while V8 is still optimising.
 * - One parameter automated at a time: less than AUTOMATION_LIMIT bytes a block. Control-rate
 *   redesigns may box a few doubles (V8 boxes doubles passed to or returned from calls it does
 *   not inline); a single value boxed per sample would cost 2048 bytes a block.
 *
 * Measured with V8's sampling heap profiler (inspector HeapProfiler, objects collected by GC
 * included, one sample per 128 bytes on average): the estimate of bytes allocated per 128-frame
 * block must stay below 1. A single boxed double per sample (16 bytes) would read about 2048.
 */
import { Session } from 'node:inspector/promises';
import { describe, expect, it } from 'vitest';
import { runKernel } from '../../shared-dsp/core/run-kernel.js';
import type { ParamBank } from '../../shared-dsp/params/param-bank.js';
import type { ParamSet } from '../../shared-wam/params.js';
import { instantiate, loadPluginDsp, pluginIdsWithDsp, repoRoot, rng } from './helpers/plugins.js';

interface Case {
  name: string;
  setup(bank: ParamBank, params: ParamSet): void;
}

const BLOCK = 128;
const WARM = 6000;
const MEASURED = 3000;
/** bytes a block allowed (see above) */
const SETTLED_LIMIT = 64;
const AUTOMATION_LIMIT = 1024;

async function benchCases(id: string): Promise<Case[]> {
  const mod = await import(`${repoRoot}/bench/kernels/${id}.ts`);
  const fn = Object.entries(mod).find(([k]) => k.endsWith('BenchCases'))?.[1] as (() => Case[]) | undefined;
  return fn ? fn() : [];
}

/**
 * Bytes allocated per block (sampling estimate) while `step(b)` runs MEASURED blocks after
 * `warm` blocks. Up to three windows, the least is kept: on a loaded machine V8 may still be
 * compiling (unoptimised code boxes every double) during the first; allocation on the audio path
 * shows in every window.
 */
async function allocatedPerBlock(step: (b: number) => void, warm = WARM, limit = 0): Promise<{ perBlock: number; where: string }> {
  let b = 0;
  for (; b < warm; b++) step(b);
  let best = { perBlock: Infinity, where: '' };
  for (let attempt = 0; attempt < 3 && !(best.perBlock < limit); attempt++) {
    const s = new Session();
    s.connect();
    await s.post('HeapProfiler.enable');
    await s.post('HeapProfiler.startSampling', { samplingInterval: 128, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
    const end = b + MEASURED;
    for (; b < end; b++) step(b);
    const { profile } = await s.post('HeapProfiler.stopSampling');
    await s.post('HeapProfiler.disable');
    s.disconnect();
    // count what our code allocates (stacks through the repository's sources, the test's own
    // driver loop excluded); the profiler's own promises and messages are not ours
    const by = new Map<string, number>();
    let total = 0;
    const ours = (url: string) => url.includes(repoRoot) && !url.includes('/test/');
    const walk = (n: any, inOurs: boolean) => {
      const here = inOurs || ours(n.callFrame.url ?? '');
      if (n.selfSize > 0 && here) {
        const key = `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber}`;
        by.set(key, (by.get(key) ?? 0) + n.selfSize);
        total += n.selfSize;
      }
      for (const c of n.children ?? []) walk(c, here);
    };
    walk(profile.head, false);
    const where = [...by.entries()].sort((x, y) => y[1] - x[1]).slice(0, 3).map(([k, v]) => `${k} ${(v / MEASURED).toFixed(1)} B`).join(', ');
    if (total / MEASURED < best.perBlock) best = { perBlock: total / MEASURED, where };
  }
  return best;
}

describe('no allocation on the audio thread', async () => {
  for (const id of pluginIdsWithDsp()) {
    const p = await loadPluginDsp(id);
    const cases = await benchCases(id);
    for (const c of cases) {
      it(`${id}, bench case ${c.name}`, async () => {
        const { bank, kernel } = instantiate(p, 48000);
        c.setup(bank, p.params);
        const inp = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
        const out = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
        const r = rng(3);
        const step = () => {
          for (let i = 0; i < BLOCK; i++) {
            inp[0][i] = (r() * 2 - 1) * 0.5;
            inp[1][i] = (r() * 2 - 1) * 0.5;
          }
          runKernel(kernel, bank, inp, out, 0, BLOCK);
        };
        const a = await allocatedPerBlock(step, WARM, SETTLED_LIMIT);
        console.log(`${id} ${c.name}: ${a.perBlock.toFixed(1)} B per block`);
        expect(a.perBlock, `${id} ${c.name}: ${a.perBlock.toFixed(1)} B per block (${a.where})`).toBeLessThan(SETTLED_LIMIT);
      });
    }
    it(`${id}, one parameter automated at a time`, async () => {
      const { bank, kernel } = instantiate(p, 48000);
      const inp = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
      const out = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
      const r = rng(11);
      const specs = p.params.specs();
      // every parameter in turn, like one automation lane: a new random target every 4 blocks
      // (ramps never settle) for 96 blocks, then the next parameter
      const step = (b: number) => {
        const i = Math.floor(b / 96) % specs.length;
        if (b % 4 === 0) bank.setTarget(i, specs[i].min + r() * (specs[i].max - specs[i].min));
        for (let k = 0; k < BLOCK; k++) {
          inp[0][k] = (r() * 2 - 1) * 0.5;
          inp[1][k] = (r() * 2 - 1) * 0.5;
        }
        runKernel(kernel, bank, inp, out, 0, BLOCK);
      };
      // warm: every parameter's lane three times over, so the JIT has seen every path (V8 deoptimises
      // and boxes while it learns new types and object shapes)
      const a = await allocatedPerBlock(step, 3 * 96 * specs.length, AUTOMATION_LIMIT);
      console.log(`${id} automated: ${a.perBlock.toFixed(1)} B per block (${a.where})`);
      // control-rate redesigns may box a few doubles a block; one boxed value per sample would be
      // 2048 bytes a block
      expect(a.perBlock, `${id} automated: ${a.perBlock.toFixed(1)} B per block (${a.where})`).toBeLessThan(AUTOMATION_LIMIT);
    });
  }
});
