/**
 * The demo material, made in the browser (nothing downloaded): eight bars at 112 BPM in
 * A minor, i - VI - III - VII, as four stems (drums, bass, chords, lead), each rendered to its
 * own stereo AudioBuffer with an OfflineAudioContext. Deterministic: same samples every time.
 */
export const BPM = 112;
const BEAT = 60 / BPM;
const BARS = 8;
export const DEMO_SECONDS = BARS * 4 * BEAT;

export const DEMO_PARTS = ['drums', 'bass', 'chords', 'lead'] as const;
export type DemoPart = (typeof DEMO_PARTS)[number];

const ROOTS = [45, 41, 48, 43];
const midi = (n: number) => 440 * 2 ** ((n - 69) / 12);

function noiseBuffer(ctx: BaseAudioContext, seconds: number): AudioBuffer {
  const b = ctx.createBuffer(1, Math.round(seconds * ctx.sampleRate), ctx.sampleRate);
  const d = b.getChannelData(0);
  let s = 12345;
  for (let i = 0; i < d.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    d[i] = (s / 4294967296) * 2 - 1;
  }
  return b;
}

/** attack-decay envelope on a gain parameter */
function env(p: AudioParam, t: number, peak: number, attack: number, decay: number) {
  p.setValueAtTime(0, t);
  p.linearRampToValueAtTime(peak, t + attack);
  p.exponentialRampToValueAtTime(0.0001, t + attack + decay);
}

function panned(ctx: BaseAudioContext, out: AudioNode, x: number): AudioNode {
  const p = new StereoPannerNode(ctx, { pan: x });
  p.connect(out);
  return p;
}

function drums(ctx: BaseAudioContext, out: AudioNode) {
  const noise = noiseBuffer(ctx, 1);
  const kit = panned(ctx, out, 0);
  const hats = panned(ctx, out, 0.35);
  for (let bar = 0; bar < BARS; bar++) {
    for (let beat = 0; beat < 4; beat++) {
      const t = (bar * 4 + beat) * BEAT;
      if (beat === 0 || beat === 2 || (beat === 3 && bar % 2 === 1)) {
        const o = new OscillatorNode(ctx, { frequency: 150 });
        o.frequency.setValueAtTime(150, t);
        o.frequency.exponentialRampToValueAtTime(45, t + 0.12);
        const g = new GainNode(ctx, { gain: 0 });
        env(g.gain, t, 0.9, 0.002, 0.35);
        o.connect(g).connect(kit);
        o.start(t);
        o.stop(t + 0.5);
      }
      if (beat === 1 || beat === 3) {
        const n = new AudioBufferSourceNode(ctx, { buffer: noise });
        const f = new BiquadFilterNode(ctx, { type: 'bandpass', frequency: 1800, Q: 0.8 });
        const g = new GainNode(ctx, { gain: 0 });
        env(g.gain, t, 0.8, 0.001, 0.18);
        n.connect(f).connect(g).connect(kit);
        n.start(t);
        n.stop(t + 0.3);
        const body = new OscillatorNode(ctx, { type: 'triangle', frequency: 190 });
        const bg = new GainNode(ctx, { gain: 0 });
        env(bg.gain, t, 0.3, 0.001, 0.08);
        body.connect(bg).connect(kit);
        body.start(t);
        body.stop(t + 0.15);
      }
      for (let h = 0; h < 2; h++) {
        const th = t + (h * BEAT) / 2;
        const n = new AudioBufferSourceNode(ctx, { buffer: noise });
        const f = new BiquadFilterNode(ctx, { type: 'highpass', frequency: 7000 });
        const g = new GainNode(ctx, { gain: 0 });
        env(g.gain, th, h ? 0.12 : 0.22, 0.001, bar === BARS - 1 && beat === 3 ? 0.25 : 0.05);
        n.connect(f).connect(g).connect(hats);
        n.start(th, (bar * 8 + beat * 2 + h) * 0.01);
        n.stop(th + 0.3);
      }
    }
  }
}

