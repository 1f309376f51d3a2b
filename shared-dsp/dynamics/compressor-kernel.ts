/**
 * Varnish feed-forward compressor kernel.
 *
 * Signal flow per sample (Giannoulis, Massberg & Reiss, JAES 60(6) 2012, fig. 7 "log domain,
 * smooth branching" design):
 *   sidechain (input or external) -> optional 2nd-order Butterworth HPF -> level detector
 *   (peak hold or windowed RMS) -> stereo link (blend of per-channel level and the channel
 *   maximum) -> dB -> static gain computer (soft knee, range limit) -> smoothing of the gain
 *   reduction in dB (attack/release by direction, optional auto release) -> gain with make-up
 *   -> applied to the input delayed by the lookahead; dry/wet mix from the same delayed input.
 *
 * Lookahead: the delay line runs at exactly round(lookahead fs) samples and `latency` reports
 * that; the parameter jumps (no ramp), so a change moves the audio by the difference at once and
 * a host has to re-read the latency. The dry path of the mix and the listen signal come out of
 * delays of the same length, so mix 0 % is the input delayed by `latency`, bit for bit.
 *
 * Hot-path economy (all well inside 0.05 dB; errors measured in the unit tests):
 * - below the knee start the level is compared with a linear threshold: no log;
 * - a level that repeats (peak-hold plateaus) reuses its reduction; a small relative change
 *   continues the previous log by the atanh series (each slice starts from an exact Math.log);
 * - a reduction that repeats (settled, or 0) reuses its gain; otherwise dB -> gain by a table
 *   and a short series (fast-db.ts, < 3e-8 dB) instead of Math.exp;
 * - with full stereo link one gain is computed per frame for all channels.
 */
import type { Kernel } from '../core/kernel.js';
import { OUTPUT_CEILING, guardOutput } from '../core/run-kernel.js';
import type { ParamBank } from '../params/param-bank.js';
import { GainCurve, autoMakeupDb } from './gain-computer.js';
import { DB_GAIN_TABLE, NEPER_PER_DB, dbToGain } from './fast-db.js';
import { PeakHold, RmsWindow } from './level-detectors.js';
import { SidechainHpf } from './sidechain-hpf.js';
import { AUTO_CHARGE_FACTOR, AUTO_SLOW_FACTOR, GR_FLUSH_DB, onePoleCoef } from './time-constants.js';
import {
  COMPRESSOR_METER_SIZE,
  COMP_METER_GR,
  COMP_METER_IN_L,
  COMP_METER_IN_R,
  COMP_METER_LEVEL,
  COMP_METER_OUT_L,
  COMP_METER_OUT_R,
  METER_FLOOR_DB,
} from './compressor-meters.js';

/** Indices of the compressor's parameters in the bank. */
export interface CompressorLayout {
  readonly threshold: number;
  readonly ratio: number;
  readonly knee: number;
  readonly attack: number;
  readonly release: number;
  readonly autoRelease: number;
  readonly makeup: number;
  readonly autoMakeup: number;
  /** choice: 0 peak, 1 RMS */
  readonly detector: number;
  readonly lookahead: number;
  readonly link: number;
  readonly scHpfOn: number;
  readonly scHpf: number;
  /** choice: 0 internal, 1 external */
  readonly sidechain: number;
  readonly mix: number;
  readonly range: number;
  readonly listen: number;
}

export const MAX_LOOKAHEAD_MS = 20;
/** hold of the peak detector */
export const PEAK_HOLD_MS = 1;
/** rectangular window of the RMS detector, and the one-pole smoother after it */
export const RMS_WINDOW_MS = 10;
export const RMS_SMOOTH_MS = 5;
/**
 * In RMS mode the gain computer runs every RMS_GAIN_STRIDE samples and the gain is interpolated
 * linearly in between: the RMS level is low-passed by the 10 ms window (nulls every 100 Hz) and
 * the 5 ms one-pole (-3 dB at 32 Hz), so at 48 kHz it holds nothing near the 3 kHz Nyquist of a
 * stride of 8; the unit tests bound the difference from a per-sample run (stride 1).
 */
export const RMS_GAIN_STRIDE = 8;

const LN10 = Math.log(10);
/** dB = DB_AMP * ln(amplitude) */
const DB_AMP = 20 / LN10;
/** dB = DB_POW * ln(power) */
const DB_POW = 10 / LN10;
/** |z| below which the level's log continues incrementally (see smoothChannel) */
const LOG_STEP_Z = 0.02;

export class CompressorKernel implements Kernel {
  readonly meterSize = COMPRESSOR_METER_SIZE;
  /** apply() checks each block's output peak (Math.max carries NaN) and guards only then */
  readonly guardsOutput = true;

