/**
 * EqKernel: up to 8 (any number of) EQ bands in series, then output gain and phase invert.
 *
 * Per block (a slice of at most maxFrames, or a 32-frame chunk while parameters ramp):
 *  - each band's design is recomputed only when its freq/gain/q differ from what it was
 *    designed for; while they ramp, one more design is made for the end of the block and
 *    every coefficient moves linearly across the block (shared-dsp/filters/svf-run.ts), so
 *    the filter never jumps (trapezoidal SVFs stay well behaved under such modulation);
 *  - bands that are off, or gain types at exactly 0 dB, are skipped: with nothing active and
 *    output 0 dB the output is the input, bit for bit;
 *  - on/off, type, slope and stereo changes crossfade (FADE_MS) between the dry and filtered
 *    signal: a type/slope/stereo change fades the band out, switches, and fades it in;
 *  - stereo placement: stereo, left, right, mid, side. M = (L + R)/2, S = (L - R)/2 is
 *    computed only around runs of mid/side bands and decoded (L = M + S, R = M - S) after;
 *    for mono, every placement but side acts on the one channel (side of mono is silence);
 *    beyond two channels, stereo bands act on all and the others on channels 0 and 1;
 *  - output gain is interpolated linearly per sample between its values at the block ends;
 *    phase invert ramps the polarity over FADE_MS (it passes through 0; exact -1 after);
 *  - speed: a band's plan is reused while no parameter changed; settled stereo bands run both
 *    channels, and two single-section bands, in one pass (state-space form of the same SVF,
 *    shared-dsp/filters/svf-run.ts); input, analyser and output loops are fused.
 * Meters (eq-meters.ts): output peaks since the last read and the last EQ_ANALYSER_SIZE
 * samples of the mono sum before and after the EQ.
 */
import type { Kernel } from '../core/kernel.js';
import { guardOutput, needsGuard } from '../core/run-kernel.js';
import type { ParamBank } from '../params/param-bank.js';
import { D_COUNT, D_ONEPOLE, MAX_SECTIONS, isIdentity } from '../filters/filter-design.js';
import { designToRun, runSvf, runSvf2, runSvf2x2, runSvfRamp, runOnePole, runOnePoleRamp, RUN_STRIDE } from '../filters/svf-run.js';
import { designBand } from './eq-band-design.js';
import { BAND_LOW_CUT, BAND_HIGH_CUT, STEREO_BOTH, STEREO_LEFT, STEREO_RIGHT, STEREO_MID, STEREO_SIDE, isGainType } from './eq-band-types.js';
import { EqBand } from './eq-band.js';
import type { EqLayout } from './eq-layout.js';
import { EQ_ANALYSER_SIZE, EQ_METER_PEAK_L, EQ_METER_PEAK_R, EQ_METER_RMS_L, EQ_METER_RMS_R, EQ_METER_PRE, EQ_METER_POST, EQ_METER_SIZE } from './eq-meters.js';

const PLAN_SKIP = 0;
const PLAN_FAST = 1;
const PLAN_GENERAL = 2;

/** Crossfade time for band on/off and discrete changes, and for the polarity switch. */
export const FADE_MS = 10;

export class EqKernel implements Kernel {
  readonly latency = 0;
  readonly meterSize = EQ_METER_SIZE;
  readonly guardsOutput = true;

  private readonly bank: ParamBank;
  private readonly layout: EqLayout;
  private readonly bands: EqBand[];
  private readonly plans: Int8Array;
  private sampleRate = 48000;
  private channels = 2;
  private maxFrames = 128;
  private work: Float64Array[] = [];
  private dry: Float64Array[] = [];
  private fadeStep = 1 / 480;
  private ms = false;
  // output stage
  private gainDb = 0;
  private gainLin = 1;
  private polarity = 1;
  // meters
  private peakL = 0;
  private peakR = 0;
  private sumSqL = 0;
  private sumSqR = 0;
  private sumCount = 0;
  private startSettled = true;
  private readonly pre = new Float32Array(EQ_ANALYSER_SIZE);
  private readonly post = new Float32Array(EQ_ANALYSER_SIZE);
  private ringPos = 0;
  // block-plan cache
  private lastSerial = -1;
  private lastChans = 0;

  constructor(bank: ParamBank, layout: EqLayout) {
    this.bank = bank;
    this.layout = layout;
    this.bands = layout.bands.map(() => new EqBand());
    this.plans = new Int8Array(this.bands.length);
    this.prepare(48000, 128, 2);
  }

