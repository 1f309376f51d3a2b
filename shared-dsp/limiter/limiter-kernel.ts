/**
 * Varnish true-peak lookahead limiter kernel.
 *
 * Signal flow per sample:
 *   x * pre (pre = gain / ceiling: the limiter itself works to a ceiling of 1)
 *     -> delay line of D = L - 1 + 11 samples (the reported latency)
 *     -> detector: |x|, and with true peak on the 4x-interpolated peak (BS.1770-5 Annex 2,
 *        TruePeakDetector) -> stereo link (per-channel peak moved towards the channels' maximum)
 *     -> required gain q = min(1, THRESHOLD / peak) -> GainChain: sliding minimum over H, box
 *        mean over L, release (gain-chain.ts; the alignment is derived in limiter-timing.ts)
 *   delayed x * gain -> safety clamp at Z_MAX (should never engage: counted in `clampCount`)
 *   -> * post (post = ceiling * trim) -> optional dither to 24/16 bits (clamped to the grid
 *   value below the ceiling) -> output, and a BS.1770 / EBU loudness meter on the output.
 *
 * Ceiling guarantee. Every delayed sample leaves when the gain is at most the required gain
 * of every detection that covered it, so |x * gain| <= THRESHOLD = 1 - 2^-20 (-8.3e-6 dB);
 * the float32 rounding of the output cannot cross the ceiling from there. Scaling by the
 * ceiling at the output (not at the detector) keeps the guarantee exact while the ceiling
 * moves. Positive trim is not allowed (the declaration stops at 0 dB), so trim never moves the
 * ceiling. Dither lowers THRESHOLD by its largest excursion so that the grid clamp stays idle.
 *
 * Null. While no peak exceeds the threshold every q is exactly 1, the box mean is exactly 1
 * (box-mean.ts) and the released gain snaps to exactly 1: the output is the input delayed by
 * D, times pre * post = 1 up to one rounding of float64 (the float32 output is bit-exact in
 * practice).
 *
 * Latency. D changes with the lookahead only (true peak on or off keeps it, so toggling the
 * detector never shifts the audio). A lookahead change makes the read position jump (a
 * discrete glitch; the host re-reads `latency`) and the gain stages are rebuilt from the stored
 * history of required gains, so the guarantee holds across the jump.
 */
import type { Kernel } from '../core/kernel.js';
import type { ParamBank } from '../params/param-bank.js';
import { LoudnessMeter } from '../loudness/loudness-meter.js';
import { TruePeakDetector, TP_TAPS_PER_PHASE } from '../loudness/true-peak.js';
import { Dither, DITHER_OFF, ditherHeadroomLsb } from './dither.js';
import { AUTO_AVERAGE_MS, AUTO_SLOW_FACTOR, GainChain } from './gain-chain.js';
import {
  LIMITER_METER_SIZE,
  LIM_METER_GR,
  LIM_METER_INTEGRATED,
  LIM_METER_IN_L,
  LIM_METER_IN_R,
  LIM_METER_LRA,
  LIM_METER_MAX_MOMENTARY,
  LIM_METER_MAX_SHORT_TERM,
  LIM_METER_MOMENTARY,
  LIM_METER_OUT_L,
  LIM_METER_OUT_R,
  LIM_METER_SHORT_TERM,
  LIM_METER_TRUE_PEAK,
  METER_FLOOR_DB,
} from './limiter-meters.js';
import {
  MAX_HOLD_MS,
  MAX_LOOKAHEAD_MS,
  delayFor,
  holdSamples,
  lookaheadSamples,
  onePole,
  windowFor,
} from './limiter-timing.js';

/** Indices of the limiter's parameters in the bank. */
export interface LimiterLayout {
  /** drive, dB */
  readonly gain: number;
  /** dBTP */
  readonly ceiling: number;
  /** ms */
  readonly release: number;
  readonly autoRelease: number;
  /** ms */
  readonly lookahead: number;
  readonly truePeak: number;
  /** % */
  readonly link: number;
  /** choice: dither.ts DITHER_* */
  readonly dither: number;
  /** output trim, dB (<= 0) */
  readonly trim: number;
}

