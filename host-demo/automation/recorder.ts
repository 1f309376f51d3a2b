/**
 * Recording automation, through the WAM 2 API only: while the transport plays, the values of
 * every parameter of each armed insert are read with getParameterValues() 30 times a second
 * (whatever moves them: the plugin's own GUI, a MIDI controller, another host feature). Each
 * parameter that moves gets a lane; the points of one pass replace what the lane had there.
 * An armed insert's existing lanes are not played back, so the hand on the control wins.
 */
import type { Insert } from '../engine/insert.js';
import type { Transport } from '../transport/transport.js';
import { mergeRecorded, type LaneData } from './lane.js';

const RATE_HZ = 30;

interface Take {
  last: Record<string, number>;
  points: Map<string, Array<[number, number]>>;
}

export class Recorder {
  private takes = new Map<Insert, Take>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private polling = false;

  constructor(
    private readonly transport: Transport,
    private readonly inserts: () => Insert[],
    private readonly onLanes: () => void,
  ) {
    transport.skip = (ins) => ins.armed;
    transport.addEventListener('state', () => this.sync());
  }

  arm(ins: Insert, on: boolean): void {
    ins.armed = on;
    if (!on) this.finish(ins);
    this.sync();
  }

  /** Poll while playing with something armed; close the takes otherwise. */
  sync(): void {
    const want = this.transport.playing && this.inserts().some((i) => i.armed);
    if (want && !this.timer) this.timer = setInterval(() => void this.poll(), 1000 / RATE_HZ);
    if (!want) {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      for (const ins of [...this.takes.keys()]) this.finish(ins);
    }
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const t = this.transport.position;
      for (const ins of this.inserts()) {
        if (!ins.armed) continue;
        const values = await ins.node.getParameterValues(false).catch(() => ({}) as Record<string, { value: number }>);
        let take = this.takes.get(ins);
        const now: Record<string, number> = {};
        for (const [id, v] of Object.entries(values)) if (Number.isFinite(v?.value)) now[id] = v.value;
        if (!take) {
          this.takes.set(ins, { last: now, points: new Map() });
          continue;
        }
        for (const [id, v] of Object.entries(now)) {
          const before = take.last[id];
          if (before === undefined || before === v) continue;
          let pts = take.points.get(id);
          if (!pts) {
            pts = [[Math.max(0, t - 1 / RATE_HZ), before]];
            take.points.set(id, pts);
          }
          // a loop pass jumps back in time: close this pass and start a new one
          if (t < pts[pts.length - 1][0]) {
            await this.store(ins, id, pts);
            pts = [[t, v]];
            take.points.set(id, pts);
          } else pts.push([t, v]);
        }
        take.last = now;
      }
    } finally {
      this.polling = false;
    }
  }

  private async store(ins: Insert, id: string, pts: Array<[number, number]>): Promise<void> {
    let lane = ins.lanes.find((l) => l.param === id);
    if (!lane) {
      const info = (await ins.paramInfo())[id];
      lane = { param: id, label: info?.label ?? id, on: true, min: info?.minValue ?? 0, max: info?.maxValue ?? 1, points: [] } satisfies LaneData;
      ins.lanes.push(lane);
    }
    mergeRecorded(lane, pts);
  }

  private finish(ins: Insert): void {
    const take = this.takes.get(ins);
    this.takes.delete(ins);
    if (!take || !take.points.size) return;
    const jobs = [...take.points].map(([id, pts]) => this.store(ins, id, pts));
    void Promise.all(jobs).then(() => this.onLanes());
  }

  /** points recorded so far in the running pass (for drawing) */
  pending(ins: Insert, id: string): Array<[number, number]> | undefined {
    return this.takes.get(ins)?.points.get(id);
  }
}
