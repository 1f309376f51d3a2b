/**
 * Sidechain high-pass: 2nd-order Butterworth (Q = 1/sqrt 2), bilinear transform prewarped at f0,
 * so the response is exactly -3.01 dB at f0 and falls 12 dB/octave below.
 * Coefficients: R. Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter coefficients"
 * (HPF). Transposed direct form II in Float64, state flushed below 1e-30.
 * (A local biquad: shared-dsp/filters had none when this was written.)
 */
export class SidechainHpf {
  private b0 = 1;
  private b1 = 0;
  private b2 = 0;
  private a1 = 0;
  private a2 = 0;
  private s1 = 0;
  private s2 = 0;

  set(freq: number, sampleRate: number): void {
    const f = Math.min(Math.max(freq, 1), 0.49 * sampleRate);
    const w0 = (2 * Math.PI * f) / sampleRate;
    const cw = Math.cos(w0);
    const alpha = Math.sin(w0) / (2 * Math.SQRT1_2); // sin(w0) / (2Q), Q = 1/sqrt(2)
    const a0 = 1 + alpha;
    this.b0 = (1 + cw) / 2 / a0;
    this.b1 = -(1 + cw) / a0;
    this.b2 = this.b0;
    this.a1 = (-2 * cw) / a0;
    this.a2 = (1 - alpha) / a0;
  }

  reset(): void {
    this.s1 = 0;
    this.s2 = 0;
  }

  process(x: number): number {
    const y = this.b0 * x + this.s1;
    let s1 = this.b1 * x - this.a1 * y + this.s2;
    let s2 = this.b2 * x - this.a2 * y;
    if (s1 < 1e-30 && s1 > -1e-30) s1 = 0;
    if (s2 < 1e-30 && s2 > -1e-30) s2 = 0;
    this.s1 = s1;
    this.s2 = s2;
    return y;
  }

  /** dst[j] = process(src[off + j]) for j < m, with the state in locals. */
  processBlock(src: Float32Array, off: number, dst: Float64Array, m: number): void {
    const b0 = this.b0;
    const b1 = this.b1;
    const b2 = this.b2;
    const a1 = this.a1;
    const a2 = this.a2;
    let s1 = this.s1;
    let s2 = this.s2;
    for (let j = 0; j < m; j++) {
      const x = src[off + j];
      const y = b0 * x + s1;
      s1 = b1 * x - a1 * y + s2;
      s2 = b2 * x - a2 * y;
      dst[j] = y;
    }
    // flush once per block: a decaying state reaches 1e-30 long before denormals
    if (s1 < 1e-30 && s1 > -1e-30) s1 = 0;
    if (s2 < 1e-30 && s2 > -1e-30) s2 = 0;
    this.s1 = s1;
    this.s2 = s2;
  }
}
