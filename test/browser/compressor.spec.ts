/**
 * Varnish Compressor in a real AudioWorklet, through the WAM 2 API only: the external sidechain
 * on input 1 (connect(node, 0, 1)), and the reported latency against the rendered delay.
 *
 * Sidechain numbers: a 1 kHz tone at 0.1 (-20 dBFS peak) into input 0; a 2 kHz burst at 0.8
 * (-1.94 dBFS peak) into input 1 from 0.4 s to 0.7 s. Threshold -30 dB, ratio 8, knee 0, peak
 * detector, attack 1 ms: the static curve (Giannoulis, Massberg & Reiss 2012, eq. 4) gives
 *   external: GR = (1 - 1/8)(-1.94 + 30) = 24.56 dB on the tone during the burst, 0 before;
 *   internal: GR = (1 - 1/8)(-20 + 30) = 8.75 dB from the tone itself, burst or not.
 */
import { expect, test, type Page } from '@playwright/test';

const URL_PATH = '/plugins/compressor/index.js';
const SR = 48000;

async function openHarness(page: Page) {
  await page.goto('/test-fixtures/harness.html');
  await page.waitForFunction(() => (globalThis as any).harness !== undefined);
}

interface SidechainRun {
  /** output RMS / tone RMS in dB, over windows before and during the burst */
  beforeDb: number;
  duringDb: number;
  errors: number;
}

/** Render the tone through the compressor with the burst on input 1. */
function renderSidechain(page: Page, source: 'internal' | 'external', connectBurst = true): Promise<SidechainRun> {
  return page.evaluate(
    async ({ u, sr, source, connectBurst }) => {
      const h = (globalThis as any).harness;
      const seconds = 1;
      const frames = seconds * sr;
      const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: frames, sampleRate: sr });
      const [groupId] = await h.initializeWamHost(ctx);
      const WAM = await h.loadModule(new URL(u, location.href).href);
      const wam = await WAM.createInstance(groupId, ctx);
      const node = wam.audioNode;
      let errors = 0;
      node.addEventListener?.('processorerror', () => errors++);
      const values: Record<string, number> = {
        threshold: -30,
        ratio: 8,
        knee: 0,
        attack: 1,
        release: 50,
        detector: 0,
        sidechain: source === 'external' ? 1 : 0,
      };
      await node.setParameterValues(Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { id, value, normalized: false }])));
      const tone = ctx.createBuffer(2, frames, sr);
      const burst = ctx.createBuffer(2, frames, sr);
      const b0 = Math.round(0.4 * sr);
      const b1 = Math.round(0.7 * sr);
      for (let c = 0; c < 2; c++) {
        const t = tone.getChannelData(c);
        const b = burst.getChannelData(c);
        for (let i = 0; i < frames; i++) {
          t[i] = 0.1 * Math.sin((2 * Math.PI * 1000 * i) / sr);
          b[i] = i >= b0 && i < b1 ? 0.8 * Math.sin((2 * Math.PI * 2000 * (i - b0)) / sr) : 0;
        }
      }
      const toneSrc = new AudioBufferSourceNode(ctx, { buffer: tone });
      toneSrc.connect(node, 0, 0);
      if (connectBurst) {
        const burstSrc = new AudioBufferSourceNode(ctx, { buffer: burst });
        burstSrc.connect(node, 0, 1);
        burstSrc.start(0);
      }
      node.connect(ctx.destination);
      toneSrc.start(0);
      const out = await ctx.startRendering();
      node.destroy();
      const y = out.getChannelData(0);
      const x = tone.getChannelData(0);
      const ratioDb = (a: number, b: number) => {
        let sy = 0;
        let sx = 0;
        for (let i = Math.round(a * sr); i < Math.round(b * sr); i++) {
          sy += y[i] * y[i];
          sx += x[i] * x[i];
        }
        return 10 * Math.log10(sy / sx);
      };
      // windows start well after the attack (1 ms) has settled
      return { beforeDb: ratioDb(0.15, 0.38), duringDb: ratioDb(0.45, 0.69), errors };
    },
    { u: URL_PATH, sr: SR, source, connectBurst },
  );
}

const grDb = (levelDb: number) => (1 - 1 / 8) * (levelDb + 30);