/** the limiter's target for |x * gain| (ceiling 1): 2^-20 below, room for every rounding */
export const THRESHOLD = 1 - 2 ** -20;
/** the safety clamp, between THRESHOLD and 1 */
export const Z_MAX = 1 - 2 ** -21;
/** frames per internal pass (scratch length) */
const CHUNK = 128;
/** slots of LimiterKernel.ramp */
const PRE = 0;
const PRE_STEP = 1;
const POST = 2;
const POST_STEP = 3;
const THRESH = 4;
const GRID = 5;
const RAMP_SIZE = 6;

const DB_TO_LN = Math.LN10 / 20;
function dbToGain(db: number): number {
  return Math.exp(db * DB_TO_LN);
}
function gainToDb(g: number): number {
  return g > 0 ? 20 * Math.log10(g) : -Infinity;
}
function floorDb(v: number): number {
  return v > METER_FLOOR_DB ? v : METER_FLOOR_DB;
}

function pow2AtLeast(n: number): number {
  let c = 2;
  while (c < n) c <<= 1;
  return c;
}

export class LimiterKernel implements Kernel {
  readonly meterSize = LIMITER_METER_SIZE;

  private readonly bank: ParamBank;
  private readonly p: LimiterLayout;
  private fs = 48000;
  private channels = 0;
  private seenSerial = -1;

  // audio delay (per channel, float64 so the null path keeps every bit)
  private delay: Float64Array[] = [];
  private delayMask = 0;
  private wp = 0;
  private tps: TruePeakDetector[] = [];
  /** one channel's input after the pre gain (what the delay line holds), for the true-peak pass */
  private scaled = new Float64Array(0);
  private chains: GainChain[] = [];
  private dithers: Dither[] = [];
  private meter: LoudnessMeter | null = null;

  // scratch
  /** per-call scalars handed to the passes (a Float64Array: doubles passed as arguments or
   * returned from calls that are not inlined would be boxed on the heap) */
  private readonly ramp = new Float64Array(RAMP_SIZE);
  private peak: Float64Array[] = [];
  private req: Float64Array[] = [];
  private gains: Float64Array[] = [];

  // control state (NaN/-1 force the first update)
  private boxLength = -1;
  private delaySamples = 0;
  private releaseMs = NaN;
  private auto = -1;
  private truePeak = false;
  private link = 1;
  private linked = true;
  private ditherMode = DITHER_OFF;
  /** ditherHeadroomLsb(ditherMode), kept here so process() makes no call that returns a double */
  private ditherHeadroom = 0.5 - 0.5; // a double field from the start (0 as a literal is a Smi)

  // meters
  private readonly inPeak = new Float64Array(2);
  private readonly outPeak = new Float64Array(2);

  /** times the safety clamp engaged since reset (diagnostic; 0 in normal operation) */
  clampCount = 0;

  constructor(bank: ParamBank, layout: LimiterLayout) {
    this.bank = bank;
    this.p = layout;
  }

  get latency(): number {
    return delayFor(lookaheadSamples(this.bank.value[this.p.lookahead], this.fs));
  }

  prepare(sampleRate: number, maxFrames: number, channels: number): void {
    void maxFrames; // processing runs in internal chunks of CHUNK frames
    this.fs = sampleRate;
    this.channels = Math.max(1, channels);
    const nch = this.channels;
    const maxBox = lookaheadSamples(MAX_LOOKAHEAD_MS, sampleRate);
    const maxHold = Math.round((MAX_HOLD_MS * sampleRate) / 1000);
    const maxWindow = windowFor(maxBox, maxHold);
    const cap = pow2AtLeast(delayFor(maxBox) + CHUNK + 1);
    this.delayMask = cap - 1;
    this.delay = [];
    this.tps = [];
    this.scaled = new Float64Array(CHUNK);
    this.chains = [];
    this.dithers = [];
    this.peak = [];
    this.req = [];
    this.gains = [];
    for (let c = 0; c < nch; c++) {
      this.delay.push(new Float64Array(cap));
      this.tps.push(new TruePeakDetector());
      this.chains.push(new GainChain(maxWindow, maxBox));
      this.dithers.push(new Dither(0x2545f491 + 0x9e3779b9 * (c + 1)));
      this.peak.push(new Float64Array(CHUNK));
      this.req.push(new Float64Array(CHUNK));
      this.gains.push(new Float64Array(CHUNK));
    }
    this.meter = new LoudnessMeter({ sampleRate, channels: nch >= 2 ? 2 : 1 });
    // new stages: force a full update at the first process()
    this.boxLength = -1;
    this.releaseMs = NaN;
    this.auto = -1;
    this.seenSerial = -1;
    this.truePeak = false;
    this.linked = true;
    this.ditherMode = DITHER_OFF;
    this.ditherHeadroom = ditherHeadroomLsb(DITHER_OFF);
    this.reset();
  }

