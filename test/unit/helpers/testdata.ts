/**
 * Where the shared test data (official EBU signals) lives. It is not in the repository: it sits
 * beside the checkout as `../shared/testdata`. A scratch clone (`git clone . /tmp/x`) has no
 * such neighbour, so the folder beside the clone's origin, when that is a local path, counts too.
 * `VARNISH_TESTDATA` overrides both.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './plugins.js';

function originDir(): string | null {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    if (!url || /^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/]+@[^:]+:/.test(url)) return null;
    return path.resolve(repoRoot, url.replace(/^file:\/\//, ''));
  } catch {
    return null;
  }
}

/** The places searched, first match wins. */
export function testdataCandidates(): string[] {
  const out: string[] = [];
  if (process.env.VARNISH_TESTDATA) out.push(path.resolve(process.env.VARNISH_TESTDATA));
  out.push(path.resolve(repoRoot, '..', 'shared', 'testdata'));
  const origin = originDir();
  if (origin) out.push(path.resolve(origin, '..', 'shared', 'testdata'));
  return out;
}

/** The folder `sub` of the shared test data, or the first candidate (so a miss names it). */
export function testdataDir(sub: string): string {
  const all = testdataCandidates().map((d) => path.join(d, sub));
  return all.find((d) => existsSync(d)) ?? all[0];
}
