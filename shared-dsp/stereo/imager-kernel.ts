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
 * their serial changes (per 32-frame chunk while they ramp; every filter is a direct-form-I
 * section whose state is past signal values, so the small steps pass smoothly, df1.ts).
 * Speed (the settled heavy path, per chunk): bass mono reads the input channels directly, signs
 * of polarity and the swap folded into M/S (bass-mono.ts processLR); the 4-band tree in two
 * loops (band-tree.ts); one output loop applying rotation, balance and output gain as a 2 x 2
 * matrix on (M', S') with the meter sums and peaks, which also decide whether the output needs
 * guardOutput (guardsOutput). Nothing passes doubles to a call that may not be inlined, and no
 * branch depends on the signal's sign (in V8 both cost as much as whole filter sections).
 * Switches that change the signal path (band split on/off, band count, bass mono on/off,
 * polarity, swap) crossfade over 20 ms; a new band count waits until the split has faded out,
 * then rebuilds the tree and fades back in. The filters of the band tree keep running whenever
 * 2..4 bands are selected, so the split fades in warm. A freshly reset kernel starts in its
 * target state without fades.
 */
import type { Kernel } from '../core/kernel.js';
import { OUTPUT_CEILING, guardOutput } from '../core/run-kernel.js';
import type { ParamBank } from '../params/param-bank.js';
import { BandSplitter, orderCrossoversInPlace } from './band-splitter.js';
import { BassMono } from './bass-mono.js';
import { CorrelationMeter, VectorscopeBuffer } from './correlation.js';
import { IMAGER_METER, IMAGER_METER_SIZE, IMAGER_SCOPE_POINTS } from './imager-meters.js';
import { crossfadeInto, midSideOf, scaleRamp, toMidSide, widthExact } from './ms-width.js';

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
  readonly monoBelow: number;
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

// control block layouts
/** parameter values read per chunk: start values at [k], end values at [PV + k] */
const PV_WIDTH = 0;
const PV_BAND = 1; // 4 band widths
const PV_ROT = 5;
const PV_BAL = 6;
const PV_OUT = 7;
const PV = 8;
/** crossfades: band split, bass mono, polarity L/R (+1..-1), swap */
const F_SPLIT = 0;
const F_MONO = 1;
const F_POLL = 2;
const F_POLR = 3;
const F_SWAP = 4;
const FADES = 5;
/** placement per chunk: rotation cos/sin and channel gains, start and end */
const PL_C0 = 0, PL_S0 = 1, PL_C1 = 2, PL_S1 = 3, PL_L0 = 4, PL_L1 = 5, PL_R0 = 6, PL_R1 = 7;

export class ImagerKernel implements Kernel {
  readonly latency = 0;
  readonly meterSize = IMAGER_METER_SIZE;
  /** the output loops know each chunk's peaks and sums of squares: they call guardOutput when needed */
  readonly guardsOutput = true;

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

