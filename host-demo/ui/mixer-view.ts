/** The strips, rebuilt when the mixer's structure changes (tracks, inserts, names, latency). */
import type { HostApp } from '../app.js';
import { $ } from '../util/dom.js';
import type { Panels } from './panels.js';
import { stripView } from './strip-view.js';

export function renderMixer(app: HostApp, panels: Panels): void {
  const root = $('#mixer');
  const focused = document.activeElement as HTMLElement | null;
  const focusKey = focused?.closest('[data-strip]') ? `${(focused.closest('[data-strip]') as HTMLElement).dataset.strip}|${focused.className}|${focused.getAttribute('aria-label')}` : '';
  root.replaceChildren(...app.mixer.strips.map((s) => stripView(app, panels, s)));
  panels.prune(new Set(app.mixer.inserts));
  if (focusKey) {
    const [sid, , label] = focusKey.split('|');
    const again = root.querySelector<HTMLElement>(`[data-strip="${sid}"] [aria-label="${CSS.escape(label)}"]`);
    again?.focus();
  }
}
