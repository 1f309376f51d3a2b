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

  /** run buf[start, end) through every stage, in place */
  process(buf: Float64Array, start: number, end: number): void {
    const mem = this.mem;
    const mask = this.mask;
    const size = this.ringSize;
    const stages = this.stages;
    let w = this.w;
    for (let n = start; n < end; n++) {
      let x = buf[n];
      for (let s = 0, base = 0; s < stages; s++, base += size) {
        const g = this.gain[s];
        const d = mem[base + ((w - this.len[s]) & mask)];
        const v = x + g * d;
        x = d - g * v;
        mem[base + w] = v + 1e-18 - 1e-18; // flush values below ~1e-34 (no denormals in the ring)
      }
      buf[n] = x;
      w = (w + 1) & mask;
    }
    this.w = w;
  }
}
