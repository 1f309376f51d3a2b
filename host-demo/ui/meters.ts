/**
 * Meter drawing, once per animation frame: peak bars for every strip (peak hold with a
 * 20 dB/s fall), the master loudness readout from the host's LoudnessMeter worklet, and the
 * position display.
 */
import type { HostApp } from '../app.js';
import { fmtDb } from '../util/dom.js';

const FLOOR = -60;
const FALL_DB_PER_S = 20;

export function startMeters(app: HostApp, onFrame: () => void): void {
  const shown = new Map<string, number>();
  let last = performance.now();
  const tick = (now: number) => {
    const dt = Math.min(0.2, (now - last) / 1000);
    last = now;
    for (const strip of app.mixer?.strips ?? []) {
      const canvas = document.querySelector<HTMLCanvasElement>(`canvas[data-meter="${strip.id}"]`);
      if (!canvas || !strip.meter) continue;
      const [l, r] = strip.meter.takePeaks();
      const peakDb = 20 * Math.log10(Math.max(l, r, 1e-9));
      const prev = shown.get(strip.id) ?? FLOOR;
      const db = Math.max(peakDb, prev - FALL_DB_PER_S * dt, FLOOR);
      shown.set(strip.id, db);
      canvas.dataset.db = db > FLOOR ? db.toFixed(1) : '-inf';
      draw(canvas, db);
    }
    const lm = app.mixer?.master.meter?.loudness;
    const set = (id: string, v: number | undefined, d = 1) => {
      const el = document.getElementById(id);
      if (el) el.textContent = v === undefined || !Number.isFinite(v) ? '—' : fmtDb(v, d);
    };
    set('lufs-m', lm?.momentary);
    set('lufs-s', lm?.shortTerm);
    set('lufs-i', lm?.integrated);
    const lra = document.getElementById('lu-range');
    if (lra) lra.textContent = lm ? lm.range.toFixed(1) : '—';
    set('dbtp', lm?.truePeak);
    onFrame();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

function draw(c: HTMLCanvasElement, db: number): void {
  const g = c.getContext('2d')!;
  const { width: w, height: hgt } = c;
  g.fillStyle = '#0c0d10';
  g.fillRect(0, 0, w, hgt);
  const frac = Math.max(0, (db - FLOOR) / -FLOOR);
  const y = hgt * (1 - frac);
  const grad = g.createLinearGradient(0, hgt, 0, 0);
  grad.addColorStop(0, '#3f9a63');
  grad.addColorStop(0.7, '#b9c24a');
  grad.addColorStop(0.9, '#e0a84f');
  grad.addColorStop(1, '#e0524f');
  g.fillStyle = grad;
  g.fillRect(1, y, w - 2, hgt - y);
  g.fillStyle = '#ffffff33';
  for (const mark of [-6, -12, -24, -48]) g.fillRect(0, hgt * (mark / FLOOR), w, 1);
}