  reset(): void {
    for (const d of this.delay) d.fill(0);
    this.wp = 0;
    for (const t of this.tps) t.reset();
    for (const ch of this.chains) ch.reset();
    for (const d of this.dithers) d.reset();
    this.meter?.reset();
    this.inPeak.fill(0);
    this.outPeak.fill(0);
    this.clampCount = 0;
    // the chains keep their lengths and coefficients; the detectors and the delay line are
    // both silent, so the true-peak and link states stay consistent
  }

  /** restart the loudness measurement (integrated, LRA, maxima, true peak) */
  resetLoudness(): void {
    this.meter?.reset();
  }

  /** a named action from the GUI (Kernel.command): "resetLoudness"; other names are ignored */
  command(name: string): void {
    if (name === 'resetLoudness') this.resetLoudness();
  }

  /** the output loudness meter (read-only use: tests, hosts) */
  get loudness(): LoudnessMeter | null {
    return this.meter;
  }

  /** control-rate values from the bank */
  private update(): void {
    const bank = this.bank;
    const p = this.p;
    const fs = this.fs;
    const chains = this.chains;
    const nch = chains.length;
    this.seenSerial = bank.anySerial;

    // release, hold and auto release
    const rel = bank.value[p.release];
    const auto = bank.value[p.autoRelease] >= 0.5 ? 1 : 0;
    const box = lookaheadSamples(bank.value[p.lookahead], fs);
    if (rel !== this.releaseMs || auto !== this.auto || box !== this.boxLength) {
      const aRel = onePole(rel, fs);
      const aSlow = onePole(rel * AUTO_SLOW_FACTOR, fs);
      const aAvg = onePole(AUTO_AVERAGE_MS, fs);
      const window = windowFor(box, holdSamples(rel, fs));
      for (let c = 0; c < nch; c++) {
        chains[c].setRelease(aRel, aSlow, aAvg, auto === 1);
        chains[c].setWindow(window);
      }
      this.releaseMs = rel;
      this.auto = auto;
    }
    if (box !== this.boxLength) {
      for (let c = 0; c < nch; c++) chains[c].setBoxLength(box);
      this.boxLength = box;
      this.delaySamples = delayFor(box);
    }

    // stereo link: joining merges the per-channel chains, splitting copies the joint one
    const link = bank.value[p.link] * 0.01;
    const linked = link >= 1 || nch === 1;
    if (linked !== this.linked) {
      if (linked) for (let c = 1; c < nch; c++) chains[0].mergeMin(chains[c]);
      else for (let c = 1; c < nch; c++) chains[c].copyFrom(chains[0]);
      this.linked = linked;
    }
    this.link = link;

    // true peak: a detector switched on is refilled with the last samples of the delay line
    const tp = bank.value[p.truePeak] >= 0.5;
    if (tp && !this.truePeak) {
      const mask = this.delayMask;
      for (let c = 0; c < nch; c++) {
        const det = this.tps[c];
        const d = this.delay[c];
        det.reset();
        for (let k = TP_TAPS_PER_PHASE; k >= 1; k--) det.push(d[(this.wp - k) & mask]);
      }
    }
    this.truePeak = tp;

    const mode = Math.round(bank.value[p.dither]);
    if (mode !== this.ditherMode) {
      for (let c = 0; c < nch; c++) this.dithers[c].setMode(mode);
      this.ditherMode = mode;
      this.ditherHeadroom = ditherHeadroomLsb(mode);
    }
  }