  private readonly bank: ParamBank;
  private readonly p: CompressorLayout;
  private fs = 48000;
  private channels = 0;
  private blockFrames = 0;
  private seenSerial = -1;

  // per-channel state
  private peak: PeakHold[] = [];
  private rms: RmsWindow[] = [];
  private hpf = new SidechainHpf(1);
  private delay: Float32Array[] = [];
  private listenDelay: Float32Array[] = [];
  private delayMask = 0;
  private writePos = 0;
  private y1 = new Float64Array(0);
  private y2 = new Float64Array(0);
  // scratch
  private level: Float64Array[] = [];
  private levelMax = new Float64Array(0);
  private gain: Float64Array[] = [];
  private scFiltered: Float64Array[] = [];
  private silence = new Float32Array(0);
  /** per-channel detector sources and their offsets (detect(); no allocation per block) */
  private srcs: Float32Array[] = [];
  private offs = new Int32Array(0);

  // control-rate values (update())
  private readonly curve = new GainCurve();
  private peakMode = true;
  /** detector level at the knee start, in the detector's domain (amplitude or power) */
  private lowLevel = 0;
  private dbScale = DB_AMP;
  private coefAttack = 0;
  private coefRelease = 0;
  private coefCharge = 0;
  private coefSlow = 0;
  /** coefficient^k for k = 0..RMS_GAIN_STRIDE: the smoothers over k samples of constant input */
  private readonly powAttack = new Float64Array(RMS_GAIN_STRIDE + 1);
  private readonly powRelease = new Float64Array(RMS_GAIN_STRIDE + 1);
  private readonly powCharge = new Float64Array(RMS_GAIN_STRIDE + 1);
  private readonly powSlow = new Float64Array(RMS_GAIN_STRIDE + 1);
  /** a/(1 - a) of each smoother (the lag per unit slope of a ramp) */
  private lagAttack = 0;
  private lagRelease = 0;
  private lagCharge = 0;
  private lagSlow = 0;
  /** static reduction at the last sample of the previous slice, per detector (strided path) */
  private grLast = new Float64Array(0);
  /** RMS-mode gain-computer stride (RMS_GAIN_STRIDE; tests set 1 for a per-sample reference) */
  rmsStride = RMS_GAIN_STRIDE;
  private autoRelease = false;
  private link = 1;
  private hpfOn = false;
  private hpfFreq = -1;
  private external = false;
  private listen = false;
  private autoMakeup = 0;
  private delaySamples = 0;

  // ramps carried across calls
  private makeupNow = 0;
  private makeupStep = 0;
  private mixNow = 1;
  private mixStep = 0;

  // meters
  private inPeak = new Float64Array(2);
  private outPeak = new Float64Array(2);
  private grPeak = 0;
  private levelPeak = 0;

  constructor(bank: ParamBank, layout: CompressorLayout) {
    this.bank = bank;
    this.p = layout;
  }

  get latency(): number {
    return this.delayFor(this.bank.value[this.p.lookahead]);
  }

  prepare(sampleRate: number, maxFrames: number, channels: number): void {
    this.fs = sampleRate;
    this.channels = channels;
    this.blockFrames = Math.max(1, maxFrames);
    const maxDelay = Math.ceil((MAX_LOOKAHEAD_MS * sampleRate) / 1000);
    let cap = 2;
    while (cap < maxDelay + 1) cap <<= 1;
    this.delayMask = cap - 1;
    const hold = Math.max(1, Math.round((PEAK_HOLD_MS * sampleRate) / 1000));
    const win = Math.max(1, Math.round((RMS_WINDOW_MS * sampleRate) / 1000));
    this.peak = [];
    this.rms = [];
    this.hpf = new SidechainHpf(channels);
    this.delay = [];
    this.listenDelay = [];
    this.level = [];
    this.gain = [];
    this.scFiltered = [];
    for (let c = 0; c < channels; c++) {
      const ph = new PeakHold(hold);
      ph.setHold(hold);
      this.peak.push(ph);
      const rw = new RmsWindow(win);
      rw.setLength(win);
      rw.setSmoothing(onePoleCoef(RMS_SMOOTH_MS, sampleRate));
      this.rms.push(rw);
      this.delay.push(new Float32Array(cap));
      this.listenDelay.push(new Float32Array(cap));
      this.level.push(new Float64Array(this.blockFrames));
      this.gain.push(new Float64Array(this.blockFrames));
      this.scFiltered.push(new Float64Array(this.blockFrames));
    }
    this.y1 = new Float64Array(channels);
    this.y2 = new Float64Array(channels);
    this.grLast = new Float64Array(channels);
    this.levelMax = new Float64Array(this.blockFrames);
    this.silence = new Float32Array(this.blockFrames);
    this.srcs = new Array<Float32Array>(channels).fill(this.silence);
    this.offs = new Int32Array(channels);
    this.inPeak = new Float64Array(Math.max(2, channels));
    this.outPeak = new Float64Array(Math.max(2, channels));
    this.hpfFreq = -1;
    this.reset();
  }

