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

  /**
   * Two 4-stage chains with the same ring size (left and right), in place, all stages in one
   * loop (the eight recursions of a frame overlap).
   */
  static processPair4(a: AllpassChain, b: AllpassChain, bufA: Float64Array, bufB: Float64Array, start: number, end: number): void {
    const memA = a.mem;
    const memB = b.mem;
    const mask = a.mask;
    const r = a.ringSize;
    const la0 = a.len[0], la1 = a.len[1], la2 = a.len[2], la3 = a.len[3];
    const lb0 = b.len[0], lb1 = b.len[1], lb2 = b.len[2], lb3 = b.len[3];
    const ga0 = a.gain[0], ga1 = a.gain[1], ga2 = a.gain[2], ga3 = a.gain[3];
    const gb0 = b.gain[0], gb1 = b.gain[1], gb2 = b.gain[2], gb3 = b.gain[3];
    let w = a.w;
    for (let n = start; n < end; n++) {
      let x = bufA[n];
      let y = bufB[n];
      let d = memA[(w - la0) & mask];
      let v = x + ga0 * d;
      x = d - ga0 * v;
      memA[w] = v + 1e-18 - 1e-18; // flush below ~1e-34: no denormals in the rings
      d = memB[(w - lb0) & mask];
      v = y + gb0 * d;
      y = d - gb0 * v;
      memB[w] = v + 1e-18 - 1e-18;
      d = memA[r + ((w - la1) & mask)];
      v = x + ga1 * d;
      x = d - ga1 * v;
      memA[r + w] = v + 1e-18 - 1e-18;
      d = memB[r + ((w - lb1) & mask)];
      v = y + gb1 * d;
      y = d - gb1 * v;
      memB[r + w] = v + 1e-18 - 1e-18;
      d = memA[2 * r + ((w - la2) & mask)];
      v = x + ga2 * d;
      x = d - ga2 * v;
      memA[2 * r + w] = v + 1e-18 - 1e-18;
      d = memB[2 * r + ((w - lb2) & mask)];
      v = y + gb2 * d;
      y = d - gb2 * v;
      memB[2 * r + w] = v + 1e-18 - 1e-18;
      d = memA[3 * r + ((w - la3) & mask)];
      v = x + ga3 * d;
      x = d - ga3 * v;
      memA[3 * r + w] = v + 1e-18 - 1e-18;
      d = memB[3 * r + ((w - lb3) & mask)];
      v = y + gb3 * d;
      y = d - gb3 * v;
      memB[3 * r + w] = v + 1e-18 - 1e-18;
      bufA[n] = x;
      bufB[n] = y;
      w = (w + 1) & mask;
    }
    a.w = b.w = w;
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
