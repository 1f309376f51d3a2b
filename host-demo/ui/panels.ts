/**
 * Plugin GUI windows: each insert's createGui() element in a panel that moves (drag the title)
 * and resizes (drag the bottom-right corner); any number open at once; a click brings one to the front.
 * Closing calls destroyGui().
 */
import type { Insert } from '../engine/insert.js';
import { h } from '../util/dom.js';

interface Open {
  panel: HTMLElement;
  ins: Insert;
}

const W = 560;
const H = 360;

export class Panels {
  private open = new Map<string, Open>();
  private z = 1;
  private placed = 0;

  constructor(private readonly root: HTMLElement) {}

  isOpen(ins: Insert): boolean {
    return this.open.has(ins.id);
  }

  async toggle(ins: Insert, title: string): Promise<void> {
    if (this.open.has(ins.id)) this.close(ins);
    else await this.show(ins, title);
  }

  /** Open (or raise) the insert's GUI. `at` places it, else it cascades. */
  async show(ins: Insert, title: string, at?: { x: number; y: number; w?: number; h?: number }): Promise<HTMLElement> {
    const have = this.open.get(ins.id);
    if (have) {
      this.raise(have.panel);
      return have.panel;
    }
    const pos: { x: number; y: number; w?: number; h?: number } = at ?? this.nextSpot();
    const body = h('div.body');
    const close = h('button', { title: 'Close', 'aria-label': `Close ${title}`, onclick: () => this.close(ins) }, '✕');
    const bar = h('div.title', {}, h('span', {}, title), close);
    const grip = h('div.resize', { title: 'Resize', 'aria-hidden': 'true' });
    const panel = h('div.panel', { role: 'dialog', 'aria-label': title, dataset: { insert: ins.id }, style: { left: `${pos.x}px`, top: `${pos.y}px`, width: `${pos.w ?? W}px`, height: `${pos.h ?? H}px` } }, bar, body, grip);
    panel.addEventListener('pointerdown', () => this.raise(panel));
    this.drag(bar, panel, (dx, dy, x0, y0) => {
      panel.style.left = `${Math.max(0, x0 + dx)}px`;
      panel.style.top = `${Math.max(0, y0 + dy)}px`;
    });
    this.drag(grip, panel, (dx, dy, _x, _y, w0, h0) => {
      panel.style.width = `${Math.max(280, w0 + dx)}px`;
      panel.style.height = `${Math.max(180, h0 + dy)}px`;
    });
    this.root.appendChild(panel);
    this.raise(panel);
    this.open.set(ins.id, { panel, ins });
    try {
      const gui = await ins.wam.createGui();
      if (!this.open.has(ins.id)) {
        ins.wam.destroyGui(gui);
        return panel;
      }
      ins.gui = gui;
      body.appendChild(gui);
    } catch (e) {
      body.append(h('p.empty', { style: { padding: '10px' } }, `This plugin has no GUI (${(e as Error).message})`));
    }
    return panel;
  }

  close(ins: Insert): void {
    const o = this.open.get(ins.id);
    if (!o) return;
    this.open.delete(ins.id);
    if (ins.gui) {
      try {
        ins.wam.destroyGui(ins.gui);
      } catch {
        /* the plugin's business */
      }
      ins.gui = null;
    }
    o.panel.remove();
  }

  /** Close panels of inserts that are gone. */
  prune(alive: Set<Insert>): void {
    for (const o of [...this.open.values()]) {
      if (!alive.has(o.ins)) {
        this.open.delete(o.ins.id);
        o.panel.remove();
      }
    }
  }

  closeAll(): void {
    for (const o of [...this.open.values()]) this.close(o.ins);
    this.placed = 0;
  }

  private raise(panel: HTMLElement): void {
    panel.style.zIndex = String(++this.z);
  }

  private nextSpot(): { x: number; y: number } {
    const k = this.placed++;
    const lanes = document.getElementById('lanes');
    const top = (lanes ? lanes.getBoundingClientRect().bottom + window.scrollY : 400) + 8;
    const perRow = Math.max(1, Math.floor((document.documentElement.clientWidth - 20) / (W + 10)));
    return { x: 14 + (k % perRow) * (W + 10), y: top + Math.floor(k / perRow) * (H + 10) };
  }

  /** pointer drag on a handle; `apply` gets the offset and the panel's geometry at the start */
  private drag(handle: HTMLElement, panel: HTMLElement, apply: (dx: number, dy: number, x0: number, y0: number, w0: number, h0: number) => void): void {
    handle.addEventListener('pointerdown', (e) => {
      if ((e.target as HTMLElement).closest('button')) return;
      e.preventDefault();
      handle.setPointerCapture(e.pointerId);
      const sx = e.clientX;
      const sy = e.clientY;
      const [x0, y0, w0, h0] = [panel.offsetLeft, panel.offsetTop, panel.offsetWidth, panel.offsetHeight];
      const move = (m: PointerEvent) => apply(m.clientX - sx, m.clientY - sy, x0, y0, w0, h0);
      const up = () => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', up);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up);
    });
  }
}
