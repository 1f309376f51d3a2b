/**
 * Box (moving-average) filter of a gain signal in (0, 1], exact: it works on the deficit
 * 1 - M quantised upwards to multiples of 2^-40, so every sum is an integer multiple of 2^-40
 * below 2^53 * 2^-40 and the running sum never drifts. A window of gains of exactly 1 sums to
 * exactly 0 and the output is exactly 1 (the limiter's null condition). Quantising the deficit
 * upwards can only lower the gain (by < 2^-40), never raise it above the exact mean.
 */
const QUANT = 1099511627776; // 2^40

function pow2AtLeast(n: number): number {
  let c = 2;
  while (c < n) c <<= 1;
  return c;
}

export class BoxMean {
  /** quantised deficits, in units of 2^-40 */
  readonly ring: Float64Array;
  private readonly mask: number;
  /** next write index */
  pos = 0;
  /** box length */
  length = 1;
  /** sum of the last `length` deficits (an integer) */
  sum = 0;
  private scale = 1 / QUANT;

  constructor(maxLength: number) {
    // 2^40 * maxLength must stay below 2^53 for exact sums
    if (!(maxLength >= 1 && maxLength < 8192)) throw new RangeError(`BoxMean: length ${maxLength} out of range`);
    const cap = pow2AtLeast(maxLength + 1);
    this.ring = new Float64Array(cap);
    this.mask = cap - 1;
  }

  reset(): void {
    this.ring.fill(0);
    this.pos = 0;
    this.sum = 0;
  }

  /** change the length; the sum is recomputed from the ring (which keeps maxLength values) */
  setLength(length: number): void {
    this.length = length;
    this.scale = 1 / (QUANT * length);
    this.resum();
  }

  /** exact sum of the last `length` deficits */
  resum(): void {
    let s = 0;
    const r = this.ring;
    for (let k = 1; k <= this.length; k++) s += r[(this.pos - k) & this.mask];
    this.sum = s;
  }

  /** add gain m; returns the mean gain of the last `length` values */
  push(m: number): number {
    const d = Math.ceil((1 - m) * QUANT);
    const r = this.ring;
    const p = this.pos;
    this.sum += d - r[(p - this.length) & this.mask];
    r[p] = d;
    this.pos = (p + 1) & this.mask;
    return 1 - this.sum * this.scale;
  }

  /** overwrite the deficit written `back` pushes ago (1 = the latest) */
  setPast(back: number, m: number): void {
    this.ring[(this.pos - back) & this.mask] = Math.ceil((1 - m) * QUANT);
  }

  copyFrom(o: BoxMean): void {
    this.ring.set(o.ring);
    this.pos = o.pos;
    this.length = o.length;
    this.sum = o.sum;
    this.scale = o.scale;
  }
}
