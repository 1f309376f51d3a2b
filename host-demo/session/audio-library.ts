/**
 * The audio behind the tracks: generated demo stems ('demo:<part>') and files the user added
 * (decoded with decodeAudioData; the original bytes go to IndexedDB under their content key).
 */
import { DEMO_PARTS, demoStem, type DemoPart } from '../demo-song.js';
import type { AudioRef } from './model.js';
import { allAudio, contentKey, getAudio, putAudio } from './store.js';

export const AUDIO_ACCEPT = '.wav,.mp3,.flac,.ogg,.oga,.opus,.m4a,.aac,audio/*';

const demoPart = (key: string): DemoPart | null => {
  const p = key.startsWith('demo:') ? key.slice(5) : '';
  return (DEMO_PARTS as readonly string[]).includes(p) ? (p as DemoPart) : null;
};

export class AudioLibrary {
  private readonly decoded = new Map<string, AudioBuffer>();

  constructor(private readonly ctx: BaseAudioContext) {}

  /** The buffer for a reference: by key, else a stored file of the same name; null if missing. */
  async load(ref: AudioRef | null): Promise<AudioBuffer | null> {
    if (!ref) return null;
    const part = demoPart(ref.key);
    if (part) return demoStem(part, this.ctx.sampleRate);
    const have = this.decoded.get(ref.key);
    if (have) return have;
    try {
      let stored = await getAudio(ref.key);
      if (!stored) stored = (await allAudio()).find((a) => a.name === ref.name);
      if (!stored) return null;
      const buffer = await this.ctx.decodeAudioData(stored.bytes.slice(0));
      this.decoded.set(ref.key, buffer);
      return buffer;
    } catch {
      return null;
    }
  }

  /** Decode a file, keep its bytes; throws when the browser cannot decode it. */
  async addFile(file: File): Promise<{ ref: AudioRef; buffer: AudioBuffer }> {
    const bytes = await file.arrayBuffer();
    const key = await contentKey(bytes);
    let buffer: AudioBuffer;
    try {
      buffer = await this.ctx.decodeAudioData(bytes.slice(0));
    } catch {
      throw new Error(`${file.name}: not an audio file this browser can decode`);
    }
    this.decoded.set(key, buffer);
    await putAudio({ key, name: file.name, type: file.type, bytes }).catch(() => undefined);
    return { ref: { name: file.name, key }, buffer };
  }

  /**
   * The audio for a bounce at `sampleRate`: demo stems are rendered at that rate, files are
   * decoded again from their bytes at that rate (the decoder's resampler), else the live buffer.
   */
  async forRate(ref: AudioRef | null, live: AudioBuffer | null, sampleRate: number): Promise<AudioBuffer | null> {
    const part = ref ? demoPart(ref.key) : null;
    if (part) return demoStem(part, sampleRate);
    if (!ref || !live || live.sampleRate === sampleRate) return live;
    const key = `${ref.key}@${sampleRate}`;
    const have = this.decoded.get(key);
    if (have) return have;
    try {
      const stored = await getAudio(ref.key);
      if (!stored) return live;
      const buffer = await new OfflineAudioContext(1, 1, sampleRate).decodeAudioData(stored.bytes.slice(0));
      this.decoded.set(key, buffer);
      return buffer;
    } catch {
      return live;
    }
  }
}
