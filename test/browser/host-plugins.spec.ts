/**
 * Inserts in the demo host: every Varnish plugin from plugins/index.json is added from a strip's
 * menu, its GUI opens in a panel, and a control turned from the keyboard inside that GUI moves
 * the parameter, read back through the WAM 2 API (getParameterValues). A third-party WAM 2
 * plugin (test/browser/fixtures/third-party, written by hand against the API) loads by URL the
 * same way. Inserts reorder by dragging, bypass (level-matched) and remove.
 */
import { expect, test, type Page } from '@playwright/test';
import { pluginList } from './plugins.js';
import { addInsert, addTrack, contextRate, dc, FIXTURE_URL, openHost } from './host-helpers.js';

async function values(page: Page, insertId: string): Promise<Record<string, number>> {
  return page.evaluate(async (id) => {
    const { insert } = (window as any).varnishHost.mixer.findInsert(id);
    const v = await insert.node.getParameterValues(false);
    return Object.fromEntries(Object.entries(v).map(([k, x]: [string, any]) => [k, x.value]));
  }, insertId);
}

async function labels(page: Page, insertId: string): Promise<Record<string, string>> {
  return page.evaluate(async (id) => {
    const { insert } = (window as any).varnishHost.mixer.findInsert(id);
    const info = await insert.node.getParameterInfo();
    return Object.fromEntries(Object.values(info).map((p: any) => [p.id, p.label]));
  }, insertId);
}

/** Turn the first movable slider in the insert's panel up one step; returns the parameter that moved. */
async function turnAKnob(page: Page, insertId: string): Promise<{ id: string; before: number; after: number; label: string }> {
  const panel = page.locator(`#panels .panel[data-insert="${insertId}"]`);
  const sliders = panel.locator('[role="slider"], input[type="range"]');
  await expect(sliders.first()).toBeVisible({ timeout: 20_000 });
  const before = await values(page, insertId);
  const names = await labels(page, insertId);
  const n = await sliders.count();
  for (let k = 0; k < n; k++) {
    const s = sliders.nth(k);
    if (!(await s.isVisible())) continue;
    const label = (await s.getAttribute('aria-label')) ?? '';
    const id = Object.keys(names).find((p) => names[p] === label);
    if (!id) continue;
    const now = Number((await s.getAttribute('aria-valuenow')) ?? (await s.inputValue().catch(() => 'NaN')));
    const max = Number((await s.getAttribute('aria-valuemax')) ?? (await s.getAttribute('max')));
    if (!(now < max)) continue;
    await s.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await values(page, insertId))[id], { message: `${label} after ArrowUp` }).toBeGreaterThan(before[id]);
    return { id, before: before[id], after: (await values(page, insertId))[id], label };
  }
  throw new Error('no movable slider named after a parameter in this GUI');
}

for (const plugin of pluginList()) {
  test(`${plugin.name}: inserted from the menu, its GUI opens, a knob turned in it moves the parameter (WAM API read-back)`, async ({ page }) => {
    const errors = await openHost(page, '/host-demo/?empty');
    const track = await addTrack(page, 'Tone', [dc(1, 0.1)], 48000);
    const strip = page.locator(`.strip[data-strip="${track}"]`);
    const select = strip.locator('select.add-insert');
    await select.selectOption({ label: plugin.name });
    const row = strip.locator('.insert');
    await expect(row).toHaveCount(1, { timeout: 30_000 });
    const insertId = (await row.getAttribute('data-insert'))!;
    await expect(page.locator(`#panels .panel[data-insert="${insertId}"]`)).toBeVisible();
    expect(await page.evaluate((id) => (window as any).varnishHost.mixer.findInsert(id).insert.identifier, insertId)).toBe(plugin.identifier);
    const moved = await turnAKnob(page, insertId);
    expect(moved.after).toBeGreaterThan(moved.before);
    // closing the panel calls destroyGui; the insert stays
    await page.locator(`#panels .panel[data-insert="${insertId}"] .title button`).click();
    await expect(page.locator(`#panels .panel[data-insert="${insertId}"]`)).toHaveCount(0);
    await expect(row).toHaveCount(1);
    expect(errors).toEqual([]);
  });
}

