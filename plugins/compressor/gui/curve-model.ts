/**
 * The compressor's static transfer curve as the GUI draws it, computed with the kernel's own
 * gain computer (shared-dsp/dynamics/gain-computer.ts: Giannoulis, Massberg & Reiss, JAES 2012,
 * eq. 4, quadratic soft knee, limited to `range`).
 *
 * For a steady signal whose detector reads x dB, the kernel's output is
 *   o = (1 - mix) x + mix * x * g,   g = 10^((makeup - GR(x)) / 20)
 * (shared-dsp/dynamics/compressor-kernel.ts, apply()), so the curve drawn is
 *   y(x) = x + 20 log10(1 - mix + mix g)
 * which is the plain static curve plus make-up at mix 100 % and the parallel blend below it.
 */
import { GainCurve, autoMakeupDb, effectiveRatio } from '../../../shared-dsp/dynamics/gain-computer.js';
import type { ParamHost } from '../../../shared-ui/index.js';

export class TransferModel {
  readonly curve = new GainCurve();
  /** make-up in dB, user + auto */
  makeupDb = 0;
  /** 0..1 */
  mix = 1;
  thresholdDb = -18;
  kneeDb = 0;
  /** effective ratio (Infinity at the top of the control) */
  ratio = 4;

  /** read the parameters that shape the curve from the host */
  read(host: ParamHost): void {
    const v = (id: string) => host.getValue(id);
    this.thresholdDb = v('threshold');
    this.kneeDb = Math.max(0, v('knee'));
    this.ratio = effectiveRatio(v('ratio'));
    this.curve.set(this.thresholdDb, v('ratio'), this.kneeDb, v('range'));
    this.makeupDb = v('makeup') + (v('autoMakeup') >= 0.5 ? autoMakeupDb(this.curve) : 0);
    this.mix = Math.min(1, Math.max(0, v('mix') * 0.01));
  }

  /** gain reduction of the static curve at detector level x (dB, >= 0) */
  reduction(xDb: number): number {
    return this.curve.reduction(xDb);
  }

  /** output level in dB for a steady input at detector level x (see the header) */
  outputDb(xDb: number): number {
    const g = Math.pow(10, (this.makeupDb - this.curve.reduction(xDb)) / 20);
    const blend = 1 - this.mix + this.mix * g;
    return xDb + 20 * Math.log10(blend > 1e-12 ? blend : 1e-12);
  }
}

/** "4.0:1", "inf:1" (the ratio control's top), "1.0:1" */
export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return 'inf:1';
  return `${r < 10 ? r.toFixed(1) : r.toFixed(0)}:1`;
}