  prepare(sampleRate: number, maxFrames: number, channels: number): void {
    this.sampleRate = sampleRate;
    this.maxFrames = Math.max(1, maxFrames | 0);
    this.channels = Math.max(1, channels | 0);
    this.work = [];
    this.dry = [];
    for (let c = 0; c < this.channels; c++) {
      this.work.push(new Float64Array(this.maxFrames));
      this.dry.push(new Float64Array(this.maxFrames));
    }
    this.fadeStep = 1 / Math.max(1, (FADE_MS / 1000) * sampleRate);
    for (const b of this.bands) {
      b.prepare(this.channels);
      b.curF = NaN; // sample rate changed: redesign
    }
    this.reset();
  }

  reset(): void {
    for (const b of this.bands) {
      b.reset();
      b.fade = 0;
      b.type = -1; // re-read discrete settings; a band that is on starts with a fade in
    }
    this.ms = false;
    this.lastSerial = -1;
    this.polarity = this.bank.value[this.layout.phase] >= 0.5 ? -1 : 1;
    this.gainDb = NaN;
    this.peakL = this.peakR = 0;
    this.sumSqL = this.sumSqR = this.sumCount = 0;
    this.pre.fill(0);
    this.post.fill(0);
    this.ringPos = 0;
    this.startSettled = true;
  }

  process(inputs: readonly Float32Array[], outputs: readonly Float32Array[], start: number, end: number): void {
    let chans = this.channels;
    if (inputs.length < chans) chans = inputs.length;
    if (outputs.length < chans) chans = outputs.length;
    if (chans <= 0) return;
    let off = 0;
    const total = end - start;
    while (off < total) {
      const n = total - off < this.maxFrames ? total - off : this.maxFrames;
      this.block(inputs, outputs, start + off, off, n, chans);
      this.startSettled = false;
      off += n;
    }
  }

  writeMeters(out: Float32Array): void {
    out[EQ_METER_PEAK_L] = this.peakL;
    out[EQ_METER_PEAK_R] = this.peakR;
    const count = this.sumCount > 0 ? this.sumCount : 1;
    out[EQ_METER_RMS_L] = Math.sqrt(this.sumSqL / count);
    out[EQ_METER_RMS_R] = Math.sqrt(this.sumSqR / count);
    this.peakL = this.peakR = 0;
    this.sumSqL = this.sumSqR = this.sumCount = 0;
    const p = this.ringPos;
    const N = EQ_ANALYSER_SIZE;
    for (let j = 0; j < N; j++) {
      const r = (p + j) & (N - 1);
      out[EQ_METER_PRE + j] = this.pre[r];
      out[EQ_METER_POST + j] = this.post[r];
    }
  }

  private block(inputs: readonly Float32Array[], outputs: readonly Float32Array[], s: number, off: number, n: number, chans: number): void {
    this.load(inputs, s, n, chans);

    // band plans: only re-evaluated when a parameter changed or a band is still moving/fading
    this.ms = false;
    const nb = this.bands.length;
    const plans = this.plans;
    const bank = this.bank;
    const quiet = !bank.active && bank.anySerial === this.lastSerial && chans === this.lastChans;
    for (let k = 0; k < nb; k++) {
      const b = this.bands[k];
      if (!(quiet && b.settled)) plans[k] = this.prepareBand(b, k, off, n, chans);
    }
    this.lastSerial = bank.anySerial;
    this.lastChans = chans;

    let k = 0;
    while (k < nb) {
      const p = plans[k];
      if (p === PLAN_FAST) {
        if (this.ms) this.decode(n);
        k += this.runFast(k, n, k + 1 < nb && plans[k + 1] === PLAN_FAST);
      } else {
        if (p === PLAN_GENERAL) this.runGeneral(this.bands[k], n, chans);
        k++;
      }
    }
    if (this.ms) this.decode(n);

    this.output(outputs, s, off, n, chans);
    this.ringPos = (this.ringPos + n) & (EQ_ANALYSER_SIZE - 1);
  }

