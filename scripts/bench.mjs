// npm run bench: bundles bench/run.ts with esbuild (TypeScript, no extra runtime) and runs it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { ensureDeps, run } from './ensure.mjs';

ensureDeps();
run('npm run -s build');
await build({
  entryPoints: ['bench/run.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: 'dist/bench/run.mjs',
  external: ['@playwright/test', 'playwright', 'playwright-core'],
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['dist/bench/run.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