  reset(): void {
    for (let c = 0; c < this.channels; c++) {
      this.peak[c].reset();
      this.rms[c].reset();
      this.delay[c].fill(0);
      this.listenDelay[c].fill(0);
    }
    this.hpf.reset();
    this.y1.fill(0);
    this.y2.fill(0);
    this.grLast.fill(0);
    this.writePos = 0;
    this.seenSerial = -1;
    this.update();
    const b = this.bank;
    this.makeupNow = b.value[this.p.makeup] + this.autoMakeup;
    this.mixNow = b.value[this.p.mix] * 0.01;
    this.makeupStep = 0;
    this.mixStep = 0;
    this.inPeak.fill(0);
    this.outPeak.fill(0);
    this.grPeak = 0;
    this.levelPeak = 0;
  }

  private delayFor(ms: number): number {
    const d = Math.round((ms * this.fs) / 1000);
    return d < 0 ? 0 : d > this.delayMask ? this.delayMask : d;
  }

  /** Control-rate update of everything derived from the parameters. */
  private update(): void {
    const b = this.bank;
    const p = this.p;
    const v = b.value;
    this.seenSerial = b.anySerial;
    const fs = this.fs;

    const peakMode = v[p.detector] < 0.5;
    if (peakMode !== this.peakMode) {
      // the detector that takes over starts from silence
      for (let c = 0; c < this.channels; c++) {
        this.peak[c].reset();
        this.rms[c].reset();
      }
      this.peakMode = peakMode;
    }
    this.curve.set(v[p.threshold], v[p.ratio], v[p.knee], v[p.range]);
    this.dbScale = peakMode ? DB_AMP : DB_POW;
    this.lowLevel = Math.exp(this.curve.lowDb / this.dbScale);

    const att = v[p.attack];
    const rel = v[p.release];
    this.coefAttack = onePoleCoef(att, fs);
    this.coefRelease = onePoleCoef(rel, fs);
    this.coefCharge = onePoleCoef(AUTO_CHARGE_FACTOR * rel, fs);
    this.coefSlow = onePoleCoef(AUTO_SLOW_FACTOR * rel, fs);
    for (let k = 0; k <= RMS_GAIN_STRIDE; k++) {
      this.powAttack[k] = Math.pow(this.coefAttack, k);
      this.powRelease[k] = Math.pow(this.coefRelease, k);
      this.powCharge[k] = Math.pow(this.coefCharge, k);
      this.powSlow[k] = Math.pow(this.coefSlow, k);
    }
    this.lagAttack = this.coefAttack / (1 - this.coefAttack);
    this.lagRelease = this.coefRelease / (1 - this.coefRelease);
    this.lagCharge = this.coefCharge / (1 - this.coefCharge);
    this.lagSlow = this.coefSlow / (1 - this.coefSlow);
    const autoRelease = v[p.autoRelease] >= 0.5;
    if (autoRelease && !this.autoRelease) this.y2.fill(0);
    this.autoRelease = autoRelease;

    const link = v[p.link] * 0.01;
    if (link >= 1 && this.link < 1) {
      // entering the shared detector: start it from the largest channel reduction
      let m = 0;
      for (let c = 0; c < this.channels; c++) if (this.y1[c] > m) m = this.y1[c];
      this.y1[0] = m;
      m = 0;
      for (let c = 0; c < this.channels; c++) if (this.y2[c] > m) m = this.y2[c];
      this.y2[0] = m;
      // the shared peak detector runs on max |x| over the channels (see detect)
      for (let c = 1; c < this.channels; c++) this.peak[0].mergeMax(this.peak[c]);
    } else if (link < 1 && this.link >= 1) {
      for (let c = 1; c < this.channels; c++) {
        this.y1[c] = this.y1[0];
        this.y2[c] = this.y2[0];
        this.peak[c].copyFrom(this.peak[0]);
      }
    }
    this.link = link < 0 ? 0 : link > 1 ? 1 : link;

    const hpfOn = v[p.scHpfOn] >= 0.5;
    if (hpfOn && !this.hpfOn) this.hpf.reset();
    this.hpfOn = hpfOn;
    const f = v[p.scHpf];
    if (f !== this.hpfFreq) {
      this.hpfFreq = f;
      this.hpf.set(f, fs);
    }
    this.external = v[p.sidechain] >= 0.5;
    const listen = v[p.listen] >= 0.5;
    if (listen && !this.listen) for (let c = 0; c < this.channels; c++) this.listenDelay[c].fill(0);
    this.listen = listen;

    this.autoMakeup = v[p.autoMakeup] >= 0.5 ? autoMakeupDb(this.curve) : 0;
    this.delaySamples = this.delayFor(v[p.lookahead]);
  }

