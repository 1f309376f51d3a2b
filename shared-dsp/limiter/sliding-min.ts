/**
 * Sliding minimum over the last `window` values, O(1) amortised per value: a monotonic deque
 * (ascending values from front to back) kept in preallocated rings. A new value removes every
 * value at the back that is not smaller (it outlives them and is no larger), then values whose
 * time has left the window drop off the front; the front is the minimum.
 *
 * The window may change at any time. Shrinking drops more from the front at the next push;
 * growing cannot bring back values already dropped (the limiter only needs the window to be at
 * least L + SPAN long, so what was dropped under a smaller valid window is not needed).
 */
function pow2AtLeast(n: number): number {
  let c = 2;
  while (c < n) c <<= 1;
  return c;
}

export class SlidingMin {
  /** values and their times (the step counter, exact in float64) */
  readonly vals: Float64Array;
  readonly times: Float64Array;
  private readonly mask: number;
  /** ring index of the front (the minimum) */
  head = 0;
  /** number of values in the deque */
  count = 0;
  /** window length in steps, >= 1 */
  window = 1;

  constructor(maxWindow: number) {
    const cap = pow2AtLeast(maxWindow + 1);
    this.vals = new Float64Array(cap);
    this.times = new Float64Array(cap);
    this.mask = cap - 1;
  }

  reset(): void {
    this.head = 0;
    this.count = 0;
  }

  /** add value v at time t (strictly increasing); returns min over times (t - window, t] */
  push(v: number, t: number): number {
    const vals = this.vals;
    const times = this.times;
    const mask = this.mask;
    let head = this.head;
    let count = this.count;
    // drop from the back every value >= v
    while (count > 0 && vals[(head + count - 1) & mask] >= v) count--;
    const back = (head + count) & mask;
    vals[back] = v;
    times[back] = t;
    count++;
    // drop from the front what has left the window (the newest value always stays)
    const oldest = t - this.window;
    while (times[head] <= oldest) {
      head = (head + 1) & mask;
      count--;
    }
    this.head = head;
    this.count = count;
    return vals[head];
  }

  copyFrom(o: SlidingMin): void {
    this.vals.set(o.vals);
    this.times.set(o.times);
    this.head = o.head;
    this.count = o.count;
    this.window = o.window;
  }
}
