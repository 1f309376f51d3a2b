/**
 * Level-matched bypass. While an insert is bypassed the host keeps the plugin running on a
 * parallel path and measures both signals with the shared LoudnessMeter (short-term, 3 s,
 * BS.1770 K-weighted) in one worklet, so both readings cover the same samples. The bypassed
 * (dry) signal is then given the gain that makes its short-term loudness equal the processed
 * one: g = 10^((L_processed - L_bypassed) / 20). The listener compares processing, not level.
 */
const MAX_MATCH_DB = 24;

export function matchGainDb(wetLufs: number, dryLufs: number, previous: number): number {
  // silence on either side says nothing about the difference: keep the last match
  if (!Number.isFinite(wetLufs) || !Number.isFinite(dryLufs) || wetLufs < -70 || dryLufs < -70) return previous;
  const d = wetLufs - dryLufs;
  return d > MAX_MATCH_DB ? MAX_MATCH_DB : d < -MAX_MATCH_DB ? -MAX_MATCH_DB : d;
}

export class LevelMatcher {
  private node: AudioWorkletNode | null = null;
  db = 0;

  constructor(
    private readonly ctx: BaseAudioContext,
    private readonly wet: AudioNode,
    private readonly dry: AudioNode,
    private readonly onGain: (db: number) => void,
  ) {}

  get running(): boolean {
    return this.node !== null;
  }

  start(): void {
    if (this.node) return;
    const node = new AudioWorkletNode(this.ctx, 'varnish-host-tap', {
      numberOfInputs: 2,
      numberOfOutputs: 0,
      channelCount: 2,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
      processorOptions: { mode: 'match' },
    });
    node.port.onmessage = (e) => {
      const next = matchGainDb(e.data.wet, e.data.dry, this.db);
      if (next !== this.db) {
        this.db = next;
        this.onGain(next);
      }
    };
    this.wet.connect(node, 0, 0);
    this.dry.connect(node, 0, 1);
    this.node = node;
  }

  stop(): void {
    const node = this.node;
    if (!node) return;
    this.node = null;
    node.port.postMessage('close');
    node.port.onmessage = null;
    for (const src of [this.wet, this.dry]) {
      try {
        src.disconnect(node);
      } catch {
        /* already apart */
      }
    }
  }
}