test.describe('compressor: external sidechain', () => {
  test('sidechain=external: the tone is ducked during the burst on input 1, and not before', async ({ page }) => {
    await openHarness(page);
    const r = await renderSidechain(page, 'external');
    expect(r.errors).toBe(0);
    // before the burst the detector hears silence: the tone passes untouched
    expect(Math.abs(r.beforeDb)).toBeLessThan(0.01);
    // during it the tone is reduced by the static curve at the burst's level
    const expected = grDb(20 * Math.log10(0.8));
    expect(-r.duringDb).toBeGreaterThan(expected - 0.2);
    expect(-r.duringDb).toBeLessThan(expected + 0.2);
  });

  test('sidechain=internal: the burst on input 1 has no effect', async ({ page }) => {
    await openHarness(page);
    const r = await renderSidechain(page, 'internal');
    expect(r.errors).toBe(0);
    // the tone compresses itself (threshold below it), the same before and during the burst
    expect(Math.abs(r.duringDb - r.beforeDb)).toBeLessThan(0.01);
    expect(-r.beforeDb).toBeGreaterThan(grDb(-20) - 0.2);
    expect(-r.beforeDb).toBeLessThan(grDb(-20) + 0.2);
  });

  test('sidechain=external with nothing on input 1: no reduction', async ({ page }) => {
    await openHarness(page);
    const r = await renderSidechain(page, 'external', false);
    expect(r.errors).toBe(0);
    expect(Math.abs(r.beforeDb)).toBeLessThan(0.01);
    expect(Math.abs(r.duringDb)).toBeLessThan(0.01);
  });
});

test.describe('compressor: latency', () => {
  for (const [sampleRate, lookahead] of [
    [48000, 5],
    [44100, 12.5],
    [48000, 0],
  ] as const) {
    test(`getCompensationDelay() reports lookahead ${lookahead} ms at ${sampleRate} Hz in samples, and the output is delayed by exactly that`, async ({ page }) => {
      await openHarness(page);
      const r = await page.evaluate(
        async ({ u, sr, lookahead }) => {
          const h = (globalThis as any).harness;
          const frames = Math.round(0.1 * sr);
          const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: frames, sampleRate: sr });
          const [groupId] = await h.initializeWamHost(ctx);
          const WAM = await h.loadModule(new URL(u, location.href).href);
          const wam = await WAM.createInstance(groupId, ctx);
          const node = wam.audioNode;
          const values: Record<string, number> = { lookahead, mix: 0 };
          await node.setParameterValues(Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { id, value, normalized: false }])));
          // after the 20 ms ramp of mix from its default (set values glide like automation)
          const at = Math.round(0.05 * sr);
          const buffer = ctx.createBuffer(2, frames, sr);
          buffer.getChannelData(0)[at] = 0.5;
          buffer.getChannelData(1)[at] = -0.25;
          const src = new AudioBufferSourceNode(ctx, { buffer });
          src.connect(node);
          node.connect(ctx.destination);
          src.start(0);
          const out = await ctx.startRendering();
          const latency = await node.getCompensationDelay();
          node.destroy();
          const found: Array<{ index: number; value: number; others: number }> = [];
          for (let c = 0; c < 2; c++) {
            const d = out.getChannelData(c);
            let index = -1;
            let peak = 0;
            let others = 0;
            for (let i = 0; i < d.length; i++) {
              if (Math.abs(d[i]) > peak) {
                peak = Math.abs(d[i]);
                index = i;
              }
            }
            for (let i = 0; i < d.length; i++) if (i !== index) others = Math.max(others, Math.abs(d[i]));
            found.push({ index: index - at, value: d[index], others });
          }
          return { latency, found };
        },
        { u: URL_PATH, sr: sampleRate, lookahead },
      );
      const expected = Math.round((lookahead * sampleRate) / 1000);
      expect(r.latency).toBe(expected);
      // mix 0 %: the input, delayed by the latency, bit for bit
      expect(r.found[0].index).toBe(expected);
      expect(r.found[1].index).toBe(expected);
      expect(r.found[0].value).toBe(0.5);
      expect(r.found[1].value).toBe(-0.25);
      expect(r.found[0].others).toBe(0);
      expect(r.found[1].others).toBe(0);
    });
  }
});
