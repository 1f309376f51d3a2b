// Installs what a fresh clone lacks: npm dependencies, and (for tests) Debian's chromium.
// Node built-ins only, so it runs before anything is installed.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function run(cmd, opts = {}) {
  const r = spawnSync(cmd, { shell: true, stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`command failed (${r.status}): ${cmd}`);
}

export function ensureDeps() {
  const lock = statSync('package-lock.json', { throwIfNoEntry: false });
  const marker = statSync('node_modules/.package-lock.json', { throwIfNoEntry: false });
  if (!marker || (lock && lock.mtimeMs > marker.mtimeMs + 1000)) {
    console.log('> installing dependencies (npm ci)');
    run('npm ci --no-audit --no-fund', { env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  }
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let hasApt = false;
  try {
    execSync('command -v apt-get', { stdio: 'ignore' });
    hasApt = true;
  } catch {}
  if (isRoot && hasApt) {
    console.log('> installing Debian chromium (apt-get install chromium)');
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null');
    if (existsSync(CHROMIUM)) return true;
  }
  console.error(
    `\nChromium was not found at ${CHROMIUM}. The browser tests need it:\n` +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  elsewhere: install Chromium and set CHROMIUM_PATH=/path/to/chromium\n',
  );
  return false;
}