  /** Inputs into the Float64 work buffers, and their mono sum into the pre-EQ analyser ring. */
  private load(inputs: readonly Float32Array[], s: number, n: number, chans: number): void {
    const N1 = EQ_ANALYSER_SIZE - 1;
    const ring = this.pre;
    let p = this.ringPos;
    const wl = this.work[0];
    const xl = inputs[0];
    if (chans >= 2) {
      const wr = this.work[1];
      const xr = inputs[1];
      for (let i = 0; i < n; i++) {
        const l = xl[s + i];
        const r = xr[s + i];
        wl[i] = l;
        wr[i] = r;
        ring[p] = 0.5 * (l + r);
        p = (p + 1) & N1;
      }
      for (let c = 2; c < chans; c++) {
        const w = this.work[c];
        const x = inputs[c];
        for (let i = 0; i < n; i++) w[i] = x[s + i];
      }
    } else {
      for (let i = 0; i < n; i++) {
        const l = xl[s + i];
        wl[i] = l;
        ring[p] = l;
        p = (p + 1) & N1;
      }
    }
  }

  /**
   * Bring a band up to date for this block (discrete settings, fade, designs) and say how it
   * is to be processed: PLAN_SKIP, PLAN_FAST (static, stereo placement on two channels, no
   * fade: both channels in one pass) or PLAN_GENERAL.
   */
  private prepareBand(b: EqBand, k: number, off: number, n: number, chans: number): number {
    const bank = this.bank;
    const L = this.layout.bands[k];
    const on = (off === 0 ? bank.value[L.on] : bank.valueAfter(L.on, off)) >= 0.5;
    const type = Math.round(off === 0 ? bank.value[L.type] : bank.valueAfter(L.type, off));
    const slope = type === BAND_LOW_CUT || type === BAND_HIGH_CUT ? Math.round(off === 0 ? bank.value[L.slope] : bank.valueAfter(L.slope, off)) : -1;
    const stereo = Math.round(off === 0 ? bank.value[L.stereo] : bank.valueAfter(L.stereo, off));
    let target = on ? 1 : 0;
    if (type !== b.type || slope !== b.slope || stereo !== b.stereo) {
      if (b.fade === 0) {
        b.type = type;
        b.slope = slope;
        b.stereo = stereo;
        b.curF = NaN;
        b.live = false;
      } else target = 0;
    }
    if (target === 0 && b.fade === 0) {
      b.live = false;
      b.settled = true;
      return PLAN_SKIP;
    }

    // designs (for the settings in force, which lag a pending change until its fade-out):
    // cur at the block start, nxt at its end while parameters move
    const bt = b.type;
    const bs = b.slope;
    const gainType = isGainType(bt);
    const fs = this.sampleRate;
    const f0 = off === 0 ? bank.value[L.freq] : bank.valueAfter(L.freq, off);
    const q0 = off === 0 ? bank.value[L.q] : bank.valueAfter(L.q, off);
    const g0 = gainType ? (off === 0 ? bank.value[L.gain] : bank.valueAfter(L.gain, off)) : 0;
    if (f0 !== b.curF || g0 !== b.curG || q0 !== b.curQ) {
      designBand(bt, f0, g0, q0, bs, fs, b.curD);
      designToRun(b.curD, b.cur);
      b.curF = f0;
      b.curG = g0;
      b.curQ = q0;
    }
    let moving = false;
    if (bank.active) {
      const f1 = bank.moving(L.freq) ? bank.valueAfter(L.freq, off + n) : f0;
      const q1 = bank.moving(L.q) ? bank.valueAfter(L.q, off + n) : q0;
      const g1 = gainType ? (bank.moving(L.gain) ? bank.valueAfter(L.gain, off + n) : g0) : 0;
      moving = f1 !== f0 || g1 !== g0 || q1 !== q0;
      if (moving) {
        if (isIdentity(b.curD)) {
          designBand(bt, f0, g0, q0, bs, fs, b.curD, false);
          designToRun(b.curD, b.cur);
        }
        designBand(bt, f1, g1, q1, bs, fs, b.nxtD, false);
        designToRun(b.nxtD, b.nxt);
        b.endF = f1;
        b.endG = g1;
        b.endQ = q1;
      }
    }
    b.moving = moving;

    // crossfade over this block
    // after prepare/reset, bands that are on start in full (a fresh instance restored from its
    // state must sound right from its first sample: offline bounces, impulse responses)
    if (this.startSettled) b.fade = target;
    const c0 = b.fade;
    let c1 = c0;
    if (target > c0) {
      c1 = c0 + this.fadeStep * n;
      if (c1 > 1) c1 = 1;
    } else if (target < c0) {
      c1 = c0 - this.fadeStep * n;
      if (c1 < 0) c1 = 0;
    }
    b.fade = c1;
    b.fade0 = c0;
    b.settled = !moving && c0 === c1;

    if (!moving && isIdentity(b.curD)) {
      b.live = false;
      return PLAN_SKIP;
    }
    if (!b.live) b.reset();
    b.live = true;
    if (!moving && c0 === 1 && c1 === 1 && chans === 2 && b.channels === 2 && b.stereo === STEREO_BOTH) return PLAN_FAST;
    return PLAN_GENERAL;
  }

