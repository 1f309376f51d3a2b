/**
 * The demo host opens with the generated demo session (every Varnish plugin from
 * plugins/index.json in a chain), plays it in realtime, and its meters move.
 */
import { expect, test } from '@playwright/test';
import { pluginList } from './plugins.js';
import { addTrack, bounce, contextRate, dc, openHost } from './host-helpers.js';

test('the demo session loads every Varnish plugin by URL, plays, and the master meter and loudness readout move', async ({ page }) => {
  const errors = await openHost(page);
  const ids = pluginList().map((p) => p.identifier);
  // every plugin in the index is in a chain, and its window is open
  const inChains = await page.evaluate(() => (window as any).varnishHost.mixer.inserts.map((i: any) => i.identifier));
  for (const id of ids) expect(inChains).toContain(id);
  await expect(page.locator('#panels .panel')).toHaveCount(ids.length);
  await expect(page.locator('#mixer .strip.track')).toHaveCount(4);
  await expect(page.locator('#mixer .strip.aux')).toHaveCount(1);
  await expect(page.locator('#mixer .strip.master')).toHaveCount(1);

  await page.click('#play');
  await expect.poll(() => page.evaluate(() => (window as any).varnishHost.app.ctx.state)).toBe('running');
  await expect.poll(async () => Number(await page.locator('canvas[data-meter="master"]').getAttribute('data-db')), { timeout: 15_000 }).toBeGreaterThan(-30);
  await expect.poll(async () => Number((await page.locator('#lufs-m').textContent())?.replace('−', '-')), { timeout: 15_000 }).toBeGreaterThan(-40);
  await expect.poll(() => page.evaluate(() => (window as any).varnishHost.transport.position)).toBeGreaterThan(0.5);
  await expect(page.locator('#position')).not.toHaveText('0:00.000');

  // Space pauses and resumes
  await page.locator('body').press('Space');
  await expect.poll(() => page.evaluate(() => (window as any).varnishHost.transport.state)).toBe('paused');
  const at = await page.evaluate(() => (window as any).varnishHost.transport.position);
  await page.locator('body').press('Space');
  await expect.poll(() => page.evaluate(() => (window as any).varnishHost.transport.position)).toBeGreaterThan(at + 0.2);
  await page.click('#stop');
  await expect.poll(() => page.evaluate(() => (window as any).varnishHost.transport.position)).toBe(0);
  expect(errors).toEqual([]);
});

test('the overview seeks on click and sets the loop region on drag; playback loops', async ({ page }) => {
  const errors = await openHost(page);
  const box = (await page.locator('#overview canvas').boundingBox())!;
  const len = await page.evaluate(() => (window as any).varnishHost.mixer.length);
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
  await expect.poll(() => page.evaluate(() => (window as any).varnishHost.transport.position)).toBeCloseTo(len * 0.5, 1);
  await page.mouse.move(box.x + box.width * 0.1, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.2, box.y + 20, { steps: 5 });
  await page.mouse.up();
  const loop = await page.evaluate(() => (window as any).varnishHost.transport.loop);
  expect(loop.on).toBe(true);
  expect(loop.start).toBeCloseTo(len * 0.1, 1);
  expect(loop.end).toBeCloseTo(len * 0.2, 1);
  await expect(page.locator('#loop')).toHaveAttribute('aria-pressed', 'true');
  await page.evaluate(() => (window as any).varnishHost.transport.seek((window as any).varnishHost.transport.loop.start));
  await page.click('#play');
  // after more than one pass the play head is still inside the region
  await page.waitForTimeout(((loop.end - loop.start) * 1.5 + 0.3) * 1000);
  const p = await page.evaluate(() => (window as any).varnishHost.transport.position);
  expect(p).toBeGreaterThanOrEqual(loop.start - 0.01);
  expect(p).toBeLessThanOrEqual(loop.end + 0.01);
  await page.click('#stop');
  expect(errors).toEqual([]);
});

test('audio files dropped on the page become tracks; delete, mute and solo shape the bounced mix', async ({ page }) => {
  const errors = await openHost(page, '/host-demo/?empty');
  const sr = await contextRate(page);
  // drop a WAV file made here on the page
  const wav = Buffer.alloc(44 + 2 * 4410);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + 2 * 4410, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(44100, 24);
  wav.writeUInt32LE(88200, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(2 * 4410, 40);
  await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'dropped.wav', { type: 'audio/wav' }));
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, wav.toString('base64'));
  await expect(page.locator('.strip.track input.name')).toHaveValue('dropped');
  await page.locator('.strip.track button.delete').click();
  await expect(page.locator('.strip.track')).toHaveCount(0);

  const a = await addTrack(page, 'A', [dc(1, 0.1, sr)], sr);
  const b = await addTrack(page, 'B', [dc(1, 0.2, sr)], sr);
  const level = async () => (await bounce(page, { sampleRate: sr, start: 0, end: 0.5 })).wav.channels[0][Math.round(0.25 * sr)];
  expect(await level()).toBeCloseTo(0.3, 4);
  await page.locator(`.strip[data-strip="${b}"] button.solo`).click();
  expect(await level()).toBeCloseTo(0.2, 4);
  await page.locator(`.strip[data-strip="${b}"] button.solo`).click();
  await page.locator(`.strip[data-strip="${b}"] button.mute`).click();
  expect(await level()).toBeCloseTo(0.1, 4);
  // the fader: -6.0206 dB halves A
  await page.evaluate((id) => (window as any).varnishHost.mixer.strip(id).setGainDb(-6.0206), a);
  expect(await level()).toBeCloseTo(0.05, 4);
  expect(errors).toEqual([]);
});
