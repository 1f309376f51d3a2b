/**
 * ImagerKernel: multiband stereo width with bass mono, rotation, balance and output trim.
 *
 * Signal flow per frame (L, R = the input channels):
 *   1. polarity: invertL / invertR flip the input channels; then swap exchanges them.
 *   2. width, in one of two forms:
 *      plain (bit-exact):  L' = L + (g - 1) S, R' = R - (g - 1) S, S = (L - R)/2, one side gain
 *                          g = width x band width; g = 1 leaves the samples untouched, g = 0
 *                          writes M = (L + R)/2 to both channels (ms-width.ts).
 *      filtered:           M -> [bass mono LR8 allpass] -> [band tree allpass] = M'
 *                          S -> [bass mono LR8 high-pass] -> band split b1..bn, S' = sum g_k b_k
 *                          L' = M' + S', R' = M' - S'
 *                          Mid and side see the same allpasses, so every band keeps its image
 *                          (a hard-left source stays hard left at any frequency) and the mono sum
 *                          keeps a flat magnitude (band-splitter.ts, bass-mono.ts).
 *      The band split is used when 2..4 bands are selected and their side gains differ; with
 *      equal gains the plain form gives the same magnitudes without any filter. Bass mono uses
 *      the filtered form whenever it is on.
 *   3. rotation (placement.ts), then balance and output gain as one gain per channel.
 *
 * Smoothing: widths, balance, rotation and output are interpolated per sample between
 * bank.value[i] and bank.valueAfter(i, n); crossover and bass-mono corners are re-designed when
 * their serial changes (per 32-frame chunk while they ramp; the SVF splits are Simper's
 * modulation-friendly structure and the direct-form-I allpass/high-pass sections keep past
 * signal values as state, so the small steps pass smoothly).
 * Speed: the settled heavy path is three fused loops (bass-mono.ts processLR, band-tree.ts, the
 * output loop here) plus the M/S and input copies.
 * Switches that change the signal path (band split on/off, band count, bass mono on/off,
 * polarity, swap) crossfade over 20 ms; a new band count waits until the split has faded out,
 * then rebuilds the tree and fades back in. The filters of the band tree keep running whenever
 * 2..4 bands are selected, so the split fades in warm. A freshly reset kernel starts in its
 * target state without fades.
 */
import type { Kernel } from '../core/kernel.js';
import type { ParamBank } from '../params/param-bank.js';
import { BandSplitter, orderCrossovers } from './band-splitter.js';
import { BassMono } from './bass-mono.js';
import { CorrelationMeter, VectorscopeBuffer } from './correlation.js';
import { IMAGER_METER, IMAGER_METER_SIZE, IMAGER_SCOPE_POINTS } from './imager-meters.js';
import { crossfadeInto, scaleRamp, toMidSide, widthExact } from './ms-width.js';
import { balanceLeft, balanceRight, dbToGain, rotationCos, rotationSin } from './placement.js';

/** parameter indices in the bank, and their units */
export interface ImagerLayout {
  /** global width, % */
  readonly width: number;
  /** band count 1..4 */
  readonly bands: number;
  /** crossovers 1..3, Hz */
  readonly xover: readonly [number, number, number];
  /** band widths 1..4, % */
  readonly bandWidth: readonly [number, number, number, number];
  /** bass mono switch (>= 0.5 on) and corner, Hz */
  readonly monoOn: number;
  readonly monoFreq: number;
  /** balance, % (-100 left .. +100 right) */
  readonly balance: number;
  /** rotation, degrees */
  readonly rotation: number;
  /** switches (>= 0.5 on) */
  readonly swap: number;
  readonly invertL: number;
  readonly invertR: number;
  /** output trim, dB */
  readonly output: number;
}

/** crossfade time of path switches */
export const IMAGER_FADE_SECONDS = 0.02;

/**
 * Frames a fade needs to go from t0 to t1 at `perFrame` per frame, at most n: a fade that ends
 * inside a block keeps its slope and then holds (so a fade is linear whatever the block size).
 */
