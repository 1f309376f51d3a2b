// npm test: installs what is missing, builds, type-checks, runs the Node suite (vitest) and the
// browser suites (Playwright + Debian chromium), then prints one closing "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensureDeps } from './ensure.mjs';

const sh = (cmd, env = {}) => spawnSync(cmd, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

ensureDeps();
const haveChromium = ensureChromium();
mkdirSync('test-results', { recursive: true });

let passed = 0;
let failed = 0;
const step = (name, ok) => {
  if (ok) passed++;
  else {
    failed++;
    console.error(`✗ ${name} failed`);
  }
};

step('build (npm run build)', sh('npm run -s build') === 0);
step('type-check (tsc --noEmit)', sh('npx tsc --noEmit -p .') === 0);

rmSync('test-results/vitest.json', { force: true });
sh('npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json');
if (existsSync('test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += (v.numFailedTests ?? 0) + (v.numRuntimeErrorTestSuites ?? 0);
} else step('vitest (no report written)', false);

if (haveChromium) {
  rmSync('test-results/playwright.json', { force: true });
  sh('npx playwright test', { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json' });
  if (existsSync('test-results/playwright.json')) {
    const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
    passed += p.stats?.expected ?? 0;
    failed += (p.stats?.unexpected ?? 0) + (p.errors?.length ?? 0);
  } else step('playwright (no report written)', false);
} else step('browser tests (Chromium missing, see above)', false);

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
