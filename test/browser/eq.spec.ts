/**
 * Varnish EQ in the browser: the real AudioWorklet's impulse response matches the analog
 * prototype like the kernel does in Node, and the graph's handles work as the issue says.
 */
import { expect, test, type Page } from '@playwright/test';
import { RealFft } from '../../shared-dsp/analysis/fft.js';

async function open(page: Page) {
  await page.goto('/test-fixtures/harness.html');
  await page.waitForFunction(() => (globalThis as any).harness !== undefined);
}

/** |H| in dB of the analog bell prototype (dsp-references: no prewarp). */
function analogBellDb(f: number, f0: number, gainDb: number, q: number): number {
  const x = f / f0;
  const A = 10 ** (gainDb / 40);
  const num = (1 - x * x) ** 2 + ((x * A) / q) ** 2;
  const den = (1 - x * x) ** 2 + (x / (A * q)) ** 2;
  return 10 * Math.log10(num / den);
}

test('the worklet renders an analog-matched bell (impulse response vs prototype)', async ({ page }) => {
  await open(page);
  const sr = 44100;
  const r = await page.evaluate(async (sr) => {
    const h = (globalThis as any).harness;
    return h.render({
      url: new URL('/plugins/eq/index.js', location.href).href,
      sampleRate: sr,
      seconds: 0.2,
      signal: 'impulse',
      amp: 1,
      // initial state: a fresh instance must be exact from its first sample
      state: { plugin: 'com.varnish.eq', version: 1, params: { b5_on: 1, b5_type: 0, b5_freq: 8000, b5_gain: 12, b5_q: 0.9 } },
    });
  }, sr);
  const N = 8192;
  const fft = new RealFft(N);
  const re = new Float64Array(N / 2 + 1);
  const im = new Float64Array(N / 2 + 1);
  fft.forward(r.left.slice(0, N), re, im);
  let worstBelow16k = 0;
  let worst16to20k = 0;
  for (let k = 1; k <= N / 2; k++) {
    const f = (k * sr) / N;
    if (f < 20 || f > 20000) continue;
    const db = 10 * Math.log10(re[k] * re[k] + im[k] * im[k]);
    const err = Math.abs(db - analogBellDb(f, 8000, 12, 0.9));
    if (f < 16000) worstBelow16k = Math.max(worstBelow16k, err);
    else worst16to20k = Math.max(worst16to20k, err);
  }
  console.log(`worklet bell 8 kHz +12 dB Q 0.9 @44.1k: worst error ${worstBelow16k.toFixed(3)} dB < 16 kHz, ${worst16to20k.toFixed(3)} dB 16-20 kHz`);
  expect(worstBelow16k).toBeLessThanOrEqual(0.3);
  expect(worst16to20k).toBeLessThanOrEqual(1.0);
});

test('graph: double-click enables a band there, dragging its handle moves freq and gain', async ({ page }) => {
  await open(page);
  await page.evaluate(async () => {
    const h = (globalThis as any).harness;
    const ctx = new AudioContext();
    const [groupId] = await h.initializeWamHost(ctx);
    const WAM = await h.loadModule(new URL('/plugins/eq/index.js', location.href).href);
    const wam = await WAM.createInstance(groupId, ctx);
    (globalThis as any).__wam = wam;
    const mount = document.getElementById('mount')!;
    mount.style.cssText = 'width:900px;height:560px';
    const gui = await wam.createGui();
    mount.appendChild(gui);
  });
  const canvas = page.locator('canvas[aria-label="EQ response and spectrum"]');
  await expect(canvas).toBeVisible();
  const box = (await canvas.boundingBox())!;
  const values = () => page.evaluate(async () => (globalThis as any).__wam.audioNode.getParameterValues(false));
  const before = await values();
  const onBands = (v: any) => Object.keys(v).filter((k) => /^b\d_on$/.test(k) && v[k].value === 1);
  expect(onBands(before)).toEqual([]);
  // double-click at ~1 kHz, +6 dB (x = log position, y: +24..-24 dB over the height)
  const xAt = (f: number) => box.x + (box.width * Math.log(f / 20)) / Math.log(1000);
  const yAt = (db: number) => box.y + (box.height * (24 - db)) / 48;
  await page.mouse.dblclick(xAt(1000), yAt(6));
  await expect.poll(async () => onBands(await values()).length).toBe(1);
  const v1 = await values();
  const band = onBands(v1)[0].slice(0, 2);
  expect(v1[`${band}_freq`].value).toBeGreaterThan(900);
  expect(v1[`${band}_freq`].value).toBeLessThan(1100);
  expect(v1[`${band}_gain`].value).toBeGreaterThan(5);
  expect(v1[`${band}_gain`].value).toBeLessThan(7);
  // drag the handle to ~4 kHz, -6 dB
  await page.mouse.move(xAt(v1[`${band}_freq`].value), yAt(v1[`${band}_gain`].value));
  await page.mouse.down();
  await page.mouse.move(xAt(2000), yAt(0), { steps: 5 });
  await page.mouse.move(xAt(4000), yAt(-6), { steps: 5 });
  await page.mouse.up();
  const v2 = await values();
  expect(v2[`${band}_freq`].value).toBeGreaterThan(3600);
  expect(v2[`${band}_freq`].value).toBeLessThan(4400);
  expect(v2[`${band}_gain`].value).toBeGreaterThan(-7);
  expect(v2[`${band}_gain`].value).toBeLessThan(-5);
  // wheel over the handle narrows Q
  const q0 = v2[`${band}_q`].value;
  await page.mouse.move(xAt(v2[`${band}_freq`].value), yAt(v2[`${band}_gain`].value));
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await values())[`${band}_q`].value).toBeGreaterThan(q0 * 1.05);
  // the band strip shows the new frequency as text
  await expect(page.locator(`[role="slider"][aria-label="${band.slice(1)} Freq"]`)).toHaveAttribute('aria-valuetext', /kHz/);
});
