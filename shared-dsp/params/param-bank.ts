/**
 * ParamBank: the smoothed parameter values a kernel reads while it processes.
 *
 * Every parameter ramps linearly to its target over its smoothing time (in the log domain
 * for log-skewed ones such as frequencies, so a sweep moves evenly in octaves). Ramps reach
 * their target exactly, so a parameter that comes back to its default is bit-exact again.
 * Nothing here allocates after construction.
 *
 * Protocol: the processor shell sets targets (automation, host moves, state), and calls
 * `advance(n)` after the kernel has processed n frames. While any ramp is active the shell
 * hands the kernel chunks of at most `CONTROL_FRAMES`, so coefficient updates follow a moving
 * parameter at that rate. Kernels detect changes by comparing `serial[i]` with the value they
 * saw last, and read `value[i]` (at the chunk start) and `valueAfter(i, n)` (at its end) to
 * interpolate per sample where that matters (gains, mixes).
 */

export interface ParamSpec {
  readonly min: number;
  readonly max: number;
  readonly default: number;
  /** ramp time in ms; 0 means the value jumps (discrete parameters) */
  readonly smoothingMs: number;
  /** ramp in the log domain (requires min > 0) */
  readonly log: boolean;
  /** round to an integer (int, boolean, choice) */
  readonly discrete: boolean;
}

/** Chunk length while parameters move: coefficients follow at fs / 32 (1.5 kHz at 48 kHz). */
export const CONTROL_FRAMES = 32;

export class ParamBank {
  readonly size: number;
  /** value now (at the start of the next frame to process) */
  readonly value: Float64Array;
  /** where each ramp goes */
  readonly target: Float64Array;
  /** bumped whenever value[i] changes; kernels compare it with what they saw */
  readonly serial: Uint32Array;
  /** any change at all: a cheap first test for kernels */
  anySerial = 0;

  private readonly specs: readonly ParamSpec[];
  private readonly rampPos: Float64Array; // ramp variable (log of value for log params)
  private readonly rampStep: Float64Array;
  private readonly rampLeft: Int32Array; // frames left in the ramp
  private readonly rampSamples: Int32Array;
  private readonly activeList: Int32Array;
  private activeCount = 0;

  constructor(specs: readonly ParamSpec[]) {
    this.specs = specs;
    const n = (this.size = specs.length);
    this.value = new Float64Array(n);
    this.target = new Float64Array(n);
    this.serial = new Uint32Array(n);
    this.rampPos = new Float64Array(n);
    this.rampStep = new Float64Array(n);
    this.rampLeft = new Int32Array(n);
    this.rampSamples = new Int32Array(n);
    this.activeList = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const s = specs[i];
      if (!(s.min < s.max) || !(s.default >= s.min && s.default <= s.max) || (s.log && s.min <= 0)) {
        throw new Error(`ParamBank: bad spec at index ${i}`);
      }
      this.value[i] = this.target[i] = s.default;
    }
    this.prepare(48000);
  }

  /** Ramp lengths depend on the sample rate. */
  prepare(sampleRate: number): void {
    for (let i = 0; i < this.size; i++) {
      const s = this.specs[i];
      this.rampSamples[i] = s.discrete ? 0 : Math.max(0, Math.round((s.smoothingMs * sampleRate) / 1000));
    }
  }

  get active(): boolean {
    return this.activeCount > 0;
  }

  /** Clamp to the declared range; NaN goes to the default; discrete values are rounded. */
  clamp(i: number, v: number): number {
    const s = this.specs[i];
    if (v !== v) return s.default;
    if (s.discrete) v = Math.round(v);
    return v < s.min ? s.min : v > s.max ? s.max : v;
  }

  /** Start a ramp to v (or jump, for discrete parameters and smoothing 0). */
  setTarget(i: number, v: number): void {
    v = this.clamp(i, v);
    const len = this.rampSamples[i];
    if (len <= 0) {
      this.setNow(i, v);
      return;
    }
    if (v === this.target[i] && this.rampLeft[i] === 0 && this.value[i] === v) return;
    this.target[i] = v;
    const s = this.specs[i];
    const from = s.log ? Math.log(this.value[i]) : this.value[i];
    const to = s.log ? Math.log(v) : v;
    this.rampPos[i] = from;
    this.rampStep[i] = (to - from) / len;
    if (this.rampLeft[i] === 0) this.activeList[this.activeCount++] = i;
    this.rampLeft[i] = len;
  }

  /** Jump to v at once (state restore, initial values, discrete parameters). */
  setNow(i: number, v: number): void {
    v = this.clamp(i, v);
    this.target[i] = v;
    if (this.rampLeft[i] > 0) this.removeActive(i);
    if (this.value[i] !== v) {
      this.value[i] = v;
      this.serial[i]++;
      this.anySerial++;
    }
  }

  /**
   * True while parameter i ramps. Callers on the audio thread test this before valueAfter: a
   * double returned from a call V8 does not inline is boxed on the heap, a boolean is not.
   */
  moving(i: number): boolean {
    return this.rampLeft[i] !== 0;
  }

  /** Value of parameter i after n more frames of its ramp. */
  valueAfter(i: number, n: number): number {
    const left = this.rampLeft[i];
    if (left === 0) return this.value[i];
    if (n >= left) return this.target[i];
    const p = this.rampPos[i] + this.rampStep[i] * n;
    return this.specs[i].log ? Math.exp(p) : p;
  }

  /** Frames until every active ramp has ended (0 when idle). */
  framesToRest(): number {
    let m = 0;
    for (let k = 0; k < this.activeCount; k++) {
      const left = this.rampLeft[this.activeList[k]];
      m = left > m ? left : m;
    }
    return m;
  }

  /** Move every active ramp on by n frames. */
  advance(n: number): void {
    let k = 0;
    while (k < this.activeCount) {
      const i = this.activeList[k];
      const left = this.rampLeft[i] - n;
      if (left <= 0) {
        this.rampLeft[i] = 0;
        this.value[i] = this.target[i];
        this.activeList[k] = this.activeList[--this.activeCount];
      } else {
        this.rampLeft[i] = left;
        const p = (this.rampPos[i] += this.rampStep[i] * n);
        this.value[i] = this.specs[i].log ? Math.exp(p) : p;
        k++;
      }
      this.serial[i]++;
      this.anySerial++;
    }
  }

  /** Every parameter back to its default, at once. */
  resetToDefaults(): void {
    for (let i = 0; i < this.size; i++) this.setNow(i, this.specs[i].default);
  }

  private removeActive(i: number): void {
    this.rampLeft[i] = 0;
    for (let k = 0; k < this.activeCount; k++) {
      if (this.activeList[k] === i) {
        this.activeList[k] = this.activeList[--this.activeCount];
        return;
      }
    }
  }
}