function bass(ctx: BaseAudioContext, out: AudioNode) {
  for (let bar = 0; bar < BARS; bar++) {
    const root = ROOTS[bar % 4];
    for (let e = 0; e < 8; e++) {
      const t = (bar * 4 + e / 2) * BEAT;
      const note = root - 12 + (e % 4 === 3 ? 12 : 0) + (bar >= 4 && e === 7 ? 7 : 0);
      const o = new OscillatorNode(ctx, { type: 'sawtooth', frequency: midi(note) });
      const f = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: 520, Q: 2 });
      f.frequency.setValueAtTime(900, t);
      f.frequency.exponentialRampToValueAtTime(300, t + BEAT * 0.45);
      const g = new GainNode(ctx, { gain: 0 });
      env(g.gain, t, 0.5, 0.005, BEAT * 0.45);
      o.connect(f).connect(g).connect(out);
      o.start(t);
      o.stop(t + BEAT * 0.5);
    }
  }
}

function chords(ctx: BaseAudioContext, out: AudioNode) {
  for (let bar = 0; bar < BARS; bar++) {
    const root = ROOTS[bar % 4];
    const third = root === 45 ? 3 : 4;
    const t = bar * 4 * BEAT;
    [0, third, 7, 12].forEach((iv, k) => {
      for (const det of [-7, 7]) {
        const o = new OscillatorNode(ctx, { type: 'sawtooth', frequency: midi(root + 12 + iv), detune: det });
        const f = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: 2400 });
        const g = new GainNode(ctx, { gain: 0 });
        env(g.gain, t, 0.06, 0.25, BEAT * 3.6);
        o.connect(f).connect(g).connect(panned(ctx, out, det < 0 ? -0.6 + k * 0.1 : 0.6 - k * 0.1));
        o.start(t);
        o.stop(t + BEAT * 4);
      }
    });
  }
}

function lead(ctx: BaseAudioContext, out: AudioNode) {
  const a = [76, 74, 72, 74, 76, 79, 76, 74, 72, 71, 72, 74, 76, 74, 72, 69];
  const b = [81, 79, 76, 79, 77, 76, 74, 72, 76, 74, 72, 71, 72, 71, 69, 69];
  const vib = new OscillatorNode(ctx, { frequency: 5.5 });
  const depth = new GainNode(ctx, { gain: 6 });
  vib.connect(depth);
  vib.start(0);
  [...a, ...b].forEach((n, k) => {
    const t = k * BEAT;
    const o = new OscillatorNode(ctx, { type: 'square', frequency: midi(n) });
    depth.connect(o.detune);
    const f = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: 3200 });
    const g = new GainNode(ctx, { gain: 0 });
    env(g.gain, t, 0.11, 0.012, BEAT * (k % 4 === 3 ? 0.95 : 0.8));
    o.connect(f).connect(g).connect(out);
    o.start(t);
    o.stop(t + BEAT);
  });
}

const PARTS: Record<DemoPart, (ctx: BaseAudioContext, out: AudioNode) => void> = { drums, bass, chords, lead };

export function renderDemoPart(part: DemoPart, sampleRate: number): Promise<AudioBuffer> {
  const ctx = new OfflineAudioContext(2, Math.round((DEMO_SECONDS + 0.5) * sampleRate), sampleRate);
  const out = new GainNode(ctx, { gain: 0.8 });
  out.connect(ctx.destination);
  PARTS[part](ctx, out);
  return ctx.startRendering();
}

const cache = new Map<string, Promise<AudioBuffer>>();

/** One stem at this rate, rendered once per page. */
export function demoStem(part: DemoPart, sampleRate: number): Promise<AudioBuffer> {
  const key = `${part}@${sampleRate}`;
  let p = cache.get(key);
  if (!p) {
    p = renderDemoPart(part, sampleRate);
    cache.set(key, p);
  }
  return p;
}