  process(
    inputs: readonly Float32Array[],
    outputs: readonly Float32Array[],
    start: number,
    end: number,
    sidechain?: readonly Float32Array[],
  ): void {
    const n = end - start;
    if (n <= 0) return;
    const b = this.bank;
    const p = this.p;
    if (b.anySerial !== this.seenSerial) this.update();
    // make-up (dB, user + auto) and mix glide linearly to their values at the end of the slice
    // (valueAfter only while ramps move: a double returned from a call that is not inlined is
    // boxed on the heap, and the settled audio path must not allocate)
    const makeupEnd = (b.active ? b.valueAfter(p.makeup, n) : b.value[p.makeup]) + this.autoMakeup;
    this.makeupStep = (makeupEnd - this.makeupNow) / n; // exactly 0 when equal
    const mixEnd = (b.active ? b.valueAfter(p.mix, n) : b.value[p.mix]) * 0.01;
    this.mixStep = (mixEnd - this.mixNow) / n;

    let pos = start;
    while (pos < end) {
      const m = Math.min(end - pos, this.blockFrames);
      this.detect(inputs, pos, m, sidechain);
      if (this.link >= 1) this.gainLinked(m);
      else this.gainPerChannel(m);
      this.apply(inputs, outputs, pos, m);
      pos += m;
    }
    // land exactly on the targets
    this.makeupNow = makeupEnd;
    this.mixNow = mixEnd;
  }

  /** Pass 1: sidechain source -> HPF -> level (amplitude peak or mean square) per channel. */
  private detect(inputs: readonly Float32Array[], pos: number, m: number, sidechain?: readonly Float32Array[]): void {
    const C = this.channels;
    const ext = this.external;
    const scCount = sidechain ? sidechain.length : 0;
    // sources: the input, the external sidechain, or silence (external with nothing connected)
    const srcs = this.srcs;
    const offs = this.offs;
    for (let c = 0; c < C; c++) {
      if (!ext) {
        srcs[c] = inputs[c];
        offs[c] = pos;
      } else if (scCount > 0) {
        srcs[c] = sidechain![c < scCount ? c : scCount - 1];
        offs[c] = pos;
      } else {
        srcs[c] = this.silence;
        offs[c] = 0;
      }
    }
    // high-pass into scFiltered (a stereo pair in one pass); listen needs the source there too
    const filt = this.scFiltered;
    let det: readonly (Float32Array | Float64Array)[] = srcs;
    if (this.hpfOn) {
      if (C === 2) this.hpf.processPair(srcs[0], offs[0], srcs[1], offs[1], filt[0], filt[1], m);
      else for (let c = 0; c < C; c++) this.hpf.processBlock(c, srcs[c], offs[c], filt[c], m);
      det = filt;
      for (let c = 0; c < C; c++) offs[c] = 0;
    } else if (this.listen) {
      for (let c = 0; c < C; c++) {
        const f = filt[c];
        const x = srcs[c];
        const o = offs[c];
        for (let j = 0; j < m; j++) f[j] = x[o + j];
      }
    }
    // full link on a stereo pair: one pass for both detectors. Peak: one detector on
    // max(|L|, |R|), which equals the maximum of the two (max commutes with the sliding maximum);
    // RMS: both windows interleaved, their maximum into levelMax
    if (this.link >= 1 && C === 2) {
      if (this.peakMode) this.peak[0].processBlockMax2(det[0], offs[0], det[1], offs[1], this.level[0], m);
      else RmsWindow.processPairMax(this.rms[0], this.rms[1], det[0], offs[0], det[1], offs[1], this.levelMax, m);
      return;
    }
    if (this.peakMode && this.link >= 1 && C > 2) {
      const comb = this.levelMax;
      for (let j = 0; j < m; j++) comb[j] = 0;
      for (let c = 0; c < C; c++) {
        const x = det[c];
        const o = offs[c];
        for (let j = 0; j < m; j++) {
          const a = Math.abs(x[o + j]);
          if (a > comb[j]) comb[j] = a;
        }
      }
      this.peak[0].processBlock(comb, 0, this.level[0], m);
      return;
    }
    for (let c = 0; c < C; c++) {
      if (this.peakMode) this.peak[c].processBlock(det[c], offs[c], this.level[c], m);
      else this.rms[c].processBlock(det[c], offs[c], this.level[c], m);
    }
  }