  process(inputs: readonly Float32Array[], outputs: readonly Float32Array[], start: number, end: number): void {
    if (end <= start) return;
    const bank = this.bank;
    const p = this.p;
    if (bank.anySerial !== this.seenSerial || this.boxLength < 0) this.update();
    let nch = this.channels;
    if (inputs.length < nch) nch = inputs.length;
    if (outputs.length < nch) nch = outputs.length;
    if (nch === 0) return;

    // gain staging, linear per sample across the call (ParamBank ramps move per chunk)
    const n = end - start;
    const ceil0 = bank.value[p.ceiling];
    const ceil1 = bank.valueAfter(p.ceiling, n);
    const pre0 = dbToGain(bank.value[p.gain] - ceil0);
    const pre1 = dbToGain(bank.valueAfter(p.gain, n) - ceil1);
    const post0 = dbToGain(ceil0 + bank.value[p.trim]);
    const post1 = dbToGain(ceil1 + bank.valueAfter(p.trim, n));
    const preStep = (pre1 - pre0) / n;
    const postStep = (post1 - post0) / n;
    const postMin = post0 < post1 ? post0 : post1;

    // dither: keep its excursion inside the ceiling; the grid clamp is the last resort
    let threshold = THRESHOLD;
    let gridMax = 0;
    const dithering = this.ditherMode !== DITHER_OFF;
    if (dithering) {
      const d = this.dithers[0];
      threshold -= (this.ditherHeadroom * d.lsb) / postMin;
      gridMax = d.gridBelow(postMin);
    }

    const ramp = this.ramp;
    ramp[PRE_STEP] = preStep;
    ramp[POST_STEP] = postStep;
    ramp[THRESH] = threshold;
    ramp[GRID] = gridMax;
    for (let s = start; s < end; s += CHUNK) {
      const m = end - s < CHUNK ? end - s : CHUNK;
      const k = s - start;
      ramp[PRE] = pre0 + preStep * k;
      ramp[POST] = post0 + postStep * k;
      this.detect(inputs, nch, s, m);
      this.requiredGains(nch, m);
      this.runChains(nch, m);
      this.output(outputs, nch, s, m, dithering);
      this.wp = (this.wp + m) & this.delayMask;
    }
    this.meter!.process(outputs, start, end);
  }

  /** scale, write the delay line, and detect the peak of each new sample */
  private detect(inputs: readonly Float32Array[], nch: number, s: number, m: number): void {
    const mask = this.delayMask;
    const tpOn = this.truePeak;
    const pre0 = this.ramp[PRE];
    const preStep = this.ramp[PRE_STEP];
    const xs = this.scaled;
    for (let c = 0; c < nch; c++) {
      const x = inputs[c];
      const ring = this.delay[c];
      const pk = this.peak[c];
      let wp = this.wp;
      let pre = pre0;
      let inPk = this.inPeak[c < 2 ? c : 1];
      for (let i = 0; i < m; i++) {
        const v = x[s + i];
        const y = v * pre;
        pre += preStep;
        ring[wp] = y;
        wp = (wp + 1) & mask;
        xs[i] = y;
        // Math.abs compiles branch-free; a sign test mispredicts on noise-like audio
        const a = Math.abs(v);
        inPk = a > inPk ? a : inPk;
      }
      this.inPeak[c < 2 ? c : 1] = inPk;
      if (tpOn) {
        // the interpolated points between the delayed samples, then the sample itself
        this.tps[c].interpolate(xs, 0, m, pk, 0);
        for (let i = 0; i < m; i++) {
          const a = Math.abs(xs[i]);
          if (a > pk[i]) pk[i] = a;
        }
      } else {
        for (let i = 0; i < m; i++) pk[i] = Math.abs(xs[i]);
      }
    }
  }