function fadeFrames(t0: number, t1: number, perFrame: number, n: number): number {
  if (t0 === t1) return 0;
  const k = Math.ceil(Math.abs(t1 - t0) / perFrame - 1e-6);
  return k < n ? k : n;
}

function approach(x: number, target: number, delta: number): number {
  if (x < target) return x + delta < target ? x + delta : target;
  if (x > target) return x - delta > target ? x - delta : target;
  return x;
}

export class ImagerKernel implements Kernel {
  readonly latency = 0;
  readonly meterSize = IMAGER_METER_SIZE;

  private readonly bank: ParamBank;
  private readonly p: ImagerLayout;
  private sampleRate = 48000;
  private cap = 0;
  private fadeStep = 1 / 960;

  // working buffers (Float64, cap frames)
  private bl = new Float64Array(0);
  private br = new Float64Array(0);
  private bm = new Float64Array(0);
  private bs = new Float64Array(0);
  private tm = new Float64Array(0);
  private ts = new Float64Array(0);
  private side = new Float64Array(0);

  private readonly splitter = new BandSplitter();
  private readonly mono = new BassMono();
  private readonly meter = new CorrelationMeter({ tauSeconds: 0.3 });
  private readonly scope = new VectorscopeBuffer(IMAGER_SCOPE_POINTS);
  private readonly crossovers = new Float64Array(3);
  private readonly g0 = new Float64Array(4);
  private readonly g1 = new Float64Array(4);

  // path states (crossfade positions)
  private fresh = true;
  private splitMix = 0; // 0 plain .. 1 band split
  private monoMix = 0; // 0 .. 1 bass mono
  private monoLive = false;
  private polL = 1; // +1 .. -1
  private polR = 1;
  private swapMix = 0; // 0 .. 1

  // change detection
  private coefsDirty = true;
  private xoverSerial0 = 0;
  private xoverSerial1 = 0;
  private xoverSerial2 = 0;
  private monoSerial = 0;

  // per-chunk caches of transcendental values (most chunks repeat the previous end value)
  private rotDeg = 0;
  private rotCos = 1;
  private rotSin = 0;
  private outDb = 0;
  private outGain = 1;

  // meters
  private peakL = 0;
  private peakR = 0;

  constructor(bank: ParamBank, layout: ImagerLayout) {
    this.bank = bank;
    this.p = layout;
    this.prepare(48000, 128, 2);
  }

  prepare(sampleRate: number, maxFrames: number, _channels: number): void {
    this.sampleRate = sampleRate;
    const cap = Math.max(32, maxFrames | 0);
    if (cap !== this.cap) {
      this.cap = cap;
      this.bl = new Float64Array(cap);
      this.br = new Float64Array(cap);
      this.bm = new Float64Array(cap);
      this.bs = new Float64Array(cap);
      this.tm = new Float64Array(cap);
      this.ts = new Float64Array(cap);
      this.side = new Float64Array(cap);
    }
    this.fadeStep = 1 / Math.max(1, Math.round(IMAGER_FADE_SECONDS * sampleRate));
    this.meter.prepare(sampleRate);
    this.scope.prepare(sampleRate);
    this.coefsDirty = true;
    this.reset();
  }

  reset(): void {
    this.splitter.reset();
    this.mono.reset();
    this.meter.reset();
    this.scope.reset();
    this.fresh = true;
    this.monoLive = false;
    this.peakL = this.peakR = 0;
  }

  process(inputs: readonly Float32Array[], outputs: readonly Float32Array[], start: number, end: number): void {
    if (inputs.length < 2 || outputs.length < 2) {
      // the imager needs two channels; anything else passes through
      for (let c = 0; c < outputs.length; c++) {
        const src = inputs[c < inputs.length ? c : 0], dst = outputs[c];
        for (let i = start; i < end; i++) dst[i] = src[i];
      }
      return;
    }
    this.updateCoefficients();
    let pos = start;
    while (pos < end) {
      const n = end - pos < this.cap ? end - pos : this.cap;
      this.processChunk(inputs[0], inputs[1], outputs[0], outputs[1], pos, n, pos - start);
      pos += n;
    }
  }

