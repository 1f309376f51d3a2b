/**
 * Frames for the kit level meter from the reverb's meter data.
 *
 * The kernel reports, per channel, the linear sample peak since the previous frame
 * (shared-dsp/reverb/reverb-kernel.ts writeMeters: [inL, inR, outL, outR]), while the kit meter
 * reads [peak, average] pairs per channel. As plugins/compressor/gui/meter-frames.ts does, the
 * average is the power mean of the frame peaks over AVERAGE_MS (a one-pole in the power domain),
 * the slower body of the bar. Two preallocated frames are handed out in turn, so each new frame
 * is a new object for the meter without allocating.
 */
export const AVERAGE_MS = 300;

/** offsets in the kernel's meter frame */
export const REVERB_METER_IN = 0;
export const REVERB_METER_OUT = 2;

export class LinearMeterFrames {
  private readonly frames = [new Float32Array(4), new Float32Array(4)];
  private flip = 0;
  /** averaged power per channel (amplitude^2) */
  private readonly power = new Float64Array(2);

  /** the next frame for linear peaks l/r that arrived dt seconds after the previous ones */
  next(l: number, r: number, dt: number): Float32Array {
    const f = this.frames[(this.flip ^= 1)];
    const a = dt > 0 ? 1 - Math.exp(-(dt * 1000) / AVERAGE_MS) : 1;
    for (let c = 0; c < 2; c++) {
      const v = c === 0 ? l : r;
      const pk = v > 0 && Number.isFinite(v) ? v : 0;
      this.power[c] += a * (pk * pk - this.power[c]);
      if (this.power[c] < 1e-20) this.power[c] = 0;
      f[2 * c] = pk;
      f[2 * c + 1] = Math.min(pk, Math.sqrt(this.power[c]));
    }
    return f;
  }

  reset(): void {
    this.power.fill(0);
  }
}
