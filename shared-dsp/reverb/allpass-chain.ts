/**
 * Series Schroeder allpasses (M. R. Schroeder, "Natural sounding artificial reverberation",
 * JAES 10(3), 1962): H(z) = (-g + z^-m) / (1 - g z^-m), written as
 *     v[n] = x[n] + g v[n-m],   y[n] = -g v[n] + v[n-m] = (1 - g^2) v[n-m] - g x[n]
 * (the last form puts one multiply and one subtraction between a stage's input and output, so
 * a chain of stages is short in latency).
 * Used as the input diffusers (J. Dattorro, "Effect Design Part 1", JAES 45(9), 1997, fig. 1).
 *
 * The chain owns no memory: its stages' rings live in an engine's heap (blocks.ts), one
 * power-of-two region per stage from `base` (one shared write index and mask), so a loop
 * touches only the heap and the kernel's scratch.
 */
import { RING_PAD } from './blocks.js';

export class AllpassChain {
  readonly stages: number;
  /** first ring in the heap, ring size (power of two), distance between rings (+ RING_PAD) */
  base = 0;
  ringSize = 1;
  stride = 1 + RING_PAD;
  mask = 0;
  w = 0;
  readonly len: Int32Array;
  readonly gain: Float64Array;

  constructor(stages: number) {
    this.stages = stages;
    this.len = new Int32Array(stages).fill(1);
    this.gain = new Float64Array(stages);
  }

  /** heap words needed for delays up to maxLength samples */
  static sizeFor(stages: number, maxLength: number): number {
    return stages * (AllpassChain.ringFor(maxLength) + RING_PAD);
  }

  static ringFor(maxLength: number): number {
    let size = 1;
    while (size < maxLength + 2) size <<= 1;
    return size;
  }

  /** place the rings at heap[base, base + sizeFor(...)) */
  place(base: number, maxLength: number): void {
    this.base = base;
    this.ringSize = AllpassChain.ringFor(maxLength);
    this.stride = this.ringSize + RING_PAD;
    this.mask = this.ringSize - 1;
    this.w = 0;
  }

  reset(H: Float64Array): void {
    H.fill(0, this.base, this.base + this.stages * this.stride);
  }

  /**
   * stage lengths: ms[j] * samplesPerMs, rounded and kept inside the ring (set on the audio
   * thread; no double argument, so nothing is boxed)
   */
  setLengths(ms: readonly number[], samplesPerMs: Float64Array): void {
    const k = samplesPerMs[0];
    for (let j = 0; j < this.stages; j++) this.len[j] = Math.max(1, Math.min(this.ringSize - 1, Math.round(ms[j] * k)));
  }

