/**
 * Frames for the kit level meter from the limiter's meter data.
 *
 * The kernel reports per channel the sample peak (dBFS) since the previous frame
 * (shared-dsp/limiter/limiter-meters.ts), the kit meter reads [peak, body] pairs per channel.
 * The body is the power mean of the frame peaks over BODY_MS (a one-pole on the squared
 * amplitude), the slower part of the bar. Two preallocated frames alternate, so each frame is
 * a new object to the meter (which redraws on a new frame) and nothing is allocated.
 */
export const BODY_MS = 300;
const FLOOR_DB = -150;

export class PeakFramePair {
  private readonly frames = [new Float32Array(4), new Float32Array(4)];
  private flip = 0;
  private readonly power = new Float64Array(2);

  /** the frame for peaks lDb, rDb that came dt seconds after the previous ones */
  next(lDb: number, rDb: number, dt: number): Float32Array {
    this.flip ^= 1;
    const f = this.frames[this.flip];
    const a = dt > 0 ? 1 - Math.exp((-1000 * dt) / BODY_MS) : 1;
    for (let c = 0; c < 2; c++) {
      const raw = c === 0 ? lDb : rDb;
      const p = raw > FLOOR_DB ? raw : FLOOR_DB;
      this.power[c] += a * (10 ** (p / 10) - this.power[c]);
      const body = this.power[c] > 1e-15 ? 10 * Math.log10(this.power[c]) : FLOOR_DB;
      f[2 * c] = p;
      f[2 * c + 1] = body < p ? body : p;
    }
    return f;
  }

  reset(): void {
    this.power.fill(0);
  }
}
