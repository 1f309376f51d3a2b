/**
 * Varnish Imager in a real AudioWorklet (the built plugin, loaded by URL through the WAM 2 API):
 * width 0 gives L === R on every sample, the neutral settings give output === input bit for
 * bit, and the GUI's correlation meter reads +1 for a mono source and -1 for an inverted one
 * while a realtime AudioContext plays.
 */
import { expect, test, type Page } from '@playwright/test';

const URL_PATH = '/plugins/imager/index.js';

/** an initial state (applied before the first sample, unlike setParameterValues, which ramps) */
const state = (params: Record<string, number>) => ({ plugin: 'com.varnish.imager', version: 1, params });

async function openHarness(page: Page) {
  await page.goto('/test-fixtures/harness.html');
  await page.waitForFunction(() => (globalThis as any).harness !== undefined);
}

/** index of the first sample where a and b differ (Object.is), or -1 */
function firstDifference(a: number[], b: number[]): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

const energy = (x: number[]) => x.reduce((s, v) => s + v * v, 0);

test.describe('imager in an AudioWorklet', () => {
  test('width 0: L === R on every sample (noise, independent channels)', async ({ page }) => {
    await openHarness(page);
    const r = await page.evaluate(async ({ u, state }) => {
      const h = (globalThis as any).harness;
      return h.render({ url: new URL(u, location.href).href, seconds: 0.5, signal: 'noise', amp: 0.5, state, inputRight: true });
    }, { u: URL_PATH, state: state({ width: 0 }) });
    expect(r.processorErrors).toBe(0);
    expect(r.left.length).toBe(24000);
    // the channels going in differ ...
    expect(firstDifference(r.input, r.inputRight)).toBe(0);
    // ... and come out identical, and not silent
    expect(firstDifference(r.left, r.right)).toBe(-1);
    expect(energy(r.left)).toBeGreaterThan(100);
  });

  test('width 100 % and neutral controls: output === input bit for bit, on both channels', async ({ page }) => {
    await openHarness(page);
    const runs = await page.evaluate(async ({ u, state }) => {
      const h = (globalThis as any).harness;
      const url = new URL(u, location.href).href;
      return [
        // the defaults are neutral
        await h.render({ url, seconds: 0.5, signal: 'noise', amp: 0.5, inputRight: true }),
        // 4 bands at 100 % each (the band tree is bypassed exactly), bass mono off
        await h.render({ url, seconds: 0.5, signal: 'noise', amp: 0.5, inputRight: true, state }),
      ];
    }, { u: URL_PATH, state: state({ bands: 4, xover1: 90, xover2: 700, xover3: 9000 }) });
    for (const r of runs) {
      expect(r.processorErrors).toBe(0);
      expect(firstDifference(r.input, r.inputRight)).toBe(0); // two different noises
      expect(firstDifference(r.left, r.input)).toBe(-1);
      expect(firstDifference(r.right, r.inputRight)).toBe(-1);
    }
  });

  test('a width change is not bit-exact (the comparison above can fail)', async ({ page }) => {
    await openHarness(page);
    const r = await page.evaluate(async (u) => {
      const h = (globalThis as any).harness;
      return h.render({ url: new URL(u, location.href).href, seconds: 0.1, signal: 'noise', amp: 0.5, inputRight: true, values: { width: 101 } });
    }, URL_PATH);
    expect(firstDifference(r.left, r.input)).toBeGreaterThanOrEqual(0);
  });

  test('the GUI correlation meter reads +1 for a mono source and -1 for an inverted one', async ({ page }) => {
    await openHarness(page);
    await page.evaluate(async (u) => {
      const h = (globalThis as any).harness;
      const ctx = new AudioContext();
      const [groupId] = await h.initializeWamHost(ctx);
      const WAM = await h.loadModule(new URL(u, location.href).href);
      const wam = await WAM.createInstance(groupId, ctx);
      wam.audioNode.connect(ctx.destination);
      const source = (sign: number) => {
        const buffer = ctx.createBuffer(2, ctx.sampleRate, ctx.sampleRate);
        const l = buffer.getChannelData(0), r = buffer.getChannelData(1);
        let s = 12345;
        for (let i = 0; i < l.length; i++) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          l[i] = 0.25 * ((s / 4294967296) * 2 - 1);
          r[i] = sign * l[i];
        }
        const src = new AudioBufferSourceNode(ctx, { buffer, loop: true });
        src.connect(wam.audioNode);
        return src;
      };
      const g = globalThis as any;
      g.__imager = { ctx, wam, source };
      g.__src = source(1);
      g.__src.start();
      await ctx.resume();
      document.getElementById('mount')!.appendChild(await wam.createGui());
    }, URL_PATH);
    const meter = page.locator('[role="meter"][aria-label="Correlation"]').first();
    await expect(meter).toBeVisible();
    const reading = async () => Number(await meter.getAttribute('aria-valuenow'));
    await expect.poll(reading, { message: 'mono source', timeout: 15000 }).toBeGreaterThan(0.98);
    expect(await meter.getAttribute('aria-valuetext')).toMatch(/^\+(0\.9[89]|1\.00)$/);
    // the same noise with the right channel inverted
    await page.evaluate(() => {
      const g = globalThis as any;
      g.__src.stop();
      g.__src.disconnect();
      g.__src = g.__imager.source(-1);
      g.__src.start();
    });
    await expect.poll(reading, { message: 'inverted source', timeout: 15000 }).toBeLessThan(-0.98);
    // settled: the reading rounds to -1 and its text says so
    await expect.poll(reading, { message: 'inverted source, settled', timeout: 15000 }).toBe(-1);
    expect(await meter.getAttribute('aria-valuetext')).toBe('-1.00');
    await page.evaluate(async () => {
      const g = globalThis as any;
      g.__src.stop();
      g.__imager.wam.audioNode.destroy();
      await g.__imager.ctx.close();
    });
  });

  test('the band strip: dragging a divider moves its crossover, dragging a band sets its width, double-click resets', async ({ page }) => {
    await openHarness(page);
    await page.evaluate(async (u) => {
      const h = (globalThis as any).harness;
      const ctx = new AudioContext();
      const [groupId] = await h.initializeWamHost(ctx);
      const WAM = await h.loadModule(new URL(u, location.href).href);
      const wam = await WAM.createInstance(groupId, ctx, { plugin: 'com.varnish.imager', version: 1, params: { bands: 2 } });
      const gui = await wam.createGui();
      gui.style.cssText = 'display:block;width:860px;height:520px';
      document.getElementById('mount')!.appendChild(gui);
      (globalThis as any).__imager = { ctx, wam };
    }, URL_PATH);
    const strip = page.locator('canvas[aria-label="Band widths and crossovers"]').first();
    await expect(strip).toBeVisible();
    const box = (await strip.boundingBox())!;
    const value = (id: string) =>
      page.evaluate(async (id) => (await (globalThis as any).__imager.wam.audioNode.getParameterValues(false, id))[id].value, id);
    // x of a frequency on the 20 Hz - 20 kHz log axis
    const xOf = (f: number) => box.x + (box.width * Math.log(f / 20)) / Math.log(1000);
    const midY = box.y + box.height / 2;

    // the crossover divider (xover1 = 150 Hz) dragged to 400 Hz
    await page.mouse.move(xOf(150), midY);
    await page.mouse.down();
    await page.mouse.move(xOf(250), midY, { steps: 4 });
    await page.mouse.move(xOf(400), midY, { steps: 4 });
    await page.mouse.up();
    const x1 = await value('xover1');
    expect(x1).toBeGreaterThan(400 / 1.05);
    expect(x1).toBeLessThan(400 * 1.05);

    // band 1 (below the crossover) dragged up by a quarter of the canvas: the plot area (the
    // canvas less 18 px of crossover labels and 16 px of frequency labels) spans 0..200 %
    const expected = 100 + (box.height / 4 / (box.height - 34)) * 200;
    await page.mouse.move(xOf(60), midY);
    await page.mouse.down();
    await page.mouse.move(xOf(60), midY - box.height / 8, { steps: 3 });
    await page.mouse.move(xOf(60), midY - box.height / 4, { steps: 3 });
    await page.mouse.up();
    const w1 = await value('width1');
    expect(w1).toBeGreaterThan(expected - 2);
    expect(w1).toBeLessThan(expected + 2);
    expect(await value('width2')).toBe(100);

    // band 2 dragged down: narrower
    await page.mouse.move(xOf(3000), midY);
    await page.mouse.down();
    await page.mouse.move(xOf(3000), midY + box.height / 8, { steps: 3 });
    await page.mouse.up();
    expect(await value('width2')).toBeLessThan(90);

    // double-click on band 1 resets its width
    await page.mouse.dblclick(xOf(60), midY);
    await expect.poll(() => value('width1')).toBe(100);

    await page.evaluate(async () => {
      const g = (globalThis as any).__imager;
      g.wam.audioNode.destroy();
      await g.ctx.close();
    });
  });
});
