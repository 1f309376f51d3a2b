/** Shared set-up for the demo host suites (host-*.spec.ts). */
import { expect, type Page } from '@playwright/test';
import { parseWav, type WavData } from '../unit/helpers/wav.js';

export const FIXTURE_URL = '/test-fixtures/third-party/index.js';

/** Open the host, wait until the session is loaded; collects page errors and console errors. */
export async function openHost(page: Page, path = '/host-demo/'): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(path);
  await expect(page.locator('#status')).toHaveText(/plugins loaded/, { timeout: 60_000 });
  await page.evaluate(() => (window as any).varnishHost.ready);
  return errors;
}

/** An empty session (no tracks, no inserts). */
export async function emptySession(page: Page): Promise<void> {
  await page.evaluate(() => (window as any).varnishHost.empty());
}

/** A track from samples, added like a dropped WAV file; returns its id. */
export function addTrack(page: Page, name: string, channels: number[][], sampleRate: number): Promise<string> {
  return page.evaluate(({ name, channels, sampleRate }) => (window as any).varnishHost.addWavTrack(name, channels, sampleRate), { name, channels, sampleRate });
}

export function impulse(seconds: number, at: number, amp = 0.5, sampleRate = 48000): number[] {
  const x = new Array(Math.round(seconds * sampleRate)).fill(0);
  x[Math.round(at * sampleRate)] = amp;
  return x;
}

export function dc(seconds: number, amp: number, sampleRate = 48000): number[] {
  return new Array(Math.round(seconds * sampleRate)).fill(amp);
}

/** Insert a plugin by URL into a strip ('master', 'aux' or a track id); returns the insert id. */
export function addInsert(page: Page, strip: string, url: string, data: Record<string, unknown> = {}): Promise<string> {
  return page.evaluate(
    async ({ strip, url, data }) => {
      const h = (window as any).varnishHost;
      const s = h.mixer.strip(strip);
      const ins = await h.mixer.addInsert(s, new URL(url, location.href).href, data);
      return ins.id;
    },
    { strip, url, data },
  );
}

/** Bounce through the host and parse the WAV in Node. */
export async function bounce(page: Page, opts: Record<string, unknown>): Promise<{ wav: WavData; latency: number; report: any }> {
  const r = await page.evaluate((o) => (window as any).varnishHost.bounce(o), opts);
  const bytes = Buffer.from(r.wav, 'base64');
  return { wav: parseWav(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)), latency: r.latency, report: r.report };
}

export function argmaxAbs(x: Float32Array): number {
  let k = 0;
  for (let i = 1; i < x.length; i++) if (Math.abs(x[i]) > Math.abs(x[k])) k = i;
  return k;
}

export function rms(x: Float32Array, from: number, to: number): number {
  const a = Math.round(from);
  const b = Math.round(to);
  let s = 0;
  for (let i = a; i < b; i++) s += x[i] * x[i];
  return Math.sqrt(s / Math.max(1, b - a));
}

/** the host's AudioContext rate: tracks made at this rate are not resampled */
export function contextRate(page: Page): Promise<number> {
  return page.evaluate(() => (window as any).varnishHost.app.ctx.sampleRate);
}
