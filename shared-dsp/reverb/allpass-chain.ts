/**
 * A series of Schroeder allpasses (M. R. Schroeder, "Natural sounding artificial reverberation",
 * JAES 10(3), 1962): H(z) = (-g + z^-m) / (1 - g z^-m), written as
 *     v[n] = x[n] + g v[n-m],   y[n] = -g v[n] + v[n-m].
 * Used as the input diffusers (J. Dattorro, "Effect Design Part 1", JAES 45(9), 1997, fig. 1).
 * Every stage keeps its own power-of-two ring (one shared write index and mask).
 */
export class AllpassChain {
  readonly stages: number;
  private mem = new Float32Array(0);
  private mask = 0;
  private ringSize = 0;
  private w = 0;
  private readonly len: Int32Array;
  private readonly gain: Float64Array;

  constructor(stages: number) {
    this.stages = stages;
    this.len = new Int32Array(stages).fill(1);
    this.gain = new Float64Array(stages);
  }

  /** allocate for delays up to maxLength samples */
  prepare(maxLength: number): void {
    let size = 1;
    while (size < maxLength + 2) size <<= 1;
    this.ringSize = size;
    this.mask = size - 1;
    this.mem = new Float32Array(size * this.stages);
    this.w = 0;
  }

  reset(): void {
    this.mem.fill(0);
  }

  setLength(stage: number, samples: number): void {
    this.len[stage] = Math.max(1, Math.min(this.ringSize - 1, Math.round(samples)));
  }

  setGain(stage: number, g: number): void {
    this.gain[stage] = g;
  }

  /** two chains of the same shape at once (left and right), in place */
  static processPair(a: AllpassChain, b: AllpassChain, bufA: Float64Array, bufB: Float64Array, start: number, end: number): void {
    const memA = a.mem;
    const memB = b.mem;
    const mask = a.mask;
    const w0 = a.w;
    for (let s = 0, base = 0; s < a.stages; s++, base += a.ringSize) {
      const ga = a.gain[s];
      const gb = b.gain[s];
      let ra = w0 - a.len[s];
      let rb = w0 - b.len[s];
      let w = w0;
      for (let n = start; n < end; n++) {
        const da = memA[base + (ra & mask)];
        const db = memB[base + (rb & mask)];
        const va = bufA[n] + ga * da;
        const vb = bufB[n] + gb * db;
        bufA[n] = da - ga * va;
        bufB[n] = db - gb * vb;
        memA[base + w] = va + 1e-18 - 1e-18;
        memB[base + w] = vb + 1e-18 - 1e-18;
        w = (w + 1) & mask;
        ra++;
        rb++;
      }
    }
    a.w = b.w = (w0 + end - start) & mask;
  }

  /** run buf[start, end) through every stage, in place (stage after stage) */
  process(buf: Float64Array, start: number, end: number): void {
    const mem = this.mem;
    const mask = this.mask;
    const w0 = this.w;
    for (let s = 0, base = 0; s < this.stages; s++, base += this.ringSize) {
      const g = this.gain[s];
      let r = w0 - this.len[s];
      let w = w0;
      for (let n = start; n < end; n++) {
        const d = mem[base + (r & mask)];
        const v = buf[n] + g * d;
        buf[n] = d - g * v;
        mem[base + w] = v + 1e-18 - 1e-18; // flush values below ~1e-34 (no denormals in the ring)
        w = (w + 1) & mask;
        r++;
      }
    }
    this.w = (w0 + end - start) & mask;
  }
}
