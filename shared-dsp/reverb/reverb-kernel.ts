/**
 * Varnish Reverb kernel: predelay -> (early reflections) -> plate or FDN tail -> wet low/high
 * cut -> M/S width -> dry/wet mix.
 *
 * Signal flow per slice (all stages work on Float64 scratch of the slice, then mix):
 *   dry L/R -> predelay (whole samples at rest) -> input gain (0 while frozen)
 *     -> early reflections (room, chamber)  --------------------------\
 *     -> plate (Dattorro) or 8-line FDN (hall, room, chamber) -> tail -+-> early/late balance
 *   -> low cut, high cut -> width (M/S) -> structural dip -> mix or send -> out
 *
 * Parameters are read from the bank at slice starts (coefficients) and ramped per sample
 * within the slice (mix, width, early/late, input gain).
 * Structural parameters (algorithm, size) do not ramp: a change dips the wet signal to 0 over
 * 4 ms, applies the new lengths (size: the tail's memory is kept and read at the new lengths;
 * algorithm: the new engine starts empty), and brings the wet back over 4 ms.
 * mix = 0 (and not send) copies the input to the output untouched; the tail keeps running so
 * that raising the mix reveals it.
 * Freeze: lossless decay filters (gain 1), input muted, modulation depth x rate capped (see
 * FREEZE_MOD_MS_HZ). Decay ramps redesign the filters every 128 frames.
 * Idle: once the input is silent and the wet signal has stayed below -400 dBFS for 1.2 s, every
 * state is cleared (the tail ends at exactly 0) and the engines stop until the input returns.
 */
import type { Kernel } from '../core/kernel.js';
import type { ParamBank } from '../params/param-bank.js';
import { DecayDesign } from './decay-design.js';
import { CHAMBER_EARLY, EarlyReflections, ROOM_EARLY } from './early-reflections.js';
import { Fdn } from './fdn.js';
import { CHAMBER_TUNING, HALL_TUNING, ROOM_TUNING } from './fdn-tunings.js';
import { Plate } from './plate.js';
import { Predelay } from './predelay.js';
import { WetFilters } from './wet-filters.js';

/** parameter indices in the bank */
export interface ReverbLayout {
  readonly algorithm: number;
  readonly predelay: number;
  readonly decay: number;
  readonly size: number;
  readonly damping: number;
  readonly bassDecay: number;
  readonly lowCut: number;
  readonly highCut: number;
  readonly diffusion: number;
  readonly modDepth: number;
  readonly modRate: number;
  readonly width: number;
  readonly earlyLate: number;
  readonly mix: number;
  readonly send: number;
  readonly freeze: number;
}

export const ALGO_PLATE = 0;
export const ALGO_HALL = 1;
export const ALGO_ROOM = 2;
export const ALGO_CHAMBER = 3;

/** size 0..100 % -> delay scale 0.5x .. 2x (1x at 50 %) */
export function sizeScale(sizePercent: number): number {
  return Math.pow(2, (sizePercent - 50) / 50);
}
export const MAX_SIZE_SCALE = 2;
/** modDepth 100 % = +-1 ms of delay excursion */
export const MAX_MOD_MS = 1;
export const MAX_PREDELAY_MS = 500;
/**
 * While frozen, depth x rate is held below 0.5 ms*Hz: a fast, deep modulation moves the
 * allpass-interpolated reads quickly, which is not exactly lossless (measured: +-1 ms at 5 Hz
 * loses 1.2 dB in 30 s of freeze; at 0.5 ms*Hz the loss stays below 0.2 dB). Depth changes
 * are slewed at 2 ms/s so that the cap (and modDepth moves) do not bend the pitch.
 */
const FREEZE_MOD_MS_HZ = 0.5;
const DEPTH_SLEW_MS_PER_S = 2;
/** idle when the wet signal stays below -400 dBFS for 1.2 s (predelay 0.5 s + plate loop 0.5 s) */
const IDLE_LEVEL = 1e-20;
const IDLE_SECONDS = 1.2;
/** decay, damping and bassDecay ramps redesign the decay filters at most this often */
const DECAY_UPDATE_FRAMES = 128;
/** duration of each half of the structural dip */
const DIP_MS = 4;
/** level of the early reflections (unit-energy taps) against the tail (about 0 dB of energy at RT60 2 s) */
const EARLY_LEVEL = 0.5;

export const REVERB_METER_SIZE = 4;

export class ReverbKernel implements Kernel {
  readonly latency = 0;
  readonly meterSize = REVERB_METER_SIZE;

