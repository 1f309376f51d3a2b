/**
 * Level-meter frames from kernels that report only a sample peak per channel per meter frame.
 * The kit's level meter reads [peak, average] pairs per channel; this builds them: the peak as
 * reported, and as the average the power mean of the frame peaks over AVERAGE_MS (a one-pole in
 * the power domain, never above the peak). Two frames alternate, so each result is a new object
 * for the meter (it redraws on a new frame) without allocating.
 */
export const AVERAGE_MS = 300;
const FLOOR_DB = -150;

export class PeakFrames {
  private readonly frames = [new Float32Array(4), new Float32Array(4)];
  private flip = 0;
  /** averaged power per channel (amplitude^2) */
  private readonly power = new Float64Array(2);

  /** peaks in dBFS (floored at -150 dB) that came dt seconds after the previous ones */
  nextDb(lDb: number, rDb: number, dt: number): Float32Array {
    const f = this.frames[(this.flip ^= 1)];
    const a = dt > 0 ? 1 - Math.exp(-(dt * 1000) / AVERAGE_MS) : 1;
    for (let c = 0; c < 2; c++) {
      const db = c === 0 ? lDb : rDb;
      const p = db > FLOOR_DB ? db : FLOOR_DB;
      this.power[c] += a * (10 ** (p / 10) - this.power[c]);
      const avg = this.power[c] > 1e-15 ? 10 * Math.log10(this.power[c]) : FLOOR_DB;
      f[2 * c] = p;
      f[2 * c + 1] = avg < p ? avg : p;
    }
    return f;
  }

  /** linear peaks (1 = full scale) that came dt seconds after the previous ones */
  nextLinear(l: number, r: number, dt: number): Float32Array {
    const f = this.frames[(this.flip ^= 1)];
    const a = dt > 0 ? 1 - Math.exp(-(dt * 1000) / AVERAGE_MS) : 1;
    for (let c = 0; c < 2; c++) {
      const v = c === 0 ? l : r;
      const pk = v > 0 && Number.isFinite(v) ? v : 0;
      this.power[c] += a * (pk * pk - this.power[c]);
      if (this.power[c] < 1e-20) this.power[c] = 0;
      const avg = Math.sqrt(this.power[c]);
      f[2 * c] = pk;
      f[2 * c + 1] = avg < pk ? avg : pk;
    }
    return f;
  }

  reset(): void {
    this.power.fill(0);
  }
}
