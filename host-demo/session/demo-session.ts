/**
 * The first-run session: the generated song on four tracks with a chain on each, the reverb on
 * the aux and imager then limiter on the master, so every Varnish plugin in plugins/index.json
 * is audible and visible at once. Slots whose plugin is not in the index are left out. The
 * states use the documented Varnish state shape { plugin, version: 1, params }.
 */
import { DEMO_SECONDS, type DemoPart } from '../demo-song.js';
import type { InsertData } from '../engine/insert.js';
import { newId } from '../engine/insert.js';
import { storableUrl, type CatalogEntry } from '../wam/catalog.js';
import { SESSION_FORMAT, SESSION_VERSION, type SessionData, type TrackData } from './model.js';

type Slot = [pluginId: string, params: Record<string, number>];

const TRACKS: Array<{ part: DemoPart; name: string; gainDb: number; pan: number; sendDb: number; chain: Slot[] }> = [
  { part: 'drums', name: 'Drums', gainDb: -1, pan: 0, sendDb: -20, chain: [['compressor', { threshold: -22, ratio: 4, attack: 8, release: 120, lookahead: 2, makeup: 3 }]] },
  { part: 'bass', name: 'Bass', gainDb: -2, pan: 0, sendDb: -70, chain: [['eq', { b1_on: 1, b1_freq: 35, b4_on: 1, b4_freq: 250, b4_gain: -3, b4_q: 1.2 }]] },
  { part: 'chords', name: 'Chords', gainDb: -3, pan: 0, sendDb: -9, chain: [['eq', { b1_on: 1, b1_freq: 180, b7_on: 1, b7_gain: 2 }]] },
  { part: 'lead', name: 'Lead', gainDb: -2, pan: 0.1, sendDb: -8, chain: [['eq', { b1_on: 1, b1_freq: 150, b5_on: 1, b5_freq: 3000, b5_gain: 3, b5_q: 0.9 }], ['compressor', { threshold: -24, ratio: 3, attack: 5, release: 80 }]] },
];
const AUX: Slot[] = [['reverb', { send: 1, mix: 100, decay: 2.4, predelay: 20 }]];
const MASTER: Slot[] = [['imager', { width: 115, monoOn: 1, monoBelow: 120 }], ['limiter', { gain: 8, ceiling: -1 }]];

function inserts(catalog: CatalogEntry[], slots: Slot[]): InsertData[] {
  const out: InsertData[] = [];
  for (const [id, params] of slots) {
    const p = catalog.find((c) => c.id === id);
    if (!p) continue;
    out.push({ id: newId('i'), url: storableUrl(p.url), name: p.name, state: { plugin: p.identifier, version: 1, params }, bypass: false, lanes: [] });
  }
  return out;
}

/** a filter sweep on the chords' low cut over the first four bars, so a lane is there to see */
function sweep(ins: InsertData | undefined): void {
  if (!ins) return;
  const points: Array<[number, number]> = [];
  const end = DEMO_SECONDS / 2;
  for (let t = 0; t <= end + 1e-9; t += 0.1) points.push([Math.round(t * 1000) / 1000, Math.round(900 * (180 / 900) ** (t / end))]);
  ins.lanes.push({ param: 'b1_freq', label: '1 Freq', on: true, min: 10, max: 30000, points });
}

export function demoSession(catalog: CatalogEntry[]): SessionData {
  const tracks: TrackData[] = TRACKS.map((t) => ({
    id: newId('t'),
    name: t.name,
    audio: { name: `${t.name} (demo)`, key: `demo:${t.part}` },
    gainDb: t.gainDb,
    pan: t.pan,
    mute: false,
    solo: false,
    sendDb: t.sendDb,
    inserts: inserts(catalog, t.chain),
  }));
  sweep(tracks[2].inserts.find((i) => i.url.includes('/eq/')));
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    name: 'Varnish demo',
    loop: { on: false, start: 0, end: DEMO_SECONDS / 2 },
    matchBypass: true,
    tracks,
    aux: { name: 'Reverb', gainDb: -2, mute: false, inserts: inserts(catalog, AUX) },
    master: { name: 'Master', gainDb: 0, mute: false, inserts: inserts(catalog, MASTER) },
  };
}