  /**
   * Two 4-stage chains with the same ring size (left and right), in place on X[offA, offA + n)
   * and X[offB, offB + n), all eight stages in one loop (the recursions of a frame overlap).
   * `+ 1e-18 - 1e-18` flushes values below ~1e-34 to 0: no denormal ever enters a ring.
   */
  static processPair4(a: AllpassChain, b: AllpassChain, H: Float64Array, X: Float64Array, offA: number, offB: number, n: number): void {
    const mask = a.mask;
    const r = a.stride;
    const A0 = a.base | 0, A1 = (a.base + r) | 0, A2 = (a.base + 2 * r) | 0, A3 = (a.base + 3 * r) | 0;
    const B0 = b.base | 0, B1 = (b.base + r) | 0, B2 = (b.base + 2 * r) | 0, B3 = (b.base + 3 * r) | 0;
    const la0 = a.len[0], la1 = a.len[1], la2 = a.len[2], la3 = a.len[3];
    const lb0 = b.len[0], lb1 = b.len[1], lb2 = b.len[2], lb3 = b.len[3];
    const ga0 = a.gain[0], ga1 = a.gain[1], ga2 = a.gain[2], ga3 = a.gain[3];
    const gb0 = b.gain[0], gb1 = b.gain[1], gb2 = b.gain[2], gb3 = b.gain[3];
    // y = d - g v = d (1 - g^2) - g x: the chain from x to y is one multiply and one subtraction
    const ca0 = 1 - ga0 * ga0, ca1 = 1 - ga1 * ga1, ca2 = 1 - ga2 * ga2, ca3 = 1 - ga3 * ga3;
    const cb0 = 1 - gb0 * gb0, cb1 = 1 - gb1 * gb1, cb2 = 1 - gb2 * gb2, cb3 = 1 - gb3 * gb3;
    let w = a.w | 0;
    for (let i = 0; i < n; i = (i + 1) | 0) {
      let x = X[(offA + i) | 0];
      let y = X[(offB + i) | 0];
      let d = H[(A0 + ((w - la0) & mask)) | 0];
      let v = x + d * ga0;
      x = d * ca0 - x * ga0;
      H[(A0 + w) | 0] = v + 1e-18 - 1e-18;
      d = H[(B0 + ((w - lb0) & mask)) | 0];
      v = y + d * gb0;
      y = d * cb0 - y * gb0;
      H[(B0 + w) | 0] = v + 1e-18 - 1e-18;
      d = H[(A1 + ((w - la1) & mask)) | 0];
      v = x + d * ga1;
      x = d * ca1 - x * ga1;
      H[(A1 + w) | 0] = v + 1e-18 - 1e-18;
      d = H[(B1 + ((w - lb1) & mask)) | 0];
      v = y + d * gb1;
      y = d * cb1 - y * gb1;
      H[(B1 + w) | 0] = v + 1e-18 - 1e-18;
      d = H[(A2 + ((w - la2) & mask)) | 0];
      v = x + d * ga2;
      x = d * ca2 - x * ga2;
      H[(A2 + w) | 0] = v + 1e-18 - 1e-18;
      d = H[(B2 + ((w - lb2) & mask)) | 0];
      v = y + d * gb2;
      y = d * cb2 - y * gb2;
      H[(B2 + w) | 0] = v + 1e-18 - 1e-18;
      d = H[(A3 + ((w - la3) & mask)) | 0];
      v = x + d * ga3;
      x = d * ca3 - x * ga3;
      H[(A3 + w) | 0] = v + 1e-18 - 1e-18;
      d = H[(B3 + ((w - lb3) & mask)) | 0];
      v = y + d * gb3;
      y = d * cb3 - y * gb3;
      H[(B3 + w) | 0] = v + 1e-18 - 1e-18;
      X[(offA + i) | 0] = x;
      X[(offB + i) | 0] = y;
      w = (w + 1) & mask;
    }
    a.w = b.w = w;
  }

  /** run X[off, off + n) through every stage, in place, four stages per pass */
  process(H: Float64Array, X: Float64Array, off: number, n: number): void {
    const mask = this.mask;
    const r = this.stride;
    const w0 = this.w | 0;
    let s = 0;
    for (; s + 4 <= this.stages; s += 4) {
      const R0 = (this.base + s * r) | 0, R1 = (R0 + r) | 0, R2 = (R0 + 2 * r) | 0, R3 = (R0 + 3 * r) | 0;
      const l0 = this.len[s], l1 = this.len[s + 1], l2 = this.len[s + 2], l3 = this.len[s + 3];
      const g0 = this.gain[s], g1 = this.gain[s + 1], g2 = this.gain[s + 2], g3 = this.gain[s + 3];
      const c0 = 1 - g0 * g0, c1 = 1 - g1 * g1, c2 = 1 - g2 * g2, c3 = 1 - g3 * g3;
      let w = w0;
      for (let i = 0; i < n; i = (i + 1) | 0) {
        let x = X[(off + i) | 0];
        let d = H[(R0 + ((w - l0) & mask)) | 0];
        let v = x + d * g0;
        x = d * c0 - x * g0;
        H[(R0 + w) | 0] = v + 1e-18 - 1e-18;
        d = H[(R1 + ((w - l1) & mask)) | 0];
        v = x + d * g1;
        x = d * c1 - x * g1;
        H[(R1 + w) | 0] = v + 1e-18 - 1e-18;
        d = H[(R2 + ((w - l2) & mask)) | 0];
        v = x + d * g2;
        x = d * c2 - x * g2;
        H[(R2 + w) | 0] = v + 1e-18 - 1e-18;
        d = H[(R3 + ((w - l3) & mask)) | 0];
        v = x + d * g3;
        x = d * c3 - x * g3;
        H[(R3 + w) | 0] = v + 1e-18 - 1e-18;
        X[(off + i) | 0] = x;
        w = (w + 1) & mask;
      }
    }
    for (; s < this.stages; s++) {
      const R = (this.base + s * r) | 0;
      const l = this.len[s];
      const g = this.gain[s];
      let w = w0;
      for (let i = 0; i < n; i = (i + 1) | 0) {
        const d = H[(R + ((w - l) & mask)) | 0];
        const v = X[(off + i) | 0] + d * g;
        X[(off + i) | 0] = d - v * g;
        H[(R + w) | 0] = v + 1e-18 - 1e-18;
        w = (w + 1) & mask;
      }
    }
    this.w = (w0 + n) & mask;
  }
}
