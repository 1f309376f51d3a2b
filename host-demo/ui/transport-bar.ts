/** The header: transport buttons, position, loop fields, session name, save/open/demo. */
import type { HostApp } from '../app.js';
import { readSessionFile, saveSessionFile } from '../session/file.js';
import { $, fmtTime } from '../util/dom.js';

export interface TransportBar {
  update(): void;
  syncLoop(): void;
  syncSession(): void;
  save(): Promise<void>;
  toggleLoop(): void;
}

export function setupTransportBar(app: HostApp, onDemo: () => void, onNew: () => void, onOpen: (data: unknown) => void): TransportBar {
  const t = app.transport;
  const pos = $('#position');
  const len = $('#length');
  const loop = $<HTMLButtonElement>('#loop');
  const ls = $<HTMLInputElement>('#loop-start');
  const le = $<HTMLInputElement>('#loop-end');
  const name = $<HTMLInputElement>('#session-name');
  $('#play').onclick = () => void t.play();
  $('#pause').onclick = () => t.pause();
  $('#stop').onclick = () => t.stop();

  const syncLoop = () => {
    loop.setAttribute('aria-pressed', String(t.loop.on));
    if (document.activeElement !== ls) ls.value = t.loop.start.toFixed(2);
    if (document.activeElement !== le) le.value = t.loop.end.toFixed(2);
  };
  const toggleLoop = () => {
    const l = t.loop;
    if (!(l.end > l.start)) t.loop = { on: true, start: 0, end: app.mixer.length };
    else t.loop = { ...l, on: !l.on };
    syncLoop();
    app.changed('mix');
  };
  loop.onclick = toggleLoop;
  const editLoop = () => {
    const a = Math.max(0, Number(ls.value) || 0);
    const b = Math.min(app.mixer.length, Math.max(a, Number(le.value) || 0));
    t.loop = { ...t.loop, start: a, end: b };
    syncLoop();
    app.changed('mix');
  };
  ls.onchange = editLoop;
  le.onchange = editLoop;
  name.onchange = () => {
    app.name = name.value.trim() || 'Untitled';
    app.changed('mix');
  };

  const save = async () => saveSessionFile(await app.session());
  $('#save').onclick = () => void save();
  const input = $<HTMLInputElement>('#session-input');
  $('#open').onclick = () => input.click();
  input.onchange = async () => {
    const f = input.files?.[0];
    input.value = '';
    if (!f) return;
    try {
      onOpen(await readSessionFile(f));
    } catch (e) {
      app.status(`error: ${(e as Error).message}`);
    }
  };
  $('#demo').onclick = onDemo;
  $('#new').onclick = onNew;

  let lastState = '';
  return {
    update() {
      pos.textContent = fmtTime(t.position);
      const state = `${t.state}|${app.mixer?.length}`;
      if (state !== lastState) {
        lastState = state;
        len.textContent = `/ ${fmtTime(app.mixer?.length ?? 0)}`;
        $('#play').setAttribute('aria-pressed', String(t.state === 'playing'));
      }
    },
    syncLoop,
    syncSession() {
      name.value = app.name;
      syncLoop();
    },
    save,
    toggleLoop,
  };
}
