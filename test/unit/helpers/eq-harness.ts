/** Test harness for the EQ kernel: build, set bands, render, measure responses. */
import { ParamBank, CONTROL_FRAMES } from '../../../shared-dsp/params/param-bank.js';
import { renderOffline } from '../../../shared-dsp/core/run-kernel.js';
import type { Kernel } from '../../../shared-dsp/core/kernel.js';
import { RealFft } from '../../../shared-dsp/analysis/fft.js';
import { eqParams, BAND_TYPES, STEREO_MODES } from '../../../plugins/eq/params.js';
import { createKernel } from '../../../plugins/eq/dsp.js';

export interface Eq {
  bank: ParamBank;
  kernel: Kernel;
  fs: number;
}

export function makeEq(fs: number, channels = 2, maxFrames = 128): Eq {
  const bank = new ParamBank(eqParams.specs());
  bank.prepare(fs);
  const kernel = createKernel(bank);
  kernel.prepare(fs, maxFrames, channels);
  return { bank, kernel, fs };
}

export interface BandSet {
  on?: boolean;
  type?: (typeof BAND_TYPES)[number];
  freq?: number;
  gain?: number;
  q?: number;
  /** slope in dB/oct */
  slope?: number;
  stereo?: (typeof STEREO_MODES)[number];
}

/** Set band n (1..8) at once (setNow). */
export function setBand(bank: ParamBank, n: number, s: BandSet): void {
  const id = (p: string) => eqParams.index(`b${n}_${p}`);
  if (s.type !== undefined) bank.setNow(id('type'), BAND_TYPES.indexOf(s.type));
  if (s.freq !== undefined) bank.setNow(id('freq'), s.freq);
  if (s.gain !== undefined) bank.setNow(id('gain'), s.gain);
  if (s.q !== undefined) bank.setNow(id('q'), s.q);
  if (s.slope !== undefined) bank.setNow(id('slope'), [6, 12, 18, 24, 36, 48, 72, 96].indexOf(s.slope));
  if (s.stereo !== undefined) bank.setNow(id('stereo'), STEREO_MODES.indexOf(s.stereo));
  if (s.on !== undefined) bank.setNow(id('on'), s.on ? 1 : 0);
}

export function pidx(id: string): number {
  return eqParams.index(id);
}

/** Render the given channels (copies the inputs; 128-frame blocks). */
export function render(eq: Eq, inputs: Float32Array[]): Float32Array[] {
  return renderOffline(eq.kernel, eq.bank, inputs);
}

/**
 * runKernel without the output guard (which clips at +24 dBFS and zeroes NaN): what the
 * kernel itself produces. Same chunking: CONTROL_FRAMES while ramps move.
 */
export function runRaw(kernel: Kernel, bank: ParamBank, inputs: Float32Array[], outputs: Float32Array[], start: number, end: number): void {
  let pos = start;
  while (pos < end) {
    let n = end - pos;
    if (bank.active && n > CONTROL_FRAMES) n = CONTROL_FRAMES;
    kernel.process(inputs, outputs, pos, pos + n);
    if (bank.active) bank.advance(n);
    pos += n;
  }
}

/** Render with a callback before every block of `block` frames (automation); no output guard. */
export function renderWith(eq: Eq, inputs: Float32Array[], block: number, before: (pos: number) => void): Float32Array[] {
  const frames = inputs[0].length;
  const outs = inputs.map(() => new Float32Array(frames));
  const ib = inputs.map(() => new Float32Array(block));
  const ob = inputs.map(() => new Float32Array(block));
  for (let pos = 0; pos < frames; pos += block) {
    const n = Math.min(block, frames - pos);
    before(pos);
    for (let c = 0; c < inputs.length; c++) ib[c].set(inputs[c].subarray(pos, pos + n));
    runRaw(eq.kernel, eq.bank, ib, ob, 0, n);
    for (let c = 0; c < inputs.length; c++) outs[c].set(ob[c].subarray(0, n), pos);
  }
  return outs;
}

/**
 * Impulse response of a freshly built kernel. The impulse is delayed past the band's
 * on-crossfade (FADE_MS = 10 ms) so the response is the settled filter's.
 */
export function impulseResponse(eq: Eq, length: number, channels = 1): Float32Array[] {
  const pre = Math.ceil(eq.fs * 0.012);
  const x = Array.from({ length: channels }, () => new Float32Array(pre + length));
  for (const c of x) c[pre] = 1;
  return render(eq, x).map((y) => y.subarray(pre));
}

const ffts = new Map<number, RealFft>();

/** |H| in dB per FFT bin (0..N/2) of an impulse response of power-of-two length N. */
export function spectrumDb(ir: ArrayLike<number>): Float64Array {
  const N = ir.length;
  let f = ffts.get(N);
  if (!f) ffts.set(N, (f = new RealFft(N)));
  const re = new Float64Array(N / 2 + 1);
  const im = new Float64Array(N / 2 + 1);
  const out = new Float64Array(N / 2 + 1);
  f.power(ir, re, im, out);
  for (let k = 0; k <= N / 2; k++) out[k] = 10 * Math.log10(out[k]);
  return out;
}

/** |H| in dB at one frequency (direct DFT of the impulse response). */
export function gainAtDb(ir: ArrayLike<number>, f: number, fs: number): number {
  const w = (2 * Math.PI * f) / fs;
  let re = 0;
  let im = 0;
  // rotate a phasor instead of calling cos/sin per sample (re-normalised every 1024)
  let cr = 1;
  let ci = 0;
  const dr = Math.cos(w);
  const di = -Math.sin(w);
  for (let n = 0; n < ir.length; n++) {
    re += ir[n] * cr;
    im += ir[n] * ci;
    const t = cr * dr - ci * di;
    ci = cr * di + ci * dr;
    cr = t;
    if ((n & 1023) === 1023) {
      cr = Math.cos(w * (n + 1));
      ci = -Math.sin(w * (n + 1));
    }
  }
  return 10 * Math.log10(re * re + im * im);
}

export function noise(frames: number, seed = 1, amp = 0.5): Float32Array {
  let s = seed >>> 0 || 1;
  const x = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    x[i] = amp * (s / 4294967296 - 0.5) * 2;
  }
  return x;
}

export function sine(frames: number, f: number, fs: number, amp = 0.5, phase = 0): Float32Array {
  const x = new Float32Array(frames);
  for (let i = 0; i < frames; i++) x[i] = amp * Math.sin((2 * Math.PI * f * i) / fs + phase);
  return x;
}

export function maxAbs(x: ArrayLike<number>, from = 0, to = x.length): number {
  let m = 0;
  for (let i = from; i < to; i++) {
    const a = Math.abs(x[i]);
    if (a > m || a !== a) m = a !== a ? Infinity : a;
  }
  return m;
}

/** Largest |a[i] - b[i]|. */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>, from = 0, to = a.length): number {
  let m = 0;
  for (let i = from; i < to; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > m || d !== d) m = d !== d ? Infinity : d;
  }
  return m;
}

/** True when the arrays hold the same bits. */
export function bitEqual(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  const ua = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const ub = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < ua.length; i++) if (ua[i] !== ub[i]) return false;
  return true;
}