  /** PLAN_FAST bands k (and k + 1 when it is fast too and both are single sections). Returns bands done. */
  private runFast(k: number, n: number, more: boolean): number {
    const b = this.bands[k];
    const d = b.curD;
    const count = d[D_COUNT];
    const st = b.state;
    const wl = this.work[0];
    const wr = this.work[1];
    if (more && count === 1 && d[D_ONEPOLE] === 0) {
      const e = this.bands[k + 1];
      const ed = e.curD;
      if (ed[D_COUNT] === 1 && ed[D_ONEPOLE] === 0) {
        runSvf2x2(b.cur, 0, st, 0, 2, e.cur, 0, e.state, 0, 2, wl, wr, n);
        return 2;
      }
    }
    for (let i = 0; i < count; i++) runSvf2(b.cur, i * RUN_STRIDE, st, 4 * i, 4 * i + 2, wl, wr, n);
    if (d[D_ONEPOLE] !== 0) {
      runOnePole(b.cur, st, 4 * MAX_SECTIONS, wl, n);
      runOnePole(b.cur, st, 4 * MAX_SECTIONS + 1, wr, n);
    }
    return 1;
  }

  /** Any band, any placement, fading or moving. */
  private runGeneral(b: EqBand, n: number, chans: number): void {
    const moving = b.moving;
    const c0 = b.fade0;
    const c1 = b.fade;
    // channels (buffer = state slot) this band acts on
    const mode = b.stereo;
    let first = 0;
    let last = chans - 1;
    if (mode === STEREO_MID || mode === STEREO_SIDE) {
      if (chans >= 2) {
        if (!this.ms) this.encode(n);
        first = last = mode === STEREO_MID ? 0 : 1;
      } else if (mode === STEREO_SIDE) last = -1;
      else last = 0;
    } else {
      if (this.ms) this.decode(n);
      if (mode === STEREO_LEFT) last = 0;
      else if (mode === STEREO_RIGHT) first = last = chans >= 2 ? 1 : 0;
      else if (mode !== STEREO_BOTH) last = -1;
    }
    const fading = c0 !== 1 || c1 !== 1;
    for (let c = first; c <= last; c++) {
      const w = this.work[c];
      if (fading) {
        const d = this.dry[c];
        for (let i = 0; i < n; i++) d[i] = w[i];
      }
      this.run(b, w, c, n, moving);
      if (fading) this.crossfade(this.dry[c], w, n, c0, c1);
    }
    if (moving) {
      b.swap();
      b.curF = b.endF;
      b.curG = b.endG;
      b.curQ = b.endQ;
      if (isGainType(b.type) && b.endG === 0) b.curF = NaN; // redesign as a bypass next block
    }
  }

  /** Run a band's sections over one buffer (state slot c). */
  private run(b: EqBand, w: Float64Array, c: number, n: number, moving: boolean): void {
    const d = b.curD;
    const count = d[D_COUNT];
    const st = b.state;
    const chans = b.channels;
    if (moving) {
      for (let i = 0; i < count; i++) runSvfRamp(b.cur, b.nxt, i * RUN_STRIDE, st, 2 * (i * chans + c), w, n);
      if (d[D_ONEPOLE] !== 0) runOnePoleRamp(b.cur, b.nxt, st, 2 * MAX_SECTIONS * chans + c, w, n);
    } else {
      for (let i = 0; i < count; i++) runSvf(b.cur, i * RUN_STRIDE, st, 2 * (i * chans + c), w, n);
      if (d[D_ONEPOLE] !== 0) runOnePole(b.cur, st, 2 * MAX_SECTIONS * chans + c, w, n);
    }
  }

  /** w = dry + c (w - dry), c moving linearly from c0 to c1 across the block. */
  private crossfade(dry: Float64Array, w: Float64Array, n: number, c0: number, c1: number): void {
    const dc = (c1 - c0) / n;
    for (let i = 0; i < n; i++) {
      const c = c0 + dc * (i + 1);
      const x = dry[i];
      w[i] = x + c * (w[i] - x);
    }
  }

  private encode(n: number): void {
    const l = this.work[0];
    const r = this.work[1];
    for (let i = 0; i < n; i++) {
      const a = l[i];
      const b = r[i];
      l[i] = 0.5 * (a + b);
      r[i] = 0.5 * (a - b);
    }
    this.ms = true;
  }

