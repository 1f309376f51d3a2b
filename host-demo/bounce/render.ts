/**
 * Bounce: the session rendered offline. A new OfflineAudioContext gets its own WAM host group
 * and fresh plugin instances made with createInstance(groupId, offlineCtx, savedState); the
 * tracks and every automation lane are scheduled up front; the master's latency is cut from
 * the start so sample 0 of the file is song time `range.start`. Progress comes from
 * OfflineAudioContext.suspend() at intervals; cancelling leaves the render suspended and
 * drops it.
 */
import { scheduleLanes } from '../automation/player.js';
import { Mixer, type AudioLookup } from '../engine/mixer.js';
import type { MixData } from '../session/model.js';

export interface BounceOptions {
  sampleRate: number;
  /** song time range, seconds */
  start: number;
  end: number;
  /** seconds rendered after the end (reverb and release tails) */
  tail: number;
  /** expected output latency in samples at the bounce rate (sizes the render; re-checked) */
  latencyHint?: number;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export interface BounceResult {
  channels: Float32Array[];
  sampleRate: number;
  /** samples of plugin latency removed from the start */
  latency: number;
}

const abortError = () => new DOMException('bounce cancelled', 'AbortError');

export async function renderMix(mix: MixData, audio: AudioLookup, opts: BounceOptions): Promise<BounceResult> {
  const sr = opts.sampleRate;
  const frames = Math.max(1, Math.round((opts.end - opts.start + opts.tail) * sr));
  let margin = Math.ceil(opts.latencyHint ?? 0) + 2048;
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await renderOnce(mix, audio, opts, frames, margin);
    if (result !== 'short') return result;
    margin *= 4;
  }
  throw new Error('bounce: the plugins report more latency than expected');
}

async function renderOnce(mix: MixData, audio: AudioLookup, opts: BounceOptions, frames: number, margin: number): Promise<BounceResult | 'short'> {
  const sr = opts.sampleRate;
  if (opts.signal?.aborted) throw abortError();
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: frames + margin, sampleRate: sr });
  const mixer = await Mixer.build(ctx, mix, audio, false);
  try {
    if (mixer.problems.length) throw new Error(`bounce: ${mixer.problems.join('; ')}`);
    const latency = mixer.outputLatency;
    if (latency > margin) return 'short';
    const dur = opts.end - opts.start;
    for (const t of mixer.tracks) {
      if (!t.buffer || opts.start >= t.buffer.duration) continue;
      const src = new AudioBufferSourceNode(ctx, { buffer: t.buffer });
      src.connect(t.input);
      src.start(0, opts.start, dur);
    }
    scheduleLanes(mixer, { ctxStart: 0, songStart: opts.start }, opts.start, opts.end, true);
    // a round trip to every processor: the scheduled events are there before rendering starts
    await Promise.all(mixer.inserts.map((i) => i.readLatency()));
    if (mixer.outputLatency !== latency) mixer.compensate();

    const total = ctx.length / sr;
    const step = Math.max(0.25, total / 50);
    let cancelled = false;
    const stopped = new Promise<never>((_, reject) => {
      for (let t = step; t < total - 0.01; t += step) {
        const at = t;
        ctx.suspend(at).then(() => {
          if (opts.signal?.aborted) {
            cancelled = true;
            reject(abortError());
            return;
          }
          opts.onProgress?.(at / total);
          void ctx.resume();
        }, () => undefined);
      }
    });
    stopped.catch(() => undefined);
    const rendered = await Promise.race([ctx.startRendering(), stopped]);
    if (cancelled) throw abortError();
    opts.onProgress?.(1);
    const L = mixer.outputLatency;
    const channels = [0, 1].map((c) => rendered.getChannelData(c).slice(L, L + frames));
    return { channels, sampleRate: sr, latency: L };
  } finally {
    mixer.destroy();
  }
}
