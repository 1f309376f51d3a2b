/**
 * Timing in the demo host, checked in bounces parsed in Node:
 * - latency compensation: tracks whose chains report different getCompensationDelay() stay
 *   sample-aligned at the master, and the master's own latency is cut from the file;
 * - automation: a lane plays back through `wam-automation` events at the exact sample (also
 *   behind plugins with latency), on Varnish plugins too; a lane recorded while playing from
 *   the plugin's own GUI plays back in realtime and in the bounce at the recorded times.
 */
import { expect, test } from '@playwright/test';
import { pluginList } from './plugins.js';
import { addInsert, addTrack, argmaxAbs, bounce, contextRate, dc, FIXTURE_URL, impulse, openHost, rms } from './host-helpers.js';

const has = (id: string) => pluginList().some((p) => p.id === id);
const acme = (values: Record<string, number>) => ({ state: { acme: 1, values: { gain: 0, delay: 0, ...values } } });

test('latency compensation: an impulse on tracks with different chain latencies reaches the master at one sample', async ({ page }) => {
  const errors = await openHost(page, '/host-demo/?empty');
  const SR = await contextRate(page);
  const at = 0.5;
  const a = await addTrack(page, 'A', [impulse(1, at, 0.25, SR)], SR);
  const b = await addTrack(page, 'B', [impulse(1, at, 0.25, SR)], SR);
  const c = await addTrack(page, 'C', [impulse(1, at, 0.25, SR)], SR);
  // A: a third-party plugin with 300 samples of delay; B: a Varnish lookahead plugin when built; C: nothing
  await addInsert(page, a, FIXTURE_URL, acme({ delay: 300 }));
  let lookahead = 0;
  if (has('compressor')) {
    await addInsert(page, b, '../plugins/compressor/index.js', { state: { plugin: 'com.varnish.compressor', version: 1, params: { lookahead: 5, threshold: 0 } } });
    lookahead = await page.evaluate((t) => (window as any).varnishHost.mixer.strip(t).chain.latency, b);
    expect(lookahead).toBeGreaterThan(0);
  }
  // and latency on the master, cut from the start of the file
  await addInsert(page, 'master', FIXTURE_URL, acme({ delay: 77 }));
  await page.evaluate(([a, b]) => {
    const m = (window as any).varnishHost.mixer;
    m.strip(a).setPan(-1, true);
    m.strip(b).setPan(1, true);
  }, [a, b]);
  // the strips show the alignment the host chose
  const comp = await page.evaluate(([a, b, c]) => [a, b, c].map((t) => (window as any).varnishHost.mixer.strip(t).compSamples), [a, b, c]);
  const maxLat = Math.max(300, lookahead);
  expect(comp).toEqual([maxLat - 300, maxLat - lookahead, maxLat]);

  const { wav, latency } = await bounce(page, { sampleRate: SR, start: 0, end: 1, bits: 24 });
  expect(latency).toBe(maxLat + 77);
  const [L, R] = wav.channels;
  const expected = Math.round(at * SR);
  // A (left) and B (right) arrive where C (both sides) does: at the song position of the impulse
  expect(argmaxAbs(L)).toBe(expected);
  expect(argmaxAbs(R)).toBe(expected);
  // left: A (hard left: both sides of the up-mixed mono, 2 x 0.25) + C (centre, 0.25); nothing a sample early or late
  expect(L[expected]).toBeCloseTo(0.75, 3);
  for (const k of [-2, -1, 1, 2]) expect(Math.abs(L[expected + k])).toBeLessThan(1e-3);
  expect(errors).toEqual([]);
});

test('automation: a lane switches a parameter at its exact sample in the bounce, also behind upstream latency', async ({ page }) => {
  const errors = await openHost(page, '/host-demo/?empty');
  const SR = await contextRate(page);
  const t = await addTrack(page, 'DC', [dc(2, 0.25, SR)], SR);
  await addInsert(page, t, FIXTURE_URL, acme({ delay: 500 }));
  const lanes = [{ param: 'gain', label: 'Gain', on: true, min: -60, max: 12, points: [[0, 0], [1, -60], [1.5, -6.0206]] }];
  await addInsert(page, 'master', FIXTURE_URL, { ...acme({}), lanes });
  const { wav } = await bounce(page, { sampleRate: SR, start: 0, end: 2, bits: 24 });
  const [L] = wav.channels;
  const s1 = SR;
  const s2 = Math.round(1.5 * SR);
  expect(L[s1 - 1]).toBeCloseTo(0.25, 4);
  expect(Math.abs(L[s1])).toBeLessThan(1e-6);
  expect(Math.abs(L[s2 - 1])).toBeLessThan(1e-6);
  expect(L[s2]).toBeCloseTo(0.125, 4);
  expect(L[s2 + 1000]).toBeCloseTo(0.125, 4);
  expect(wav.sampleRate).toBe(SR);
  expect(errors).toEqual([]);
});

