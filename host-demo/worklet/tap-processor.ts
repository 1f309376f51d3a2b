/**
 * The host's own AudioWorklet (dist/host-demo/tap-processor.js): a measuring tap with no output.
 *   mode 'peak'     : per-channel sample peak, posted 30 times a second (track meters);
 *   mode 'loudness' : peak plus the shared LoudnessMeter (BS.1770 / EBU R128), posted 10 times
 *                     a second (the master readout); message 'reset' restarts the meter;
 *   mode 'match'    : two inputs (0: processed, 1: bypassed), one LoudnessMeter each, measured
 *                     in the same render quanta, so their short-term loudness compares the
 *                     same 3 s of programme (level-matched bypass).
 * The meters allocate in their constructors only.
 */
import { LoudnessMeter } from '../../shared-dsp/loudness/loudness-meter.js';

declare const sampleRate: number;
declare function registerProcessor(name: string, ctor: unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: unknown);
}

type Mode = 'peak' | 'loudness' | 'match';

class HostTap extends AudioWorkletProcessor {
  private readonly mode: Mode;
  private readonly meters: LoudnessMeter[] = [];
  private readonly peaks = new Float64Array(2);
  private readonly interval: number;
  private frames = 0;
  private alive = true;

  constructor(options: { processorOptions?: { mode?: Mode } }) {
    super(options);
    this.mode = options.processorOptions?.mode ?? 'peak';
    this.interval = Math.round(sampleRate / (this.mode === 'peak' ? 30 : 10));
    const n = this.mode === 'match' ? 2 : this.mode === 'loudness' ? 1 : 0;
    for (let i = 0; i < n; i++) this.meters.push(new LoudnessMeter({ sampleRate, channels: 2 }));
    this.port.onmessage = (e: MessageEvent) => {
      if (e.data === 'reset') for (const m of this.meters) m.reset();
      else if (e.data === 'close') this.alive = false;
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const a = inputs[0];
    const n = a && a.length ? a[0].length : 128;
    if (a && a.length) {
      for (let c = 0; c < a.length && c < 2; c++) {
        const x = a[c];
        let p = this.peaks[c];
        for (let i = 0; i < x.length; i++) {
          const v = x[i] < 0 ? -x[i] : x[i];
          if (v > p) p = v;
        }
        this.peaks[c] = p;
      }
      if (a.length === 1) this.peaks[1] = this.peaks[0];
      if (this.meters.length) this.meters[0].process(a);
    }
    if (this.mode === 'match') {
      const b = inputs[1];
      if (b && b.length) this.meters[1].process(b);
    }
    this.frames += n;
    if (this.frames >= this.interval) {
      this.frames = 0;
      this.post();
    }
    return this.alive;
  }

  private post(): void {
    const peak = [this.peaks[0], this.peaks[1]];
    this.peaks[0] = this.peaks[1] = 0;
    if (this.mode === 'peak') {
      this.port.postMessage({ peak });
    } else if (this.mode === 'loudness') {
      const m = this.meters[0];
      this.port.postMessage({
        peak,
        momentary: m.momentary,
        shortTerm: m.shortTerm,
        integrated: m.integrated,
        range: m.loudnessRange,
        truePeak: m.truePeak,
      });
    } else {
      this.port.postMessage({ wet: this.meters[0].shortTerm, dry: this.meters[1].shortTerm });
    }
  }
}

registerProcessor('varnish-host-tap', HostTap);
