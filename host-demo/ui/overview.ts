/**
 * The waveform overview of all tracks: click to seek, drag to set (and switch on) the loop
 * region. Peaks are computed once per set of track buffers and canvas width.
 */
import type { HostApp } from '../app.js';
import { $ } from '../util/dom.js';

export class Overview {
  private readonly canvas: HTMLCanvasElement;
  private peaks: Float32Array | null = null;
  private key = '';
  private drag: { x0: number; t0: number; moved: boolean } | null = null;
  private dragEnd = 0;

  constructor(private readonly app: HostApp, private readonly onLoop: () => void) {
    this.canvas = $<HTMLCanvasElement>('#overview canvas');
    const c = this.canvas;
    c.addEventListener('pointerdown', (e) => {
      c.setPointerCapture(e.pointerId);
      this.drag = { x0: e.offsetX, t0: this.timeAt(e.offsetX), moved: false };
      this.dragEnd = this.drag.t0;
    });
    c.addEventListener('pointermove', (e) => {
      if (!this.drag) return;
      if (Math.abs(e.offsetX - this.drag.x0) > 4) this.drag.moved = true;
      this.dragEnd = this.timeAt(e.offsetX);
    });
    c.addEventListener('pointerup', (e) => {
      const d = this.drag;
      this.drag = null;
      if (!d) return;
      const t = this.timeAt(e.offsetX);
      if (!d.moved) {
        app.transport.seek(t);
        return;
      }
      const [a, b] = d.t0 < t ? [d.t0, t] : [t, d.t0];
      app.transport.loop = { on: true, start: Math.round(a * 100) / 100, end: Math.round(b * 100) / 100 };
      this.onLoop();
    });
  }

  private timeAt(x: number): number {
    const len = this.app.mixer.length || 1;
    return Math.max(0, Math.min(len, (x / this.canvas.clientWidth) * len));
  }

  private compute(width: number): void {
    const tracks = this.app.mixer.tracks.filter((t) => t.buffer && !t.muted);
    const key = `${width}|${tracks.map((t) => `${t.id}:${t.buffer!.length}`).join(',')}`;
    if (key === this.key) return;
    this.key = key;
    const len = this.app.mixer.length;
    const peaks = new Float32Array(width);
    for (const t of tracks) {
      const b = t.buffer!;
      const perPx = (len * b.sampleRate) / width;
      for (let c = 0; c < b.numberOfChannels; c++) {
        const d = b.getChannelData(c);
        for (let x = 0; x < width; x++) {
          const from = Math.floor(x * perPx);
          const to = Math.min(d.length, Math.floor((x + 1) * perPx));
          let m = 0;
          for (let i = from; i < to; i += 4) {
            const v = Math.abs(d[i]);
            if (v > m) m = v;
          }
          peaks[x] += m / b.numberOfChannels;
        }
      }
    }
    this.peaks = peaks;
  }

  draw(): void {
    const c = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(c.clientWidth * dpr));
    const hgt = Math.max(1, Math.round(c.clientHeight * dpr));
    if (c.width !== w || c.height !== hgt) {
      c.width = w;
      c.height = hgt;
    }
    this.compute(w);
    const g = c.getContext('2d')!;
    g.clearRect(0, 0, w, hgt);
    const len = this.app.mixer?.length || 1;
    const x = (t: number) => (t / len) * w;
    const loop = this.drag?.moved ? { on: true, start: Math.min(this.drag.t0, this.dragEnd), end: Math.max(this.drag.t0, this.dragEnd) } : this.app.transport.loop;
    if (loop.end > loop.start) {
      g.fillStyle = loop.on ? 'rgba(224,168,79,.16)' : 'rgba(138,144,160,.08)';
      g.fillRect(x(loop.start), 0, x(loop.end) - x(loop.start), hgt);
    }
    const p = this.peaks;
    if (p) {
      let max = 0;
      for (let i = 0; i < p.length; i++) max = Math.max(max, p[i]);
      const scale = max > 0 ? (hgt / 2 - 4) / max : 0;
      g.fillStyle = '#8a6a38';
      for (let i = 0; i < p.length; i++) {
        const a = p[i] * scale;
        g.fillRect(i, hgt / 2 - a, 1, 2 * a + 1);
      }
    }
    const pos = x(this.app.transport.position);
    g.fillStyle = '#f2f2f2';
    g.fillRect(Math.round(pos), 0, Math.max(1, dpr), hgt);
  }
}
