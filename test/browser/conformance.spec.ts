/**
 * WAM 2 conformance, over every folder in dist/plugins, through the WAM 2 API only:
 * what a third-party host does with a plugin must work.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { pluginList, PROBES, declaredParams } from './plugins.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

async function openHarness(page: Page) {
  await page.goto('/test-fixtures/harness.html');
  await page.waitForFunction(() => (globalThis as any).harness !== undefined);
}

for (const plugin of pluginList()) {
  const url = `/plugins/${plugin.id}/index.js`;

  test.describe(`conformance: ${plugin.id}`, () => {
    test('imports by URL, with a complete descriptor and a real thumbnail', async ({ page, request }) => {
      await openHarness(page);
      const isWam = await page.evaluate(async (u) => {
        const WAM = await (globalThis as any).harness.loadModule(new URL(u, location.href).href);
        return WAM.isWebAudioModuleConstructor === true;
      }, url);
      expect(isWam).toBe(true);
      const d = await (await request.get(`/plugins/${plugin.id}/descriptor.json`)).json();
      expect(d.identifier).toBe(`com.varnish.${plugin.id}`);
      expect(d.vendor).toBe('Varnish');
      expect(d.version).toBe(pkg.version);
      expect(d.apiVersion).toBe('2.0.0-alpha.6');
      expect(typeof d.name).toBe('string');
      expect(d.description.length).toBeGreaterThan(10);
      expect(d.keywords.length).toBeGreaterThan(0);
      expect(typeof d.website).toBe('string');
      for (const k of ['Audio', 'Midi', 'Sysex', 'Osc', 'Mpe', 'Automation']) {
        expect(typeof d[`has${k}Input`], `has${k}Input`).toBe('boolean');
        expect(typeof d[`has${k}Output`], `has${k}Output`).toBe('boolean');
      }
      expect(d.hasAudioInput && d.hasAudioOutput).toBe(true);
      const thumb = await request.get(`/plugins/${plugin.id}/${d.thumbnail}`);
      expect(thumb.status()).toBe(200);
      expect(thumb.headers()['content-type']).toBe('image/png');
      expect((await thumb.body()).length).toBeGreaterThan(5000);
    });

    test('createInstance honours initialState in AudioContext and OfflineAudioContext', async ({ page }) => {
      await openHarness(page);
      const probe = PROBES[plugin.id];
      const result = await page.evaluate(async ({ u, id, probe }) => {
        const h = (globalThis as any).harness;
        const WAM = await h.loadModule(new URL(u, location.href).href);
        const out: any[] = [];
        for (const ctx of [new AudioContext(), new OfflineAudioContext(2, 128, 48000)]) {
          const [groupId] = await h.initializeWamHost(ctx);
          const plain = await WAM.createInstance(groupId, ctx);
          const state = await plain.audioNode.getState();
          state.params[probe.id] = probe.value;
          const wam = await WAM.createInstance(groupId, ctx, state);
          const values = await wam.audioNode.getParameterValues(false, probe.id);
          const back = await wam.audioNode.getState();
          out.push({ value: values[probe.id].value, plugin: back.plugin, stateValue: back.params[probe.id], id });
          plain.audioNode.destroy();
          wam.audioNode.destroy();
          if (ctx instanceof AudioContext) await ctx.close();
        }
        return out;
      }, { u: url, id: plugin.id, probe });
      for (const r of result) {
        expect(r.value).toBeCloseTo(probe.value, 6);
        expect(r.stateValue).toBeCloseTo(probe.value, 6);
        expect(r.plugin).toBe(`com.varnish.${plugin.id}`);
      }
    });

    test('getParameterInfo matches the declaration; values round-trip and clamp', async ({ page }) => {
      await openHarness(page);
      const decl = await declaredParams(plugin.id);
      const r = await page.evaluate(async (u) => {
        const h = (globalThis as any).harness;
        const ctx = new OfflineAudioContext(2, 128, 48000);
        const [groupId] = await h.initializeWamHost(ctx);
        const WAM = await h.loadModule(new URL(u, location.href).href);
        const wam = await WAM.createInstance(groupId, ctx);
        const node = wam.audioNode;
        const info = await node.getParameterInfo();
        const set: Record<string, any> = {};
        const expected: Record<string, number> = {};
        for (const id of Object.keys(info)) {
          const p = info[id];
          const v = p.type === 'float' ? p.minValue + 0.37 * (p.maxValue - p.minValue) : p.maxValue;
          set[id] = { id, value: v, normalized: false };
          expected[id] = v;
        }
        await node.setParameterValues(set);
        const values = await node.getParameterValues(false);
        const firstFloat = Object.keys(info).find((id) => info[id].type === 'float')!;
        await node.setParameterValues({ [firstFloat]: { id: firstFloat, value: 1e12, normalized: false } });
        const clamped = (await node.getParameterValues(false, firstFloat))[firstFloat].value;
        return { info, values, expected, firstFloat, clamped, max: info[firstFloat].maxValue };
      }, url);
      expect(Object.keys(r.info)).toEqual(decl.map((p) => p.id));
      for (const p of decl) {
        const i = r.info[p.id];
        expect(i.label).toBe(p.label);
        expect(i.type).toBe(p.type);
        expect(i.minValue).toBe(p.min);
        expect(i.maxValue).toBe(p.max);
        expect(i.defaultValue).toBe(p.default);
        expect(i.units).toBe(p.unit);
        if (p.choices) expect(i.choices).toEqual([...p.choices]);
        expect(r.values[p.id].value).toBeCloseTo(r.expected[p.id], 9);
      }
      expect(r.clamped).toBe(r.max);
    });

    test('a scheduled wam-automation event changes the output within one render quantum of its time', async ({ page }) => {
      await openHarness(page);
      const probe = PROBES[plugin.id];
      const eventTime = 0.25;
      const spec = { url: new URL(url, 'http://x').pathname, seconds: 0.5, signal: 'noise', amp: 0.25, values: probe.base ?? {} };
      const [a, b] = await page.evaluate(async (spec: any) => {
        const h = (globalThis as any).harness;
        spec.url = new URL(spec.url, location.href).href;
        const a = await h.render(spec);
        const b = await h.render({ ...spec, events: [{ time: spec.eventTime, id: spec.probe.id, value: spec.probe.value }] });
        return [a.left, b.left];
      }, { ...spec, eventTime, probe });
      const eventFrame = Math.round(eventTime * 48000);
      let first = -1;
      for (let i = 0; i < a.length; i++) {
        if (Math.abs(a[i] - b[i]) > 1e-6) {
          first = i;
          break;
        }
      }
      expect(first, 'the event changed nothing').toBeGreaterThanOrEqual(0);
      expect(first).toBeGreaterThanOrEqual(eventFrame);
      expect(first).toBeLessThan(eventFrame + 128);
    });

    test('getState/setState round-trip; invalid state is rejected whole', async ({ page }) => {
      await openHarness(page);
      const probe = PROBES[plugin.id];
      const r = await page.evaluate(async ({ u, probe }) => {
        const h = (globalThis as any).harness;
        const ctx = new OfflineAudioContext(2, 128, 48000);
        const [groupId] = await h.initializeWamHost(ctx);
        const WAM = await h.loadModule(new URL(u, location.href).href);
        const a = await WAM.createInstance(groupId, ctx);
        const b = await WAM.createInstance(groupId, ctx);
        await a.audioNode.setParameterValues({ [probe.id]: { id: probe.id, value: probe.value, normalized: false } });
        const s = await a.audioNode.getState();
        await b.audioNode.setState(JSON.parse(JSON.stringify(s)));
        const sb = await b.audioNode.getState();
        const errors: string[] = [];
        const bad = [
          null,
          { ...s, plugin: 'com.other.thing' },
          { ...s, version: 'x' },
          { ...s, params: { ...s.params, [probe.id]: 'loud' } },
        ];
        for (const st of bad) {
          try {
            await b.audioNode.setState(st);
            errors.push('accepted');
          } catch (e: any) {
            errors.push(String(e.message));
          }
        }
        const after = await b.audioNode.getState();
        return { s, sb, errors, after };
      }, { u: url, probe });
      expect(r.sb).toEqual(r.s);
      expect(r.s.params[probe.id]).toBeCloseTo(probe.value, 6);
      expect(r.errors[0]).toMatch(/^state:/);
      expect(r.errors[1]).toMatch(/^state\.plugin/);
      expect(r.errors[2]).toMatch(/^state\.version/);
      expect(r.errors[3]).toMatch(new RegExp(`^state\\.params\\.${probe.id}`));
      expect(r.after).toEqual(r.s);
    });

    test('createGui gives a visible element of non-zero size, destroyGui removes it', async ({ page }) => {
      await openHarness(page);
      const r = await page.evaluate(async (u) => {
        const h = (globalThis as any).harness;
        const ctx = new AudioContext();
        const [groupId] = await h.initializeWamHost(ctx);
        const WAM = await h.loadModule(new URL(u, location.href).href);
        const wam = await WAM.createInstance(groupId, ctx);
        const gui = await wam.createGui();
        document.getElementById('mount')!.appendChild(gui);
        await new Promise((r) => setTimeout(r, 300));
        const rect = gui.getBoundingClientRect();
        const visible = getComputedStyle(gui).visibility !== 'hidden' && getComputedStyle(gui).display !== 'none';
        wam.destroyGui(gui);
        const removed = !gui.isConnected;
        wam.audioNode.destroy();
        await ctx.close();
        return { w: rect.width, h: rect.height, visible, removed };
      }, url);
      expect(r.visible).toBe(true);
      expect(r.w).toBeGreaterThan(200);
      expect(r.h).toBeGreaterThan(100);
      expect(r.removed).toBe(true);
    });

    test('the GUI follows the host: setParameterValues, automation and setState', async ({ page }) => {
      await openHarness(page);
      const probe = PROBES[plugin.id];
      const decl = (await declaredParams(plugin.id)).find((p) => p.id === probe.id)!;
      await page.evaluate(async (u) => {
        const h = (globalThis as any).harness;
        const ctx = new AudioContext();
        const [groupId] = await h.initializeWamHost(ctx);
        const WAM = await h.loadModule(new URL(u, location.href).href);
        const wam = await WAM.createInstance(groupId, ctx);
        (globalThis as any).__wam = wam;
        (globalThis as any).__ctx = ctx;
        document.getElementById('mount')!.appendChild(await wam.createGui());
      }, url);
      const slider = page.locator(`[role="slider"][aria-label="${decl.label}"]`).first();
      await expect(slider).toBeVisible();
      const setBy = async (how: string, value: number) => {
        await page.evaluate(async ({ how, id, value }) => {
          const wam = (globalThis as any).__wam;
          const node = wam.audioNode;
          if (how === 'values') await node.setParameterValues({ [id]: { id, value, normalized: false } });
          else if (how === 'automation') node.scheduleEvents({ type: 'wam-automation', time: (globalThis as any).__ctx.currentTime, data: { id, value, normalized: false } });
          else {
            const s = await node.getState();
            s.params[id] = value;
            await node.setState(s);
          }
        }, { how, id: probe.id, value });
        await expect.poll(async () => Number(await slider.getAttribute('aria-valuenow')), { message: how }).toBeCloseTo(value, 3);
      };
      const span = decl.max - decl.min;
      await setBy('values', decl.min + 0.25 * span);
      await setBy('automation', decl.min + 0.5 * span);
      await setBy('state', decl.min + 0.75 * span);
    });

    test('two instances are independent, and mono and stereo inputs are processed', async ({ page }) => {
      await openHarness(page);
      const probe = PROBES[plugin.id];
      const r = await page.evaluate(async ({ u, probe }) => {
        const h = (globalThis as any).harness;
        const href = new URL(u, location.href).href;
        const plain = await h.render({ url: href, seconds: 0.3, channels: 2, signal: 'sine', amp: 0.25 });
        const changed = await h.render({ url: href, seconds: 0.3, channels: 2, signal: 'sine', amp: 0.25, values: { [probe.id]: probe.value } });
        const mono = await h.render({ url: href, seconds: 0.3, channels: 1, signal: 'sine', amp: 0.25 });
        // two live instances in one context
        const ctx = new OfflineAudioContext(2, 128, 48000);
        const [groupId] = await h.initializeWamHost(ctx);
        const WAM = await h.loadModule(href);
        const a = await WAM.createInstance(groupId, ctx);
        const b = await WAM.createInstance(groupId, ctx);
        await a.audioNode.setParameterValues({ [probe.id]: { id: probe.id, value: probe.value, normalized: false } });
        const va = (await a.audioNode.getParameterValues(false, probe.id))[probe.id].value;
        const vb = (await b.audioNode.getParameterValues(false, probe.id))[probe.id].value;
        const distinct = a.instanceId !== b.instanceId;
        const rms = (x: number[]) => Math.sqrt(x.slice(4800).reduce((s, v) => s + v * v, 0) / (x.length - 4800));
        const diff = (x: number[], y: number[]) => Math.sqrt(x.slice(4800).reduce((s, v, i) => s + (v - y[i + 4800]) ** 2, 0) / (x.length - 4800));
        return {
          va, vb, distinct,
          monoL: rms(mono.left), monoR: rms(mono.right), stereoL: rms(plain.left), stereoR: rms(plain.right),
          changedDiff: diff(plain.left, changed.left),
        };
      }, { u: url, probe });
      expect(r.va).toBeCloseTo(probe.value, 6);
      expect(r.vb).not.toBeCloseTo(probe.value, 6);
      expect(r.distinct).toBe(true);
      expect(r.changedDiff).toBeGreaterThan(1e-3);
      for (const v of [r.monoL, r.monoR, r.stereoL, r.stereoR]) expect(v).toBeGreaterThan(0.01);
    });

    test('200 create/destroy cycles keep the JS heap bounded', async ({ page }) => {
      await openHarness(page);
      const cdp = await page.context().newCDPSession(page);
      const cycle = (n: number) =>
        page.evaluate(async ({ u, n }) => {
          const h = (globalThis as any).harness;
          const href = new URL(u, location.href).href;
          const ctx = ((globalThis as any).__ctx ??= new AudioContext());
          const [groupId] = await h.initializeWamHost(ctx);
          const WAM = await h.loadModule(href);
          for (let i = 0; i < n; i++) {
            const wam = await WAM.createInstance(groupId, ctx);
            wam.audioNode.connect(ctx.destination);
            const gui = await wam.createGui();
            document.getElementById('mount')!.appendChild(gui);
            await new Promise((r) => requestAnimationFrame(r));
            wam.destroyGui(gui);
            wam.audioNode.disconnect();
            wam.audioNode.destroy();
          }
        }, { u: url, n });
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await page.waitForTimeout(200);
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      };
      await cycle(20);
      const before = await heap();
      await cycle(200);
      const after = await heap();
      const growthMB = (after - before) / 1e6;
      console.log(`${plugin.id}: heap ${(before / 1e6).toFixed(2)} MB -> ${(after / 1e6).toFixed(2)} MB after 200 cycles`);
      expect(growthMB).toBeLessThan(4);
    });
  });
}

test('the same plugin loaded from two URLs on one page does not collide', async ({ page }) => {
  await openHarness(page);
  const ids = pluginList().map((p) => p.id);
  const r = await page.evaluate(async (ids) => {
    const h = (globalThis as any).harness;
    const ctx = new AudioContext();
    const [groupId] = await h.initializeWamHost(ctx);
    const errors: string[] = [];
    const nodes: any[] = [];
    for (const id of ids) {
      // /mirror/ serves the same dist/ under a second path: a second, separate copy of every module
      for (const u of [`/plugins/${id}/index.js`, `/mirror/plugins/${id}/index.js`]) {
        try {
          const WAM = await h.loadModule(new URL(u, location.href).href);
          const wam = await WAM.createInstance(groupId, ctx);
          const gui = await wam.createGui();
          document.getElementById('mount')!.appendChild(gui);
          nodes.push(wam);
        } catch (e: any) {
          errors.push(`${u}: ${e.message}`);
        }
      }
    }
    const tags = new Set([...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.includes('-')));
    for (const w of nodes) w.audioNode.destroy();
    await ctx.close();
    return { errors, count: nodes.length, tags: tags.size };
  }, ids);
  expect(r.errors).toEqual([]);
  expect(r.count).toBe(ids.length * 2);
});