  // control blocks (typed arrays, so per-chunk control code passes no boxed doubles around)
  private readonly pvIndex: Int32Array;
  private readonly pv = new Float64Array(2 * PV);
  private readonly fadePos = new Float64Array(FADES);
  private readonly fadeTarget = new Float64Array(FADES);
  private readonly fade0 = new Float64Array(FADES);
  private readonly fade1 = new Float64Array(FADES);
  private readonly fadeK = new Int32Array(FADES);
  private readonly place = new Float64Array(8);
  /** output loop results: sum L^2, sum R^2, sum L R, peak L, peak R */
  private readonly sums = new Float64Array(5);
  /** plain side gain at the chunk start and end; output matrix of the settled M/S path */
  private readonly gp = new Float64Array(2);
  private readonly mat = new Float64Array(4);
  private fresh = true;
  private monoLive = false;

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
    const bw = layout.bandWidth;
    this.pvIndex = Int32Array.from([layout.width, bw[0], bw[1], bw[2], bw[3], layout.rotation, layout.balance, layout.output]);
    this.fadePos[F_POLL] = this.fadePos[F_POLR] = 1;
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
    this.splitter.prepare(cap);
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
        guardOutput(dst, start, end);
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
    out[M.MONO_FREQ] = this.fadePos[F_MONO] > 0 ? this.mono.frequency : 0;
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
      // arrays in, so the redesign boxes no doubles
      const f = this.crossovers;
      f[0] = v[x[0]];
      f[1] = v[x[1]];
      f[2] = v[x[2]];
      orderCrossoversInPlace(f, this.sampleRate);
      this.splitter.setCrossoversFrom(f, this.sampleRate);
    }
    if (this.coefsDirty || s[p.monoBelow] !== this.monoSerial) {
      this.monoSerial = s[p.monoBelow];
      this.mono.setFrequencyAt(v, p.monoBelow, this.sampleRate);
    }
    this.coefsDirty = false;
  }

  /** Parameter values at the chunk start and end into pv (ramps only when the bank moves). */
  private readParams(off: number, n: number): void {
    const bank = this.bank, v = bank.value, idx = this.pvIndex, pv = this.pv;
    if (!bank.active) {
      for (let k = 0; k < PV; k++) pv[k] = pv[PV + k] = v[idx[k]];
      return;
    }
    for (let k = 0; k < PV; k++) {
      const i = idx[k];
      pv[k] = off === 0 ? v[i] : bank.valueAfter(i, off);
      pv[PV + k] = bank.valueAfter(i, off + n);
    }
  }

  /**
   * Move every crossfade towards its target by n frames (20 ms for a full fade, polarity twice
   * the rate as it travels +1..-1): fade0/fade1 get the positions at the chunk start and end,
   * fadeK the frames the fade moves within the chunk (it keeps its slope and then holds, so a
   * fade is linear whatever the chunk sizes).
   */
  private stepFades(n: number): void {
    const pos = this.fadePos, tgt = this.fadeTarget;
    for (let k = 0; k < FADES; k++) {
      const rate = k === F_POLL || k === F_POLR ? 2 * this.fadeStep : this.fadeStep;
      const x = pos[k], t = tgt[k], d = rate * n;
      const y = x < t ? (x + d < t ? x + d : t) : x > t ? (x - d > t ? x - d : t) : x;
      this.fade0[k] = x;
      this.fade1[k] = y;
      pos[k] = y;
      if (x === y) this.fadeK[k] = 0;
      else {
        const frames = Math.ceil((y > x ? y - x : x - y) / rate - 1e-6);
        this.fadeK[k] = frames < n ? frames : n;
      }
    }
  }

  /** Rotation cos/sin and the channel gains (balance x output) at the chunk start and end. */
  private placement(): void {
    const pv = this.pv, pl = this.place;
    for (let e = 0; e < 2; e++) {
      const deg = pv[e * PV + PV_ROT];
      // the laws of placement.ts (rotationCos/Sin, dbToGain) written out: functions that return
      // doubles box them when they are not inlined
      if (deg !== this.rotDeg) {
        this.rotDeg = deg;
        const a = (deg * Math.PI) / 180;
        this.rotCos = deg === 0 ? 1 : Math.cos(a);
        this.rotSin = deg === 0 ? 0 : Math.sin(a);
      }
      const db = pv[e * PV + PV_OUT];
      if (db !== this.outDb) {
        this.outDb = db;
        this.outGain = db === 0 ? 1 : Math.pow(10, db / 20);
      }
      const b = pv[e * PV + PV_BAL] / 100;
      pl[PL_C0 + 2 * e] = this.rotCos;
      pl[PL_S0 + 2 * e] = this.rotSin;
      pl[PL_L0 + e] = this.outGain * (b > 0 ? 1 - b : 1); // balanceLeft (placement.ts)
      pl[PL_R0 + e] = this.outGain * (b < 0 ? 1 + b : 1); // balanceRight
    }
  }

  private processChunk(inL: Float32Array, inR: Float32Array, outL: Float32Array, outR: Float32Array, pos: number, n: number, off: number): void {
    const p = this.p, v = this.bank.value, pv = this.pv, f0 = this.fade0, f1 = this.fade1, fk = this.fadeK;
    const bl = this.bl, br = this.br, bm = this.bm, bs = this.bs, tm = this.tm, ts = this.ts, side = this.side;
    this.readParams(off, n);

    // ---- band topology and side gains
    let wanted = v[p.bands] | 0;
    wanted = wanted < 1 ? 1 : wanted > 4 ? 4 : wanted;
    const splitter = this.splitter;
    if (wanted !== splitter.bands && this.fadePos[F_SPLIT] === 0) splitter.setBands(wanted);
    const nb = splitter.bands;
    const w0 = pv[PV_WIDTH] / 100, w1 = pv[PV + PV_WIDTH] / 100;
    const g0 = this.g0, g1 = this.g1;
    for (let k = 0; k < 4; k++) {
      g0[k] = w0 * (pv[PV_BAND + k] / 100);
      g1[k] = w1 * (pv[PV + PV_BAND + k] / 100);
    }
    let equal = true;
    let sum0 = g0[0], sum1 = g1[0];
    for (let k = 1; k < nb; k++) {
      if (g0[k] !== g0[0] || g1[k] !== g1[0]) equal = false;
      sum0 += g0[k];
      sum1 += g1[k];
    }
    // side gain of the plain form: the common gain, or the mean while a split fades
    const gp = this.gp;
    gp[0] = equal ? g0[0] : sum0 / nb;
    gp[1] = equal ? g1[0] : sum1 / nb;

    // ---- path targets and crossfades
    const tgt = this.fadeTarget;
    tgt[F_SPLIT] = nb > 1 && nb === wanted && !equal ? 1 : 0;
    tgt[F_MONO] = v[p.monoOn] >= 0.5 ? 1 : 0;
    tgt[F_POLL] = v[p.invertL] >= 0.5 ? -1 : 1;
    tgt[F_POLR] = v[p.invertR] >= 0.5 ? -1 : 1;
    tgt[F_SWAP] = v[p.swap] >= 0.5 ? 1 : 0;
    if (this.fresh) {
      this.fresh = false;
      this.fadePos.set(tgt);
    }
    this.stepFades(n);
    const a0 = f0[F_SPLIT], a1 = f1[F_SPLIT], m0 = f0[F_MONO], m1 = f1[F_MONO];

    // ---- 1. polarity and swap; settled, they only pick the source arrays and the signs of M/S
    const sw0 = f0[F_SWAP], pol0 = f0[F_POLL], por0 = f0[F_POLR];
    const inSettled = sw0 === f1[F_SWAP] && (sw0 === 0 || sw0 === 1) && pol0 === f1[F_POLL] && por0 === f1[F_POLR];
    const swapped = sw0 === 1;
    const srcL = swapped ? inR : inL, srcR = swapped ? inL : inR;
    const sl = (swapped ? por0 : pol0) < 0 ? -1 : 1, sr = (swapped ? pol0 : por0) < 0 ? -1 : 1;

    // ---- 2. width
    const monoRun = m0 > 0 || m1 > 0;
    if (!monoRun && this.monoLive) {
      this.mono.reset();
      this.monoLive = false;
    }
    const midSide = monoRun || a0 !== 0 || a1 !== 0; // else the plain (bit-exact) form
    if (!midSide) {
      inputStage(inL, inR, pos, bl, br, n, f0, f1, fk);
      if (nb > 1) {
        // keep the band tree warm for a later fade-in (results unused)
        toMidSide(bl, br, bm, bs, n);
        splitter.process(bm, bs, side, n, g0, g1);
      }
      if (gp[0] !== 1 || gp[1] !== 1) widthExact(bl, br, n, gp);
    } else {
      // bm = M, bs = S, through bass mono when it runs
      if (monoRun) this.monoLive = true;
      const monoOn = m0 === 1 && m1 === 1;
      if (inSettled && monoOn) this.mono.processLR(srcL, srcR, pos, sl, sr, bm, bs, n);
      else if (inSettled && !monoRun) midSideOf(srcL, srcR, pos, sl, sr, bm, bs, n);
      else {
        inputStage(inL, inR, pos, bl, br, n, f0, f1, fk);
        toMidSide(bl, br, tm, ts, n);
        bm.set(tm);
        bs.set(ts);
        if (monoRun) {
          this.mono.process(bm, bs, n);
          if (!monoOn) {
            crossfadeInto(bm, tm, n, f0, f1, fk, F_MONO);
            crossfadeInto(bs, ts, n, f0, f1, fk, F_MONO);
          }
        }
      }
      // band split: bm = M', side = S'
      if (nb > 1 && a0 === 1 && a1 === 1) splitter.process(bm, bs, side, n, g0, g1);
      else if (nb > 1) {
        tm.set(bm);
        splitter.process(tm, bs, side, n, g0, g1); // tm: allpassed mid, side: band sum
        if (a0 === 0 && a1 === 0) scaleRamp(bs, side, n, gp);
        else {
          // fade mid and side from the plain to the split form
          crossfadeInto(tm, bm, n, f0, f1, fk, F_SPLIT);
          bm.set(tm);
          scaleRamp(bs, ts, n, gp);
          crossfadeInto(side, ts, n, f0, f1, fk, F_SPLIT);
        }
      } else scaleRamp(bs, side, n, gp);
    }

    // ---- 3. rotation, balance, output gain, written out with the peaks and meter sums
    this.placement();
    this.writeOut(outL, outR, pos, n, midSide);
    const sums = this.sums;
    // needsGuard (run-kernel.ts) written out: a call that is not inlined would box its arguments
    if (!(sums[3] <= OUTPUT_CEILING) || !(sums[0] < Infinity)) guardOutput(outL, pos, pos + n);
    if (!(sums[4] <= OUTPUT_CEILING) || !(sums[1] < Infinity)) guardOutput(outR, pos, pos + n);
    this.meter.accumulate(sums, n);
    this.scope.push(outL, outR, pos, n);
  }

  /**
   * Output loop: L' = gl (c L - s R), R' = gr (s L + c R) with c, s, gl, gr moving linearly over
   * the chunk (c = 1, s = 0, gains 1: a plain copy); from L = M' + S', R = M' - S' when midSide,
   * then with c, s, gl, gr settled as one matrix on (M', S'):
   *   L' = gl (c - s) M' + gl (c + s) S',  R' = gr (c + s) M' + gr (s - c) S'
   * (neutral: M' + S', M' - S', the same bits as the plain form). Also the peaks and the sums for
   * the correlation meter.
   */
  private writeOut(outL: Float32Array, outR: Float32Array, pos: number, n: number, midSide: boolean): void {
    const pl = this.place;
    const xa = midSide ? this.bm : this.bl, ya = midSide ? this.side : this.br;
    const c0 = pl[PL_C0], s0 = pl[PL_S0], l0 = pl[PL_L0], r0 = pl[PL_R0];
    const settled = c0 === pl[PL_C1] && s0 === pl[PL_S1] && l0 === pl[PL_L1] && r0 === pl[PL_R1];
    if (midSide && settled) {
      const mat = this.mat;
      mat[0] = l0 * (c0 - s0);
      mat[1] = l0 * (c0 + s0);
      mat[2] = r0 * (c0 + s0);
      mat[3] = r0 * (s0 - c0);
      writeMatrix(xa, ya, outL, outR, pos, n, mat, this.sums);
    } else if (!midSide && settled && c0 === 1 && s0 === 0 && l0 === 1 && r0 === 1) {
      writeCopy(xa, ya, outL, outR, pos, n, this.sums);
    } else {
      const inv = 1 / n;
      let c = c0, sn = s0, gl = l0, gr = r0;
      const dc = (pl[PL_C1] - c) * inv, ds = (pl[PL_S1] - sn) * inv;
      const dl = (pl[PL_L1] - gl) * inv, dr = (pl[PL_R1] - gr) * inv;
      let sll = 0, srr = 0, slr = 0, pkL = 0, pkR = 0;
      for (let i = 0; i < n; i++) {
        c += dc;
        sn += ds;
        gl += dl;
        gr += dr;
        const u = xa[i], w = ya[i];
        const x = midSide ? u + w : u, y = midSide ? u - w : w;
        const a = (c * x - sn * y) * gl, b = (sn * x + c * y) * gr;
        outL[pos + i] = a;
        outR[pos + i] = b;
        sll += a * a;
        srr += b * b;
        slr += a * b;
        const aa = Math.abs(a), bb = Math.abs(b);
        pkL = aa > pkL ? aa : pkL;
        pkR = bb > pkR ? bb : pkR;
      }
      const sums = this.sums;
      sums[0] = sll;
      sums[1] = srr;
      sums[2] = slr;
      sums[3] = pkL;
      sums[4] = pkR;
    }
    const sums = this.sums;
    if (sums[3] > this.peakL) this.peakL = sums[3];
    if (sums[4] > this.peakR) this.peakR = sums[4];
  }
}