  private decode(n: number): void {
    const m = this.work[0];
    const s = this.work[1];
    for (let i = 0; i < n; i++) {
      const a = m[i];
      const b = s[i];
      m[i] = a + b;
      s[i] = a - b;
    }
    this.ms = false;
  }

  /**
   * Output gain (linear per sample between the block ends) and polarity, into the outputs;
   * output peaks and the post-EQ analyser ring on the way. x * 1 and x * -1 are exact, so
   * the unity path stays bit-exact.
   */
  private output(outputs: readonly Float32Array[], s: number, off: number, n: number, chans: number): void {
    const Lo = this.layout;
    const bank = this.bank;
    const db0 = off === 0 ? bank.value[Lo.output] : bank.valueAfter(Lo.output, off);
    if (db0 !== this.gainDb) {
      this.gainDb = db0;
      this.gainLin = Math.pow(10, db0 / 20);
    }
    const ga = this.gainLin;
    let gb = ga;
    let db1 = db0;
    if (bank.moving(Lo.output)) {
      db1 = bank.valueAfter(Lo.output, off + n);
      if (db1 !== db0) gb = Math.pow(10, db1 / 20);
    }
    const pTarget = (off === 0 ? bank.value[Lo.phase] : bank.valueAfter(Lo.phase, off)) >= 0.5 ? -1 : 1;
    const p0 = this.polarity;
    let p1 = p0;
    if (pTarget !== p0) {
      const step = 2 * this.fadeStep * n;
      p1 = pTarget > p0 ? (p0 + step > 1 ? 1 : p0 + step) : p0 - step < -1 ? -1 : p0 - step;
      this.polarity = p1;
    }
    const k0 = ga * p0;
    const dg = (gb - ga) / n;
    const dp = (p1 - p0) / n;
    const ramp = dg !== 0 || dp !== 0;
    const N1 = EQ_ANALYSER_SIZE - 1;
    const ring = this.post;
    let p = this.ringPos;
    const wl = this.work[0];
    const yl = outputs[0];
    // block peaks and sums: the meters, and the output guard (see Kernel.guardsOutput)
    let pkL = 0;
    let pkR = 0;
    let sqL = 0;
    let sqR = 0;
    this.sumCount += n;
    if (chans >= 2) {
      const wr = this.work[1];
      const yr = outputs[1];
      // per-sample gain only while it moves; Math.abs, not a sign test (which mispredicts on noise)
      if (ramp) {
        for (let i = 0; i < n; i++) {
          const k = (ga + dg * i) * (p0 + dp * i);
          wl[i] *= k;
          wr[i] *= k;
        }
      }
      const k = ramp ? 1 : k0;
      for (let i = 0; i < n; i++) {
        const l = wl[i] * k;
        const r = wr[i] * k;
        yl[s + i] = l;
        yr[s + i] = r;
        ring[p] = 0.5 * (l + r);
        p = (p + 1) & N1;
        const al = Math.abs(l);
        const ar = Math.abs(r);
        pkL = al > pkL ? al : pkL;
        pkR = ar > pkR ? ar : pkR;
        sqL += l * l;
        sqR += r * r;
      }
      if (needsGuard(pkL, sqL)) guardOutput(yl, s, s + n);
      if (needsGuard(pkR, sqR)) guardOutput(yr, s, s + n);
      for (let c = 2; c < chans; c++) {
        const w = this.work[c];
        const y = outputs[c];
        for (let i = 0; i < n; i++) y[s + i] = w[i] * (ramp ? (ga + dg * i) * (p0 + dp * i) : k0);
        guardOutput(y, s, s + n);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const l = wl[i] * (ramp ? (ga + dg * i) * (p0 + dp * i) : k0);
        yl[s + i] = l;
        ring[p] = l;
        p = (p + 1) & N1;
        const al = Math.abs(l);
        pkL = al > pkL ? al : pkL;
        sqL += l * l;
      }
      if (needsGuard(pkL, sqL)) guardOutput(yl, s, s + n);
      pkR = pkL;
      sqR = sqL;
    }
    // meters see the level before the guard (a reading over +24 dBFS is the truth)
    if (pkL > this.peakL) this.peakL = pkL;
    if (pkR > this.peakR) this.peakR = pkR;
    this.sumSqL += sqL < Infinity ? sqL : 0;
    this.sumSqR += sqR < Infinity ? sqR : 0;
    if (gb !== ga) {
      this.gainLin = gb;
      this.gainDb = db1;
    }
  }
}