  private readonly bank: ParamBank;
  private readonly p: ReverbLayout;
  private fs = 48000;
  private scratchLen = 0;
  private pl = new Float64Array(0);
  private pr = new Float64Array(0);
  private tl = new Float64Array(0);
  private tr = new Float64Array(0);
  private el = new Float64Array(0);
  private er = new Float64Array(0);

  private readonly predelay = new Predelay();
  private readonly early = new EarlyReflections();
  private readonly plate = new Plate();
  private readonly fdn = new Fdn();
  private readonly wetFilters = new WetFilters();
  private readonly design = new DecayDesign();

  private algorithm = -1;
  private lastSerial: Uint32Array;
  private lastAny = -1;
  private inGain = 1;
  private decayPending = false;
  private sinceDecayUpdate = 0;
  /** frames of silent input with a wet signal below IDLE_LEVEL */
  private quietFrames = 0;
  /** every state is clear and the engines are not running */
  private idle = false;
  /** modulation depth in use (ms), slewed toward modTargetMs() */
  private modDepthMs = 0;
  /** the modulation still has to follow its parameters */
  private modPending = false;
  private dip = 1;
  private dipDir = 0;
  private pending = false;
  private prepared = false;
  // meters
  private inPeakL = 0;
  private inPeakR = 0;
  private outPeakL = 0;
  private outPeakR = 0;

  constructor(bank: ParamBank, layout: ReverbLayout) {
    this.bank = bank;
    this.p = layout;
    this.lastSerial = new Uint32Array(bank.size);
  }

  prepare(sampleRate: number, maxFrames: number, _channels: number): void {
    this.fs = sampleRate;
    this.scratchLen = Math.max(128, maxFrames);
    const n = this.scratchLen;
    this.pl = new Float64Array(n);
    this.pr = new Float64Array(n);
    this.tl = new Float64Array(n);
    this.tr = new Float64Array(n);
    this.el = new Float64Array(n);
    this.er = new Float64Array(n);
    this.predelay.prepare(Math.ceil((MAX_PREDELAY_MS * sampleRate) / 1000) + 2);
    const earlyMax = Math.max(...CHAMBER_EARLY.leftMs, ...CHAMBER_EARLY.rightMs, ...ROOM_EARLY.leftMs, ...ROOM_EARLY.rightMs);
    this.early.prepare(Math.ceil((earlyMax * MAX_SIZE_SCALE * sampleRate) / 1000) + 2);
    this.plate.prepare(sampleRate, MAX_SIZE_SCALE, MAX_MOD_MS);
    this.fdn.prepare(sampleRate, MAX_SIZE_SCALE, MAX_MOD_MS);
    this.wetFilters.prepare(sampleRate);
    this.design.prepare(sampleRate);
    this.prepared = true;
    this.reset();
  }

  reset(): void {
    this.predelay.reset();
    this.early.reset();
    this.plate.reset();
    this.fdn.reset();
    this.wetFilters.reset();
    this.dip = 1;
    this.dipDir = 0;
    this.pending = false;
    this.quietFrames = 0;
    this.idle = false;
    this.inGain = this.bank.value[this.p.freeze] >= 0.5 ? 0 : 1;
    this.applyStructure();
    this.updateAll();
    this.inPeakL = this.inPeakR = this.outPeakL = this.outPeakR = 0;
  }

  writeMeters(out: Float32Array): void {
    out[0] = this.inPeakL;
    out[1] = this.inPeakR;
    out[2] = this.outPeakL;
    out[3] = this.outPeakR;
    this.inPeakL = this.inPeakR = this.outPeakL = this.outPeakR = 0;
  }

  // ---------------------------------------------------------------- parameters

  /** algorithm and size, applied at once (start or at the bottom of a dip) */
  private applyStructure(): void {
    const v = this.bank.value;
    const algo = Math.round(v[this.p.algorithm]);
    const scale = sizeScale(v[this.p.size]);
    const changedAlgo = algo !== this.algorithm;
    this.algorithm = algo;
    if (algo === ALGO_PLATE) {
      if (changedAlgo) this.plate.reset();
      this.plate.setSize(scale);
    } else {
      if (changedAlgo) this.fdn.reset();
      this.fdn.setTuning(algo === ALGO_HALL ? HALL_TUNING : algo === ALGO_ROOM ? ROOM_TUNING : CHAMBER_TUNING, scale);
    }
    if (changedAlgo) {
      // the wet signal is at 0 here (bottom of the dip): nothing of the old tail may remain
      this.early.reset();
      this.wetFilters.reset();
    }
    if (algo === ALGO_ROOM) this.early.setPattern(ROOM_EARLY, scale, this.fs);
    else if (algo === ALGO_CHAMBER) this.early.setPattern(CHAMBER_EARLY, scale, this.fs);
    this.lastSerial[this.p.algorithm] = this.bank.serial[this.p.algorithm];
    this.lastSerial[this.p.size] = this.bank.serial[this.p.size];
    this.updateDecay();
    this.updateModulation();
    this.updateDiffusion();
  }

