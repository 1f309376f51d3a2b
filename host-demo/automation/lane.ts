/**
 * An automation lane: one plugin parameter over song time. Points are [seconds, value] in
 * plain (not normalised) units, sorted by time; each point sets the value from its time on
 * (a step, as a `wam-automation` event does; plugins smooth continuous parameters themselves).
 * Recorded lanes are dense (30 points a second while the control moves).
 */
export interface LaneData {
  param: string;
  label: string;
  /** played back when on */
  on: boolean;
  min: number;
  max: number;
  points: Array<[number, number]>;
}

/** index of the last point at or before t, or -1 */
function lastAtOrBefore(points: ReadonlyArray<[number, number]>, t: number): number {
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid][0] <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The lane's value at song time t (before the first point: the first point's value). */
export function valueAt(lane: LaneData, t: number): number | undefined {
  const p = lane.points;
  if (!p.length) return undefined;
  const i = lastAtOrBefore(p, t);
  return p[i < 0 ? 0 : i][1];
}

/** Points with from <= time < to. */
export function pointsIn(lane: LaneData, from: number, to: number): Array<[number, number]> {
  const p = lane.points;
  let i = lastAtOrBefore(p, from);
  if (i < 0 || p[i][0] < from) i++;
  const out: Array<[number, number]> = [];
  for (; i < p.length && p[i][0] < to; i++) out.push(p[i]);
  return out;
}

/**
 * Write mode: the newly recorded points replace whatever the lane had between the first and
 * the last of them.
 */
export function mergeRecorded(lane: LaneData, recorded: Array<[number, number]>): void {
  if (!recorded.length) return;
  const sorted = [...recorded].sort((a, b) => a[0] - b[0]);
  const from = sorted[0][0];
  const to = sorted[sorted.length - 1][0];
  const kept = lane.points.filter(([t]) => t < from || t > to);
  lane.points = [...kept, ...sorted].sort((a, b) => a[0] - b[0]);
}

export function validLane(x: unknown): LaneData | null {
  if (!x || typeof x !== 'object') return null;
  const l = x as Record<string, unknown>;
  if (typeof l.param !== 'string' || !Array.isArray(l.points)) return null;
  const points: Array<[number, number]> = [];
  for (const p of l.points) {
    if (Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]) && p[0] >= 0) points.push([p[0], p[1]]);
  }
  points.sort((a, b) => a[0] - b[0]);
  const min = Number.isFinite(l.min) ? (l.min as number) : Math.min(0, ...points.map((p) => p[1]));
  const max = Number.isFinite(l.max) ? (l.max as number) : Math.max(1, ...points.map((p) => p[1]));
  return { param: l.param, label: typeof l.label === 'string' ? l.label : l.param, on: l.on !== false, min, max, points };
}
