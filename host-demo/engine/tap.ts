/** Main-thread side of the host's measuring worklet (worklet/tap-processor.ts). */
const loaded = new WeakMap<BaseAudioContext, Promise<void>>();

export function loadTapModule(ctx: BaseAudioContext): Promise<void> {
  let p = loaded.get(ctx);
  if (!p) {
    p = ctx.audioWorklet.addModule(new URL('./tap-processor.js', import.meta.url).href);
    loaded.set(ctx, p);
  }
  return p;
}

export interface LoudnessFrame {
  peak: [number, number];
  momentary: number;
  shortTerm: number;
  integrated: number;
  range: number;
  truePeak: number;
}

/** A peak (and optionally loudness) meter fed from `source`; values are read by the UI. */
export class MeterTap {
  readonly node: AudioWorkletNode;
  /** highest sample peak per channel since the UI last read it (linear) */
  private held: [number, number] = [0, 0];
  loudness: LoudnessFrame | null = null;

  constructor(ctx: BaseAudioContext, private readonly source: AudioNode, mode: 'peak' | 'loudness') {
    this.node = new AudioWorkletNode(ctx, 'varnish-host-tap', {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      channelCount: 2,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
      processorOptions: { mode },
    });
    this.node.port.onmessage = (e) => {
      const d = e.data;
      if (d.peak) {
        this.held[0] = Math.max(this.held[0], d.peak[0]);
        this.held[1] = Math.max(this.held[1], d.peak[1]);
      }
      if (mode === 'loudness') this.loudness = d;
    };
    source.connect(this.node);
  }

  /** peaks since the last call (linear), then cleared */
  takePeaks(): [number, number] {
    const p = this.held;
    this.held = [0, 0];
    return p;
  }

  reset(): void {
    this.node.port.postMessage('reset');
    this.loudness = null;
  }

  dispose(): void {
    this.node.port.postMessage('close');
    this.node.port.onmessage = null;
    try {
      this.source.disconnect(this.node);
    } catch {
      /* already apart */
    }
  }
}