test('automation on a Varnish plugin plays back in the bounce', async ({ page }) => {
  test.skip(!has('eq'), 'the EQ is not built');
  const errors = await openHost(page, '/host-demo/?empty');
  const SR = await contextRate(page);
  const t = await addTrack(page, 'Tone', [Array.from({ length: 2 * SR }, (_, i) => 0.2 * Math.sin((2 * Math.PI * 1000 * i) / SR))], SR);
  const lanes = [{ param: 'output', label: 'Output', on: true, min: -24, max: 24, points: [[0, 0], [1, -12]] }];
  await addInsert(page, t, '../plugins/eq/index.js', { lanes });
  const { wav } = await bounce(page, { sampleRate: SR, start: 0, end: 2, bits: 24 });
  const [L] = wav.channels;
  const before = rms(L, 0.5 * SR, 0.99 * SR);
  const after = rms(L, 1.1 * SR, 1.9 * SR);
  expect(20 * Math.log10(after / before)).toBeCloseTo(-12, 1);
  // the move starts at the lane point, not earlier
  expect(20 * Math.log10(rms(L, 0.95 * SR, SR) / before)).toBeCloseTo(0, 2);
  expect(errors).toEqual([]);
});

test('automation recorded from a plugin GUI while playing is shown, plays back in realtime, and in the bounce at the recorded times', async ({ page }) => {
  const errors = await openHost(page, '/host-demo/?empty');
  const SR = await contextRate(page);
  const t = await addTrack(page, 'DC', [dc(12, 0.25, SR)], SR);
  const ins = await addInsert(page, t, FIXTURE_URL);
  const strip = page.locator(`.strip[data-strip="${t}"]`);
  await strip.locator(`.insert[data-insert="${ins}"] .open`).click();
  const slider = page.locator(`#panels .panel[data-insert="${ins}"] input[aria-label="Gain"]`);
  await expect(slider).toBeVisible();
  await strip.locator(`.insert[data-insert="${ins}"] .arm`).click();
  await expect(strip.locator(`.insert[data-insert="${ins}"] .arm`)).toHaveAttribute('aria-pressed', 'true');
  await page.click('#play');
  await expect.poll(() => page.evaluate(() => (window as any).varnishHost.transport.position)).toBeGreaterThan(0.5);
  await slider.focus();
  for (let k = 0; k < 12; k++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(50);
  }
  const done = await page.evaluate(() => (window as any).varnishHost.transport.position);
  await expect.poll(() => page.evaluate(() => (window as any).varnishHost.transport.position)).toBeGreaterThan(done + 0.3);
  await page.click('#stop');
  // the lane exists, is drawn, and ends at -6 dB
  await expect(page.locator(`.lane[data-insert="${ins}"][data-param="gain"] canvas`)).toBeVisible();
  const points: Array<[number, number]> = await page.evaluate((id) => (window as any).varnishHost.mixer.findInsert(id).insert.lanes[0].points, ins);
  expect(points.length).toBeGreaterThan(3);
  expect(points[points.length - 1][1]).toBe(-6);
  const firstMove = points.find(([, v]) => v < 0)!;
  const lastTime = points[points.length - 1][0];
  expect(firstMove[0]).toBeGreaterThan(0.3);
  expect(lastTime).toBeLessThan(11);

  // disarmed, the lane plays back in realtime: the parameter follows it through wam-automation events
  await strip.locator(`.insert[data-insert="${ins}"] .arm`).click();
  await page.evaluate((id) => (window as any).varnishHost.mixer.findInsert(id).insert.node.setParameterValues({ gain: { id: 'gain', value: 3, normalized: false } }), ins);
  await page.click('#play');
  await expect.poll(() => page.evaluate(async (id) => (await (window as any).varnishHost.mixer.findInsert(id).insert.node.getParameterValues(false, 'gain')).gain.value, ins)).toBe(0);
  await expect.poll(() => page.evaluate(async (id) => (await (window as any).varnishHost.mixer.findInsert(id).insert.node.getParameterValues(false, 'gain')).gain.value, ins), { timeout: 10_000 }).toBe(-6);
  await page.click('#stop');

  // in the bounce, the level changes at the first recorded move, to the sample
  const { wav } = await bounce(page, { sampleRate: SR, start: 0, end: Math.min(12, lastTime + 0.5), bits: 24 });
  const [L] = wav.channels;
  const s = Math.round(firstMove[0] * SR);
  expect(L[s - 1]).toBeCloseTo(0.25, 4);
  expect(L[s]).toBeCloseTo(0.25 * 10 ** (firstMove[1] / 20), 4);
  expect(L[Math.round((lastTime + 0.2) * SR)]).toBeCloseTo(0.25 * 10 ** (-6 / 20), 4);
  expect(errors).toEqual([]);
});