/**
 * Output loop of the settled M/S path: L = pLM M + pLS S, R = pRM M + pRS S (mat = [pLM, pLS, pRM,
 * pRS]), with the meter sums.
 */
function writeMatrix(m: Float64Array, s: Float64Array, outL: Float32Array, outR: Float32Array, pos: number, n: number, mat: Float64Array, sums: Float64Array): void {
  const pLM = mat[0], pLS = mat[1], pRM = mat[2], pRS = mat[3];
  let sll = 0, srr = 0, slr = 0, pkL = 0, pkR = 0;
  for (let i = 0; i < n; i++) {
    const u = m[i], w = s[i];
    const a = pLM * u + pLS * w, b = pRM * u + pRS * w;
    outL[pos + i] = a;
    outR[pos + i] = b;
    sll += a * a;
    srr += b * b;
    slr += a * b;
    const aa = Math.abs(a), bb = Math.abs(b);
    pkL = aa > pkL ? aa : pkL;
    pkR = bb > pkR ? bb : pkR;
  }
  sums[0] = sll;
  sums[1] = srr;
  sums[2] = slr;
  sums[3] = pkL;
  sums[4] = pkR;
}

/** Output loop of the neutral plain path: a copy, with the meter sums. */
function writeCopy(l: Float64Array, r: Float64Array, outL: Float32Array, outR: Float32Array, pos: number, n: number, sums: Float64Array): void {
  let sll = 0, srr = 0, slr = 0, pkL = 0, pkR = 0;
  for (let i = 0; i < n; i++) {
    const a = l[i], b = r[i];
    outL[pos + i] = a;
    outR[pos + i] = b;
    sll += a * a;
    srr += b * b;
    slr += a * b;
    const aa = Math.abs(a), bb = Math.abs(b);
    pkL = aa > pkL ? aa : pkL;
    pkR = bb > pkR ? bb : pkR;
  }
  sums[0] = sll;
  sums[1] = srr;
  sums[2] = slr;
  sums[3] = pkL;
  sums[4] = pkR;
}

