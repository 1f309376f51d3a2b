/** A channel strip: name, inserts, add-insert, chain tools, send, pan, fader, meter, mute/solo. */
import type { HostApp } from '../app.js';
import type { Strip, Track } from '../engine/strip.js';
import { Bus } from '../engine/strip.js';
import { AUDIO_ACCEPT } from '../session/audio-library.js';
import { MIN_DB } from '../session/model.js';
import { fmtDb, h } from '../util/dom.js';
import { ask } from './ask.js';
import { dropAtEnd, insertRow } from './insert-row.js';
import type { Panels } from './panels.js';

function range(label: string, cls: string, min: number, max: number, step: number, value: number, reset: number, set: (v: number) => void, show: (v: number) => string) {
  const input = h('input', { type: 'range', className: cls, min: String(min), max: String(max), step: String(step), value: String(value), 'aria-label': label });
  const out = h('output', {}, show(value));
  const apply = () => {
    set(Number(input.value));
    out.textContent = show(Number(input.value));
  };
  input.oninput = apply;
  input.ondblclick = () => {
    input.value = String(reset);
    apply();
  };
  return { input, out };
}

export function stripView(app: HostApp, panels: Panels, strip: Strip): HTMLElement {
  const mixer = app.mixer;
  const track = strip.kind === 'track' ? (strip as Track) : null;
  const el = h(`div.strip.${strip.kind}`, { dataset: { strip: strip.id }, role: 'group', 'aria-label': `${strip.kind === 'track' ? 'Track' : ''} ${strip.name}`.trim() });

  const name = h('input.name', { value: strip.name, 'aria-label': `${strip.kind} name`, spellcheck: false });
  name.onchange = () => {
    strip.name = name.value.trim() || strip.name;
    name.value = strip.name;
    el.setAttribute('aria-label', strip.name);
    app.changed('mix');
  };
  el.append(h('div.kind', {}, strip.kind === 'track' ? 'track' : strip.kind === 'aux' ? 'aux · reverb bus' : 'master bus'), name);

  if (track && !track.buffer) {
    const pick = h('input', { type: 'file', accept: AUDIO_ACCEPT, hidden: true });
    pick.onchange = () => {
      const f = pick.files?.[0];
      if (f) app.relinkFile(track, f).catch((e) => app.status(`error: ${(e as Error).message}`));
    };
    el.append(h('div.missing', {}, `missing audio: ${track.audio?.name ?? '(none)'}`, h('button', { onclick: () => pick.click() }, 'Relink…'), pick));
  }

  const list = h('ol.inserts', { 'aria-label': `${strip.name} inserts` });
  strip.chain.inserts.forEach((ins, i) => list.append(insertRow(app, panels, strip, ins, i)));
  dropAtEnd(app, list, strip);
  el.append(list);

  const add = h('select.add-insert', { 'aria-label': `Add an insert to ${strip.name}` }, h('option', { value: '' }, '+ insert…'));
  for (const p of app.catalog) add.append(h('option', { value: p.url }, p.name));
  add.append(h('option', { value: 'url' }, 'WAM 2 plugin by URL…'));
  add.onchange = async () => {
    let url: string | null = add.value;
    add.value = '';
    if (url === 'url') url = await ask('Load a WAM 2 plugin by URL', 'https://…/index.js');
    if (!url) return;
    try {
      app.status(`loading ${url}…`);
      const ins = await mixer.addInsert(strip, url);
      app.status(`${ins.name} added to ${strip.name}`);
      await panels.show(ins, `${strip.name} · ${ins.name}`);
    } catch (e) {
      app.status(`error: ${(e as Error).message}`);
    }
  };
  el.append(add);

  const share = h('button.share', { title: 'Copy a link that rebuilds this chain (#chain=…)' }, 'Share chain');
  share.onclick = async () => {
    try {
      const { url, skipped } = await app.links.link(strip);
      (window as unknown as { varnishLastLink?: string }).varnishLastLink = url;
      await navigator.clipboard?.writeText(url).catch(() => undefined);
      app.status(`chain link copied${skipped.length ? ` (left out, not Varnish: ${skipped.join(', ')})` : ''}: ${url}`);
    } catch (e) {
      app.status(`error: ${(e as Error).message}`);
    }
  };
  const paste = h('button.paste', { title: 'Replace this chain with one from a chain link or code' }, 'Paste chain');
  paste.onclick = async () => {
    const text = await ask(`Chain link or code for ${strip.name}`, 'https://…#chain=vrn1.chain.… or vrn1.chain.…', 'text');
    if (!text) return;
    const code = text.includes('chain=') ? (new URLSearchParams(text.slice(text.indexOf('#') + 1)).get('chain') ?? text) : text;
    try {
      app.status(`chain loaded: ${await app.links.apply(code, strip)}`);
    } catch (e) {
      app.status(`error: ${(e as Error).message}`);
    }
  };
  el.append(h('div.tools', {}, share, paste));

  if (track) {
    const send = range(`${strip.name} reverb send`, 'send', MIN_DB, 6, 0.5, track.sendDb, MIN_DB, (v) => track.setSendDb(v), (v) => (v <= MIN_DB ? 'off' : fmtDb(v)));
    const pan = range(`${strip.name} pan`, 'pan', -1, 1, 0.01, track.pan, 0, (v) => track.setPan(v), (v) => (Math.abs(v) < 0.005 ? 'C' : `${v < 0 ? 'L' : 'R'}${Math.round(Math.abs(v) * 100)}`));
    el.append(h('label', {}, 'Send', send.input, send.out), h('label', {}, 'Pan', pan.input, pan.out));
  }

  const fader = range(`${strip.name} volume`, 'fader', -60, 12, 0.1, Math.max(-60, strip.gainDb), 0, (v) => strip.setGainDb(v <= -60 ? MIN_DB : v), (v) => (v <= -60 ? '−∞ dB' : `${fmtDb(v)} dB`));
  const meter = h('canvas.meter', { width: 14, height: 150, dataset: { meter: strip.id, db: '-inf' }, role: 'meter', 'aria-label': `${strip.name} peak level` });
  el.append(h('div.fader-row', {}, fader.input, meter), h('div.readout', {}, fader.out));

  const mute = h('button.mute', { 'aria-pressed': String(strip.muted), 'aria-label': `Mute ${strip.name}` }, 'M');
  mute.onclick = () => {
    if (track) {
      track.muted = !track.muted;
      mixer.applySolo();
    } else (strip as Bus).setMute(!strip.muted);
    mute.setAttribute('aria-pressed', String(strip.muted));
    app.changed('mix');
  };
  const buttons = h('div.buttons', {}, mute);
  if (track) {
    const solo = h('button.solo', { 'aria-pressed': String(track.solo), 'aria-label': `Solo ${strip.name}` }, 'S');
    solo.onclick = () => {
      track.solo = !track.solo;
      mixer.applySolo();
      solo.setAttribute('aria-pressed', String(track.solo));
      app.changed('mix');
    };
    const del = h('button.delete', { title: 'Delete track', 'aria-label': `Delete ${strip.name}` }, 'del');
    del.onclick = () => {
      panels.prune(new Set(mixer.inserts.filter((i) => !track.chain.inserts.includes(i))));
      mixer.removeTrack(track);
    };
    buttons.append(solo, del);
  }
  el.append(buttons);

  const lat = strip.chain.latency;
  const latText = track
    ? `latency ${lat} smp · aligned +${track.compSamples}`
    : strip.kind === 'master'
      ? `latency ${lat} smp · total ${mixer.outputLatency}`
      : `latency ${lat} smp`;
  el.append(h('div.latency', { dataset: { latency: String(lat) } }, latText));

  if (strip.kind === 'master') {
    const row = (k: string, id: string) => [h('dt', {}, k), h('dd', { id })];
    const reset = h('button', { title: 'Restart the loudness measurement', style: { fontSize: '10px', padding: '0 5px' } }, 'reset');
    reset.onclick = () => strip.meter?.reset();
    el.append(
      h('dl', { id: 'loudness', 'aria-label': 'Master loudness (EBU R128)' }, ...row('M', 'lufs-m'), ...row('S', 'lufs-s'), ...row('I', 'lufs-i'), ...row('LRA', 'lu-range'), ...row('TP', 'dbtp'), h('dt', {}, 'LUFS'), h('dd', {}, reset)),
    );
  }
  return el;
}
