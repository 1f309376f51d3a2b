/**
 * window.varnishHost: the host's own objects, for scripting and for the browser tests (which
 * drive the UI wherever they can and use these for set-up and for reading results).
 */
import type { HostApp } from './app.js';
import { measure, TARGETS } from './bounce/report.js';
import { encodeWav } from './bounce/wav.js';
import type { Autosave } from './session/autosave.js';
import type { Panels } from './ui/panels.js';

function base64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function installApi(app: HostApp, panels: Panels, autosave: Autosave, ready: Promise<void>) {
  const api = {
    app,
    ready,
    panels,
    get mixer() {
      return app.mixer;
    },
    get transport() {
      return app.transport;
    },
    flushAutosave: () => autosave.flush(),
    /** an empty session (no tracks, no inserts) */
    empty: (name = 'Test') => app.loadEmpty(name),
    /** add a track from samples, through the same path as a dropped WAV file */
    async addWavTrack(name: string, channels: number[][], sampleRate: number) {
      const wav = encodeWav(channels.map((c) => Float32Array.from(c)), sampleRate, 24);
      await app.addAudioFiles([new File([wav], `${name}.wav`, { type: 'audio/wav' })]);
      return app.mixer.tracks[app.mixer.tracks.length - 1].id;
    },
    /** bounce and return the WAV (base64) and its loudness report */
    async bounce(opts: { sampleRate?: number; bits?: 16 | 24; start?: number; end?: number; tail?: number }) {
      const sampleRate = opts.sampleRate ?? 48000;
      const res = await app.bounce({ sampleRate, start: opts.start ?? 0, end: opts.end ?? app.mixer.length, tail: opts.tail ?? 0 });
      const wav = encodeWav(res.channels, sampleRate, opts.bits ?? 24);
      return { wav: base64(wav), latency: res.latency, report: measure(res.channels, sampleRate, TARGETS[0]) };
    },
  };
  (window as unknown as { varnishHost: typeof api }).varnishHost = api;
  return api;
}
