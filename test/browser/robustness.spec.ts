/**
 * Robustness of every built plugin in real AudioWorklets: bad input (NaN, ±Inf, denormals, DC,
 * full-scale square), random parameters with automation storms, at 22.05 to 192 kHz.
 * Required: finite output at most +24 dBFS, no exception escaping process() (processorerror),
 * and a normal signal again within 1 s after bad input stops.
 */
import { expect, test } from '@playwright/test';
import { pluginList } from './plugins.js';

const RATES = [22050, 44100, 48000, 96000, 192000];
const LIMIT = 10 ** (24 / 20) * (1 + 1e-6);

for (const plugin of pluginList()) {
  test(`robustness: ${plugin.id}`, async ({ page }) => {
    await page.goto('/test-fixtures/harness.html');
    await page.waitForFunction(() => (globalThis as any).harness !== undefined);
    const url = `/plugins/${plugin.id}/index.js`;
    const results = await page.evaluate(
      async ({ url, rates }) => {
        const h = (globalThis as any).harness;
        const href = new URL(url, location.href).href;
        const out: any[] = [];
        for (const sampleRate of rates) {
          // clean reference: silence for 0.5 s, then a sine
          const ref = await h.render({ url: href, sampleRate, seconds: 1.6, signal: 'silence', badSeconds: 0.5, statsFrom: 1.5 });
          for (const signal of ['nan', 'inf', 'denormal', 'dc', 'square']) {
            const r = await h.render({ url: href, sampleRate, seconds: 1.6, signal, badSeconds: 0.5, amp: 1, statsFrom: 1.5 });
            out.push({ sampleRate, signal, ...r, refTail: ref.tailRms });
          }
          const storm = await h.render({ url: href, sampleRate, seconds: 1, signal: 'square', randomSeed: sampleRate, storm: 400, statsFrom: 0.5 });
          out.push({ sampleRate, signal: 'random+storm', ...storm });
        }
        return out;
      },
      { url, rates: RATES },
    );
    for (const r of results) {
      const what = `${r.signal} at ${r.sampleRate} Hz`;
      expect(r.processorErrors, `${what}: processorerror`).toBe(0);
      expect(r.nonFinite, `${what}: non-finite samples`).toBe(0);
      expect(r.peak, `${what}: above +24 dBFS`).toBeLessThanOrEqual(LIMIT);
      if (r.refTail && ['nan', 'inf', 'denormal'].includes(r.signal)) {
        for (let c = 0; c < 2; c++) {
          // normal again: the sine comes through as it does after clean silence (within 1 dB)
          expect(r.tailRms[c], `${what} ch${c}: not normal 1 s after bad input`).toBeGreaterThan(r.refTail[c] * 0.89);
          expect(r.tailRms[c], `${what} ch${c}: not normal 1 s after bad input`).toBeLessThan(r.refTail[c] * 1.12 + 1e-6);
        }
      }
    }
  });
}
