/**
 * Level detectors that feed the gain computer.
 *
 * PeakHold: the maximum of |x| over the last `hold` samples (an exact sliding maximum). With a 1 ms hold a steady tone above 500 Hz reads its
 *   peak without ripple (|x| repeats every half period), so the static curve applies exactly;
 *   the release starts `hold` samples after the level drops.
 * RmsWindow: the mean square over a rectangular window (the textbook RMS over a window),
 *   followed by a one-pole of half the window's length that smooths what ripple is left. A sine
 *   reads A^2/2 (3.01 dB below its peak) once settled: exactly when the window holds a whole
 *   number of half periods (1 kHz in 10 ms), otherwise within a ripple of
 *   |sinc(2 f L)| / sqrt(1 + (4 pi f tau)^2) of the mean (0.003 dB at 440 Hz, L = 10 ms,
 *   tau = 5 ms). The running sum is recomputed from the window each time it wraps, so rounding
 *   cannot drift.
 */

export class PeakHold {
  /** |x| of the block being filled */
  private readonly cur: Float64Array;
  /** suf[i] = max of the previous block from position i to its end; suf[hold] = 0 */
  private readonly suf: Float64Array;
  private hold = 1;
  private pos = 0;
  private prefix = 0;

  constructor(maxHold: number) {
    const n = Math.max(1, Math.round(maxHold));
    this.cur = new Float64Array(n);
    this.suf = new Float64Array(n + 1);
  }

  setHold(samples: number): void {
    const h = Math.max(1, Math.min(this.cur.length, Math.round(samples)));
    if (h !== this.hold) {
      this.hold = h;
      this.reset();
    }
  }

  reset(): void {
    this.cur.fill(0);
    this.suf.fill(0);
    this.pos = 0;
    this.prefix = 0;
  }

  /**
   * The block of `hold` values in cur is complete: suf[i] = max(cur[i..hold-1]) (suf[hold] stays
   * 0), computed once per block. mx restarts from suf[hold], a double (see processBlock).
   */
  private completeBlock(): void {
    const cur = this.cur;
    const suf = this.suf;
    const hold = this.hold;
    let mx = suf[hold];
    for (let i = hold - 1; i >= 0; i--) {
      const v = cur[i];
      mx = v > mx ? v : mx;
      suf[i] = mx;
    }
  }

  /**
   * Become the sample-by-sample maximum of this detector and o (same hold, run in step): the
   * detector of max(|a|, |b|) is the maximum of the detectors of |a| and |b|.
   */
  mergeMax(o: PeakHold): void {
    const n = this.cur.length;
    for (let i = 0; i < n; i++) if (o.cur[i] > this.cur[i]) this.cur[i] = o.cur[i];
    for (let i = 0; i <= n; i++) if (o.suf[i] > this.suf[i]) this.suf[i] = o.suf[i];
    if (o.prefix > this.prefix) this.prefix = o.prefix;
  }

  /** Take o's history (same hold, run in step). */
  copyFrom(o: PeakHold): void {
    this.cur.set(o.cur);
    this.suf.set(o.suf);
    this.prefix = o.prefix;
    this.pos = o.pos;
  }

  /**
   * Push |x| (>= 0); returns the maximum of the last `hold` values. Blocks of `hold` samples:
   * the window is the tail of the previous block (suffix maxima, computed once per block) plus
   * the head of the current one (running prefix maximum): M. van Herk, "A fast algorithm for
   * local minimum and maximum filters on rectangular and octagonal kernels", Pattern
   * Recognition Letters 13(7), 1992 (also Gil & Werman 1993). About three comparisons a sample.
   */
  push(a: number): number {
    let pos = this.pos;
    this.cur[pos] = a;
    let prefix = this.prefix;
    prefix = a > prefix ? a : prefix;
    const tail = this.suf[pos + 1];
    const out = tail > prefix ? tail : prefix;
    if (++pos === this.hold) {
      // the block is complete: it becomes the previous block
      this.completeBlock();
      pos = 0;
      prefix = 0;
    }
    this.pos = pos;
    this.prefix = prefix;
    return out;
  }

  /**
   * dst[j] = push(max(|a[offA + j]|, |b[offB + j]|)) for j < m: the shared detector of a fully
   * linked stereo pair, in one pass.
   */
  processBlockMax2(a: Float32Array | Float64Array, offA: number, b: Float32Array | Float64Array, offB: number, dst: Float64Array, m: number): void {
    const cur = this.cur;
    const suf = this.suf;
    const hold = this.hold;
    let pos = this.pos;
    let prefix = this.prefix;
    for (let j = 0; j < m; j++) {
      const x = Math.abs(a[offA + j]);
      const y = Math.abs(b[offB + j]);
      const v = x > y ? x : y;
      cur[pos] = v;
      prefix = v > prefix ? v : prefix;
      const t = suf[pos + 1];
      dst[j] = t > prefix ? t : prefix;
      if (++pos === hold) {
        this.completeBlock();
        pos = 0;
        prefix = suf[hold]; // 0, read as a double (a literal 0 in a double loop variable can box)
      }
    }
    this.pos = pos;
    this.prefix = prefix;
  }

