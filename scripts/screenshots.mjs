// npm run screenshots: opens every built plugin's GUI (with audio playing, so meters and
// analysers move) and the demo host in headless Chromium, and saves real pictures:
// plugins/<id>/thumbnail.png (the descriptor's thumbnail) and docs/screenshots/*.png (README).
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { ensureDeps, run, CHROMIUM } from './ensure.mjs';
import { serve } from './serve.mjs';

ensureDeps();
run('npm run -s build');
const port = 8300 + Math.floor(Math.random() * 300);
const server = await serve({ port });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
});
mkdirSync('docs/screenshots', { recursive: true });
const only = process.argv.slice(2);
try {
  const { plugins } = await (await fetch(`http://127.0.0.1:${port}/plugins/index.json`)).json();
  for (const p of plugins) {
    if (only.length && !only.includes(p.id)) continue;
    const page = await browser.newPage({ viewport: { width: 900, height: 560 }, deviceScaleFactor: 1 });
    await page.goto(`http://127.0.0.1:${port}/test-fixtures/harness.html`);
    await page.waitForFunction(() => globalThis.harness !== undefined);
    await page.evaluate(async (url) => {
      const h = globalThis.harness;
      const ctx = new AudioContext();
      const [groupId] = await h.initializeWamHost(ctx);
      const WAM = await h.loadModule(url);
      const wam = await WAM.createInstance(groupId, ctx);
      const buffer = ctx.createBuffer(2, ctx.sampleRate * 2, ctx.sampleRate);
      for (let c = 0; c < 2; c++) {
        const d = buffer.getChannelData(c);
        for (let i = 0; i < d.length; i++) d[i] = (Math.random() * 2 - 1) * 0.3 * (0.5 + 0.5 * Math.sin(i / 3000)) + 0.2 * Math.sin(i * 0.02 + c);
      }
      const src = new AudioBufferSourceNode(ctx, { buffer, loop: true });
      src.connect(wam.audioNode).connect(ctx.destination);
      src.start();
      const mount = document.getElementById('mount');
      mount.style.cssText = 'width:860px;height:520px;padding:0;margin:0';
      document.body.style.margin = '0';
      const gui = await wam.createGui();
      gui.style.width = '860px';
      gui.style.height = '520px';
      mount.appendChild(gui);
    }, `http://127.0.0.1:${port}/plugins/${p.id}/index.js`);
    await page.waitForTimeout(1500);
    const el = page.locator('#mount');
    await el.screenshot({ path: `plugins/${p.id}/thumbnail.png` });
    await el.screenshot({ path: `docs/screenshots/${p.id}.png` });
    console.log(`plugins/${p.id}/thumbnail.png`);
    await page.close();
  }
  if (!only.length || only.includes('host')) {
    // the demo session opens one window per plugin below the mixer: a tall, wide view shows them
    const page = await browser.newPage({ viewport: { width: 1800, height: 1480 } });
    await page.goto(`http://127.0.0.1:${port}/host-demo/`);
    await page.waitForFunction(() => /plugins loaded/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 60000 });
    await page.click('#play');
    await page.waitForTimeout(4000);
    await page.screenshot({ path: 'docs/screenshots/host-demo.png' });
    console.log('docs/screenshots/host-demo.png');
  }
} finally {
  await browser.close();
  server.close();
}
run('npm run -s build'); // copy the new thumbnails into dist/
