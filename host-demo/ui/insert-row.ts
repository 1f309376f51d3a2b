/**
 * One insert slot in a strip: grip (drag to reorder; Alt+↑/↓ does the same from the keyboard),
 * name (opens the GUI panel), bypass, automation record arm, remove; while bypassed, the
 * level-match gain; the plugin's latency.
 */
import type { HostApp } from '../app.js';
import type { Insert } from '../engine/insert.js';
import type { Strip } from '../engine/strip.js';
import { fmtDb, h } from '../util/dom.js';
import type { Panels } from './panels.js';

const DND_TYPE = 'application/x-varnish-insert';

export function insertRow(app: HostApp, panels: Panels, strip: Strip, ins: Insert, index: number): HTMLLIElement {
  const title = `${strip.name} · ${ins.name}`;
  const match = h('span.match', { title: 'Level-match gain on the bypassed signal' });
  const showMatch = () => {
    match.textContent = ins.bypass && app.mixer.matchBypass ? `≈${fmtDb(ins.matchDb)}` : '';
  };
  ins.onMatch = showMatch;
  showMatch();
  const bypass = h('button.bypass', { title: 'Bypass (level-matched when the header box is ticked)', 'aria-label': `Bypass ${ins.name}`, 'aria-pressed': String(ins.bypass) }, 'bypass');
  bypass.onclick = () => {
    ins.setBypass(!ins.bypass);
    row.classList.toggle('bypassed', ins.bypass);
    bypass.setAttribute('aria-pressed', String(ins.bypass));
    showMatch();
    app.changed('mix');
  };
  const arm = h('button.arm', { title: 'Record automation: moves of this plugin\'s controls while playing', 'aria-label': `Record automation of ${ins.name}`, 'aria-pressed': String(ins.armed) }, '● auto');
  arm.onclick = () => {
    app.recorder.arm(ins, !ins.armed);
    arm.setAttribute('aria-pressed', String(ins.armed));
  };
  const open = h('button.open', { title: `${ins.name}: open or close its window`, 'aria-label': `Open ${ins.name}` }, ins.name.replace(/^Varnish /, ''));
  open.onclick = () => void panels.toggle(ins, title);
  const remove = h('button.remove', { title: 'Remove', 'aria-label': `Remove ${ins.name}` }, '✕');
  remove.onclick = () => {
    panels.close(ins);
    app.mixer.removeInsert(strip, ins);
  };
  const lat = h('span.lat', { title: 'Latency in samples, from getCompensationDelay()' }, ins.latency ? `${ins.latency} smp` : '');
  const row = h(
    'li.insert',
    { draggable: true, dataset: { insert: ins.id, index: String(index) }, tabIndex: -1 },
    h('div.line', {}, h('span.grip', { title: 'Drag to reorder (or Alt+↑/↓)' }, '⋮⋮'), open, remove),
    h('div.line.small', {}, bypass, arm, match, lat),
  );
  row.classList.toggle('bypassed', ins.bypass);

  row.addEventListener('dragstart', (e) => {
    e.dataTransfer!.setData(DND_TYPE, `${strip.id}:${index}`);
    e.dataTransfer!.effectAllowed = 'move';
    row.classList.add('dragging');
  });
  row.addEventListener('dragend', () => row.classList.remove('dragging'));
  row.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes(DND_TYPE)) return;
    e.preventDefault();
    row.classList.add('drop-before');
  });
  row.addEventListener('dragleave', () => row.classList.remove('drop-before'));
  row.addEventListener('drop', (e) => {
    row.classList.remove('drop-before');
    const data = e.dataTransfer?.getData(DND_TYPE);
    if (!data) return;
    e.preventDefault();
    e.stopPropagation();
    const [sid, from] = data.split(':');
    if (sid !== strip.id) return;
    const f = Number(from);
    app.mixer.moveInsert(strip, f, f < index ? index - 1 : index);
  });
  row.addEventListener('keydown', (e) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const to = index + (e.key === 'ArrowUp' ? -1 : 1);
    if (to < 0 || to >= strip.chain.inserts.length) return;
    app.mixer.moveInsert(strip, index, to);
    requestAnimationFrame(() => (document.querySelector(`[data-insert="${ins.id}"] .open`) as HTMLElement | null)?.focus());
  });
  return row;
}

/** Dropping on the empty end of a list moves the insert last. */
export function dropAtEnd(app: HostApp, list: HTMLElement, strip: Strip): void {
  list.addEventListener('dragover', (e) => {
    if (e.dataTransfer?.types.includes(DND_TYPE)) e.preventDefault();
  });
  list.addEventListener('drop', (e) => {
    const data = e.dataTransfer?.getData(DND_TYPE);
    if (!data) return;
    e.preventDefault();
    const [sid, from] = data.split(':');
    if (sid === strip.id) app.mixer.moveInsert(strip, Number(from), strip.chain.inserts.length - 1);
  });
}
