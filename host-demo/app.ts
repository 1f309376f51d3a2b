/**
 * The host application: one AudioContext, the plugin catalog, the mixer built from a session,
 * the transport, automation recording, autosave, files, bounce and chain links. The UI and
 * the test API drive it through these methods.
 */
import { Recorder } from './automation/recorder.js';
import { renderMix, type BounceOptions, type BounceResult } from './bounce/render.js';
import { ChainLinks } from './chain-link/links.js';
import { newId } from './engine/insert.js';
import { Mixer } from './engine/mixer.js';
import type { Strip, Track } from './engine/strip.js';
import { AudioLibrary } from './session/audio-library.js';
import { demoSession } from './session/demo-session.js';
import { emptySessionData, MIN_DB, parseSession, SESSION_FORMAT, SESSION_VERSION, type SessionData, type TrackData } from './session/model.js';
import { Transport } from './transport/transport.js';
import { loadCatalog, type CatalogEntry } from './wam/catalog.js';

export class HostApp extends EventTarget {
  readonly ctx = new AudioContext({ latencyHint: 'playback' });
  catalog: CatalogEntry[] = [];
  readonly library = new AudioLibrary(this.ctx);
  mixer!: Mixer;
  readonly transport: Transport;
  readonly recorder: Recorder;
  readonly links: ChainLinks;
  name = 'Untitled';
  /** true while a session is being (re)built: autosave waits */
  loading = false;
  private latencyTimer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    super();
    this.transport = new Transport(this.ctx, () => this.mixer);
    this.recorder = new Recorder(this.transport, () => this.mixer?.inserts ?? [], () => this.changed('lanes'));
    this.links = new ChainLinks(this.ctx, () => this.catalog, () => this.mixer);
  }

  async loadCatalog(): Promise<void> {
    this.catalog = await loadCatalog();
  }

  changed(what: string): void {
    this.dispatchEvent(new CustomEvent('change', { detail: what }));
  }

  status(text: string): void {
    this.dispatchEvent(new CustomEvent('status', { detail: text }));
  }

  // ---- sessions ------------------------------------------------------------------------------

  async loadSession(raw: unknown): Promise<string[]> {
    const data = parseSession(raw);
    this.loading = true;
    try {
      this.transport.stop();
      const buffers = await Promise.all(data.tracks.map((t) => this.library.load(t.audio)));
      const next = await Mixer.build(this.ctx, data, (t) => buffers[data.tracks.indexOf(t)], true);
      const old = this.mixer;
      this.mixer = next;
      old?.destroy();
      next.setMatchBypass(data.matchBypass);
      next.addEventListener('change', (e) => this.changed((e as CustomEvent).detail));
      this.name = data.name;
      this.transport.loop = { ...data.loop };
      this.watchLatency();
      this.changed('session');
      return next.problems;
    } finally {
      this.loading = false;
    }
  }

  loadDemo(): Promise<string[]> {
    return this.loadSession(demoSession(this.catalog));
  }

  loadEmpty(name = 'Untitled'): Promise<string[]> {
    return this.loadSession(emptySessionData(name));
  }

  async session(): Promise<SessionData> {
    const mix = await this.mixer.snapshot();
    return { format: SESSION_FORMAT, version: SESSION_VERSION, name: this.name, loop: { ...this.transport.loop }, matchBypass: this.mixer.matchBypass, ...mix };
  }

  /** Latency can change with any parameter (a lookahead knob): re-read it twice a second. */
  private watchLatency(): void {
    if (this.latencyTimer) clearInterval(this.latencyTimer);
    this.latencyTimer = setInterval(() => void this.mixer.refreshLatency(), 500);
  }

  // ---- tracks and audio ----------------------------------------------------------------------

  /** Audio files: re-link tracks whose missing file has the same name, else add a track each. */
  async addAudioFiles(files: File[]): Promise<void> {
    for (const file of files) {
      try {
        this.status(`decoding ${file.name}…`);
        const { ref, buffer } = await this.library.addFile(file);
        const missing = this.mixer.tracks.find((t) => !t.buffer && t.audio?.name === file.name);
        if (missing) this.relink(missing, ref, buffer);
        else await this.addTrack(file.name.replace(/\.[a-z0-9]+$/i, ''), ref, buffer);
        this.status(`added ${file.name}`);
      } catch (e) {
        this.status(`error: ${(e as Error).message}`);
      }
    }
  }

  async addTrack(name: string, audio: TrackData['audio'], buffer: AudioBuffer | null): Promise<Track> {
    const t = await this.mixer.addTrack({ id: newId('t'), name, audio, gainDb: 0, pan: 0, mute: false, solo: false, sendDb: MIN_DB, inserts: [] }, buffer);
    this.transport.restart();
    return t;
  }

  relink(track: Track, ref: TrackData['audio'], buffer: AudioBuffer): void {
    track.audio = ref;
    track.buffer = buffer;
    this.mixer.changed('structure');
    this.transport.restart();
  }

  async relinkFile(track: Track, file: File): Promise<void> {
    const { ref, buffer } = await this.library.addFile(file);
    this.relink(track, ref, buffer);
  }

  // ---- chain links ---------------------------------------------------------------------------

  stripByTarget(on: string): Strip {
    if (on === 'aux') return this.mixer.aux;
    return this.mixer.tracks.find((t) => t.name === on) ?? this.mixer.master;
  }

  async applyChainCode(code: string, on = 'master'): Promise<string> {
    const strip = this.stripByTarget(on);
    const name = await this.links.apply(code, strip);
    this.transport.restart();
    return `${name || 'chain'} on ${strip.name}`;
  }

  // ---- bounce --------------------------------------------------------------------------------

  async bounce(opts: Omit<BounceOptions, 'latencyHint'>): Promise<BounceResult> {
    const mix = await this.session();
    const buffers = await Promise.all(this.mixer.tracks.map((t) => this.library.forRate(t.audio, t.buffer, opts.sampleRate)));
    const hint = (this.mixer.outputLatency * opts.sampleRate) / this.ctx.sampleRate;
    return renderMix(mix, (t) => buffers[mix.tracks.indexOf(t)] ?? null, { ...opts, latencyHint: hint });
  }
}
