/**
 * Play, pause, stop, seek and loop. Playback is cut into segments (one per pass through the
 * loop): each segment starts one AudioBufferSourceNode per track at a context time with the
 * song offset, so every track stays sample-aligned; a 25 ms timer extends the segments and
 * schedules automation 200 ms ahead.
 */
import { clearLanes, scheduleLanes } from '../automation/player.js';
import type { Insert } from '../engine/insert.js';
import type { Mixer } from '../engine/mixer.js';
import type { LoopData } from '../session/model.js';

interface Segment {
  ctxStart: number;
  songStart: number;
  songEnd: number;
  sources: AudioBufferSourceNode[];
  /** song time up to which automation is scheduled */
  autoUntil: number;
}

const LOOKAHEAD = 0.2;
const TICK_MS = 25;
const START_DELAY = 0.05;

export type TransportState = 'stopped' | 'playing' | 'paused';

export class Transport extends EventTarget {
  state: TransportState = 'stopped';
  loop: LoopData = { on: false, start: 0, end: 0 };
  private pos = 0;
  private segments: Segment[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  /** inserts whose lanes are not played (being recorded) */
  skip: (ins: Insert) => boolean = () => false;

  constructor(
    readonly ctx: AudioContext,
    private readonly mixer: () => Mixer,
  ) {
    super();
  }

  get playing(): boolean {
    return this.state === 'playing';
  }

  get length(): number {
    return this.mixer()?.length ?? 0;
  }

  /** the song position now playing, seconds */
  get position(): number {
    if (this.state !== 'playing' || !this.segments.length) return this.pos;
    const now = this.ctx.currentTime;
    let seg = this.segments[0];
    for (const s of this.segments) if (s.ctxStart <= now) seg = s;
    const t = seg.songStart + Math.max(0, now - seg.ctxStart);
    return Math.min(t, seg.songEnd);
  }

  /** The loop region in use, or null (off, empty, or the play head is already past it). */
  private loopFor(songStart: number): LoopData | null {
    const l = this.loop;
    if (!l.on || !(l.end - l.start > 0.05) || songStart >= l.end) return null;
    return l;
  }

  async play(): Promise<void> {
    if (this.state === 'playing') return;
    await this.ctx.resume();
    const len = this.length;
    let start = this.pos;
    if (start >= len - 0.01) start = this.loop.on ? this.loop.start : 0;
    this.state = 'playing';
    this.segments = [this.startSegment(this.ctx.currentTime + START_DELAY, start)];
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.tick();
    this.emit();
  }

  pause(): void {
    if (this.state !== 'playing') return;
    this.pos = this.position;
    this.halt();
    this.state = 'paused';
    this.emit();
  }

  stop(): void {
    this.halt();
    this.pos = 0;
    this.state = 'stopped';
    this.emit();
  }

  toggle(): void {
    if (this.state === 'playing') this.pause();
    else void this.play();
  }

  seek(t: number): void {
    const to = Math.max(0, Math.min(t, this.length));
    if (this.state === 'playing') {
      this.halt();
      this.state = 'paused';
      this.pos = to;
      void this.play();
    } else {
      this.pos = to;
      this.emit();
    }
  }

  /** Start over from the current position (after the tracks or chains changed). */
  restart(): void {
    if (this.state === 'playing') this.seek(this.position);
  }

  private startSegment(ctxStart: number, songStart: number): Segment {
    const mixer = this.mixer();
    const loop = this.loopFor(songStart);
    const songEnd = loop ? loop.end : this.length;
    const sources: AudioBufferSourceNode[] = [];
    for (const t of mixer.tracks) {
      if (!t.buffer || songStart >= t.buffer.duration) continue;
      const src = new AudioBufferSourceNode(this.ctx, { buffer: t.buffer });
      src.connect(t.input);
      src.start(ctxStart, songStart, songEnd - songStart);
      sources.push(src);
    }
    const seg: Segment = { ctxStart, songStart, songEnd, sources, autoUntil: songStart };
    scheduleLanes(mixer, seg, songStart, songStart, true, this.skip);
    return seg;
  }

  private tick(): void {
    if (this.state !== 'playing') return;
    const now = this.ctx.currentTime;
    const horizon = now + LOOKAHEAD;
    let last = this.segments[this.segments.length - 1];
    let lastEnd = last.ctxStart + (last.songEnd - last.songStart);
    while (lastEnd < horizon && this.loopFor(last.songStart)) {
      last = this.startSegment(lastEnd, this.loop.start);
      this.segments.push(last);
      lastEnd = last.ctxStart + (last.songEnd - last.songStart);
    }
    const mixer = this.mixer();
    for (const seg of this.segments) {
      const upTo = Math.min(seg.songEnd, seg.songStart + (horizon - seg.ctxStart));
      if (upTo > seg.autoUntil) {
        scheduleLanes(mixer, seg, seg.autoUntil, upTo, false, this.skip);
        seg.autoUntil = upTo;
      }
    }
    // forget finished passes
    while (this.segments.length > 1 && this.segments[0].ctxStart + (this.segments[0].songEnd - this.segments[0].songStart) < now - 0.5) {
      this.segments.shift();
    }
    if (now >= lastEnd && !this.loopFor(last.songStart)) {
      this.halt();
      this.pos = 0;
      this.state = 'stopped';
      this.emit();
    }
  }

  private halt(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const seg of this.segments) {
      for (const s of seg.sources) {
        try {
          s.stop();
        } catch {
          /* not started yet or already stopped */
        }
        s.disconnect();
      }
    }
    this.segments = [];
    clearLanes(this.mixer());
  }

  private emit(): void {
    this.dispatchEvent(new Event('state'));
  }
}
