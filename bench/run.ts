/**
 * npm run bench: Node kernel throughput for every plugin, then (with Chromium) 60 s
 * OfflineAudioContext renders through each built plugin against a pass-through AudioWorklet
 * and the nearest native node, all in one run. Prints a table, writes bench/results.json.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchKernel, type BenchCase, type NodeResult } from './node-bench.js';
import { benchBrowser, type BrowserResult } from './browser-bench.js';

const root = resolve('.'); // npm runs scripts from the project root
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const quick = process.argv.includes('--quick');

async function main() {
  const ids = readdirSync(join(root, 'plugins')).filter(
    (id) => existsSync(join(root, 'plugins', id, 'dsp.ts')) && existsSync(join(root, 'bench/kernels', `${id}.ts`)) && (!only.length || only.includes(id)),
  );
  const node: NodeResult[] = [];
  for (const id of ids) {
    const paramsMod = await import(`../plugins/${id}/params.ts`);
    const dsp = await import(`../plugins/${id}/dsp.ts`);
    const casesMod = await import(`./kernels/${id}.ts`);
    const params = Object.values(paramsMod).find((v: any) => v && Array.isArray(v.list) && typeof v.wamInfo === 'function') as any;
    const casesFn = Object.entries(casesMod).find(([k]) => k.endsWith('BenchCases'))?.[1] as () => BenchCase[];
    const r = benchKernel(id, params, dsp.createKernel, casesFn(), quick ? { seconds: 2, runs: 3 } : {});
    for (const x of r) {
      console.log(`node  ${x.plugin.padEnd(10)} ${x.case.padEnd(8)} ${x.medianX.toFixed(0).padStart(6)}x realtime (min ${x.minX.toFixed(0)}, max ${x.maxX.toFixed(0)}; ${(x.vsPassThrough * 100).toFixed(2)} % of pass-through)`);
    }
    node.push(...r);
  }
  let browser: BrowserResult[] = [];
  if (!process.argv.includes('--node-only')) browser = await benchBrowser(ids, { seconds: quick ? 10 : 60 });
  for (const b of browser) {
    console.log(`chrome ${b.plugin.padEnd(10)} ${b.case.padEnd(8)} ${b.renderSeconds.toFixed(3)} s for ${b.audioSeconds} s; pass-through ${b.passThroughSeconds.toFixed(3)} s; ${b.nativeName} ${b.nativeSeconds?.toFixed(3) ?? '-'} s; speed vs native ${b.vsNative ? b.vsNative.toFixed(2) + 'x' : '-'}`);
  }
  const out = { date: new Date().toISOString(), node, browser };
  writeFileSync(join(root, 'bench/results.json'), JSON.stringify(out, null, 2) + '\n');
  console.log('\nwrote bench/results.json');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
