/**
 * The preset bar in every built plugin's GUI, driven like a user: factory presets, share codes,
 * import/export, user presets in IndexedDB across a page reload, A/B, undo/redo, and malformed
 * inputs that must change nothing. State is read through the WAM API (getState).
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { pluginList, PROBES } from './plugins.js';

type Params = Record<string, number>;

async function openGui(page: Page, id: string) {
  await page.goto('/test-fixtures/harness.html');
  await page.waitForFunction(() => (globalThis as any).harness !== undefined);
  await page.evaluate(async (u) => {
    const h = (globalThis as any).harness;
    const ctx = new AudioContext();
    const [groupId] = await h.initializeWamHost(ctx);
    const WAM = await h.loadModule(new URL(u, location.href).href);
    const wam = await WAM.createInstance(groupId, ctx);
    (globalThis as any).__wam = wam;
    const gui = await wam.createGui();
    gui.style.width = '900px';
    gui.style.height = '560px';
    document.getElementById('mount')!.appendChild(gui);
  }, `/plugins/${id}/index.js`);
  await expect(page.locator('[role=toolbar][aria-label=Presets]')).toBeVisible();
}

const getParams = (page: Page): Promise<Params> => page.evaluate(async () => (await (globalThis as any).__wam.audioNode.getState()).params);

/** the host resets the plugin (setState with every parameter at its default) */
const resetByHost = (page: Page, identifier: string) =>
  page.evaluate(async (plugin) => (globalThis as any).__wam.audioNode.setState({ plugin, version: 1, params: {} }), identifier);

const setByHost = (page: Page, id: string, value: number) =>
  page.evaluate(async ({ id, value }) => (globalThis as any).__wam.audioNode.setParameterValues({ [id]: { id, value, normalized: false } }), { id, value });

const presetName = (page: Page) => page.locator('[data-t=preset-name]');
const status = (page: Page) => page.locator('[data-t=preset-status]');
const modifiedMark = (page: Page) => page.locator('[data-t=preset-modified]');

