/**
 * Varnish Limiter in real AudioWorklets (built plugin, WAM 2 API only):
 * - the ceiling holds for a full-scale square and for noise 20 dB over it: not one sample above;
 * - getCompensationDelay() is the measured delay of an impulse, and below the ceiling the
 *   output is the input delayed by it (null to -120 dB);
 * - the GUI's integrated loudness for a steady 1 kHz sine near -23 LUFS converges to the
 *   LoudnessMeter's value; reset restarts it; choosing a target sets its ceiling (presets and
 *   host changes do not), and "apply" moves the gain by the difference, clamped.
 */
import { expect, test, type Page } from '@playwright/test';
import { LoudnessMeter } from '../../shared-dsp/loudness/loudness-meter.js';

const URL_PATH = '/plugins/limiter/index.js';
const dbToLin = (db: number) => 10 ** (db / 20);

async function openHarness(page: Page) {
  await page.goto('/test-fixtures/harness.html');
  await page.waitForFunction(() => (globalThis as any).harness !== undefined);
}

async function render(page: Page, spec: Record<string, unknown>) {
  return page.evaluate(async (spec: any) => {
    const h = (globalThis as any).harness;
    spec.url = new URL(spec.url, location.href).href;
    return h.render(spec);
  }, { url: URL_PATH, ...spec }) as Promise<{ left: number[]; right: number[]; input: number[]; latency: number; processorErrors: number }>;
}

function peakOf(x: number[]): number {
  let p = 0;
  for (const v of x) if (Math.abs(v) > p) p = Math.abs(v);
  return p;
}