  /** Pass 2, full link: one detector on the channel maximum, one gain for every channel. */
  private gainLinked(m: number): void {
    const C = this.channels;
    const lmax = this.levelMax;
    const l0 = this.level[0];
    if (this.peakMode) {
      // detect() ran one shared peak detector into level[0]
      this.smoothChannel(l0, this.gain[0], 0, m);
      for (let c = 1; c < C; c++) {
        this.y1[c] = this.y1[0];
        this.y2[c] = this.y2[0];
      }
      return;
    }
    if (C === 1) for (let j = 0; j < m; j++) lmax[j] = l0[j];
    else if (C === 2) {
      // detect() wrote the pair's maximum into levelMax
    } else {
      const l1 = this.level[1];
      for (let j = 0; j < m; j++) lmax[j] = l0[j] > l1[j] ? l0[j] : l1[j];
      for (let c = 2; c < C; c++) {
        const lc = this.level[c];
        for (let j = 0; j < m; j++) if (lc[j] > lmax[j]) lmax[j] = lc[j];
      }
    }
    if (this.peakMode || this.rmsStride <= 1) this.smoothChannel(lmax, this.gain[0], 0, m);
    else this.smoothChannelStrided(lmax, this.gain[0], 0, m);
    for (let c = 1; c < C; c++) {
      this.y1[c] = this.y1[0];
      this.y2[c] = this.y2[0];
    }
  }

  /** Pass 2, partial link: each channel's level moves towards the channel maximum by `link`. */
  private gainPerChannel(m: number): void {
    const C = this.channels;
    const lmax = this.levelMax;
    const l0 = this.level[0];
    for (let j = 0; j < m; j++) lmax[j] = l0[j];
    for (let c = 1; c < C; c++) {
      const lc = this.level[c];
      for (let j = 0; j < m; j++) if (lc[j] > lmax[j]) lmax[j] = lc[j];
    }
    const k = this.link;
    for (let c = 0; c < C; c++) {
      const lc = this.level[c];
      // blended level, in place: l + k (max - l)
      if (k > 0) for (let j = 0; j < m; j++) lc[j] += k * (lmax[j] - lc[j]);
      if (this.peakMode || this.rmsStride <= 1) this.smoothChannel(lc, this.gain[c], c, m);
      else this.smoothChannelStrided(lc, this.gain[c], c, m);
    }
  }

