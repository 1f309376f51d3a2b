/**
 * The mixing desk's audio graph, built from session data on any context: the live
 * AudioContext, or an OfflineAudioContext for a bounce (fresh plugin instances from their
 * saved state, bypassed inserts left out, no meters).
 *
 *   tracks ─▶ track sum ─▶ aux-latency delay ─┐
 *   sends ─▶ aux bus ─────────────────────────┴▶ master bus ─▶ destination
 *
 * Latency compensation: each track is delayed by (largest track chain latency − its own), so
 * all tracks reach the sum sample-aligned; the track sum is delayed by the aux chain's
 * latency, so the dry mix lines up with the reverb return.
 */
import type { BusData, MixData, TrackData } from '../session/model.js';
import { resolveUrl } from '../wam/catalog.js';
import { Insert, type InsertData } from './insert.js';
import { Bus, glide, Track, type Strip } from './strip.js';
import { loadTapModule } from './tap.js';

export type AudioLookup = (track: TrackData) => AudioBuffer | null;

export class Mixer extends EventTarget {
  tracks: Track[] = [];
  readonly aux: Bus;
  readonly master: Bus;
  private readonly trackSum: GainNode;
  private readonly auxComp: DelayNode;
  matchBypass = true;
  /** insert creation failures while building (e.g. a plugin URL that no longer answers) */
  readonly problems: string[] = [];

  private constructor(readonly ctx: BaseAudioContext, readonly live: boolean, aux: BusData, master: BusData) {
    super();
    this.aux = new Bus(ctx, 'aux', aux);
    this.master = new Bus(ctx, 'master', master);
    this.trackSum = new GainNode(ctx);
    this.auxComp = new DelayNode(ctx, { maxDelayTime: 2, delayTime: 0 });
    this.trackSum.connect(this.auxComp).connect(this.master.input);
    this.aux.output.connect(this.master.input);
    this.master.output.connect(ctx.destination);
    if (live) {
      this.aux.addMeter('peak');
      this.master.addMeter('loudness');
    }
  }

  static async build(ctx: BaseAudioContext, data: MixData, audio: AudioLookup, live: boolean): Promise<Mixer> {
    if (live) await loadTapModule(ctx);
    const m = new Mixer(ctx, live, data.aux, data.master);
    const jobs: Promise<unknown>[] = [];
    for (const t of data.tracks) {
      const track = m.attachTrack(t, audio(t));
      jobs.push(m.fillChain(track, t.inserts));
    }
    jobs.push(m.fillChain(m.aux, data.aux.inserts), m.fillChain(m.master, data.master.inserts));
    await Promise.all(jobs);
    m.applySolo(true);
    m.compensate();
    return m;
  }

  private async fillChain(strip: Strip, inserts: InsertData[]): Promise<void> {
    const wanted = this.live ? inserts : inserts.filter((i) => !i.bypass);
    const made = await Promise.all(
      wanted.map((d) =>
        Insert.create(this.ctx, resolveUrl(d.url), d, this.live).catch((e) => {
          this.problems.push(`${strip.name}: ${d.name || d.url}: ${(e as Error).message}`);
          return null;
        }),
      ),
    );
    for (const ins of made) if (ins) strip.chain.inserts.push(ins);
    strip.chain.rewire();
    for (const ins of strip.chain.inserts) ins.setMatchLevel(this.matchBypass);
  }

  private attachTrack(data: TrackData, buffer: AudioBuffer | null): Track {
    const t = new Track(this.ctx, data, buffer);
    t.output.connect(this.trackSum);
    t.send.connect(this.aux.input);
    if (this.live) t.addMeter('peak');
    this.tracks.push(t);
    return t;
  }

  get strips(): Strip[] {
    return [...this.tracks, this.aux, this.master];
  }

  strip(id: string): Strip | undefined {
    return this.strips.find((s) => s.id === id);
  }

  findInsert(id: string): { strip: Strip; insert: Insert } | undefined {
    for (const strip of this.strips) {
      const insert = strip.chain.inserts.find((i) => i.id === id);
      if (insert) return { strip, insert };
    }
    return undefined;
  }

  get inserts(): Insert[] {
    return this.strips.flatMap((s) => s.chain.inserts);
  }

  /** song length: the longest track, seconds */
  get length(): number {
    let n = 0;
    for (const t of this.tracks) if (t.buffer) n = Math.max(n, t.buffer.duration);
    return n;
  }

