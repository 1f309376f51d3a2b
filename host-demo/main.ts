/**
 * Varnish demo host: a mixing desk that loads every plugin by URL through the WAM 2 API only,
 * exactly as a third-party host does (initializeWamHost, import(url), createInstance,
 * audioNode, getState/setState, parameters, scheduleEvents, getCompensationDelay,
 * createGui/destroyGui, destroy).
 */
import { installApi } from './api.js';
import { HostApp } from './app.js';
import { parseChainHash } from './chain-link/links.js';
import { Autosave } from './session/autosave.js';
import { setupBounce } from './ui/bounce-dialog.js';
import { setupFileDrop } from './ui/file-drop.js';
import { setupKeys } from './ui/keys.js';
import { LanesView } from './ui/lanes-view.js';
import { startMeters } from './ui/meters.js';
import { renderMixer } from './ui/mixer-view.js';
import { Overview } from './ui/overview.js';
import { Panels } from './ui/panels.js';
import { setupTransportBar } from './ui/transport-bar.js';
import { $ } from './util/dom.js';

const app = new HostApp();
const panels = new Panels($('#panels'));
const lanes = new LanesView(app);
const autosave = new Autosave(app);
const bounce = setupBounce(app);

const status = (text: string) => ($('#status').textContent = text);
app.addEventListener('status', (e) => status((e as CustomEvent<string>).detail));

let problems: string[] = [];

async function replaceSession(load: () => Promise<string[]>): Promise<void> {
  panels.closeAll();
  problems = await load();
  if (problems.length) status(`${app.mixer.inserts.length} plugins loaded · failed: ${problems.join('; ')}`);
}

/** one window per distinct plugin, so every plugin of the demo is on screen */
async function showEachPlugin(): Promise<void> {
  const seen = new Set<string>();
  const order = [app.mixer.master, app.mixer.aux, ...app.mixer.tracks.slice().reverse()];
  const jobs: Promise<unknown>[] = [];
  for (const strip of order) {
    for (const ins of strip.chain.inserts) {
      const key = ins.identifier || ins.url;
      if (seen.has(key)) continue;
      seen.add(key);
      jobs.push(panels.show(ins, `${strip.name} · ${ins.name}`));
    }
  }
  await Promise.all(jobs);
}

const bar = setupTransportBar(
  app,
  () => void replaceSession(() => app.loadDemo()).then(showEachPlugin),
  () => void replaceSession(() => app.loadEmpty()),
  (data) => void replaceSession(() => app.loadSession(data)).catch((e) => status(`error: ${(e as Error).message}`)),
);
const overview = new Overview(app, () => {
  bar.syncLoop();
  app.changed('mix');
});
setupKeys(app, { save: () => void bar.save(), bounce: bounce.open, loop: bar.toggleLoop });
setupFileDrop(app);
$('#bounce-open').onclick = bounce.open;
const match = $<HTMLInputElement>('#match-bypass');
match.onchange = () => app.mixer.setMatchBypass(match.checked);

app.addEventListener('change', (e) => {
  const what = (e as CustomEvent<string>).detail;
  if (what === 'session') {
    bar.syncSession();
    match.checked = app.mixer.matchBypass;
  }
  if (what === 'session' || what === 'structure' || what === 'latency') renderMixer(app, panels);
  if (what === 'session' || what === 'structure' || what === 'lanes') lanes.render();
});

async function start(): Promise<void> {
  await app.loadCatalog();
  const empty = new URLSearchParams(location.search).has('empty');
  const saved = empty ? null : await autosave.restore();
  let fresh = !saved && !empty;
  if (empty) await replaceSession(() => app.loadEmpty());
  else if (saved) {
    await replaceSession(() => app.loadSession(saved)).catch(async (e) => {
      status(`autosave could not be restored (${(e as Error).message}); demo loaded`);
      fresh = true;
      await replaceSession(() => app.loadDemo());
    });
  } else await replaceSession(() => app.loadDemo());
  const link = parseChainHash(location.hash);
  let note = '';
  if (link) {
    try {
      note = ` · chain ${await app.applyChainCode(link.code, link.on)}`;
    } catch (e) {
      note = ` · chain link: ${(e as Error).message}`;
    }
    history.replaceState(null, '', location.pathname + location.search);
  }
  if (fresh) await showEachPlugin();
  const failed = problems.length ? ` · failed: ${problems.join('; ')}` : '';
  status(`${app.mixer.inserts.length} plugins loaded · ${app.ctx.sampleRate} Hz${saved && !fresh ? ' · session restored' : ''}${note}${failed}`);
  autosave.start();
  startMeters(app, () => {
    bar.update();
    overview.draw();
    lanes.draw();
  });
}

const ready = start().catch((e) => {
  status(`error: ${(e as Error).message}`);
  throw e;
});
ready.catch(() => undefined);
installApi(app, panels, autosave, ready);
