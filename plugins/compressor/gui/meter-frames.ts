/**
 * Frames for the kit level meter from the compressor's meter data.
 *
 * The kernel reports, per channel, the sample peak in dB since the previous frame
 * (shared-dsp/dynamics/compressor-meters.ts: IN_L, IN_R, OUT_L, OUT_R), while the kit meter reads
 * [peak, average] pairs per channel. This builds those pairs: the peak as reported, and as the
 * average the power mean of the frame peaks over AVERAGE_MS (a one-pole in the power domain),
 * the slower body of the bar. Two preallocated frames are handed out in turn, so each new frame
 * is a new object for the meter (it redraws on a new frame) without allocating.
 */
export const AVERAGE_MS = 300;
const FLOOR_DB = -150;

export class MeterFramePair {
  private readonly frames = [new Float32Array(4), new Float32Array(4)];
  private flip = 0;
  /** averaged power per channel (linear, amplitude^2) */
  private readonly power = new Float64Array(2);

  /** the next frame for peaks lDb/rDb that arrived dt seconds after the previous ones */
  next(lDb: number, rDb: number, dt: number): Float32Array {
    const f = this.frames[(this.flip ^= 1)];
    const a = dt > 0 ? 1 - Math.exp(-(dt * 1000) / AVERAGE_MS) : 1;
    for (let c = 0; c < 2; c++) {
      const db = c === 0 ? lDb : rDb;
      const p = db > FLOOR_DB ? db : FLOOR_DB;
      const pw = Math.pow(10, p / 10);
      this.power[c] += a * (pw - this.power[c]);
      const avg = this.power[c] > 1e-15 ? 10 * Math.log10(this.power[c]) : FLOOR_DB;
      f[2 * c] = p;
      f[2 * c + 1] = Math.min(p, avg);
    }
    return f;
  }

  reset(): void {
    this.power.fill(0);
  }
}