  private updateDecay(): void {
    this.decayPending = false;
    this.sinceDecayUpdate = 0;
    const v = this.bank.value;
    const p = this.p;
    this.design.set(v[p.decay], v[p.damping], v[p.bassDecay], v[p.freeze] >= 0.5);
    if (this.algorithm === ALGO_PLATE) this.plate.setDecay(this.design);
    else this.fdn.setDecay(this.design);
  }

  /** the modulation depth the parameters ask for (ms), capped while frozen */
  private modTargetMs(): number {
    const v = this.bank.value;
    const depth = (v[this.p.modDepth] / 100) * MAX_MOD_MS;
    if (v[this.p.freeze] < 0.5) return depth;
    return Math.min(depth, FREEZE_MOD_MS_HZ / v[this.p.modRate]);
  }

  /** move the engine's modulation toward the parameters (depth slewed, see FREEZE_MOD_MS_HZ) */
  private updateModulation(frames = 0): void {
    const target = this.modTargetMs();
    const maxStep = (DEPTH_SLEW_MS_PER_S * frames) / this.fs;
    const d = this.modDepthMs;
    this.modDepthMs = frames === 0 ? target : d + Math.max(-maxStep, Math.min(maxStep, target - d));
    const depth = this.modDepthMs * 0.001 * this.fs;
    const rate = this.bank.value[this.p.modRate];
    if (this.algorithm === ALGO_PLATE) this.plate.setModulation(depth, rate);
    else this.fdn.setModulation(depth, rate);
  }

  private updateDiffusion(): void {
    const d = this.bank.value[this.p.diffusion] / 100;
    if (this.algorithm === ALGO_PLATE) this.plate.setDiffusion(d);
    else this.fdn.setDiffusion(d);
  }

  private updateAll(): void {
    const v = this.bank.value;
    this.wetFilters.set(v[this.p.lowCut], v[this.p.highCut]);
    this.updateDecay();
    this.updateModulation();
    this.updateDiffusion();
    this.lastSerial.set(this.bank.serial);
    this.lastAny = this.bank.anySerial;
  }

  /** look at what moved since the last slice */
  private readParams(): void {
    const bank = this.bank;
    if (bank.anySerial === this.lastAny) return;
    this.lastAny = bank.anySerial;
    const s = bank.serial;
    const last = this.lastSerial;
    const p = this.p;
    // structural: algorithm and size go through the dip (their serials are consumed there)
    if (s[p.algorithm] !== last[p.algorithm] || s[p.size] !== last[p.size]) {
      this.pending = true;
      this.dipDir = -1;
    }
    const decay = this.moved(p.decay);
    const damping = this.moved(p.damping);
    const bass = this.moved(p.bassDecay);
    const freeze = this.moved(p.freeze);
    if (decay || damping || bass || freeze) this.decayPending = true;
    const md = this.moved(p.modDepth);
    const mr = this.moved(p.modRate);
    if (md || mr || freeze) this.modPending = true;
    if (this.moved(p.diffusion)) this.updateDiffusion();
    const lc = this.moved(p.lowCut);
    const hc = this.moved(p.highCut);
    if (lc || hc) this.wetFilters.set(bank.value[p.lowCut], bank.value[p.highCut]);
  }

  /** true once per change of parameter i */
  private moved(i: number): boolean {
    const s = this.bank.serial[i];
    if (s === this.lastSerial[i]) return false;
    this.lastSerial[i] = s;
    return true;
  }

  // ---------------------------------------------------------------- audio

  process(inputs: readonly Float32Array[], outputs: readonly Float32Array[], start: number, end: number): void {
    if (!this.prepared) {
      // not prepared (outside the contract): pass the input through
      for (let c = 0; c < outputs.length; c++) {
        const src = inputs[Math.min(c, inputs.length - 1)];
        for (let i = start; i < end; i++) outputs[c][i] = src[i];
      }
      return;
    }
    let pos = start;
    while (pos < end) {
      const n = Math.min(end - pos, this.scratchLen);
      this.processSlice(inputs, outputs, pos, n);
      pos += n;
    }
  }

