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
 *
 * Speed (issue 6): the slice's signals live in one Float64Array scratch heap X (regions for
 * the predelayed input, the tail and the early reflections, then the predelay rings and the
 * early-reflection line), each engine keeps its own heap (blocks.ts); the input meters ride
 * along the predelay loop, and width, dip, mix, output meters and the output guard run in one
 * loop. Nothing here allocates, also while parameters move: values that cross calls on the
 * audio thread travel in typed arrays and fields (a double argument or result of a call that
 * is not inlined would be boxed).
 */
import type { Kernel } from '../core/kernel.js';
import { guardOutput, OUTPUT_CEILING } from '../core/run-kernel.js';
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
/** words between the scratch regions beyond their length (see prepare) */
const SCRATCH_PAD = 24;

// values at the end of the slice (ends[]), read through one small method
const END_PREDELAY = 0;
const END_EARLY_LATE = 1;
const END_WIDTH = 2;
const END_MIX = 3;

export class ReverbKernel implements Kernel {
  readonly latency = 0;
  readonly meterSize = REVERB_METER_SIZE;
  /** finish() checks the output peaks and guards the rare block that needs it */
  readonly guardsOutput = true;

  private readonly bank: ParamBank;
  private readonly p: ReverbLayout;
  private fs = 48000;
  /** scratch heap; regions of scratchLen frames: predelayed input L/R, tail L/R, early L/R */
  private X = new Float64Array(0);
  private scratchLen = 0;
  private PL = 0;
  private PR = 0;
  private TL = 0;
  private TR = 0;
  private EL = 0;
  private ER = 0;
  /** parameter values at the end of the slice (see readEnds) */
  private readonly ends = new Float64Array(4);

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
  /** modulation depth in use (ms), slewed toward modTarget (ms) */
  private modDepthMs = 0;
  private modTarget = 0;
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
    const n = (this.scratchLen = Math.max(128, maxFrames));
    // regions n + SCRATCH_PAD words apart: at 1 KiB steps every fourth would alias (blocks.ts, RING_PAD)
    const r = n + SCRATCH_PAD;
    this.PL = 0;
    this.PR = r;
    this.TL = 2 * r;
    this.TR = 3 * r;
    this.EL = 4 * r;
    this.ER = 5 * r;
    const predelayMax = Math.ceil((MAX_PREDELAY_MS * sampleRate) / 1000) + 2;
    const earlyMaxMs = Math.max(...CHAMBER_EARLY.leftMs, ...CHAMBER_EARLY.rightMs, ...ROOM_EARLY.leftMs, ...ROOM_EARLY.rightMs);
    const earlyMax = Math.ceil((earlyMaxMs * MAX_SIZE_SCALE * sampleRate) / 1000) + 2;
    const pdBase = 6 * r;
    const erBase = pdBase + Predelay.sizeFor(predelayMax);
    this.X = new Float64Array(erBase + EarlyReflections.sizeFor(earlyMax));
    this.predelay.place(pdBase, predelayMax);
    this.early.place(erBase, earlyMax);
    this.plate.prepare(sampleRate, MAX_SIZE_SCALE, MAX_MOD_MS);
    this.fdn.prepare(sampleRate, MAX_SIZE_SCALE, MAX_MOD_MS);
    this.wetFilters.prepare(sampleRate);
    this.design.prepare(sampleRate);
    this.prepared = true;
    this.reset();
  }

  reset(): void {
    this.predelay.reset(this.X);
    this.early.reset(this.X);
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
    const scale = Math.pow(2, (v[this.p.size] - 50) / 50); // sizeScale
    const changedAlgo = algo !== this.algorithm;
    this.algorithm = algo;
    if (algo === ALGO_PLATE) {
      if (changedAlgo) this.plate.reset();
      this.plate.scale = scale;
      this.plate.setSize();
    } else {
      if (changedAlgo) this.fdn.reset();
      this.fdn.scale = scale;
      this.fdn.setTuning(algo === ALGO_HALL ? HALL_TUNING : algo === ALGO_ROOM ? ROOM_TUNING : CHAMBER_TUNING);
    }
    if (changedAlgo) {
      // the wet signal is at 0 here (bottom of the dip): nothing of the old tail may remain
      this.early.reset(this.X);
      this.wetFilters.reset();
    }
    this.early.scale = scale;
    if (algo === ALGO_ROOM) this.early.setPattern(ROOM_EARLY, this.fs);
    else if (algo === ALGO_CHAMBER) this.early.setPattern(CHAMBER_EARLY, this.fs);
    this.lastSerial[this.p.algorithm] = this.bank.serial[this.p.algorithm];
    this.lastSerial[this.p.size] = this.bank.serial[this.p.size];
    this.updateDecay();
    this.updateModulation(0);
    this.updateDiffusion();
  }

  private updateDecay(): void {
    this.decayPending = false;
    this.sinceDecayUpdate = 0;
    const v = this.bank.value;
    const p = this.p;
    this.design.setFrom(v, p.decay, p.damping, p.bassDecay, v[p.freeze] >= 0.5);
    if (this.algorithm === ALGO_PLATE) this.plate.setDecay(this.design);
    else this.fdn.setDecay(this.design);
  }

  /** the modulation depth the parameters ask for (ms), capped while frozen, into modTarget */
  private updateModTarget(): void {
    const v = this.bank.value;
    const depth = (v[this.p.modDepth] / 100) * MAX_MOD_MS;
    this.modTarget = v[this.p.freeze] < 0.5 ? depth : Math.min(depth, FREEZE_MOD_MS_HZ / v[this.p.modRate]);
  }

  /** move the engine's modulation toward the parameters (depth slewed, see FREEZE_MOD_MS_HZ) */
  private updateModulation(frames: number): void {
    this.updateModTarget();
    const target = this.modTarget;
    const maxStep = (DEPTH_SLEW_MS_PER_S * frames) / this.fs;
    const d = this.modDepthMs;
    this.modDepthMs = frames === 0 ? target : d + Math.max(-maxStep, Math.min(maxStep, target - d));
    const depth = this.modDepthMs * 0.001 * this.fs;
    const rate = this.bank.value[this.p.modRate];
    if (this.algorithm === ALGO_PLATE) {
      this.plate.modDepth = depth;
      this.plate.modRate = rate;
      this.plate.setModulation();
    } else {
      this.fdn.modDepth = depth;
      this.fdn.modRate = rate;
      this.fdn.setModulation();
    }
  }

  private updateDiffusion(): void {
    const d = this.bank.value[this.p.diffusion] / 100;
    if (this.algorithm === ALGO_PLATE) {
      this.plate.diffusion = d;
      this.plate.setDiffusion();
    } else {
      this.fdn.diffusion = d;
      this.fdn.setDiffusion();
    }
  }

  private updateAll(): void {
    this.wetFilters.setFrom(this.bank.value, this.p.lowCut, this.p.highCut);
    this.updateDecay();
    this.updateModulation(0);
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
    if (lc || hc) this.wetFilters.setFrom(bank.value, p.lowCut, p.highCut);
  }

  /** true once per change of parameter i */
  private moved(i: number): boolean {
    const s = this.bank.serial[i];
    if (s === this.lastSerial[i]) return false;
    this.lastSerial[i] = s;
    return true;
  }

  /** the ramped parameters' values n frames on, into ends[] (a small method, so ParamBank.valueAfter inlines: no boxed results) */
  private readEnds(n: number): void {
    const bank = this.bank;
    const p = this.p;
    const e = this.ends;
    e[END_PREDELAY] = bank.valueAfter(p.predelay, n);
    e[END_EARLY_LATE] = bank.valueAfter(p.earlyLate, n);
    e[END_WIDTH] = bank.valueAfter(p.width, n);
    e[END_MIX] = bank.valueAfter(p.mix, n);
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
      this.updateModulation(n); // (sets modTarget)
      this.modPending = this.modDepthMs !== this.modTarget;
    }
    this.readEnds(n);
    const bank = this.bank;
    const p = this.p;
    const v = bank.value;
    const X = this.X;
    const inL = inputs[0];
    const inR = inputs.length > 1 ? inputs[1] : inputs[0];
    const PL = this.PL, PR = this.PR, TL = this.TL, TR = this.TR;

    // predelay (whole samples at rest) into X[PL..], X[PR..], with the input meters
    const k = this.fs / 1000;
    const pd = this.predelay;
    pd.from = v[p.predelay] * k;
    pd.to = this.ends[END_PREDELAY] * k;
    pd.process(inL, inR, off, X, PL, PR, n);
    if (pd.peakL > this.inPeakL) this.inPeakL = pd.peakL;
    if (pd.peakR > this.inPeakR) this.inPeakR = pd.peakR;
    const silentIn = pd.peakL === 0 && pd.peakR === 0;

    if (this.idle && silentIn && this.dipDir === 0) {
      // everything is at rest: the wet signal is exactly 0 and nothing needs to run
      X.fill(0, TL, TL + n);
      X.fill(0, TR, TR + n);
      this.finish(inputs, outputs, off, n);
      return;
    }
    this.idle = false;

    // input gain: 0 while frozen (ramped over the slice)
    const gTarget = v[p.freeze] >= 0.5 ? 0 : 1;
    const g0 = this.inGain;
    if (g0 !== 1 || gTarget !== 1) {
      const dg = (gTarget - g0) / n;
      for (let i = 0; i < n; i++) {
        const g = g0 + dg * (i + 1);
        X[PL + i] *= g;
        X[PR + i] *= g;
      }
      this.inGain = gTarget;
    }

    // early reflections, then the tail (the engines use X[PL..], X[PR..] as scratch)
    const algo = this.algorithm;
    const hasEarly = algo === ALGO_ROOM || algo === ALGO_CHAMBER;
    if (hasEarly) this.early.process(X, PL, PR, this.EL, this.ER, n);
    if (algo === ALGO_PLATE) this.plate.process(X, PL, PR, TL, TR, n);
    else this.fdn.process(X, PL, PR, TL, TR, n);

    // early/late balance: 0 % early only, 50 % both, 100 % late only (room and chamber)
    if (hasEarly) {
      const x0 = v[p.earlyLate] / 100;
      const x1 = this.ends[END_EARLY_LATE] / 100;
      const eg0 = EARLY_LEVEL * Math.min(1, 2 - 2 * x0);
      const eg1 = EARLY_LEVEL * Math.min(1, 2 - 2 * x1);
      const lg0 = Math.min(1, 2 * x0);
      const lg1 = Math.min(1, 2 * x1);
      const de = (eg1 - eg0) / n;
      const dl = (lg1 - lg0) / n;
      const EL = this.EL, ER = this.ER;
      for (let i = 0; i < n; i++) {
        const eg = eg0 + de * (i + 1);
        const lg = lg0 + dl * (i + 1);
        X[TL + i] = eg * X[EL + i] + lg * X[TL + i];
        X[TR + i] = eg * X[ER + i] + lg * X[TR + i];
      }
    }

    // the common case in one loop: wet filters, width, mix or send, meters, guard
    const outputs2 = outputs.length === 2;
    const dryOnly = v[p.send] < 0.5 && v[p.mix] === 0 && this.ends[END_MIX] === 0;
    if (!silentIn && outputs2 && !dryOnly && this.dipDir === 0 && this.dip === 1) {
      this.quietFrames = 0;
      this.finishFused(inputs, outputs, off, n);
      return;
    }

    this.wetFilters.process(X, TL, TR, n);

    // Idle detection: input silent and the wet signal below -400 dBFS for longer than any delay
    // in the kernel (predelay + the longest loop) -> every state is cleared: the tail ends at
    // exactly 0 and the engines stop running until the input is non-zero again.
    if (silentIn && v[p.freeze] < 0.5) {
      let peak = 0;
      for (let i = 0; i < n; i++) {
        const a = Math.abs(X[TL + i]) + Math.abs(X[TR + i]);
        peak = a > peak ? a : peak;
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
    this.predelay.reset(this.X);
    this.early.reset(this.X);
    this.plate.reset();
    this.fdn.reset();
    this.wetFilters.reset();
    this.quietFrames = 0;
    this.idle = true;
  }

  /**
   * finish() for the common case (stereo, wet path in use, no structural dip), with the wet
   * filters (wet-filters.ts, the same arithmetic) in the same loop: the tail is read once.
   */
  private finishFused(inputs: readonly Float32Array[], outputs: readonly Float32Array[], off: number, n: number): void {
    const v = this.bank.value;
    const p = this.p;
    const X = this.X;
    const inL = inputs[0];
    const inR = inputs.length > 1 ? inputs[1] : inputs[0];
    const outL = outputs[0];
    const outR = outputs[1];
    const TL = this.TL | 0, TR = this.TR | 0;
    const w0 = v[p.width] / 100;
    const dw = (this.ends[END_WIDTH] / 100 - w0) / n;
    const send = v[p.send] >= 0.5;
    // send: wet only (the mix ignored); else dry * (1 - mx) + wet * mx
    const m0 = send ? 1 : v[p.mix] / 100;
    const dm = send ? 0 : (this.ends[END_MIX] / 100 - m0) / n;
    const dry = send ? 0 : 1;
    const wf = this.wetFilters;
    const c = wf.c;
    const z = wf.z;
    const b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[3], a2 = c[4];
    let lx1 = z[0], lx2 = z[1], ly1 = z[2], ly2 = z[3];
    let rx1 = z[4], rx2 = z[5], ry1 = z[6], ry2 = z[7];
    let pkL = 0, pkR = 0, nanL = 0, nanR = 0;
    // the width and mix ramps, moved on before each frame
    let wv = w0;
    let mx = m0;
    if (wf.lowPassOn) {
      const d0 = c[5], d1 = c[6], d2 = c[7], e1 = c[8], e2 = c[9];
      let lu1 = z[8], lu2 = z[9], ru1 = z[10], ru2 = z[11];
      for (let i = 0; i < n; i = (i + 1) | 0) {
        const xl = X[(TL + i) | 0];
        const xr = X[(TR + i) | 0];
        const yl = xl * b0 + lx1 * b1 + (lx2 * b2 - ly2 * a2) - ly1 * a1;
        const yr = xr * b0 + rx1 * b1 + (rx2 * b2 - ry2 * a2) - ry1 * a1;
        const tl = yl * d0 + ly1 * d1 + (ly2 * d2 - lu2 * e2) - lu1 * e1;
        const tr = yr * d0 + ry1 * d1 + (ry2 * d2 - ru2 * e2) - ru1 * e1;
        lx2 = lx1; lx1 = xl; ly2 = ly1; ly1 = yl; lu2 = lu1; lu1 = tl;
        rx2 = rx1; rx1 = xr; ry2 = ry1; ry1 = yr; ru2 = ru1; ru1 = tr;
        wv += dw;
        mx += dm;
        const mid = 0.5 * (tl + tr);
        const side = 0.5 * (tl - tr) * wv;
        const dg = dry * (1 - mx);
        const l = mx * (mid + side) + dg * inL[(off + i) | 0];
        const r = mx * (mid - side) + dg * inR[(off + i) | 0];
        outL[(off + i) | 0] = l;
        outR[(off + i) | 0] = r;
        const al = Math.abs(l);
        const ar = Math.abs(r);
        pkL = al > pkL ? al : pkL;
        pkR = ar > pkR ? ar : pkR;
        nanL += l;
        nanR += r;
      }
      z[8] = lu1 < 1e-30 && lu1 > -1e-30 ? 0 : lu1;
      z[9] = lu2 < 1e-30 && lu2 > -1e-30 ? 0 : lu2;
      z[10] = ru1 < 1e-30 && ru1 > -1e-30 ? 0 : ru1;
      z[11] = ru2 < 1e-30 && ru2 > -1e-30 ? 0 : ru2;
    } else {
      for (let i = 0; i < n; i = (i + 1) | 0) {
        const xl = X[(TL + i) | 0];
        const xr = X[(TR + i) | 0];
        const tl = xl * b0 + lx1 * b1 + (lx2 * b2 - ly2 * a2) - ly1 * a1;
        const tr = xr * b0 + rx1 * b1 + (rx2 * b2 - ry2 * a2) - ry1 * a1;
        lx2 = lx1; lx1 = xl; ly2 = ly1; ly1 = tl;
        rx2 = rx1; rx1 = xr; ry2 = ry1; ry1 = tr;
        wv += dw;
        mx += dm;
        const mid = 0.5 * (tl + tr);
        const side = 0.5 * (tl - tr) * wv;
        const dg = dry * (1 - mx);
        const l = mx * (mid + side) + dg * inL[(off + i) | 0];
        const r = mx * (mid - side) + dg * inR[(off + i) | 0];
        outL[(off + i) | 0] = l;
        outR[(off + i) | 0] = r;
        const al = Math.abs(l);
        const ar = Math.abs(r);
        pkL = al > pkL ? al : pkL;
        pkR = ar > pkR ? ar : pkR;
        nanL += l;
        nanR += r;
      }
    }
    z[0] = lx1 < 1e-30 && lx1 > -1e-30 ? 0 : lx1;
    z[1] = lx2 < 1e-30 && lx2 > -1e-30 ? 0 : lx2;
    z[2] = ly1 < 1e-30 && ly1 > -1e-30 ? 0 : ly1;
    z[3] = ly2 < 1e-30 && ly2 > -1e-30 ? 0 : ly2;
    z[4] = rx1 < 1e-30 && rx1 > -1e-30 ? 0 : rx1;
    z[5] = rx2 < 1e-30 && rx2 > -1e-30 ? 0 : rx2;
    z[6] = ry1 < 1e-30 && ry1 > -1e-30 ? 0 : ry1;
    z[7] = ry2 < 1e-30 && ry2 > -1e-30 ? 0 : ry2;
    // the output guard (Kernel.guardsOutput): only a block beyond +24 dBFS or not finite
    // a NaN anywhere makes the plain sums NaN; an infinity shows in the peaks
    if (!(pkL <= OUTPUT_CEILING) || !(nanL < Infinity)) guardOutput(outL, off, off + n);
    if (!(pkR <= OUTPUT_CEILING) || !(nanR < Infinity)) guardOutput(outR, off, off + n);
    if (pkL > this.outPeakL) this.outPeakL = pkL;
    if (pkR > this.outPeakR) this.outPeakR = pkR;
  }

  /**
   * Width (M/S; at 0 both sides get exactly M), structural dip, mix or send, output meters and
   * the output guard, for the wet signal in X[TL..], X[TR..] (n frames), in one loop.
   */
  private finish(inputs: readonly Float32Array[], outputs: readonly Float32Array[], off: number, n: number): void {
    const v = this.bank.value;
    const p = this.p;
    const X = this.X;
    const inL = inputs[0];
    const inR = inputs.length > 1 ? inputs[1] : inputs[0];
    const outL = outputs[0];
    const stereo = outputs.length > 1;
    const outR = stereo ? outputs[1] : outputs[0];
    const TL = this.TL | 0, TR = this.TR | 0;
    const w0 = v[p.width] / 100;
    const dw = (this.ends[END_WIDTH] / 100 - w0) / n;
    const send = v[p.send] >= 0.5;
    const m0 = v[p.mix] / 100;
    const m1 = this.ends[END_MIX] / 100;
    const dm = (m1 - m0) / n;
    // structural dip: a ramp of the wet level (1 when none), clamped to [0, 1]
    const dipping = this.dipDir !== 0 || this.dip !== 1;
    const dipStep = dipping ? (this.dipDir * 1000) / (DIP_MS * this.fs) : 0;
    let dip = this.dip;
    let pkL = 0, pkR = 0, nanL = 0, nanR = 0;
    if (!send && m0 === 0 && m1 === 0) {
      // the dry path untouched (the wet path's dip still moves)
      for (let i = 0; i < n; i = (i + 1) | 0) {
        const l = inL[(off + i) | 0];
        const r = inR[(off + i) | 0];
        outL[(off + i) | 0] = l;
        if (stereo) outR[(off + i) | 0] = r;
        const al = Math.abs(l);
        const ar = Math.abs(r);
        pkL = al > pkL ? al : pkL;
        pkR = ar > pkR ? ar : pkR;
      }
      if (dipping) for (let i = 0; i < n; i++) dip = Math.min(1, Math.max(0, dip + dipStep));
      if (!stereo) pkR = pkL;
    } else if (stereo) {
      // send: wet only (the mix ignored); else dry * (1 - mx) + wet * mx
      const m0s = send ? 1 : m0;
      const dms = send ? 0 : dm;
      for (let i = 0; i < n; i = (i + 1) | 0) {
        const tl = X[(TL + i) | 0];
        const tr = X[(TR + i) | 0];
        const mid = 0.5 * (tl + tr);
        const side = 0.5 * (tl - tr) * (w0 + dw * (i + 1));
        dip = Math.min(1, Math.max(0, dip + dipStep));
        const mx = m0s + dms * (i + 1);
        const wet = mx * dip;
        let l = wet * (mid + side);
        let r = wet * (mid - side);
        if (!send) {
          l += (1 - mx) * inL[(off + i) | 0];
          r += (1 - mx) * inR[(off + i) | 0];
        }
        outL[(off + i) | 0] = l;
        outR[(off + i) | 0] = r;
        const al = Math.abs(l);
        const ar = Math.abs(r);
        pkL = al > pkL ? al : pkL;
        pkR = ar > pkR ? ar : pkR;
        nanL += l;
        nanR += r;
      }
    } else {
      // mono output: the mid of the wet signal
      const m0s = send ? 1 : m0;
      const dms = send ? 0 : dm;
      for (let i = 0; i < n; i = (i + 1) | 0) {
        const mid = 0.5 * (X[(TL + i) | 0] + X[(TR + i) | 0]);
        dip = Math.min(1, Math.max(0, dip + dipStep));
        const mx = m0s + dms * (i + 1);
        let l = mx * dip * mid;
        if (!send) l += (1 - mx) * inL[(off + i) | 0];
        outL[(off + i) | 0] = l;
        const al = Math.abs(l);
        pkL = al > pkL ? al : pkL;
        nanL += l;
      }
      pkR = pkL;
      nanR = nanL;
    }
    // the output guard (Kernel.guardsOutput): only a block beyond +24 dBFS or not finite
    if (!(pkL <= OUTPUT_CEILING) || !(nanL < Infinity)) guardOutput(outL, off, off + n);
    if (stereo && (!(pkR <= OUTPUT_CEILING) || !(nanR < Infinity))) guardOutput(outR, off, off + n);
    if (pkL > this.outPeakL) this.outPeakL = pkL;
    if (pkR > this.outPeakR) this.outPeakR = pkR;
    // the dip reaches its ends exactly
    this.dip = dip;
    if (this.dipDir < 0 && dip === 0 && this.pending) {
      this.pending = false;
      this.applyStructure();
      this.dipDir = 1;
    } else if (this.dipDir > 0 && dip === 1) {
      this.dipDir = 0;
    }
    // channels beyond two: dry (guarded as runKernel would)
    for (let c = 2; c < outputs.length; c++) {
      const src = inputs[Math.min(c, inputs.length - 1)];
      const dst = outputs[c];
      for (let i = off; i < off + n; i++) dst[i] = src[i];
      guardOutput(dst, off, off + n);
    }
  }
}