async function menu(page: Page, item: string) {
  await page.getByRole('button', { name: 'Preset actions' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function openShare(page: Page): Promise<string> {
  await menu(page, 'Share code…');
  const field = page.getByRole('textbox', { name: 'Share code' });
  await expect(field).toHaveValue(/^vrn1\./);
  return field.inputValue();
}

/** dismiss the bar's message, so that waiting for one waits for the next action's */
async function clearStatus(page: Page) {
  const dismiss = page.getByRole('button', { name: 'Dismiss message' });
  if (await dismiss.count()) await dismiss.dispatchEvent('click');
  await expect(status(page)).toHaveCount(0);
}

/** paste a code into the share field and load it; resolves once the bar has answered */
async function pasteShare(page: Page, code: string) {
  const field = page.getByRole('textbox', { name: 'Share code' });
  if (!(await field.isVisible())) await menu(page, 'Share code…');
  await clearStatus(page);
  await field.fill(code);
  await page.getByRole('button', { name: 'Load code' }).click();
  await expect(status(page)).toHaveCount(1);
}

/** pick a file in the bar's file input; resolves once the bar has answered */
async function importFile(page: Page, name: string, text: string) {
  await clearStatus(page);
  await page.locator('input[type=file][aria-label="Import preset file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(status(page)).toHaveCount(1);
}

/** a preset's values as the plugin holds them: clamped to each parameter's range (WAM info) */
async function clamped(page: Page, want: Params): Promise<Params> {
  const info = await page.evaluate(async () => (globalThis as any).__wam.audioNode.getParameterInfo());
  const out: Params = {};
  for (const id of Object.keys(want)) {
    const p = info[id];
    let v = want[id];
    if (p.type !== 'float') v = Math.round(v);
    out[id] = Math.min(p.maxValue, Math.max(p.minValue, v));
  }
  return out;
}

async function expectValues(page: Page, actual: Params, want: Params, digits = 6) {
  const c = await clamped(page, want);
  for (const id of Object.keys(want)) expect(actual[id], id).toBeCloseTo(c[id], digits);
}

const BAR_PLUGIN = pluginList().some((p) => p.id === 'eq') ? 'eq' : pluginList()[0]?.id;

for (const plugin of pluginList()) {
  const { id, identifier } = plugin;
  const index = `dist/plugins/${id}/presets/index.json`;
  const factoryFiles: string[] = existsSync(index) ? JSON.parse(readFileSync(index, 'utf8')) : [];
  const factory = factoryFiles.map((f) => JSON.parse(readFileSync(`dist/plugins/${id}/presets/${f}`, 'utf8')));
  if (!factory.length) {
    test(`presets: ${id} ships factory presets`, () => {
      expect(factory.length, `${index} lists no presets`).toBeGreaterThan(0);
    });
    continue;
  }

  test.describe(`presets: ${id}`, () => {
    test('factory preset -> share code -> reset -> paste back: the same state; modified mark; prev/next', async ({ page }) => {
      await openGui(page, id);
      const defaults = await getParams(page);
      const preset = factory[0];
      await page.getByRole('button', { name: 'Browse presets' }).click();
      await page.getByRole('dialog', { name: 'Preset browser' }).getByRole('button', { name: preset.name, exact: true }).click();
      await expect(presetName(page)).toHaveText(preset.name);
      await expect(modifiedMark(page)).toBeHidden();
      const loaded = await getParams(page);
      await expectValues(page, loaded, preset.params);
      expect(loaded).not.toEqual(defaults);

      const code = await openShare(page);
      expect(code).toMatch(new RegExp(`^vrn1\\.${id}\\.[A-Za-z0-9_-]+$`));
      expect(code.length).toBeLessThan(400);

      await resetByHost(page, identifier);
      expect(await getParams(page)).toEqual(defaults);
      await expect(modifiedMark(page)).toBeVisible(); // the values left the preset
      await pasteShare(page, code);
      await expect(status(page)).toContainText('from a share code');
      await expectValues(page, await getParams(page), loaded);
      await expect(presetName(page)).toHaveText(preset.name);
      await expect(modifiedMark(page)).toBeHidden();

      // a host change marks the preset modified
      const probe = PROBES[id];
      if (probe) {
        await setByHost(page, probe.id, probe.value);
        await expect(modifiedMark(page)).toBeVisible();
      }

      // next/previous walk the list in order
      if (factory.length > 1) {
        await page.getByRole('button', { name: 'Browse presets' }).click();
        await page.getByRole('dialog', { name: 'Preset browser' }).getByRole('button', { name: factory[0].name, exact: true }).click();
        await page.getByRole('button', { name: 'Next preset' }).click();
        await expect(presetName(page)).toHaveText(factory[1].name);
        await expectValues(page, await getParams(page), factory[1].params);
        await page.getByRole('button', { name: 'Previous preset' }).click();
        await expect(presetName(page)).toHaveText(factory[0].name);
      }
    });

    test('malformed inputs are rejected and change nothing; HTML in a name is text', async ({ page }) => {
      await openGui(page, id);
      const probe = PROBES[id];
      if (probe) await setByHost(page, probe.id, probe.value);
      const before = await getParams(page);
      const good = JSON.stringify(factory[0]);
      const bad: Array<[string, string, RegExp]> = [
        ['truncated.json', good.slice(0, Math.floor(good.length / 2)), /not valid JSON/],
        ['wrong-plugin.json', JSON.stringify({ ...factory[0], plugin: 'com.varnish.other' }), /preset\.plugin/],
        ['wrong-format.json', JSON.stringify({ ...factory[0], format: 'varnish-chain' }), /preset\.format/],
        ['wrong-type.json', JSON.stringify({ ...factory[0], params: { ...factory[0].params, [Object.keys(factory[0].params)[0]]: 'loud' } }), /expected a finite number/],
        ['giant.json', JSON.stringify({ ...factory[0], author: 'x'.repeat(70 * 1024) }), /larger than 64 KB/],
        ['proto.json', good.replace('"params":{', '"params":{"__proto__":{"polluted":1},'), /__proto__: not allowed/],
        ['proto-top.json', good.replace('{', '{"__proto__":{"polluted":1},'), /__proto__: not allowed/],
      ];
      for (const [name, text, message] of bad) {
        await importFile(page, name, text);
        await expect(status(page), name).toContainText(message);
        expect(await getParams(page), name).toEqual(before);
      }
      // share codes: truncated, another plugin's, garbage
      const code = await openShare(page);
      for (const [c, message] of [
        [code.slice(0, code.length - 6), /share code/],
        [code.replace(`vrn1.${id}.`, `vrn1.${id === 'eq' ? 'limiter' : 'eq'}.`), /this code is for/],
        ['<script>alert(1)</script>', /share code/],
      ] as const) {
        await pasteShare(page, c);
        await expect(status(page)).toContainText(message);
        expect(await getParams(page)).toEqual(before);
      }
      expect(await page.evaluate(() => ({} as any).polluted)).toBeUndefined();

      // a name holding HTML is valid: it loads and shows as text, and runs nothing
      const name = '<img src=x onerror="globalThis.__xss=1"><script>globalThis.__xss=2</script>';
      await importFile(page, 'html-name.json', JSON.stringify({ ...factory[0], name }));
      await expect(presetName(page)).toHaveText(name);
      expect(await page.evaluate(() => (globalThis as any).__xss)).toBeUndefined();
      expect(await page.locator('img[src=x]').count()).toBe(0);
    });

    // the bar's own behaviour (the same kit code in every plugin): checked in one plugin
    const barOnly = id === BAR_PLUGIN ? test : test.skip;

    barOnly('export writes a .json that imports back to the same state', async ({ page }) => {
      await openGui(page, id);
      await importFile(page, 'p.json', JSON.stringify({ ...factory[0], name: 'Exported one' }));
      const state = await getParams(page);
      const download = page.waitForEvent('download');
      await menu(page, 'Export .json');
      const file = await download;
      expect(file.suggestedFilename()).toBe(`${id}-exported-one.json`);
      const text = readFileSync(await file.path(), 'utf8');
      const json = JSON.parse(text);
      expect(json.format).toBe('varnish-preset');
      expect(json.plugin).toBe(identifier);
      expect(json.name).toBe('Exported one');
      await resetByHost(page, identifier);
      await importFile(page, file.suggestedFilename(), text);
      await expectValues(page, await getParams(page), state);
    });

    barOnly('drag and drop of a .json onto the bar imports it', async ({ page }) => {
      await openGui(page, id);
      const preset = factory[factory.length - 1];
      const dataTransfer = await page.evaluateHandle((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
        return dt;
      }, JSON.stringify({ ...preset, name: 'Dropped' }));
      const bar = page.locator('[role=toolbar][aria-label=Presets]');
      await bar.dispatchEvent('dragover', { dataTransfer });
      await bar.dispatchEvent('drop', { dataTransfer });
      await expect(presetName(page)).toHaveText('Dropped');
      await expectValues(page, await getParams(page), preset.params);
    });

    test('user presets: save, load the page again, find and load it; rename; delete', async ({ page }) => {
      await openGui(page, id);
      const probe = PROBES[id] ?? { id: Object.keys(factory[0].params)[0], value: factory[0].params[Object.keys(factory[0].params)[0]] };
      await setByHost(page, probe.id, probe.value);
      const saved = await getParams(page);
      await menu(page, 'Save as user preset…');
      await page.getByRole('textbox', { name: 'Preset name' }).fill('My <b>Setting</b>');
      await page.getByRole('textbox', { name: 'Tags' }).fill('mine, test');
      await page.getByRole('dialog', { name: 'Save preset' }).getByRole('button', { name: 'Save', exact: true }).click();
      await expect(status(page)).toContainText('saved "My <b>Setting</b>"');
      await expect(presetName(page)).toHaveText('My <b>Setting</b>');

      // saving again under the same name asks before replacing
      await menu(page, 'Save as user preset…');
      await page.getByRole('textbox', { name: 'Preset name' }).fill('My <b>Setting</b>');
      await page.getByRole('dialog', { name: 'Save preset' }).getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByRole('dialog', { name: 'Save preset' })).toContainText('replace it?');
      await page.keyboard.press('Escape');

      await openGui(page, id); // navigates again: a fresh page on the same origin
      const fresh = await getParams(page);
      expect(fresh).not.toEqual(saved);
      await page.getByRole('button', { name: 'Browse presets' }).click();
      const browser = page.getByRole('dialog', { name: 'Preset browser' });
      await browser.getByRole('button', { name: 'mine', exact: true }).click(); // tag filter
      await browser.getByRole('button', { name: 'My <b>Setting</b>', exact: true }).click();
      await expectValues(page, await getParams(page), saved);
      await expect(presetName(page)).toHaveText('My <b>Setting</b>');

      await browser.getByRole('button', { name: 'Rename My <b>Setting</b>' }).click(); // the browser stays open
      await browser.getByRole('textbox', { name: 'New name for My <b>Setting</b>' }).fill('Renamed');
      await browser.getByRole('textbox', { name: 'New name for My <b>Setting</b>' }).press('Enter');
      await expect(presetName(page)).toHaveText('Renamed');
      await expect(browser.getByRole('button', { name: 'Renamed', exact: true })).toBeVisible();
      await browser.getByRole('button', { name: 'Delete Renamed' }).click();
      await browser.getByRole('button', { name: 'Confirm delete Renamed' }).click();
      await expect(browser.getByRole('button', { name: 'Renamed', exact: true })).toHaveCount(0);

      await openGui(page, id);
      await page.getByRole('button', { name: 'Browse presets' }).click();
      await expect(page.getByRole('dialog', { name: 'Preset browser' }).getByRole('button', { name: 'Renamed', exact: true })).toHaveCount(0);
      // the store is the page origin's IndexedDB database
      const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
      expect(dbs).toContain('varnish-presets');
    });

    barOnly('A/B slots and copy A -> B', async ({ page }) => {
      await openGui(page, id);
      const a = factory[0];
      const b = factory[Math.min(1, factory.length - 1)];
      await importFile(page, 'a.json', JSON.stringify(a));
      const stateA = await getParams(page);
      await page.getByRole('button', { name: 'Slot B' }).click();
      await expect(page.getByRole('button', { name: 'Slot B' })).toHaveAttribute('aria-pressed', 'true');
      expect(await getParams(page)).toEqual(stateA); // B starts as a copy of A
      await importFile(page, 'b.json', JSON.stringify({ ...b, name: 'B side' }));
      const stateB = await getParams(page);
      await page.getByRole('button', { name: 'Slot A' }).click();
      await expectValues(page, await getParams(page), stateA);
      await expect(presetName(page)).toHaveText(a.name);
      await page.getByRole('button', { name: 'Slot B' }).click();
      await expectValues(page, await getParams(page), stateB);
      await expect(presetName(page)).toHaveText('B side');
      await page.getByRole('button', { name: 'Copy B to A' }).click();
      await page.getByRole('button', { name: 'Slot A' }).click();
      await expectValues(page, await getParams(page), stateB);
    });

    test('undo/redo: buttons and Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z; one step per key press or drag', async ({ page }) => {
      await openGui(page, id);
      const defaults = await getParams(page);
      await importFile(page, 'p.json', JSON.stringify(factory[0]));
      const loaded = await getParams(page);
      await page.getByRole('button', { name: 'Undo' }).click();
      expect(await getParams(page)).toEqual(defaults);
      await page.getByRole('button', { name: 'Redo' }).click();
      await expectValues(page, await getParams(page), loaded);

      // a control moved from the keyboard: one key press is one step
      const probe = PROBES[id];
      const target = page.locator(`[role=slider][aria-label="${await movableLabel(page, probe?.id)}"]`).first();
      await target.focus();
      const start = await getParams(page);
      await target.press('ArrowUp');
      await expect.poll(() => getParams(page)).not.toEqual(start);
      const moved = await getParams(page);
      await page.keyboard.press('Control+z');
      await expect.poll(() => getParams(page)).toEqual(start);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => getParams(page)).toEqual(moved);
      await page.keyboard.press('Meta+z');
      await expect.poll(() => getParams(page)).toEqual(start);

      // a drag is one step, however many moves it makes
      const box = (await target.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      for (let k = 1; k <= 6; k++) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 8 * k);
      await page.mouse.up();
      await expect.poll(() => getParams(page)).not.toEqual(start);
      await page.keyboard.press('Control+z');
      await expect.poll(() => getParams(page)).toEqual(start);

      await page.keyboard.press('Control+z'); // the preset load
      await expect.poll(() => getParams(page)).toEqual(defaults);
      await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

      // host changes (setParameterValues, automation) are not undo steps
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => getParams(page)).toEqual(loaded);
      if (probe && probe.id in loaded) {
        await setByHost(page, probe.id, probe.value);
        await expect.poll(async () => (await getParams(page))[probe.id]).toBeCloseTo(probe.value, 6);
      }
      await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo import/);
    });
  });
}

/** the label of a float parameter that ArrowUp can move: the probe when declared, else the first */
async function movableLabel(page: Page, prefer: string | undefined): Promise<string> {
  return page.evaluate(async (pid) => {
    const node = (globalThis as any).__wam.audioNode;
    const info = await node.getParameterInfo();
    const values = await node.getParameterValues();
    const ok = (id: string) => info[id] && info[id].type === 'float' && values[id].value < info[id].maxValue;
    const id = pid && ok(pid) ? pid : Object.keys(info).find(ok)!;
    return info[id].label;
  }, prefer);
}

test('EQ: a preset saved by version 0.0.1 imports through the migration table', async ({ page }) => {
  test.skip(!pluginList().some((p) => p.id === 'eq'), 'EQ not built');
  await openGui(page, 'eq');
  await importFile(page, 'eq-v0.json', readFileSync('test/fixtures/presets/eq-v0.json', 'utf8'));
  await expect(status(page)).toContainText('updated from version 0.0.1');
  const p = await getParams(page);
  expect(p.output).toBeCloseTo(-1.5, 6);
  expect(p.b3_q).toBeCloseTo(Math.SQRT2, 6);
  expect(p.b6_q).toBeCloseTo(2 / 3, 6);
});