  private processSlice(inputs: readonly Float32Array[], outputs: readonly Float32Array[], off: number, n: number): void {
    this.readParams();
    // decay filters follow their parameters at most every DECAY_UPDATE_FRAMES (a redesign of
    // every path costs tens of microseconds); freeze switches at once
    this.sinceDecayUpdate += n;
    if (this.decayPending && (this.sinceDecayUpdate >= DECAY_UPDATE_FRAMES || this.design.frozen !== (this.bank.value[this.p.freeze] >= 0.5))) {
      this.updateDecay();
    }
    if (this.modPending) {
      this.updateModulation(n);
      this.modPending = this.modDepthMs !== this.modTargetMs();
    }
    const bank = this.bank;
    const p = this.p;
    const v = bank.value;
    const inL = inputs[0];
    const inR = inputs.length > 1 ? inputs[1] : inputs[0];
    const pl = this.pl, pr = this.pr, tl = this.tl, tr = this.tr, el = this.el, er = this.er;

    // input meters
    let pkL = 0, pkR = 0;
    for (let i = off; i < off + n; i++) {
      const a = Math.abs(inL[i]);
      const b = Math.abs(inR[i]);
      if (a > pkL) pkL = a;
      if (b > pkR) pkR = b;
    }
    if (pkL > this.inPeakL) this.inPeakL = pkL;
    if (pkR > this.inPeakR) this.inPeakR = pkR;
    const silentIn = pkL === 0 && pkR === 0;

    if (this.idle && silentIn && this.dipDir === 0) {
      // everything is at rest: the wet signal is exactly 0 and nothing needs to run
      tl.fill(0, 0, n);
      tr.fill(0, 0, n);
      this.finish(inputs, outputs, off, n);
      return;
    }
    this.idle = false;

    // predelay (whole samples at rest), written to pl/pr[0, n)
    const k = this.fs / 1000;
    this.predelay.from = v[p.predelay] * k;
    this.predelay.to = bank.valueAfter(p.predelay, n) * k;
    this.predelay.process(inL, inR, off, pl, pr, n);

    // input gain: 0 while frozen (ramped over the slice)
    const gTarget = v[p.freeze] >= 0.5 ? 0 : 1;
    const g0 = this.inGain;
    if (g0 !== 1 || gTarget !== 1) {
      const dg = (gTarget - g0) / n;
      for (let i = 0; i < n; i++) {
        const g = g0 + dg * (i + 1);
        pl[i] *= g;
        pr[i] *= g;
      }
      this.inGain = gTarget;
    }

    // early reflections, then the tail (the engines use pl/pr as scratch)
    const algo = this.algorithm;
    const hasEarly = algo === ALGO_ROOM || algo === ALGO_CHAMBER;
    if (hasEarly) this.early.process(pl, pr, el, er, 0, n);
    if (algo === ALGO_PLATE) this.plate.process(pl, pr, tl, tr, 0, n);
    else this.fdn.process(pl, pr, tl, tr, 0, n);

    // early/late balance: 0 % early only, 50 % both, 100 % late only (room and chamber)
    if (hasEarly) {
      const x0 = v[p.earlyLate] / 100;
      const x1 = bank.valueAfter(p.earlyLate, n) / 100;
      const eg0 = EARLY_LEVEL * Math.min(1, 2 - 2 * x0);
      const eg1 = EARLY_LEVEL * Math.min(1, 2 - 2 * x1);
      const lg0 = Math.min(1, 2 * x0);
      const lg1 = Math.min(1, 2 * x1);
      const de = (eg1 - eg0) / n;
      const dl = (lg1 - lg0) / n;
      for (let i = 0; i < n; i++) {
        const eg = eg0 + de * (i + 1);
        const lg = lg0 + dl * (i + 1);
        tl[i] = eg * el[i] + lg * tl[i];
        tr[i] = eg * er[i] + lg * tr[i];
      }
    }

    this.wetFilters.process(tl, tr, 0, n);

    // Idle detection: input silent and the wet signal below -400 dBFS for longer than any delay
    // in the kernel (predelay + the longest loop) -> every state is cleared: the tail ends at
    // exactly 0 and the engines stop running until the input is non-zero again.
    if (silentIn && v[p.freeze] < 0.5) {
      let peak = 0;
      for (let i = 0; i < n; i++) {
        const a = Math.abs(tl[i]) + Math.abs(tr[i]);
        if (a > peak) peak = a;
      }
      this.quietFrames = peak < IDLE_LEVEL ? this.quietFrames + n : 0;
      if (this.quietFrames >= IDLE_SECONDS * this.fs) this.goIdle();
    } else {
      this.quietFrames = 0;
    }

    this.finish(inputs, outputs, off, n);
  }