  /** dst[j] = push(|src[off + j]|) for j < m, with the state in locals. */
  processBlock(src: Float32Array | Float64Array, off: number, dst: Float64Array, m: number): void {
    const cur = this.cur;
    const suf = this.suf;
    const hold = this.hold;
    let pos = this.pos;
    let prefix = this.prefix;
    for (let j = 0; j < m; j++) {
      const a = Math.abs(src[off + j]); // branch-free (a sign test mispredicts on noise)
      cur[pos] = a;
      // plain comparisons: Math.max also handles NaN and -0, which sanitised input never holds
      prefix = a > prefix ? a : prefix;
      const t = suf[pos + 1];
      dst[j] = t > prefix ? t : prefix;
      if (++pos === hold) {
        this.completeBlock();
        pos = 0;
        prefix = suf[hold]; // 0, read as a double (a literal 0 in a double loop variable can box)
      }
    }
    this.pos = pos;
    this.prefix = prefix;
  }
}

export class RmsWindow {
  private readonly ring: Float64Array;
  private length = 1;
  private invLength = 1;
  private pos = 0;
  private sum = 0;
  /** one-pole after the window: y = (1 - coef) mean + coef y, gain = 1 - coef; and its state */
  private coef = 0;
  private gain = 1;
  private smooth = 0;

  constructor(maxLength: number) {
    this.ring = new Float64Array(Math.max(1, maxLength));
  }

  setLength(samples: number): void {
    const n = Math.max(1, Math.min(this.ring.length, Math.round(samples)));
    if (n !== this.length) {
      this.length = n;
      this.invLength = 1 / n;
      this.reset();
    }
  }

  /** one-pole coefficient exp(-1/(tau fs)) of the smoother after the window (0: none) */
  setSmoothing(coef: number): void {
    this.coef = coef;
    this.gain = 1 - coef;
  }

  reset(): void {
    this.ring.fill(0);
    this.pos = 0;
    this.sum = 0;
    this.smooth = 0;
  }

  /** Push x^2; returns the mean square of the window. */
  push(sq: number): number {
    const ring = this.ring;
    let pos = this.pos;
    let sum = this.sum + sq - ring[pos];
    ring[pos] = sq;
    if (++pos === this.length) {
      pos = 0;
      this.resum();
      sum = this.sum;
    }
    this.pos = pos;
    this.sum = sum;
    const mean = sum > 0 ? sum * this.invLength : 0;
    return (this.smooth = this.gain * mean + this.coef * this.smooth);
  }

  /**
   * sum = the window's sum recomputed from the ring (four partial sums: a shorter dependency
   * chain), so rounding cannot drift. A method that stores, not a function that returns: a double
   * returned from a call V8 does not inline is boxed on the heap.
   */
  resum(): void {
    const x = this.ring;
    const n = this.length;
    let a = x[0] - x[0];
    let b = a;
    let c = a;
    let d = a;
    let i = 0;
    for (; i + 3 < n; i += 4) {
      a += x[i];
      b += x[i + 1];
      c += x[i + 2];
      d += x[i + 3];
    }
    for (; i < n; i++) a += x[i];
    this.sum = a + b + (c + d);
  }

  /**
   * Two windows of the same settings run in step (a linked stereo pair), interleaved so that
   * their recursions overlap: dst[j] = max of the two mean squares.
   */
  static processPairMax(w0: RmsWindow, w1: RmsWindow, src0: Float32Array | Float64Array, off0: number, src1: Float32Array | Float64Array, off1: number, dst: Float64Array, m: number): void {
    const r0 = w0.ring;
    const r1 = w1.ring;
    const len = w0.length;
    const inv = w0.invLength;
    const a = w0.coef;
    const b = w0.gain;
    let p0 = w0.pos;
    let p1 = w1.pos;
    let s0 = w0.sum;
    let s1 = w1.sum;
    let y0 = w0.smooth;
    let y1 = w1.smooth;
    for (let j = 0; j < m; j++) {
      const x0 = src0[off0 + j];
      const x1 = src1[off1 + j];
      const q0 = x0 * x0;
      const q1 = x1 * x1;
      s0 += q0 - r0[p0];
      s1 += q1 - r1[p1];
      r0[p0] = q0;
      r1[p1] = q1;
      if (++p0 === len) {
        p0 = 0;
        w0.resum();
        s0 = w0.sum;
      }
      if (++p1 === len) {
        p1 = 0;
        w1.resum();
        s1 = w1.sum;
      }
      const m0 = s0 > 0 ? s0 * inv : 0;
      const m1 = s1 > 0 ? s1 * inv : 0;
      y0 = b * m0 + a * y0;
      y1 = b * m1 + a * y1;
      dst[j] = y0 > y1 ? y0 : y1;
    }
    if (y0 < 1e-30) y0 = 0;
    if (y1 < 1e-30) y1 = 0;
    w0.pos = p0;
    w1.pos = p1;
    w0.sum = s0;
    w1.sum = s1;
    w0.smooth = y0;
    w1.smooth = y1;
  }

  /** dst[j] = push(src[off + j]^2) for j < m, with the state in locals. */
  processBlock(src: Float32Array | Float64Array, off: number, dst: Float64Array, m: number): void {
    const ring = this.ring;
    const len = this.length;
    const inv = this.invLength;
    const a = this.coef;
    const b = this.gain;
    let pos = this.pos;
    let sum = this.sum;
    let y = this.smooth;
    for (let j = 0; j < m; j++) {
      const x = src[off + j];
      const sq = x * x;
      sum += sq - ring[pos];
      ring[pos] = sq;
      if (++pos === len) {
        pos = 0;
        this.resum();
        sum = this.sum;
      }
      const mean = sum > 0 ? sum * inv : 0;
      y = b * mean + a * y; // one multiply-add on the recursion's critical path
      dst[j] = y;
    }
    // y >= 0 decays towards 0 after silence: flush before denormals
    if (y < 1e-30) y = 0;
    this.pos = pos;
    this.sum = sum;
    this.smooth = y;
  }
}
