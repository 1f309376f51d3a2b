/**
 * Meter arithmetic, DOM-free: amplitude <-> dBFS, dB -> bar position, and the display
 * ballistics of a digital peak meter with peak hold.
 */

/** below this a level reads as silence */
export const SILENCE_DB = -150;

/** 20 log10 |a| (dBFS for a full-scale amplitude of 1), floored at SILENCE_DB. */
export function ampToDb(a: number): number {
  const m = Math.abs(a);
  if (!(m > 0)) return SILENCE_DB;
  const db = 20 * Math.log10(m);
  return db < SILENCE_DB ? SILENCE_DB : db;
}

export function dbToAmp(db: number): number {
  return Math.pow(10, db / 20);
}

export interface MeterRange {
  /** bottom of the scale in dB */
  readonly min: number;
  /** top of the scale in dB */
  readonly max: number;
}

export const LEVEL_RANGE: MeterRange = { min: -60, max: 6 };

/**
 * Bar position 0..1 of a level: linear in dB between the ends of the scale (the scale of a
 * digital dBFS meter), clamped.
 */
export function dbToMeter(db: number, r: MeterRange = LEVEL_RANGE): number {
  if (!(db > r.min)) return 0;
  if (db >= r.max) return 1;
  return (db - r.min) / (r.max - r.min);
}

export function meterToDb(pos: number, r: MeterRange = LEVEL_RANGE): number {
  return r.min + (r.max - r.min) * (pos < 0 ? 0 : pos > 1 ? 1 : pos);
}

/** Scale marks for a meter: every `step` dB from max down to min (inclusive when on the grid). */
export function meterTicks(r: MeterRange = LEVEL_RANGE, step = 6): number[] {
  const out: number[] = [];
  const top = Math.floor(r.max / step) * step;
  for (let db = top; db >= r.min; db -= step) out.push(db);
  return out;
}

export interface BallisticsOptions {
  /** fall rate of the bar in dB per second: 20 dB in 1.7 s is the return time IEC 60268-18 sets for digital peak meters */
  readonly fallDbPerSecond: number;
  /** time the peak-hold mark stays before it falls */
  readonly holdSeconds: number;
  /** level at or above which the clip indicator latches */
  readonly clipDb: number;
}

export const DEFAULT_BALLISTICS: BallisticsOptions = {
  fallDbPerSecond: 20 / 1.7,
  holdSeconds: 1.5,
  clipDb: 0,
};

/**
 * One channel of a peak meter display. The processor reports the maximum |sample| since the
 * previous frame (peak restarts on each read) and an RMS level; the display rises at once,
 * falls at a fixed dB rate, and holds the highest peak for holdSeconds before letting it fall.
 */
export class MeterBallistics {
  peak = SILENCE_DB;
  rms = SILENCE_DB;
  hold = SILENCE_DB;
  clipped = false;
  private holdAge = 0;

  constructor(private readonly opt: BallisticsOptions = DEFAULT_BALLISTICS) {}

  /** feed one frame (levels in dB) after dt seconds; returns this for chaining */
  update(peakDb: number, rmsDb: number, dt: number): this {
    const fall = this.opt.fallDbPerSecond * Math.max(0, dt);
    this.peak = peakDb >= this.peak - fall ? peakDb : this.peak - fall;
    this.rms = rmsDb;
    if (peakDb >= this.hold) {
      this.hold = peakDb;
      this.holdAge = 0;
    } else {
      this.holdAge += dt;
      if (this.holdAge > this.opt.holdSeconds) this.hold = Math.max(this.peak, this.hold - fall);
    }
    if (peakDb >= this.opt.clipDb) this.clipped = true;
    if (this.peak < SILENCE_DB) this.peak = SILENCE_DB;
    if (this.hold < SILENCE_DB) this.hold = SILENCE_DB;
    return this;
  }

  /** let the display decay with no new frame (e.g. when frames stop arriving) */
  decay(dt: number): this {
    return this.update(SILENCE_DB, this.rms, dt);
  }

  resetClip(): void {
    this.clipped = false;
  }

  reset(): void {
    this.peak = this.rms = this.hold = SILENCE_DB;
    this.holdAge = 0;
    this.clipped = false;
  }
}

export type ReductionScale = 'db' | 'reduction' | 'gain';

/**
 * Gain reduction in dB (>= 0) from what a processor reports: 'db' a gain change in dB
 * (negative when reducing), 'reduction' a positive amount of reduction in dB, 'gain' a linear
 * gain factor (< 1 when reducing). Gain increases read as 0; unreadable values as 0.
 */
export function reductionDb(value: number, scale: ReductionScale): number {
  if (!(value === value)) return 0;
  const r = scale === 'reduction' ? value : scale === 'gain' ? -ampToDb(value) : -value;
  return r > 0 ? r : 0;
}
