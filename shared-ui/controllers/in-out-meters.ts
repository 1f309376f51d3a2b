/**
 * Feeds an editor's In and Out level meters (two channels each) from one meter subscription,
 * for kernels that report a single peak per channel: PeakFrames adds the average the kit
 * meter draws under the peak. The meters are found in the element's render root on each
 * frame, so they may come and go with re-renders.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ParamHost } from '../param-host.js';
import { MeterController } from './meter-controller.js';
import { PeakFrames } from '../logic/peak-frames.js';

export interface InOutMeterOptions {
  /** where the kernel's meter frame holds each peak */
  inL: number;
  inR: number;
  outL: number;
  outR: number;
  /** how the kernel writes the peaks: dBFS, or linear (1 = full scale) */
  unit: 'db' | 'linear';
  /** the two kit level meters (defaults '.in-meter', '.out-meter'); give them input="db" or "linear" to match */
  inSelector?: string;
  outSelector?: string;
}

type FramedMeter = Element & { frame?: ArrayLike<number> };

export class InOutMeters implements ReactiveController {
  private readonly inFrames = new PeakFrames();
  private readonly outFrames = new PeakFrames();
  private lastFrameAt = 0;

  constructor(
    private readonly el: ReactiveControllerHost & { host?: ParamHost; renderRoot: ParentNode },
    private readonly o: InOutMeterOptions,
  ) {
    el.addController(this);
    new MeterController(el, (f) => this.feed(f));
  }

  hostDisconnected(): void {
    // a reconnected editor starts its averages afresh
    this.inFrames.reset();
    this.outFrames.reset();
    this.lastFrameAt = 0;
  }

  private feed(f: Float32Array): void {
    const now = performance.now();
    const dt = this.lastFrameAt ? Math.min(1, (now - this.lastFrameAt) / 1000) : 0;
    this.lastFrameAt = now;
    const o = this.o;
    const root = this.el.renderRoot;
    const inMeter = root.querySelector<FramedMeter>(o.inSelector ?? '.in-meter');
    const outMeter = root.querySelector<FramedMeter>(o.outSelector ?? '.out-meter');
    if (o.unit === 'db') {
      if (inMeter) inMeter.frame = this.inFrames.nextDb(f[o.inL], f[o.inR], dt);
      if (outMeter) outMeter.frame = this.outFrames.nextDb(f[o.outL], f[o.outR], dt);
    } else {
      if (inMeter) inMeter.frame = this.inFrames.nextLinear(f[o.inL], f[o.inR], dt);
      if (outMeter) outMeter.frame = this.outFrames.nextLinear(f[o.outL], f[o.outR], dt);
    }
  }
}