  writeMeters(out: Float32Array): void {
    const M = IMAGER_METER;
    out[M.CORRELATION] = this.meter.correlation;
    out[M.BALANCE] = this.meter.balance;
    out[M.PEAK_L] = this.peakL;
    out[M.PEAK_R] = this.peakR;
    out[M.MID_RMS] = this.meter.midRms;
    out[M.SIDE_RMS] = this.meter.sideRms;
    out[M.BANDS] = this.splitter.bands;
    for (let k = 0; k < 3; k++) out[M.XOVER + k] = this.crossovers[k];
    for (let k = 0; k < 4; k++) out[M.BAND_WIDTH + k] = this.g1[k];
    out[M.MONO_FREQ] = this.monoMix > 0 ? this.mono.frequency : 0;
    this.scope.writeTo(out, M.SCOPE);
    this.peakL = this.peakR = 0;
  }

  /** Re-design the filters whose corner parameters moved (serial changed). */
  private updateCoefficients(): void {
    const bank = this.bank, p = this.p, s = bank.serial, v = bank.value;
    const x = p.xover;
    if (this.coefsDirty || s[x[0]] !== this.xoverSerial0 || s[x[1]] !== this.xoverSerial1 || s[x[2]] !== this.xoverSerial2) {
      this.xoverSerial0 = s[x[0]];
      this.xoverSerial1 = s[x[1]];
      this.xoverSerial2 = s[x[2]];
      const f = this.crossovers;
      orderCrossovers(v[x[0]], v[x[1]], v[x[2]], this.sampleRate, f);
      this.splitter.setCrossovers(f[0], f[1], f[2], this.sampleRate);
    }
    if (this.coefsDirty || s[p.monoFreq] !== this.monoSerial) {
      this.monoSerial = s[p.monoFreq];
      this.mono.setFrequency(v[p.monoFreq], this.sampleRate);
    }
    this.coefsDirty = false;
  }

  /** cos/sin of a rotation in degrees, cached for the last value asked */
  private rotation(deg: number): void {
    if (deg !== this.rotDeg) {
      this.rotDeg = deg;
      this.rotCos = rotationCos(deg);
      this.rotSin = rotationSin(deg);
    }
  }

  /** linear output gain for dB, cached for the last value asked */
  private outputGain(db: number): number {
    if (db !== this.outDb) {
      this.outDb = db;
      this.outGain = dbToGain(db);
    }
    return this.outGain;
  }

  /** parameter value `off` frames into the current process() call */
  private at(i: number, off: number): number {
    return off === 0 ? this.bank.value[i] : this.bank.valueAfter(i, off);
  }

