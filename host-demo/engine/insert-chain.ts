/** An ordered list of insert slots between an input and an output node. */
import { Insert } from './insert.js';

export class InsertChain {
  readonly input: GainNode;
  readonly output: GainNode;
  inserts: Insert[] = [];

  constructor(ctx: BaseAudioContext) {
    this.input = new GainNode(ctx, { channelCount: 2, channelCountMode: 'explicit' });
    this.output = new GainNode(ctx);
    this.input.connect(this.output);
  }

  /** Reconnect input → inserts in order → output. */
  rewire(): void {
    this.input.disconnect();
    for (const ins of this.inserts) ins.output.disconnect();
    let prev: AudioNode = this.input;
    for (const ins of this.inserts) {
      prev.connect(ins.input);
      prev = ins.output;
    }
    prev.connect(this.output);
  }

  add(ins: Insert, index = this.inserts.length): void {
    this.inserts.splice(Math.max(0, Math.min(index, this.inserts.length)), 0, ins);
    this.rewire();
  }

  remove(ins: Insert): void {
    const i = this.inserts.indexOf(ins);
    if (i < 0) return;
    this.inserts.splice(i, 1);
    this.rewire();
    ins.destroy();
  }

  move(from: number, to: number): void {
    if (from === to || from < 0 || from >= this.inserts.length) return;
    const [ins] = this.inserts.splice(from, 1);
    this.inserts.splice(Math.max(0, Math.min(to, this.inserts.length)), 0, ins);
    this.rewire();
  }

  /** total processing delay in samples */
  get latency(): number {
    let n = 0;
    for (const ins of this.inserts) n += ins.latency;
    return n;
  }

  /** samples of delay before the signal reaches insert i (the latencies of the slots before it) */
  latencyBefore(ins: Insert): number {
    let n = 0;
    for (const x of this.inserts) {
      if (x === ins) return n;
      n += x.latency;
    }
    return n;
  }

  destroy(): void {
    for (const ins of this.inserts) ins.destroy();
    this.inserts = [];
    this.input.disconnect();
    this.output.disconnect();
  }
}
