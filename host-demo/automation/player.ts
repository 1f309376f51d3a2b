/**
 * Automation playback through the WAM 2 API only: every lane point becomes a `wam-automation`
 * event, scheduled at the context time when the audio of that song position reaches the
 * plugin (song-to-context mapping plus the latency of whatever sits upstream of the insert),
 * so plugins that split their render quantum at event times apply it sample-accurately.
 * Realtime playback schedules a short lookahead window at a time; a bounce schedules all.
 */
import type { Insert } from '../engine/insert.js';
import type { Mixer } from '../engine/mixer.js';
import type { WamAutomationEvent } from '../wam/types.js';
import { pointsIn, valueAt } from './lane.js';

export interface Mapping {
  /** context time at which songStart plays */
  ctxStart: number;
  songStart: number;
}

const event = (time: number, id: string, value: number): WamAutomationEvent => ({ type: 'wam-automation', time, data: { id, value, normalized: false } });

/**
 * Events for song time [from, to) of every playing lane; with `initial`, each lane's value at
 * `from` is sent first (playback starting or looping mid-lane).
 */
export function scheduleLanes(mixer: Mixer, map: Mapping, from: number, to: number, initial: boolean, skip?: (ins: Insert) => boolean): number {
  let count = 0;
  const sr = mixer.ctx.sampleRate;
  for (const ins of mixer.inserts) {
    if (!ins.lanes.length || skip?.(ins)) continue;
    const offset = mixer.upstreamLatency(ins) / sr;
    const at = (t: number) => Math.max(0, map.ctxStart + (t - map.songStart) + offset);
    const events: WamAutomationEvent[] = [];
    for (const lane of ins.lanes) {
      if (!lane.on || !lane.points.length) continue;
      if (initial) {
        const v = valueAt(lane, from);
        if (v !== undefined) events.push(event(at(from), lane.param, v));
      }
      for (const [t, v] of pointsIn(lane, from, to)) events.push(event(at(t), lane.param, v));
    }
    if (events.length) {
      ins.node.scheduleEvents(...events);
      count += events.length;
    }
  }
  return count;
}

/** Drop events still waiting in every plugin (transport stopped or jumped). */
export function clearLanes(mixer: Mixer | undefined): void {
  for (const ins of mixer?.inserts ?? []) {
    try {
      void Promise.resolve(ins.node.clearEvents?.()).catch(() => undefined);
    } catch {
      /* optional in the API */
    }
  }
}