  private processChunk(inL: Float32Array, inR: Float32Array, outL: Float32Array, outR: Float32Array, pos: number, n: number, off: number): void {
    const p = this.p, v = this.bank.value;
    const bl = this.bl, br = this.br, bm = this.bm, bs = this.bs, tm = this.tm, ts = this.ts, side = this.side;

    // ---- band topology and side gains
    let wanted = v[p.bands] | 0;
    wanted = wanted < 1 ? 1 : wanted > 4 ? 4 : wanted;
    const splitter = this.splitter;
    if (wanted !== splitter.bands && this.splitMix === 0) splitter.setBands(wanted);
    const nb = splitter.bands;
    const w0 = this.at(p.width, off) / 100, w1 = this.at(p.width, off + n) / 100;
    const g0 = this.g0, g1 = this.g1;
    for (let k = 0; k < 4; k++) {
      g0[k] = w0 * (this.at(p.bandWidth[k], off) / 100);
      g1[k] = w1 * (this.at(p.bandWidth[k], off + n) / 100);
    }
    let equal = true;
    let sum0 = g0[0], sum1 = g1[0];
    for (let k = 1; k < nb; k++) {
      if (g0[k] !== g0[0] || g1[k] !== g1[0]) equal = false;
      sum0 += g0[k];
      sum1 += g1[k];
    }
    // side gain of the plain form: the common gain, or the mean while a split fades
    const gp0 = equal ? g0[0] : sum0 / nb, gp1 = equal ? g1[0] : sum1 / nb;

    // ---- path targets and crossfades
    const splitTarget = nb > 1 && nb === wanted && !equal ? 1 : 0;
    const monoTarget = v[p.monoOn] >= 0.5 ? 1 : 0;
    const polLTarget = v[p.invertL] >= 0.5 ? -1 : 1;
    const polRTarget = v[p.invertR] >= 0.5 ? -1 : 1;
    const swapTarget = v[p.swap] >= 0.5 ? 1 : 0;
    if (this.fresh) {
      this.fresh = false;
      this.splitMix = splitTarget;
      this.monoMix = monoTarget;
      this.polL = polLTarget;
      this.polR = polRTarget;
      this.swapMix = swapTarget;
    }
    const fs1 = this.fadeStep, step = fs1 * n;
    const a0 = this.splitMix, a1 = (this.splitMix = approach(a0, splitTarget, step));
    const m0 = this.monoMix, m1 = (this.monoMix = approach(m0, monoTarget, step));
    const pl0 = this.polL, pl1 = (this.polL = approach(pl0, polLTarget, 2 * step));
    const pr0 = this.polR, pr1 = (this.polR = approach(pr0, polRTarget, 2 * step));
    const x0 = this.swapMix, x1 = (this.swapMix = approach(x0, swapTarget, step));
    const ka = fadeFrames(a0, a1, fs1, n), km = fadeFrames(m0, m1, fs1, n);

    // ---- 1. polarity and swap
    inputStage(inL, inR, pos, bl, br, n, pl0, pl1, fadeFrames(pl0, pl1, 2 * fs1, n), pr0, pr1, fadeFrames(pr0, pr1, 2 * fs1, n), x0, x1, fadeFrames(x0, x1, fs1, n));

    // ---- 2. width
    let midSide = false;
    const monoRun = m0 > 0 || m1 > 0;
    if (!monoRun && this.monoLive) {
      this.mono.reset();
      this.monoLive = false;
    }
    if (!monoRun && a0 === 0 && a1 === 0) {
      if (nb > 1) {
        // keep the band tree warm for a later fade-in (results unused)
        toMidSide(bl, br, bm, bs, n);
        splitter.process(bm, bs, side, n, g0, g1);
      }
      widthExact(bl, br, n, gp0, gp1);
    } else {
      if (monoRun) {
        this.monoLive = true;
        if (m0 === 1 && m1 === 1) this.mono.processLR(bl, br, bm, bs, n);
        else {
          toMidSide(bl, br, tm, ts, n);
          bm.set(tm);
          bs.set(ts);
          this.mono.process(bm, bs, n);
          crossfadeInto(bm, tm, n, m0, m1, km);
          crossfadeInto(bs, ts, n, m0, m1, km);
        }
      } else toMidSide(bl, br, bm, bs, n);
      if (nb > 1 && a0 === 1 && a1 === 1) splitter.process(bm, bs, side, n, g0, g1);
      else if (nb > 1) {
        tm.set(bm);
        splitter.process(tm, bs, side, n, g0, g1); // tm: allpassed mid, side: band sum
        if (a0 === 0 && a1 === 0) scaleRamp(bs, side, n, gp0, gp1);
        else {
          // fade mid and side from the plain to the split form
          crossfadeInto(tm, bm, n, a0, a1, ka);
          bm.set(tm);
          scaleRamp(bs, ts, n, gp0, gp1);
          crossfadeInto(side, ts, n, a0, a1, ka);
        }
      } else scaleRamp(bs, side, n, gp0, gp1);
      midSide = true; // bm = M', side = S': the output loop forms L = M' + S', R = M' - S'
    }

    // ---- 3. rotation, balance, output gain, written out with the peak and meter sums
    const r0 = this.at(p.rotation, off), r1 = this.at(p.rotation, off + n);
    const b0 = this.at(p.balance, off) / 100, b1 = this.at(p.balance, off + n) / 100;
    const o0 = this.outputGain(this.at(p.output, off)), o1 = this.outputGain(this.at(p.output, off + n));
    const gl0 = o0 * balanceLeft(b0), gl1 = o1 * balanceLeft(b1);
    const gr0 = o0 * balanceRight(b0), gr1 = o1 * balanceRight(b1);
    let pkL = this.peakL, pkR = this.peakR;
    let sll = 0, srr = 0, slr = 0;
    if (r0 === 0 && r1 === 0 && gl0 === 1 && gl1 === 1 && gr0 === 1 && gr1 === 1) {
      const xa = midSide ? bm : bl, ya = midSide ? side : br;
      for (let i = 0; i < n; i++) {
        const u = xa[i], w = ya[i];
        const a = midSide ? u + w : u, b = midSide ? u - w : w;
        bl[i] = a;
        br[i] = b;
        outL[pos + i] = a;
        outR[pos + i] = b;
        sll += a * a;
        srr += b * b;
        slr += a * b;
        const aa = a < 0 ? -a : a, bb = b < 0 ? -b : b;
        if (aa > pkL) pkL = aa;
        if (bb > pkR) pkR = bb;
      }
    } else {
      // L' = gl (c L - s R), R' = gr (s L + c R); c = 1, s = 0 leave L, R exact before the gain
      this.rotation(r0);
      let c = this.rotCos, sn = this.rotSin, gl = gl0, gr = gr0;
      this.rotation(r1);
      const inv = 1 / n;
      const dc = (this.rotCos - c) * inv, ds = (this.rotSin - sn) * inv;
      const dl = (gl1 - gl0) * inv, dr = (gr1 - gr0) * inv;
      const xa = midSide ? bm : bl, ya = midSide ? side : br;
      for (let i = 0; i < n; i++) {
        c += dc;
        sn += ds;
        gl += dl;
        gr += dr;
        const u = xa[i], w = ya[i];
        const x = midSide ? u + w : u, y = midSide ? u - w : w;
        const a = (c * x - sn * y) * gl, b = (sn * x + c * y) * gr;
        bl[i] = a;
        br[i] = b;
        outL[pos + i] = a;
        outR[pos + i] = b;
        sll += a * a;
        srr += b * b;
        slr += a * b;
        const aa = a < 0 ? -a : a, bb = b < 0 ? -b : b;
        if (aa > pkL) pkL = aa;
        if (bb > pkR) pkR = bb;
      }
    }
    this.peakL = pkL;
    this.peakR = pkR;
    this.meter.accumulate(sll, srr, slr, n);
    this.scope.push(bl, br, 0, n);
  }
}