  changed(what: 'structure' | 'mix' | 'latency' | 'lanes'): void {
    this.dispatchEvent(new CustomEvent('change', { detail: what }));
  }

  // ---- editing -------------------------------------------------------------------------------

  async addTrack(data: TrackData, buffer: AudioBuffer | null): Promise<Track> {
    const t = this.attachTrack(data, buffer);
    await this.fillChain(t, data.inserts);
    this.applySolo();
    this.compensate();
    this.changed('structure');
    return t;
  }

  removeTrack(t: Track): void {
    const i = this.tracks.indexOf(t);
    if (i < 0) return;
    this.tracks.splice(i, 1);
    t.destroy();
    this.applySolo();
    this.compensate();
    this.changed('structure');
  }

  async addInsert(strip: Strip, url: string, data: Partial<InsertData> = {}, index?: number): Promise<Insert> {
    const ins = await Insert.create(this.ctx, resolveUrl(url), { ...data, url }, this.live);
    ins.setMatchLevel(this.matchBypass);
    strip.chain.add(ins, index);
    this.compensate();
    this.changed('structure');
    return ins;
  }

  removeInsert(strip: Strip, ins: Insert): void {
    strip.chain.remove(ins);
    this.compensate();
    this.changed('structure');
  }

  moveInsert(strip: Strip, from: number, to: number): void {
    strip.chain.move(from, to);
    this.compensate();
    this.changed('structure');
  }

  setMatchBypass(on: boolean): void {
    this.matchBypass = on;
    for (const ins of this.inserts) ins.setMatchLevel(on);
    this.changed('mix');
  }

  applySolo(now = false): void {
    const anySolo = this.tracks.some((t) => t.solo);
    for (const t of this.tracks) t.applyMute(anySolo, now);
  }

  // ---- latency -------------------------------------------------------------------------------

  /** largest track chain latency, samples */
  get trackLatency(): number {
    let m = 0;
    for (const t of this.tracks) m = Math.max(m, t.chain.latency);
    return m;
  }

  /** total delay from the timeline to the master output, samples */
  get outputLatency(): number {
    return this.trackLatency + this.aux.chain.latency + this.master.chain.latency;
  }

  /** Set every track's and the track sum's compensation delay from the chain latencies. */
  compensate(): void {
    const m = this.trackLatency;
    for (const t of this.tracks) t.setCompensation(m - t.chain.latency);
    glide(this.auxComp.delayTime, this.aux.chain.latency / this.ctx.sampleRate, this.ctx, true);
  }

  /** Re-read getCompensationDelay() of every insert; re-align when one changed. */
  async refreshLatency(): Promise<boolean> {
    const changed = await Promise.all(this.inserts.map((i) => i.readLatency()));
    if (!changed.some(Boolean)) return false;
    this.compensate();
    this.changed('latency');
    return true;
  }

  /** Samples between the timeline and the moment the signal reaches this insert's input. */
  upstreamLatency(ins: Insert): number {
    for (const t of this.tracks) if (t.chain.inserts.includes(ins)) return t.chain.latencyBefore(ins);
    if (this.aux.chain.inserts.includes(ins)) return this.trackLatency + this.aux.chain.latencyBefore(ins);
    return this.trackLatency + this.aux.chain.latency + this.master.chain.latencyBefore(ins);
  }

  // ---- data ----------------------------------------------------------------------------------

  async snapshot(): Promise<MixData> {
    const bus = async (b: Bus): Promise<BusData> => ({ name: b.name, gainDb: b.gainDb, mute: b.muted, inserts: await Promise.all(b.chain.inserts.map((i) => i.toData())) });
    const tracks = await Promise.all(
      this.tracks.map(async (t): Promise<TrackData> => ({
        id: t.id,
        name: t.name,
        audio: t.audio,
        gainDb: t.gainDb,
        pan: t.pan,
        mute: t.muted,
        solo: t.solo,
        sendDb: t.sendDb,
        inserts: await Promise.all(t.chain.inserts.map((i) => i.toData())),
      })),
    );
    return { tracks, aux: await bus(this.aux), master: await bus(this.master) };
  }

  destroy(): void {
    for (const s of this.strips) s.destroy();
    this.trackSum.disconnect();
    this.auxComp.disconnect();
    this.tracks = [];
  }
}