  /** q = min(1, threshold / peak), with the peaks linked across channels */
  private requiredGains(nch: number, m: number): void {
    const peak = this.peak;
    const threshold = this.ramp[THRESH];
    if (this.linked) {
      const q = this.req[0];
      const p0 = peak[0];
      if (nch === 2) {
        const p1 = peak[1];
        for (let i = 0; i < m; i++) {
          const a = p0[i];
          const b = p1[i];
          const pv = a > b ? a : b;
          q[i] = pv > threshold ? threshold / pv : 1;
        }
      } else {
        for (let i = 0; i < m; i++) {
          let pv = p0[i];
          for (let c = 1; c < nch; c++) if (peak[c][i] > pv) pv = peak[c][i];
          q[i] = pv > threshold ? threshold / pv : 1;
        }
      }
      return;
    }
    // partial link: each channel's peak moves towards the maximum by `link` (never below its own)
    const link = this.link;
    for (let i = 0; i < m; i++) {
      let mx = 0;
      for (let c = 0; c < nch; c++) if (peak[c][i] > mx) mx = peak[c][i];
      for (let c = 0; c < nch; c++) {
        const own = peak[c][i];
        const pv = own + link * (mx - own);
        this.req[c][i] = pv > threshold ? threshold / pv : 1;
      }
    }
  }

  private runChains(nch: number, m: number): void {
    const chains = this.linked ? 1 : nch;
    for (let c = 0; c < chains; c++) this.chains[c].run(this.req[c], this.gains[c], m);
  }

  /** delayed audio times gain, safety clamp, post gain, dither, output meters */
  private output(outputs: readonly Float32Array[], nch: number, s: number, m: number, dithering: boolean): void {
    const post0 = this.ramp[POST];
    const postStep = this.ramp[POST_STEP];
    const gridMax = this.ramp[GRID];
    const mask = this.delayMask;
    const D = this.delaySamples;
    for (let c = 0; c < nch; c++) {
      const out = outputs[c];
      const ring = this.delay[c];
      const g = this.gains[this.linked ? 0 : c];
      const dither = this.dithers[c];
      let rp = (this.wp - D) & mask;
      let post = post0;
      let outPk = this.outPeak[c < 2 ? c : 1];
      let clamps = 0;
      for (let i = 0; i < m; i++) {
        let z = ring[rp] * g[i];
        rp = (rp + 1) & mask;
        if (z > Z_MAX) {
          z = Z_MAX;
          clamps++;
        } else if (z < -Z_MAX) {
          z = -Z_MAX;
          clamps++;
        }
        let y = z * post;
        post += postStep;
        if (dithering) y = dither.process(y, gridMax);
        out[s + i] = y;
        const a = Math.abs(y);
        outPk = a > outPk ? a : outPk;
      }
      this.outPeak[c < 2 ? c : 1] = outPk;
      this.clampCount += clamps;
    }
  }

  writeMeters(out: Float32Array): void {
    const mono = this.channels === 1;
    out[LIM_METER_IN_L] = floorDb(gainToDb(this.inPeak[0]));
    out[LIM_METER_IN_R] = floorDb(gainToDb(this.inPeak[mono ? 0 : 1]));
    out[LIM_METER_OUT_L] = floorDb(gainToDb(this.outPeak[0]));
    out[LIM_METER_OUT_R] = floorDb(gainToDb(this.outPeak[mono ? 0 : 1]));
    let gMin = 1;
    for (const ch of this.chains) {
      if (ch.minGain[0] < gMin) gMin = ch.minGain[0];
      ch.minGain[0] = 1;
    }
    out[LIM_METER_GR] = gMin < 1 ? -gainToDb(gMin) : 0;
    const lm = this.meter;
    if (lm) {
      out[LIM_METER_MOMENTARY] = floorDb(lm.momentary);
      out[LIM_METER_SHORT_TERM] = floorDb(lm.shortTerm);
      out[LIM_METER_INTEGRATED] = floorDb(lm.integrated);
      out[LIM_METER_LRA] = lm.loudnessRange;
      out[LIM_METER_TRUE_PEAK] = floorDb(lm.truePeak);
      out[LIM_METER_MAX_MOMENTARY] = floorDb(lm.maxMomentary);
      out[LIM_METER_MAX_SHORT_TERM] = floorDb(lm.maxShortTerm);
    }
    this.inPeak.fill(0);
    this.outPeak.fill(0);
  }
}
