/**
 * Sessions in the demo host: autosave to IndexedDB (audio included) restores everything after a
 * reload; a session file saves and opens, with audio referenced by name and re-linked when
 * missing; a chain link (#chain=<code>, from #8) rebuilds a chain in a fresh browser.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pluginList } from './plugins.js';
import { openHost } from './host-helpers.js';

/** a mono 16-bit WAV file of a 220 Hz tone */
function toneWav(seconds: number, sampleRate = 44100): Buffer {
  const n = Math.round(seconds * sampleRate);
  const b = Buffer.alloc(44 + 2 * n);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + 2 * n, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(sampleRate, 24);
  b.writeUInt32LE(2 * sampleRate, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(2 * n, 40);
  for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / sampleRate)), 44 + 2 * i);
  return b;
}

const host = (page: Page) => page.evaluate.bind(page);
const has = (id: string) => pluginList().some((p) => p.id === id);

test('autosave: a reload restores names, mix, plugin states, lanes and added audio files', async ({ page }) => {
  const errors = await openHost(page);
  const drums = page.locator('.strip.track').first();
  await drums.locator('input.name').fill('Beats');
  await drums.locator('input.name').press('Enter');
  await page.setInputFiles('#file-input', { name: 'tone.wav', mimeType: 'audio/wav', buffer: toneWav(1.5) });
  await expect(page.locator('.strip.track')).toHaveCount(5);
  const setUp = await host(page)(async () => {
    const h = (window as any).varnishHost;
    const m = h.mixer;
    m.tracks[1].setGainDb(-7.5);
    m.tracks[1].setPan(-0.4);
    m.tracks[4].setSendDb(-12);
    const ins = m.master.chain.inserts[0];
    const info = await ins.node.getParameterInfo();
    const id = Object.keys(info).find((k) => info[k].type === 'float')!;
    const p = info[id];
    const value = p.minValue + 0.3 * (p.maxValue - p.minValue);
    await ins.node.setParameterValues({ [id]: { id, value, normalized: false } });
    ins.lanes.push({ param: id, label: p.label, on: true, min: p.minValue, max: p.maxValue, points: [[0.5, value], [1.25, p.minValue]] });
    await h.flushAutosave();
    return { id, value: (await ins.node.getParameterValues(false, id))[id].value, frames: m.tracks[4].buffer.length };
  });
  await page.reload();
  await expect(page.locator('#status')).toHaveText(/session restored/, { timeout: 60_000 });
  const back = await host(page)(async (id: string) => {
    const m = (window as any).varnishHost.mixer;
    const ins = m.master.chain.inserts[0];
    return {
      names: m.tracks.map((t: any) => t.name),
      gain: m.tracks[1].gainDb,
      pan: m.tracks[1].pan,
      send: m.tracks[4].sendDb,
      frames: m.tracks[4].buffer?.length,
      audio: m.tracks[4].audio.name,
      value: (await ins.node.getParameterValues(false, id))[id].value,
      lanes: ins.lanes.map((l: any) => l.points.length),
    };
  }, setUp.id);
  expect(back.names).toEqual(['Beats', 'Bass', 'Chords', 'Lead', 'tone']);
  expect(back).toMatchObject({ gain: -7.5, pan: -0.4, send: -12, frames: setUp.frames, audio: 'tone.wav', value: setUp.value, lanes: [2] });
  await expect(page.locator(`.lane`)).toHaveCount(2); // the demo's sweep and this one
  expect(errors).toEqual([]);
});

test('a session file saves and opens; missing audio is named and re-linked by file', async ({ page }) => {
  const errors = await openHost(page);
  await page.setInputFiles('#file-input', { name: 'tone.wav', mimeType: 'audio/wav', buffer: toneWav(1) });
  await expect(page.locator('.strip.track')).toHaveCount(5);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  expect(download.suggestedFilename()).toBe('Varnish-demo.varnish-session.json');
  const session = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(session.format).toBe('varnish-session');
  expect(session.tracks.map((t: any) => t.audio.name)).toEqual(['Drums (demo)', 'Bass (demo)', 'Chords (demo)', 'Lead (demo)', 'tone.wav']);
  const states = [...session.tracks.flatMap((t: any) => t.inserts), ...session.aux.inserts, ...session.master.inserts];
  expect(states.length).toBeGreaterThan(0);
  for (const i of states) expect(i.state?.plugin).toMatch(/^com\.varnish\./);

  // open it with one file gone: the track says which, and takes the file when given
  session.name = 'Reopened';
  session.tracks[4].audio = { name: 'elsewhere.wav', key: 'sha256:00000000000000000000000000000000' };
  await page.setInputFiles('#session-input', { name: 's.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(session)) });
  await expect(page.locator('#session-name')).toHaveValue('Reopened');
  const missing = page.locator('.strip.track').nth(4).locator('.missing');
  await expect(missing).toContainText('missing audio: elsewhere.wav');
  await missing.locator('input[type="file"]').setInputFiles({ name: 'elsewhere.wav', mimeType: 'audio/wav', buffer: toneWav(0.5) });
  await expect(missing).toHaveCount(0);
  expect(await host(page)(() => (window as any).varnishHost.mixer.tracks[4].buffer.duration)).toBeCloseTo(0.5, 2);
  expect(errors).toEqual([]);
});

test('a chain link rebuilds the chain in a fresh browser', async ({ page, browser }) => {
  test.skip(!has('eq'), 'the EQ is not built');
  const errors = await openHost(page);
  const lead = page.locator('.strip.track').nth(3);
  const before = await host(page)(async () => {
    const t = (window as any).varnishHost.mixer.tracks[3];
    const eq = t.chain.inserts.find((i: any) => i.identifier === 'com.varnish.eq');
    await eq.node.setParameterValues({ b5_gain: { id: 'b5_gain', value: 7.5, normalized: false }, b2_on: { id: 'b2_on', value: 1, normalized: false } });
    return t.chain.inserts.map((i: any) => i.identifier);
  });
  await lead.locator('button.share').click();
  await expect(page.locator('#status')).toContainText('chain link copied');
  const link: string = await host(page)(() => (window as any).varnishLastLink);
  expect(link).toMatch(/\/host-demo\/#chain=vrn1\.chain\.[A-Za-z0-9_-]+&on=Lead$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors2 = await openHost(other, link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.locator('#status')).toContainText('chain');
  const after = await other.evaluate(async () => {
    const t = (window as any).varnishHost.mixer.tracks[3];
    const eq = t.chain.inserts.find((i: any) => i.identifier === 'com.varnish.eq');
    const v = await eq.node.getParameterValues(false, 'b5_gain', 'b2_on');
    return { ids: t.chain.inserts.map((i: any) => i.identifier), b5: v.b5_gain.value, b2: v.b2_on.value, hash: location.hash };
  });
  expect(after).toEqual({ ids: before, b5: 7.5, b2: 1, hash: '' });
  await fresh.close();
  expect(errors).toEqual([]);
  expect(errors2).toEqual([]);
});