  /**
   * Level -> static curve -> smoothed reduction -> gain (with make-up) for one detector, whose
   * smoother states are y1[c], y2[c]. (Doubles passed to or returned from a call that V8 does not
   * inline are boxed on the heap: state goes through Float64Arrays instead.)
   */
  private smoothChannel(lev: Float64Array, g: Float64Array, c: number, m: number): void {
    let y1 = this.y1[c];
    let y2 = this.y2[c];
    const curve = this.curve;
    const lowLevel = this.lowLevel;
    const dbScale = this.dbScale;
    const lowDb = curve.lowDb;
    const highDb = curve.highDb;
    const thr = curve.thresholdDb;
    const kq = curve.kneeCoef;
    const slope = curve.slope;
    const range = curve.rangeDb;
    const aA = this.coefAttack;
    const aR = this.coefRelease;
    const aC = this.coefCharge;
    const aS = this.coefSlow;
    const auto = this.autoRelease;
    let mk = this.makeupNow;
    const dmk = this.makeupStep;
    const mkLin = dbToGain(mk);
    let levPeak = this.levelPeak;
    let grPeak = this.grPeak;
    // a level or reduction that repeats (peak-hold plateaus, settled gain) costs no log or exp
    let lvPrev = 0;
    let xPrev = 0;
    let grPrev = 0;
    let yPrev = 0;
    let gPrev = mkLin;
    for (let j = 0; j < m; j++) {
      const lv = lev[j];
      levPeak = Math.max(levPeak, lv);
      // static curve (GainCurve.reduction inlined); no log below the knee
      let gr = 0;
      if (lv > lowLevel) {
        if (lv === lvPrev) gr = grPrev;
        else {
          // level in dB: a small relative change continues from the previous value,
          // ln(a) - ln(b) = 2 atanh((a - b)/(a + b)) = 2(z + z^3/3 + z^5/5 + ...), |z| < 0.02
          // (truncation < 4e-13 neper a step; each slice starts from an exact Math.log)
          const z = (lv - lvPrev) / (lv + lvPrev);
          let x: number;
          if (z < LOG_STEP_Z && z > -LOG_STEP_Z) {
            const z2 = z * z;
            x = xPrev + dbScale * 2 * z * (1 + z2 * (1 / 3 + z2 * (1 / 5)));
          } else x = dbScale * Math.log(lv);
          xPrev = x;
          if (x < highDb) {
            const d = x - lowDb;
            gr = kq * d * d;
          } else gr = slope * (x - thr);
          if (gr > range) gr = range;
          lvPrev = lv;
          grPrev = gr;
        }
      }
      // smooth branching in the log domain (Giannoulis et al. 2012, eq. 17)
      y1 = gr + (gr > y1 ? aA : aR) * (y1 - gr);
      if (y1 < GR_FLUSH_DB) y1 = 0;
      let y = y1;
      if (auto) {
        y2 = gr + (gr > y2 ? aC : aS) * (y2 - gr);
        if (y2 < GR_FLUSH_DB) y2 = 0;
        y = Math.max(y, y2);
      }
      grPeak = Math.max(grPeak, y);
      if (dmk !== 0 || y !== yPrev) {
        mk += dmk;
        // the gain moves by exp(-z), z = (ln 10 / 20)(change of reduction - change of make-up):
        // small steps (smoothing) continue multiplicatively, exp(-z) ~ 1 - z + z^2/2 - z^3/6
        // (|z| < 1e-3: error < 5e-14 a step; each slice starts from an exact value below)
        const z = (y - yPrev - dmk) * NEPER_PER_DB;
        if (z < 1e-3 && z > -1e-3) gPrev *= 1 - z * (1 - z * (0.5 - z * (1 / 6)));
        else {
          // dbToGain(mk - y) written out (fast-db.ts): no call, so nothing is boxed
          let u = mk - y + 256;
          if (u < 1) u = 1;
          else if (u > 511) u = 511;
          const ui = u | 0;
          const f = (u - ui) * NEPER_PER_DB;
          gPrev = DB_GAIN_TABLE[ui] * (1 + f * (1 + f * (0.5 + f * (1 / 6 + f * (1 / 24 + f * (1 / 120))))));
        }
        yPrev = y;
      }
      g[j] = gPrev;
    }
    this.levelPeak = levPeak;
    this.grPeak = grPeak;
    this.y1[c] = y1;
    this.y2[c] = y2;
  }