test.describe('limiter in an AudioWorklet', () => {
  test('full-scale square and noise 20 dB over the ceiling: not one sample above it', async ({ page }) => {
    await openHarness(page);
    const cases = [
      // square: +-1 (0 dBFS), 19 dB of drive into a -1 dBTP ceiling = 20 dB over
      { signal: 'square', freq: 997, values: { gain: 19, ceiling: -1 } },
      { signal: 'square', freq: 60, values: { gain: 20, ceiling: -6, truePeak: 0, release: 1, lookahead: 0.5 } },
      // noise peaking 20 dB over the ceiling before any drive
      { signal: 'noise', amp: dbToLin(19), values: { ceiling: -1 } },
      { signal: 'noise', amp: dbToLin(8), values: { gain: 24, ceiling: -12, autoRelease: 1, link: 0 } },
      { signal: 'noise', amp: dbToLin(20), values: { ceiling: 0, dither: 3 } },
    ];
    for (const c of cases) {
      // the settings as the initial state: they hold from the first sample (no parameter ramp)
      const { values, ...signal } = c;
      const r = await render(page, { seconds: 0.5, ...signal, state: { plugin: 'com.varnish.limiter', version: 1, params: values } });
      const ceiling = dbToLin(c.values.ceiling);
      const what = JSON.stringify(c);
      expect(r.processorErrors, what).toBe(0);
      for (const y of [r.left, r.right]) {
        const peak = peakOf(y);
        let over = 0;
        for (const v of y) if (Math.abs(v) > ceiling) over++;
        expect(over, `${what}: samples above the ceiling`).toBe(0);
        // and it is limited, not muted: the sample peak comes near the ceiling (with true peak
        // on, the interpolated overshoot of a square or of white noise keeps the samples 2-3 dB lower)
        expect(20 * Math.log10(peak / ceiling), what).toBeGreaterThan(-6);
      }
      console.log(`${c.signal} ${JSON.stringify(c.values)}: peak ${(20 * Math.log10(peakOf(r.left) / ceiling)).toFixed(6)} dB re ceiling`);
    }
  });

  test('reported latency = measured impulse delay; below the ceiling the output nulls the delayed input to -120 dB', async ({ page }) => {
    await openHarness(page);
    for (const { sampleRate, lookahead } of [
      { sampleRate: 48000, lookahead: 5 },
      { sampleRate: 48000, lookahead: 0.5 },
      { sampleRate: 48000, lookahead: 10 },
      { sampleRate: 44100, lookahead: 2.5 },
    ]) {
      const values = { lookahead };
      const imp = await render(page, { sampleRate, seconds: 0.1, signal: 'impulse', amp: 0.5, values });
      let at = -1;
      let best = 0;
      for (let i = 0; i < imp.left.length; i++) {
        if (Math.abs(imp.left[i]) > best) {
          best = Math.abs(imp.left[i]);
          at = i;
        }
      }
      expect(at, `lookahead ${lookahead} ms at ${sampleRate} Hz`).toBe(imp.latency);
      expect(best).toBeCloseTo(0.5, 6);

      const noise = await render(page, { sampleRate, seconds: 0.3, signal: 'noise', amp: 0.4, values });
      const D = noise.latency;
      let err = 0;
      let ref = 0;
      for (let i = D; i < noise.left.length; i++) {
        const x = noise.input[i - D];
        err += (noise.left[i] - x) ** 2;
        ref += x * x;
      }
      for (let i = 0; i < D; i++) err += noise.left[i] ** 2; // nothing before the delay
      const depth = err > 0 ? 10 * Math.log10(err / ref) : -Infinity;
      console.log(`lookahead ${lookahead} ms at ${sampleRate} Hz: latency ${D} samples, null ${depth === -Infinity ? '-inf (bit-exact)' : depth.toFixed(1) + ' dB'}`);
      expect(D).toBe(imp.latency);
      expect(depth).toBeLessThan(-120);
    }
  });

  test('GUI: integrated loudness of a steady 1 kHz sine converges to the LoudnessMeter; target, ceiling and apply', async ({ page }) => {
    test.setTimeout(90_000);
    await openHarness(page);
    const amp = dbToLin(-23);
    const sampleRate = await page.evaluate(async ({ u, amp }) => {
      const h = (globalThis as any).harness;
      const ctx = new AudioContext();
      await ctx.resume();
      const [groupId] = await h.initializeWamHost(ctx);
      const WAM = await h.loadModule(new URL(u, location.href).href);
      const wam = await WAM.createInstance(groupId, ctx);
      const osc = new OscillatorNode(ctx, { frequency: 1000 });
      const level = new GainNode(ctx, { gain: amp });
      osc.connect(level).connect(wam.audioNode).connect(ctx.destination);
      osc.start();
      Object.assign(globalThis as any, { __wam: wam, __ctx: ctx, __level: level });
      const gui = await wam.createGui();
      gui.style.width = '860px';
      gui.style.height = '520px';
      document.getElementById('mount')!.appendChild(gui);
      return ctx.sampleRate;
    }, { u: URL_PATH, amp });

    // the reference: the shared LoudnessMeter on the same stereo sine (the mono source is up-mixed)
    const meter = new LoudnessMeter({ sampleRate, channels: 2 });
    const n = 6 * sampleRate;
    const x = Float32Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * 1000 * i) / sampleRate));
    meter.process([x, x]);
    const expected = meter.integrated;
    console.log(`LoudnessMeter: 1 kHz sine at ${(20 * Math.log10(amp)).toFixed(1)} dBFS, stereo, ${sampleRate} Hz: ${expected.toFixed(3)} LUFS`);

    const integrated = page.locator('[data-readout="integrated"]');
    const shown = async () => Number.parseFloat((await integrated.textContent()) ?? 'NaN');
    await expect(integrated).toBeVisible();
    // restart the measurement once the sine is steady, then watch it converge
    await page.waitForTimeout(500);
    await page.locator('[data-action="reset-loudness"]').click();
    await expect.poll(shown, { timeout: 20_000, message: 'integrated readout' }).toBeGreaterThan(expected - 0.15);
    await expect.poll(async () => Math.abs((await shown()) - expected), { timeout: 20_000 }).toBeLessThanOrEqual(0.1);
    console.log(`GUI integrated readout: ${await shown()} LUFS (LoudnessMeter ${expected.toFixed(2)})`);

    const values = () =>
      page.evaluate(async () => {
        const v = await (globalThis as any).__wam.audioNode.getParameterValues(false);
        return { gain: v.gain.value as number, ceiling: v.ceiling.value as number, target: v.target.value as number };
      });
    const targetControl = page.locator('[role="slider"][aria-label="Target"]');

    // choosing a target in the GUI sets its ceiling: Club (index 3) -> -0.3 dBTP
    await targetControl.focus();
    await targetControl.press('End'); // Custom (last): the ceiling stays
    await expect.poll(async () => (await values()).target).toBe(4);
    expect((await values()).ceiling).toBeCloseTo(-1, 6);
    await targetControl.press('ArrowDown'); // Club
    await expect.poll(async () => (await values()).ceiling).toBeCloseTo(-0.3, 6);
    // a host (or preset) change of the target leaves the ceiling alone
    await page.evaluate(() => (globalThis as any).__wam.audioNode.setParameterValues({ target: { id: 'target', value: 2, normalized: false } }));
    await expect(targetControl).toHaveAttribute('aria-valuenow', '2');
    expect((await values()).ceiling).toBeCloseTo(-0.3, 6);
    // back to Spotify / YouTube (-14 LUFS, -1 dBTP) through the GUI
    await targetControl.press('Home');
    await expect.poll(async () => (await values()).ceiling).toBeCloseTo(-1, 6);
    expect((await values()).gain).toBe(0); // the target never moves the gain by itself

    // apply: gain += target - integrated (about 9 dB here)
    const gap = page.locator('[data-readout="gap"]');
    await expect.poll(async () => Number.parseFloat((await gap.textContent()) ?? 'NaN')).toBeCloseTo(expected + 14, 0);
    const shownGap = Number.parseFloat((await gap.textContent()) ?? 'NaN');
    await page.locator('[data-action="apply"]').click();
    await expect.poll(async () => (await values()).gain).toBeGreaterThan(0);
    const gain = (await values()).gain;
    console.log(`apply: gap ${shownGap} LU -> gain ${gain} dB`);
    expect(Math.abs(gain + shownGap)).toBeLessThanOrEqual(0.11);

    // clamped: a master 12 LU over the R128 target with 2 dB of drive can only go down to 0 dB
    await page.evaluate(async () => {
      const w = (globalThis as any).__wam;
      (globalThis as any).__level.gain.value = 10 ** (-13 / 20);
      await w.audioNode.setParameterValues({ gain: { id: 'gain', value: 2, normalized: false } });
    });
    await targetControl.press('ArrowUp');
    await targetControl.press('ArrowUp'); // from Spotify / YouTube to EBU R128 broadcast (-23)
    await expect.poll(async () => (await values()).target).toBe(2);
    await page.waitForTimeout(300);
    await page.locator('[data-action="reset-loudness"]').click();
    await expect.poll(shown, { timeout: 20_000 }).toBeGreaterThan(-12);
    await page.locator('[data-action="apply"]').click();
    await expect.poll(async () => (await values()).gain).toBe(0);

    await page.evaluate(async () => {
      (globalThis as any).__wam.audioNode.destroy();
      await (globalThis as any).__ctx.close();
    });
  });
});
