/**
 * Bounce from the dialog: the demo session rendered offline (fresh plugin instances restored
 * from their state) to a 16-bit 44.1 kHz WAV, downloaded, parsed in Node and measured again
 * with the shared LoudnessMeter: the host's report must agree. Cancelling stops a render.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LoudnessMeter } from '../../shared-dsp/loudness/loudness-meter.js';
import { parseWav } from '../unit/helpers/wav.js';
import { pluginList } from './plugins.js';
import { openHost } from './host-helpers.js';

test('the demo bounces to a valid WAV whose loudness, measured again in Node, matches the report', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = await openHost(page);
  const length = await page.evaluate(() => (window as any).varnishHost.mixer.length);
  await page.click('#bounce-open');
  await page.selectOption('#bounce-bits', '16');
  await page.selectOption('#bounce-rate', '44100');
  await page.selectOption('#bounce-range', 'song');
  await page.selectOption('#bounce-target', { index: 0 });
  await page.click('#bounce-start');
  const link = page.locator('#bounce-download');
  await expect(link).toBeVisible({ timeout: 180_000 });
  expect(await page.locator('#bounce-progress').evaluate((p: HTMLProgressElement) => p.value)).toBe(1);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/44\.1k-16bit\.wav$/);
  const bytes = readFileSync(await download.path());
  const wav = parseWav(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  expect(wav).toMatchObject({ sampleRate: 44100, bitsPerSample: 16, format: 1 });
  expect(wav.channels.length).toBe(2);
  expect(wav.frames).toBe(Math.round((length + 2) * 44100));

  const meter = new LoudnessMeter({ sampleRate: 44100, channels: 2 });
  meter.process(wav.channels);
  const report = page.locator('#bounce-report');
  const reported = Number(await report.getAttribute('data-integrated'));
  expect(meter.integrated).toBeGreaterThan(-30);
  expect(meter.integrated).toBeLessThan(-6);
  // the report measured the float render; the file adds 16-bit TPDF dither only
  expect(Math.abs(meter.integrated - reported)).toBeLessThan(0.05);
  expect(Math.abs(meter.loudnessRange - Number(await report.getAttribute('data-range')))).toBeLessThan(0.2);
  if (pluginList().some((p) => p.id === 'limiter')) {
    // the limiter on the master holds its -1 dBTP ceiling
    expect(meter.truePeak).toBeLessThan(-0.8);
  }
  await expect(report).toContainText('Integrated');
  await expect(report).toContainText('Against target');
  await expect(report).toContainText('True peak');
  expect(errors).toEqual([]);
});

test('a bounce can be cancelled, and the next one (the loop region) completes', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = await openHost(page);
  await page.click('#bounce-open');
  await page.selectOption('#bounce-range', 'song');
  await page.click('#bounce-start');
  await expect.poll(() => page.locator('#bounce-progress').evaluate((p: HTMLProgressElement) => p.value), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.click('#bounce-cancel');
  await expect(page.locator('#bounce-report')).toHaveText('Cancelled.', { timeout: 30_000 });
  await expect(page.locator('#bounce-download')).toBeHidden();
  await page.click('#bounce-close');

  await page.fill('#loop-start', '1');
  await page.fill('#loop-end', '3');
  await page.locator('#loop-end').press('Enter');
  await expect.poll(() => page.evaluate(() => (window as any).varnishHost.transport.loop.end)).toBe(3);
  await page.click('#bounce-open');
  await page.selectOption('#bounce-range', 'loop');
  await page.click('#bounce-start');
  await expect(page.locator('#bounce-download')).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('#bounce-report')).toContainText('2.00 s');
  expect(errors).toEqual([]);
});