  /**
   * smoothChannel for the RMS detector: the static curve (exact log), the smoothers and the gain
   * at every rmsStride-th sample and at the last one; between those points the gain is
   * interpolated linearly. Over k samples each smoother takes the reduction as a straight line
   * from its value at the previous point (grLast) to the new one, and lands where the per-sample
   * one-pole y[n] = a y[n-1] + (1 - a) x[n] lands on such a ramp x[n] = x0 + s n:
   *   y[k] = x[k] - s a/(1 - a) + a^k (y[0] - x0 + s a/(1 - a))
   * (the steady lag s a/(1 - a) plus the decaying start error).
   */
  private smoothChannelStrided(lev: Float64Array, g: Float64Array, c: number, m: number): void {
    let y1 = this.y1[c];
    let y2 = this.y2[c];
    const curve = this.curve;
    const lowLevel = this.lowLevel;
    const dbScale = this.dbScale;
    const lowDb = curve.lowDb;
    const highDb = curve.highDb;
    const thr = curve.thresholdDb;
    const kq = curve.kneeCoef;
    const slope = curve.slope;
    const range = curve.rangeDb;
    const pA = this.powAttack;
    const pR = this.powRelease;
    const pC = this.powCharge;
    const pS = this.powSlow;
    const lA = this.lagAttack;
    const lR = this.lagRelease;
    const lC = this.lagCharge;
    const lS = this.lagSlow;
    let gr0 = this.grLast[c];
    const auto = this.autoRelease;
    const stride = this.rmsStride < RMS_GAIN_STRIDE ? this.rmsStride : RMS_GAIN_STRIDE;
    const mk0 = this.makeupNow;
    const dmk = this.makeupStep;
    let levPeak = this.levelPeak;
    let grPeak = this.grPeak;
    // the gain of the previous sample (the last one of the previous slice): the same formula
    const yStart = auto && y2 > y1 ? y2 : y1;
    let u = mk0 - yStart + 256;
    if (u < 1) u = 1;
    else if (u > 511) u = 511;
    let ui = u | 0;
    let f = (u - ui) * NEPER_PER_DB;
    let gA = DB_GAIN_TABLE[ui] * (1 + f * (1 + f * (0.5 + f * (1 / 6 + f * (1 / 24 + f * (1 / 120))))));
    let j0 = -1;
    while (j0 < m - 1) {
      let j1 = j0 + stride;
      if (j1 > m - 1) j1 = m - 1;
      const k = j1 - j0;
      const lv = lev[j1];
      levPeak = lv > levPeak ? lv : levPeak;
      let gr = 0;
      if (lv > lowLevel) {
        const x = dbScale * Math.log(lv);
        if (x < highDb) {
          const d = x - lowDb;
          gr = kq * d * d;
        } else gr = slope * (x - thr);
        if (gr > range) gr = range;
      }
      // attack or release by where the reduction heads, as the per-sample branching does
      const sl = (gr - gr0) / k;
      if (gr > y1) {
        const lag = sl * lA;
        y1 = gr - lag + pA[k] * (y1 - gr0 + lag);
      } else {
        const lag = sl * lR;
        y1 = gr - lag + pR[k] * (y1 - gr0 + lag);
      }
      if (y1 < GR_FLUSH_DB) y1 = 0;
      let y = y1;
      if (auto) {
        if (gr > y2) {
          const lag = sl * lC;
          y2 = gr - lag + pC[k] * (y2 - gr0 + lag);
        } else {
          const lag = sl * lS;
          y2 = gr - lag + pS[k] * (y2 - gr0 + lag);
        }
        if (y2 < GR_FLUSH_DB) y2 = 0;
        y = y2 > y ? y2 : y;
      }
      gr0 = gr;
      grPeak = y > grPeak ? y : grPeak;
      // dbToGain(makeup at sample j1 - y) written out (fast-db.ts)
      u = mk0 + dmk * (j1 + 1) - y + 256;
      if (u < 1) u = 1;
      else if (u > 511) u = 511;
      ui = u | 0;
      f = (u - ui) * NEPER_PER_DB;
      const gB = DB_GAIN_TABLE[ui] * (1 + f * (1 + f * (0.5 + f * (1 / 6 + f * (1 / 24 + f * (1 / 120))))));
      const step = (gB - gA) / k;
      for (let t = 1; t < k; t++) g[j0 + t] = gA + step * t;
      g[j1] = gB;
      gA = gB;
      j0 = j1;
    }
    this.levelPeak = levPeak;
    this.grPeak = grPeak;
    this.y1[c] = y1;
    this.y2[c] = y2;
    this.grLast[c] = gr0;
  }

  /** Pass 3: lookahead delay, gain, dry/wet mix (dry from the same delayed input), meters. */
  private apply(inputs: readonly Float32Array[], outputs: readonly Float32Array[], pos: number, m: number): void {
    const C = this.channels;
    const mask = this.delayMask;
    const D = this.delaySamples;
    const w0 = this.writePos;
    const listen = this.listen;
    const dmix = this.mixStep;
    const linked = this.link >= 1;
    if (linked && C === 2 && !listen) {
      this.applyPair(inputs, outputs, pos, m);
      return;
    }
    for (let c = 0; c < C; c++) {
      const x = inputs[c];
      const out = outputs[c];
      const ring = this.delay[c];
      const g = linked ? this.gain[0] : this.gain[c];
      let ip = this.inPeak[c];
      // this block's output peak. No output can be NaN: the input is sanitised, gains come from
      // the clamped dB table, mix is finite; an overflow to Infinity exceeds the ceiling
      let op = 0;
      let w = w0;
      if (listen) {
        const lring = this.listenDelay[c];
        const filt = this.scFiltered[c];
        for (let j = 0; j < m; j++) {
          const xi = x[pos + j];
          const ai = Math.abs(xi);
          ip = ai > ip ? ai : ip;
          ring[w] = xi;
          lring[w] = filt[j];
          const o = lring[(w - D) & mask];
          w = (w + 1) & mask;
          out[pos + j] = o;
          const ao = Math.abs(o);
          op = ao > op ? ao : op;
        }
      } else if (dmix === 0 && this.mixNow === 1) {
        // 100 % wet, settled: (1 - 1) xd + 1 (xd g) is exactly xd g
        for (let j = 0; j < m; j++) {
          const xi = x[pos + j];
          const ai = Math.abs(xi);
          ip = ai > ip ? ai : ip;
          ring[w] = xi;
          const o = ring[(w - D) & mask] * g[j];
          w = (w + 1) & mask;
          out[pos + j] = o;
          const ao = Math.abs(o);
          op = ao > op ? ao : op;
        }
      } else {
        let mix = this.mixNow;
        for (let j = 0; j < m; j++) {
          const xi = x[pos + j];
          const ai = Math.abs(xi);
          ip = ai > ip ? ai : ip;
          ring[w] = xi;
          const xd = ring[(w - D) & mask];
          w = (w + 1) & mask;
          mix += dmix;
          // (1 - m) dry + m wet: exactly the delayed input at m = 0, exactly wet at m = 1
          const o = (1 - mix) * xd + mix * (xd * g[j]);
          out[pos + j] = o;
          const ao = Math.abs(o);
          op = ao > op ? ao : op;
        }
      }
      this.inPeak[c] = ip;
      if (op > this.outPeak[c]) this.outPeak[c] = op;
      if (!(op <= OUTPUT_CEILING)) guardOutput(out, pos, pos + m);
    }
    this.writePos = (w0 + m) & mask;
    // ramps continue into the next sub-block
    if (this.makeupStep !== 0) this.makeupNow += this.makeupStep * m;
    if (dmix !== 0) this.mixNow += dmix * m;
  }