test('a third-party WAM 2 plugin loads by URL; its GUI moves its parameter; several panels open at once, move and resize', async ({ page }) => {
  const errors = await openHost(page, '/host-demo/?empty');
  const track = await addTrack(page, 'Tone', [dc(1, 0.1)], 48000);
  const strip = page.locator(`.strip[data-strip="${track}"]`);
  for (let k = 0; k < 2; k++) {
    await strip.locator('select.add-insert').selectOption({ label: 'WAM 2 plugin by URL…' });
    await expect(page.locator('#url-dialog')).toBeVisible();
    await page.fill('#url-input', new URL(FIXTURE_URL, page.url()).href);
    await page.click('#url-ok');
    await expect(strip.locator('.insert')).toHaveCount(k + 1, { timeout: 20_000 });
  }
  const ids = await strip.locator('.insert').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.insert!));
  await expect(strip.locator('.insert .open').first()).toHaveText('Acme Gain');
  const panels = page.locator('#panels .panel');
  await expect(panels).toHaveCount(2);
  // the plugin's own GUI: a range input named Gain
  const moved = await turnAKnob(page, ids[0]);
  expect(moved).toMatchObject({ id: 'gain', before: 0, after: 0.5 });
  expect((await values(page, ids[1])).gain).toBe(0);

  // resize a panel by its corner, move it by its title
  const panel = page.locator(`#panels .panel[data-insert="${ids[1]}"]`);
  await panel.scrollIntoViewIfNeeded();
  const box = (await panel.boundingBox())!;
  await page.mouse.move(box.x + box.width - 4, box.y + box.height - 4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 76, box.y + box.height - 44, { steps: 4 });
  await page.mouse.up();
  const resized = (await panel.boundingBox())!;
  expect(resized.width).toBeCloseTo(box.width + 80, -1);
  expect(resized.height).toBeCloseTo(box.height - 40, -1);
  await page.mouse.move(resized.x + 60, resized.y + 10);
  await page.mouse.down();
  await page.mouse.move(resized.x - 40, resized.y - 20, { steps: 4 });
  await page.mouse.up();
  const placed = (await panel.boundingBox())!;
  expect(placed.x).toBeCloseTo(resized.x - 100, -1);
  expect(placed.y).toBeCloseTo(resized.y - 30, -1);
  expect(placed.width).toBe(resized.width);
  expect(errors).toEqual([]);
});

test('inserts reorder by dragging (and Alt+arrows), bypass with level matching, and remove', async ({ page }) => {
  const errors = await openHost(page, '/host-demo/?empty');
  const sr = await contextRate(page);
  const track = await addTrack(page, 'Tone', [Array.from({ length: sr * 4 }, (_, i) => 0.2 * Math.sin((2 * Math.PI * 440 * i) / sr))], sr);
  const a = await addInsert(page, track, FIXTURE_URL, { name: 'A', state: { acme: 1, values: { gain: 6, delay: 0 } } });
  const b = await addInsert(page, track, FIXTURE_URL, { name: 'B' });
  const c = await addInsert(page, track, FIXTURE_URL, { name: 'C' });
  const strip = page.locator(`.strip[data-strip="${track}"]`);
  const order = () => strip.locator('.insert').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.insert));
  await expect.poll(order).toEqual([a, b, c]);
  await strip.locator(`.insert[data-insert="${c}"] .grip`).dragTo(strip.locator(`.insert[data-insert="${a}"]`));
  await expect.poll(order).toEqual([c, a, b]);
  await strip.locator(`.insert[data-insert="${c}"] .open`).press('Alt+ArrowDown');
  await expect.poll(order).toEqual([a, c, b]);
  expect(await page.evaluate((t) => (window as any).varnishHost.mixer.strip(t).chain.inserts.map((i: any) => i.id), track)).toEqual([a, c, b]);

  // bypass A (+6 dB): the host measures both paths and raises the bypassed signal to match
  await page.click('#play');
  await strip.locator(`.insert[data-insert="${a}"] .bypass`).click();
  await expect(strip.locator(`.insert[data-insert="${a}"]`)).toHaveClass(/bypassed/);
  await expect.poll(() => page.evaluate((id) => (window as any).varnishHost.mixer.findInsert(id).insert.matchDb, a), { timeout: 15_000 }).toBeGreaterThan(5.9);
  const db = await page.evaluate((id) => (window as any).varnishHost.mixer.findInsert(id).insert.matchDb, a);
  expect(db).toBeLessThan(6.1);
  await expect(strip.locator(`.insert[data-insert="${a}"] .match`)).toHaveText(/≈\+6\.0/);
  await page.click('#stop');

  await strip.locator(`.insert[data-insert="${b}"] .remove`).click();
  await expect.poll(order).toEqual([a, c]);
  expect(errors).toEqual([]);
});
