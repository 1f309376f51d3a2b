/**
 * The last few seconds of input level, output level and gain reduction, one entry per meter
 * frame (the processor posts them at ~30 Hz while a GUI listens). Three preallocated rings:
 * pushing never allocates, and reading goes oldest to newest with at(k).
 */
export const HISTORY_SECONDS = 5;
export const FRAME_RATE = 30;

export class LevelHistory {
  readonly capacity: number;
  readonly input: Float32Array;
  readonly output: Float32Array;
  readonly reduction: Float32Array;
  /** index of the next write */
  private head = 0;
  /** entries held (<= capacity) */
  count = 0;

  constructor(capacity = HISTORY_SECONDS * FRAME_RATE) {
    this.capacity = Math.max(2, Math.floor(capacity));
    this.input = new Float32Array(this.capacity);
    this.output = new Float32Array(this.capacity);
    this.reduction = new Float32Array(this.capacity);
  }

  push(inDb: number, outDb: number, grDb: number): void {
    const i = this.head;
    this.input[i] = inDb;
    this.output[i] = outDb;
    this.reduction[i] = grDb;
    this.head = i + 1 === this.capacity ? 0 : i + 1;
    if (this.count < this.capacity) this.count++;
  }

  /** ring index of the k-th held entry, 0 = oldest, count - 1 = newest */
  at(k: number): number {
    const i = this.head - this.count + k;
    return i < 0 ? i + this.capacity : i;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }
}
