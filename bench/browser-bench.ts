/**
 * Chromium part of the benchmark: 60 s OfflineAudioContext renders through each built plugin,
 * against a pass-through AudioWorklet and the nearest native node, in the same browser run.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { ParamBank } from '../shared-dsp/params/param-bank.js';
import type { BenchCase } from './node-bench.js';

export interface BrowserResult {
  plugin: string;
  case: string;
  audioSeconds: number;
  renderSeconds: number;
  passThroughSeconds: number;
  nativeName: string;
  nativeSeconds: number | null;
  /** median over rounds of native render time / plugin render time: > 1 means faster than native */
  vsNative: number | null;
}

const NATIVE: Record<string, 'biquads' | 'compressor' | 'convolver' | undefined> = {
  eq: 'biquads',
  compressor: 'compressor',
  reverb: 'convolver',
  limiter: 'compressor',
};

const ROUNDS = 5;

export async function benchBrowser(ids: string[], { seconds = 60 } = {}): Promise<BrowserResult[]> {
  const exe = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(exe) || !existsSync('dist/plugins/index.json')) {
    console.log('browser benchmark skipped: needs Chromium and `npm run build`');
    return [];
  }
  const serverModule = pathToFileURL(resolve('scripts/serve.mjs')).href;
  const { serve } = await import(serverModule);
  const port = 8190 + Math.floor(Math.random() * 500);
  const server = await serve({ port, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'] });
  const results: BrowserResult[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/test-fixtures/harness.html`);
    await page.waitForFunction(() => (globalThis as any).harness !== undefined);
    const baseline = (kind: string) => page.evaluate(([k, s]) => (globalThis as any).harness.renderBaseline(k, s), [kind, seconds] as const);
    for (const id of ids) {
      if (!existsSync(`dist/plugins/${id}/index.js`)) continue;
      const paramsMod = await import(`../plugins/${id}/params.ts`);
      const casesMod = await import(`./kernels/${id}.ts`);
      const params = Object.values(paramsMod).find((v: any) => v && Array.isArray(v.list) && typeof v.wamInfo === 'function') as any;
      const cases = (Object.entries(casesMod).find(([k]) => k.endsWith('BenchCases'))![1] as () => BenchCase[])();
      for (const c of cases) {
        if (c.signal && c.signal !== 'noise') continue; // Node-only cases
        const bank = new ParamBank(params.specs());
        c.setup(bank, params);
        const values: Record<string, number> = {};
        for (const p of params.list) values[p.id] = bank.target[p.index];
        // five interleaved rounds: the machine's load moves between rounds more than within one,
        // so the speed against native is the median of each round's own ratio
        const passT: number[] = [];
        const nativeT: number[] = [];
        const pluginT: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          passT.push((await baseline('pass-through')).renderMs);
          if (NATIVE[id]) nativeT.push((await baseline(NATIVE[id]!)).renderMs);
          const r = await page.evaluate(
            ([url, values, s]) => (globalThis as any).harness.render({ url, values, seconds: s, signal: 'noise', amp: 0.25, summary: true }),
            [`http://127.0.0.1:${port}/plugins/${id}/index.js`, values, seconds] as const,
          );
          pluginT.push(r.renderMs);
        }
        const med = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
        const pass = { renderMs: med(passT) };
        const native = nativeT.length ? { renderMs: med(nativeT) } : null;
        const r = { renderMs: med(pluginT) };
        results.push({
          plugin: id,
          case: c.name,
          audioSeconds: seconds,
          renderSeconds: r.renderMs / 1000,
          passThroughSeconds: pass.renderMs / 1000,
          nativeName: NATIVE[id] ?? 'none',
          nativeSeconds: native ? native.renderMs / 1000 : null,
          vsNative: native ? med(nativeT.map((t, k) => t / pluginT[k])) : null,
        });
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}