  /** clear every state and stop the engines (see processSlice) */
  private goIdle(): void {
    this.predelay.reset();
    this.early.reset();
    this.plate.reset();
    this.fdn.reset();
    this.wetFilters.reset();
    this.quietFrames = 0;
    this.idle = true;
  }

  /** width, structural dip, mix or send, output meters for the wet signal in tl/tr[0, n) */
  private finish(inputs: readonly Float32Array[], outputs: readonly Float32Array[], off: number, n: number): void {
    const bank = this.bank;
    const p = this.p;
    const v = bank.value;
    const inL = inputs[0];
    const inR = inputs.length > 1 ? inputs[1] : inputs[0];
    const tl = this.tl, tr = this.tr;

    // width (M/S; at 0 both sides get exactly M) and the structural dip
    const w0 = v[p.width] / 100;
    const dw = (bank.valueAfter(p.width, n) / 100 - w0) / n;
    if (this.dipDir === 0 && this.dip === 1) {
      for (let i = 0; i < n; i++) {
        const m = 0.5 * (tl[i] + tr[i]);
        const s = 0.5 * (tl[i] - tr[i]) * (w0 + dw * (i + 1));
        tl[i] = m + s;
        tr[i] = m - s;
      }
    } else {
      const dipStep = (this.dipDir * 1000) / (DIP_MS * this.fs);
      let dip = this.dip;
      for (let i = 0; i < n; i++) {
        dip += dipStep;
        dip = dip < 0 ? 0 : dip > 1 ? 1 : dip;
        const m = 0.5 * (tl[i] + tr[i]);
        const s = 0.5 * (tl[i] - tr[i]) * (w0 + dw * (i + 1));
        tl[i] = (m + s) * dip;
        tr[i] = (m - s) * dip;
      }
      this.dip = dip;
      if (this.dipDir < 0 && dip === 0 && this.pending) {
        this.pending = false;
        this.applyStructure();
        this.dipDir = 1;
      } else if (this.dipDir > 0 && dip === 1) {
        this.dipDir = 0;
      }
    }

    // mix / send, output meters
    const outL = outputs[0];
    const outR = outputs.length > 1 ? outputs[1] : outputs[0];
    const stereo = outputs.length > 1;
    const send = v[p.send] >= 0.5;
    const m0 = v[p.mix] / 100;
    const m1 = bank.valueAfter(p.mix, n) / 100;
    let oL = this.outPeakL, oR = this.outPeakR;
    if (!stereo) {
      // mono output: the mid of the wet signal
      for (let i = 0; i < n; i++) tl[i] = 0.5 * (tl[i] + tr[i]);
    }
    if (send) {
      for (let i = 0; i < n; i++) {
        const l = tl[i];
        const r = tr[i];
        outL[off + i] = l;
        if (stereo) outR[off + i] = r;
        const a = l < 0 ? -l : l;
        const b = r < 0 ? -r : r;
        if (a > oL) oL = a;
        if (b > oR) oR = b;
      }
    } else if (m0 === 0 && m1 === 0) {
      // the dry path untouched
      for (let i = off; i < off + n; i++) {
        const l = inL[i];
        outL[i] = l;
        const a = l < 0 ? -l : l;
        if (a > oL) oL = a;
      }
      if (stereo) {
        for (let i = off; i < off + n; i++) {
          const r = inR[i];
          outR[i] = r;
          const b = r < 0 ? -r : r;
          if (b > oR) oR = b;
        }
      }
    } else {
      const dm = (m1 - m0) / n;
      for (let i = 0; i < n; i++) {
        const m = m0 + dm * (i + 1);
        const l = (1 - m) * inL[off + i] + m * tl[i];
        const r = (1 - m) * inR[off + i] + m * tr[i];
        outL[off + i] = l;
        if (stereo) outR[off + i] = r;
        const a = l < 0 ? -l : l;
        const b = r < 0 ? -r : r;
        if (a > oL) oL = a;
        if (b > oR) oR = b;
      }
    }
    this.outPeakL = oL;
    this.outPeakR = stereo ? oR : oL;
    // channels beyond two: dry
    for (let c = 2; c < outputs.length; c++) {
      const src = inputs[Math.min(c, inputs.length - 1)];
      const dst = outputs[c];
      for (let i = off; i < off + n; i++) dst[i] = src[i];
    }
  }
}
