/**
 * Drawing helpers for graphs on a GraphContext: the log-frequency / dB grid with labels,
 * and a response curve sampled per pixel column.
 */
import type { GraphContext } from './controllers/canvas-controller.js';
import {
  AUDIO_BAND,
  dbGrid,
  dbToY,
  freqGrid,
  freqToX,
  niceDbStep,
  xToFreq,
  type DbAxis,
  type FreqAxis,
} from './logic/axes.js';

export interface GridOptions {
  freq?: FreqAxis;
  db: DbAxis;
  /** dB between lines (default: niceDbStep) */
  dbStep?: number;
  labels?: boolean;
}

/** Background grid: minor/major frequency lines, dB lines, a stronger 0 dB line, labels. */
export function drawFreqGrid(g: GraphContext, o: GridOptions): void {
  const { ctx, width: w, height: h, colors } = g;
  const fa = o.freq ?? AUDIO_BAND;
  const step = o.dbStep ?? niceDbStep(o.db);
  const px = 1 / g.dpr; // hairlines: one device pixel
  ctx.save();
  ctx.lineWidth = px;
  for (const line of freqGrid(fa)) {
    const x = Math.round(freqToX(line.value, w, fa) * g.dpr) / g.dpr + px / 2;
    ctx.strokeStyle = colors.line;
    ctx.globalAlpha = line.major ? 0.9 : 0.45;
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x, h);
    ctx.stroke();
  }
  for (const line of dbGrid(o.db, step)) {
    const y = Math.round(dbToY(line.value, h, o.db) * g.dpr) / g.dpr + px / 2;
    ctx.strokeStyle = line.value === 0 ? colors.dim : colors.line;
    ctx.globalAlpha = line.value === 0 ? 0.8 : line.major ? 0.9 : 0.45;
    ctx.beginPath();
    ctx.moveTo(0, y);
    ctx.lineTo(w, y);
    ctx.stroke();
  }
  if (o.labels !== false) {
    ctx.globalAlpha = 1;
    ctx.fillStyle = colors.dim;
    ctx.font = '10px system-ui, sans-serif';
    ctx.textBaseline = 'bottom';
    ctx.textAlign = 'left';
    for (const line of freqGrid(fa)) {
      if (!line.label) continue;
      const x = freqToX(line.value, w, fa);
      if (x > w - 18) continue;
      ctx.fillText(line.label, x + 3, h - 2);
    }
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    for (const line of dbGrid(o.db, step)) {
      if (!line.label) continue;
      const y = dbToY(line.value, h, o.db);
      if (y < 6 || y > h - 14) continue;
      ctx.fillText(line.label, w - 3, y);
    }
  }
  ctx.restore();
}

/**
 * Stroke (and optionally fill towards `fillToDb`) the curve dbAt(f) across the width, one
 * point per CSS pixel column.
 */
export function drawCurve(
  g: GraphContext,
  dbAt: (f: number) => number,
  o: { freq?: FreqAxis; db: DbAxis; color?: string; lineWidth?: number; fillToDb?: number; fillAlpha?: number },
): void {
  const { ctx, width: w, height: h } = g;
  const fa = o.freq ?? AUDIO_BAND;
  const n = Math.max(2, Math.ceil(w) + 1);
  ctx.save();
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    const x = (i / (n - 1)) * w;
    const db = dbAt(xToFreq(x, w, fa));
    const y = dbToY(Number.isFinite(db) ? db : o.db.dbMin, h, o.db);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  const color = o.color ?? g.colors.accent;
  ctx.strokeStyle = color;
  ctx.lineWidth = o.lineWidth ?? 1.5;
  ctx.lineJoin = 'round';
  ctx.stroke();
  if (o.fillToDb !== undefined) {
    const y0 = dbToY(o.fillToDb, h, o.db);
    ctx.lineTo(w, y0);
    ctx.lineTo(0, y0);
    ctx.closePath();
    ctx.fillStyle = color;
    ctx.globalAlpha = o.fillAlpha ?? 0.12;
    ctx.fill();
  }
  ctx.restore();
}
