/**
 * The demo material, made in the browser (nothing downloaded): four bars of drums, bass,
 * chords and a lead at 112 BPM, rendered once with an OfflineAudioContext.
 */
const BPM = 112;
const BEAT = 60 / BPM;
const BARS = 4;

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

function env(ctx: BaseAudioContext, node: AudioParam, t: number, peak: number, attack: number, decay: number) {
  node.setValueAtTime(0, t);
  node.linearRampToValueAtTime(peak, t + attack);
  node.exponentialRampToValueAtTime(0.0001, t + attack + decay);
}

const midi = (n: number) => 440 * 2 ** ((n - 69) / 12);

export async function renderDemoSong(sampleRate: number): Promise<AudioBuffer> {
  const seconds = BARS * 4 * BEAT;
  const ctx = new OfflineAudioContext(2, Math.round(seconds * sampleRate), sampleRate);
  const master = new GainNode(ctx, { gain: 0.5 });
  master.connect(ctx.destination);
  const noise = noiseBuffer(ctx, 1);
  const pan = (x: number) => {
    const p = new StereoPannerNode(ctx, { pan: x });
    p.connect(master);
    return p;
  };
  const drums = pan(0);
  const hatBus = pan(0.3);
  const bassBus = pan(0);
  const chordBus = pan(-0.25);
  const leadBus = pan(0.2);
  for (let bar = 0; bar < BARS; bar++) {
    for (let beat = 0; beat < 4; beat++) {
      const t = (bar * 4 + beat) * BEAT;
      if (beat === 0 || beat === 2 || (beat === 3 && bar % 2)) {
        // kick: a pitch-dropping sine
        const o = new OscillatorNode(ctx, { frequency: 150 });
        o.frequency.setValueAtTime(150, t);
        o.frequency.exponentialRampToValueAtTime(45, t + 0.12);
        const g = new GainNode(ctx, { gain: 0 });
        env(ctx, g.gain, t, 1, 0.002, 0.35);
        o.connect(g).connect(drums);
        o.start(t);
        o.stop(t + 0.5);
      }
      if (beat === 1 || beat === 3) {
        // snare: band-passed noise plus a body tone
        const n = new AudioBufferSourceNode(ctx, { buffer: noise });
        const f = new BiquadFilterNode(ctx, { type: 'bandpass', frequency: 1800, Q: 0.8 });
        const g = new GainNode(ctx, { gain: 0 });
        env(ctx, g.gain, t, 0.7, 0.001, 0.18);
        n.connect(f).connect(g).connect(drums);
        n.start(t);
        n.stop(t + 0.3);
      }
      for (let h = 0; h < 2; h++) {
        const th = t + (h * BEAT) / 2;
        const n = new AudioBufferSourceNode(ctx, { buffer: noise });
        const f = new BiquadFilterNode(ctx, { type: 'highpass', frequency: 7000 });
        const g = new GainNode(ctx, { gain: 0 });
        env(ctx, g.gain, th, h ? 0.12 : 0.2, 0.001, 0.05);
        n.connect(f).connect(g).connect(hatBus);
        n.start(th);
        n.stop(th + 0.1);
      }
    }
    // bass and chords: i - VI - III - VII in A minor
    const roots = [45, 41, 48, 43];
    const root = roots[bar];
    for (let e = 0; e < 8; e++) {
      const t = (bar * 4 + e / 2) * BEAT;
      const o = new OscillatorNode(ctx, { type: 'sawtooth', frequency: midi(root - 12 + (e % 4 === 3 ? 12 : 0)) });
      const f = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: 500, Q: 2 });
      const g = new GainNode(ctx, { gain: 0 });
      env(ctx, g.gain, t, 0.35, 0.005, BEAT * 0.45);
      o.connect(f).connect(g).connect(bassBus);
      o.start(t);
      o.stop(t + BEAT * 0.5);
    }
    const third = root === 45 || root === 48 ? (root === 45 ? 3 : 4) : 4;
    for (const iv of [0, third, 7, 12]) {
      const t = bar * 4 * BEAT;
      for (const det of [-6, 6]) {
        const o = new OscillatorNode(ctx, { type: 'sawtooth', frequency: midi(root + 12 + iv), detune: det });
        const f = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: 2200 });
        const g = new GainNode(ctx, { gain: 0 });
        env(ctx, g.gain, t, 0.045, 0.25, BEAT * 3.6);
        o.connect(f).connect(g).connect(chordBus);
        o.start(t);
        o.stop(t + BEAT * 4);
      }
    }
  }
  const melody = [76, 74, 72, 74, 76, 79, 76, 74, 72, 71, 72, 74, 76, 74, 72, 69];
  melody.forEach((n, k) => {
    const t = k * BEAT;
    const o = new OscillatorNode(ctx, { type: 'square', frequency: midi(n) });
    const f = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: 3000 });
    const g = new GainNode(ctx, { gain: 0 });
    env(ctx, g.gain, t, 0.08, 0.01, BEAT * 0.8);
    o.connect(f).connect(g).connect(leadBus);
    o.start(t);
    o.stop(t + BEAT);
  });
  return ctx.startRendering();
}