/**
 * Polarity then swap into Float64 work buffers: l = (1 - x) pl L + x pr R, r = (1 - x) pr R + x pl L,
 * pl/pr moving +1..-1 and x 0..1 linearly (start f0, end f1, over the first fk frames);
 * settled values copy exactly.
 */
function inputStage(
  inL: Float32Array,
  inR: Float32Array,
  pos: number,
  l: Float64Array,
  r: Float64Array,
  n: number,
  f0: Float64Array,
  f1: Float64Array,
  fk: Int32Array,
): void {
  const pl0 = f0[F_POLL], pl1 = f1[F_POLL], pr0 = f0[F_POLR], pr1 = f1[F_POLR], x0 = f0[F_SWAP], x1 = f1[F_SWAP];
  if (pl0 === pl1 && pr0 === pr1 && x0 === x1 && (x0 === 0 || x0 === 1)) {
    const swapped = x0 === 1;
    copyGain(swapped ? inR : inL, pos, l, n, (swapped ? pr0 : pl0) === 1);
    copyGain(swapped ? inL : inR, pos, r, n, (swapped ? pl0 : pr0) === 1);
    return;
  }
  const kl = fk[F_POLL], kr = fk[F_POLR], kx = fk[F_SWAP];
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

function copyGain(src: Float32Array, pos: number, dst: Float64Array, n: number, positive: boolean): void {
  if (positive) for (let i = 0; i < n; i++) dst[i] = src[pos + i];
  else for (let i = 0; i < n; i++) dst[i] = -src[pos + i];
}
