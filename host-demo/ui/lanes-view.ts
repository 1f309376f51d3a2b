/** Automation lanes: one small canvas per lane (step curve, play head, a pass being recorded in red). */
import type { HostApp } from '../app.js';
import type { LaneData } from '../automation/lane.js';
import type { Insert } from '../engine/insert.js';
import { $, h } from '../util/dom.js';

interface Row {
  ins: Insert;
  lane: LaneData;
  canvas: HTMLCanvasElement;
}

export class LanesView {
  private rows: Row[] = [];

  constructor(private readonly app: HostApp) {}

  render(): void {
    const root = $('#lanes');
    this.rows = [];
    const items: HTMLElement[] = [];
    for (const strip of this.app.mixer.strips) {
      for (const ins of strip.chain.inserts) {
        for (const lane of ins.lanes) {
          const canvas = h('canvas', { dataset: { lane: `${ins.id}:${lane.param}` }, 'aria-label': `${lane.label} automation`, role: 'img' });
          const on = h('button', { 'aria-pressed': String(lane.on), title: 'Play this lane back' }, 'Read');
          on.onclick = () => {
            lane.on = !lane.on;
            on.setAttribute('aria-pressed', String(lane.on));
            row.classList.toggle('off', !lane.on);
            this.app.changed('lanes-edit');
          };
          const del = h('button', { title: 'Delete this lane', 'aria-label': `Delete ${lane.label} lane` }, '✕');
          del.onclick = () => {
            ins.lanes = ins.lanes.filter((l) => l !== lane);
            this.app.changed('lanes');
          };
          const row = h('div.lane', { dataset: { insert: ins.id, param: lane.param } }, h('span.label', { title: `${strip.name} · ${ins.name} · ${lane.label}` }, `${strip.name} · ${ins.name.replace(/^Varnish /, '')} · ${lane.label}`), canvas, h('span', {}, on, ' ', del));
          row.classList.toggle('off', !lane.on);
          items.push(row);
          this.rows.push({ ins, lane, canvas });
        }
      }
    }
    const armed = this.app.mixer.inserts.some((i) => i.armed);
    root.replaceChildren(
      h('h2', {}, 'Automation'),
      ...(items.length ? items : [h('p.empty', {}, armed ? 'Play and move a control of the armed plugin to record a lane.' : 'Arm a plugin (A), play, and move its controls to record automation.')]),
    );
  }

  draw(): void {
    const len = this.app.mixer.length || 1;
    const pos = this.app.transport.position;
    for (const { ins, lane, canvas } of this.rows) {
      const dpr = window.devicePixelRatio || 1;
      const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
      const hgt = Math.max(1, Math.round(canvas.clientHeight * dpr));
      if (canvas.width !== w || canvas.height !== hgt) {
        canvas.width = w;
        canvas.height = hgt;
      }
      const g = canvas.getContext('2d')!;
      g.clearRect(0, 0, w, hgt);
      const log = lane.min > 0 && lane.max / lane.min >= 100;
      const norm = (v: number) => (log ? Math.log(v / lane.min) / Math.log(lane.max / lane.min) : (v - lane.min) / (lane.max - lane.min || 1));
      const y = (v: number) => hgt - 3 - Math.max(0, Math.min(1, norm(v))) * (hgt - 6);
      const x = (t: number) => (t / len) * w;
      /** a step curve: each point holds its value until the next */
      const line = (pts: Array<[number, number]>, color: string) => {
        if (!pts.length) return;
        g.strokeStyle = color;
        g.lineWidth = Math.max(1, dpr * 1.2);
        g.beginPath();
        let prev = y(pts[0][1]);
        g.moveTo(0, prev);
        for (const [t, v] of pts) {
          g.lineTo(x(t), prev);
          prev = y(v);
          g.lineTo(x(t), prev);
        }
        g.lineTo(w, prev);
        g.stroke();
      };
      line(lane.points, '#e0a84f');
      const pending = this.app.recorder.pending(ins, lane.param);
      if (pending?.length) line(pending, '#e0524f');
      g.fillStyle = '#f2f2f2';
      g.fillRect(Math.round(x(pos)), 0, Math.max(1, dpr), hgt);
    }
  }
}