  /** apply() for a linked stereo pair (the common case): both channels in one pass. */
  private applyPair(inputs: readonly Float32Array[], outputs: readonly Float32Array[], pos: number, m: number): void {
    const mask = this.delayMask;
    const D = this.delaySamples;
    const xl = inputs[0];
    const xr = inputs[1];
    const yl = outputs[0];
    const yr = outputs[1];
    const rl = this.delay[0];
    const rr = this.delay[1];
    const g = this.gain[0];
    const dmix = this.mixStep;
    let mix = this.mixNow;
    const wet = dmix === 0 && mix === 1;
    let ipl = this.inPeak[0];
    let ipr = this.inPeak[1];
    let opl = 0;
    let opr = 0;
    let w = this.writePos;
    for (let j = 0; j < m; j++) {
      const a = xl[pos + j];
      const b = xr[pos + j];
      const aa = Math.abs(a);
      const ab = Math.abs(b);
      ipl = aa > ipl ? aa : ipl;
      ipr = ab > ipr ? ab : ipr;
      rl[w] = a;
      rr[w] = b;
      const r = (w - D) & mask;
      const dl = rl[r];
      const dr = rr[r];
      w = (w + 1) & mask;
      mix += dmix;
      const gj = g[j];
      // (1 - m) dry + m wet, as in apply(): exactly the delayed input at m = 0; settled at
      // 100 % wet, exactly the delayed input times the gain
      const dry = 1 - mix;
      const ol = wet ? dl * gj : dry * dl + mix * (dl * gj);
      const or = wet ? dr * gj : dry * dr + mix * (dr * gj);
      yl[pos + j] = ol;
      yr[pos + j] = or;
      const al = Math.abs(ol);
      const ar = Math.abs(or);
      opl = al > opl ? al : opl;
      opr = ar > opr ? ar : opr;
    }
    this.inPeak[0] = ipl;
    this.inPeak[1] = ipr;
    if (opl > this.outPeak[0]) this.outPeak[0] = opl;
    if (opr > this.outPeak[1]) this.outPeak[1] = opr;
    // outputs cannot be NaN (see apply); an overflow to Infinity exceeds the ceiling
    if (!(opl <= OUTPUT_CEILING)) guardOutput(yl, pos, pos + m);
    if (!(opr <= OUTPUT_CEILING)) guardOutput(yr, pos, pos + m);
    this.writePos = (this.writePos + m) & mask;
    if (this.makeupStep !== 0) this.makeupNow += this.makeupStep * m;
    if (dmix !== 0) this.mixNow += dmix * m;
  }

  writeMeters(out: Float32Array): void {
    const r = this.channels > 1 ? 1 : 0;
    out[COMP_METER_IN_L] = ampDb(this.inPeak[0]);
    out[COMP_METER_IN_R] = ampDb(this.inPeak[r]);
    out[COMP_METER_OUT_L] = ampDb(this.outPeak[0]);
    out[COMP_METER_OUT_R] = ampDb(this.outPeak[r]);
    out[COMP_METER_GR] = this.grPeak;
    const lv = this.levelPeak;
    out[COMP_METER_LEVEL] = lv > 0 ? Math.max(METER_FLOOR_DB, this.dbScale * Math.log(lv)) : METER_FLOOR_DB;
    this.inPeak.fill(0);
    this.outPeak.fill(0);
    this.grPeak = 0;
    this.levelPeak = 0;
  }
}

function ampDb(a: number): number {
  return a > 0 ? Math.max(METER_FLOOR_DB, DB_AMP * Math.log(a)) : METER_FLOOR_DB;
}
