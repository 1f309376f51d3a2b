/**
 * The session as data: what is saved to a file, autosaved to IndexedDB, and rebuilt for a
 * bounce. Audio is referenced by file name and a content key; plugin state is whatever the
 * plugin's getState() returned (opaque to the host).
 */
import type { InsertData } from '../engine/insert.js';
import { validLane } from '../automation/lane.js';

export const SESSION_FORMAT = 'varnish-session';
export const SESSION_VERSION = 1;

export interface AudioRef {
  /** file name shown to the user and used to re-link */
  name: string;
  /** 'demo:<part>' (generated) or 'sha256:<hex>' (a file, kept in IndexedDB) */
  key: string;
}

export interface TrackData {
  id: string;
  name: string;
  audio: AudioRef | null;
  gainDb: number;
  pan: number;
  mute: boolean;
  solo: boolean;
  sendDb: number;
  inserts: InsertData[];
}

export interface BusData {
  name: string;
  gainDb: number;
  mute: boolean;
  inserts: InsertData[];
}

export interface LoopData {
  on: boolean;
  start: number;
  end: number;
}

export interface MixData {
  tracks: TrackData[];
  aux: BusData;
  master: BusData;
}

export interface SessionData extends MixData {
  format: typeof SESSION_FORMAT;
  version: number;
  name: string;
  loop: LoopData;
  matchBypass: boolean;
}

export const MIN_DB = -70;
const num = (x: unknown, lo: number, hi: number, d: number) => (typeof x === 'number' && Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : d);
const str = (x: unknown, d: string, max = 200) => (typeof x === 'string' ? x.slice(0, max) : d);
const obj = (x: unknown): Record<string, unknown> => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {});

function insertsOf(x: unknown, where: string): InsertData[] {
  if (x === undefined) return [];
  if (!Array.isArray(x)) throw new Error(`${where}.inserts: expected an array`);
  return x.map((i, k) => {
    const o = obj(i);
    if (typeof o.url !== 'string' || !o.url) throw new Error(`${where}.inserts[${k}].url: expected the plugin's URL`);
    return {
      id: str(o.id, `i${k}`),
      url: o.url,
      name: str(o.name, ''),
      state: o.state,
      bypass: o.bypass === true,
      lanes: Array.isArray(o.lanes) ? o.lanes.map(validLane).filter((l): l is NonNullable<typeof l> => l !== null) : [],
    };
  });
}

function busOf(x: unknown, name: string, where: string): BusData {
  const o = obj(x);
  return { name: str(o.name, name), gainDb: num(o.gainDb, MIN_DB, 12, 0), mute: o.mute === true, inserts: insertsOf(o.inserts, where) };
}

/** Check and normalise session data from a file or storage; throws naming the bad field. */
export function parseSession(data: unknown): SessionData {
  const o = obj(data);
  if (o.format !== SESSION_FORMAT) throw new Error(`session.format: expected "${SESSION_FORMAT}"`);
  if (typeof o.version !== 'number' || o.version > SESSION_VERSION) throw new Error(`session.version: expected at most ${SESSION_VERSION}`);
  if (!Array.isArray(o.tracks)) throw new Error('session.tracks: expected an array');
  const tracks = o.tracks.map((t, k): TrackData => {
    const r = obj(t);
    const a = obj(r.audio);
    return {
      id: str(r.id, `t${k}`),
      name: str(r.name, `Track ${k + 1}`),
      audio: typeof a.name === 'string' && typeof a.key === 'string' ? { name: a.name, key: a.key } : null,
      gainDb: num(r.gainDb, MIN_DB, 12, 0),
      pan: num(r.pan, -1, 1, 0),
      mute: r.mute === true,
      solo: r.solo === true,
      sendDb: num(r.sendDb, MIN_DB, 6, MIN_DB),
      inserts: insertsOf(r.inserts, `session.tracks[${k}]`),
    };
  });
  const loop = obj(o.loop);
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    name: str(o.name, 'Untitled'),
    loop: { on: loop.on === true, start: num(loop.start, 0, 1e5, 0), end: num(loop.end, 0, 1e5, 0) },
    matchBypass: o.matchBypass !== false,
    tracks,
    aux: busOf(o.aux, 'Reverb', 'session.aux'),
    master: busOf(o.master, 'Master', 'session.master'),
  };
}

export const dbToGain = (db: number) => (db <= MIN_DB ? 0 : 10 ** (db / 20));

/** A session with no tracks and no inserts. */
export function emptySessionData(name = 'Untitled'): SessionData {
  const bus = (n: string): BusData => ({ name: n, gainDb: 0, mute: false, inserts: [] });
  return { format: SESSION_FORMAT, version: SESSION_VERSION, name, loop: { on: false, start: 0, end: 0 }, matchBypass: true, tracks: [], aux: bus('Reverb'), master: bus('Master') };
}