/**
 * Polarity then swap into Float64 work buffers: l = (1 - x) pl L + x pr R, r = (1 - x) pr R + x pl L,
 * pl/pr moving +1..-1 and x 0..1 linearly (each over its first k frames, see fadeFrames);
 * settled values copy exactly.
 */
function inputStage(
  inL: Float32Array,
  inR: Float32Array,
  pos: number,
  l: Float64Array,
  r: Float64Array,
  n: number,
  pl0: number,
  pl1: number,
  kl: number,
  pr0: number,
  pr1: number,
  kr: number,
  x0: number,
  x1: number,
  kx: number,
): void {
  if (pl0 === pl1 && pr0 === pr1 && x0 === x1 && (x0 === 0 || x0 === 1)) {
    const swapped = x0 === 1;
    copyGain(swapped ? inR : inL, pos, l, n, swapped ? pr0 : pl0);
    copyGain(swapped ? inL : inR, pos, r, n, swapped ? pl0 : pr0);
    return;
  }
  const dpl = kl > 0 ? (pl1 - pl0) / kl : 0, dpr = kr > 0 ? (pr1 - pr0) / kr : 0, dx = kx > 0 ? (x1 - x0) / kx : 0;
  for (let i = 0; i < n; i++) {
    const t = i + 1;
    const a = (t < kl ? pl0 + dpl * t : pl1) * inL[pos + i];
    const b = (t < kr ? pr0 + dpr * t : pr1) * inR[pos + i];
    const x = t < kx ? x0 + dx * t : x1;
    l[i] = a + x * (b - a);
    r[i] = b + x * (a - b);
  }
}

function copyGain(src: Float32Array, pos: number, dst: Float64Array, n: number, g: number): void {
  if (g === 1) for (let i = 0; i < n; i++) dst[i] = src[pos + i];
  else for (let i = 0; i < n; i++) dst[i] = -src[pos + i];
}
