/**
 * A fixed-length history of display values (one or more series sharing one write position):
 * preallocated Float32Array rings, so pushing never allocates. Read oldest to newest with
 * at(k), k = 0 .. count - 1.
 */
export class HistoryRing {
  readonly capacity: number;
  readonly series: Float32Array[];
  /** entries held (<= capacity) */
  count = 0;
  /** index of the next write */
  private head = 0;

  constructor(capacity: number, seriesCount: number) {
    this.capacity = Math.max(2, Math.floor(capacity));
    this.series = Array.from({ length: Math.max(1, seriesCount) }, () => new Float32Array(this.capacity));
  }

  /** append one entry: a value per series (missing ones keep the slot's old value) */
  push(a: number, b = 0, c = 0): void {
    const i = this.head;
    const s = this.series;
    s[0][i] = a;
    if (s.length > 1) s[1][i] = b;
    if (s.length > 2) s[2][i] = c;
    this.head = i + 1 === this.capacity ? 0 : i + 1;
    if (this.count < this.capacity) this.count++;
  }

  /** ring index of the k-th held entry, 0 = oldest */
  at(k: number): number {
    const i = this.head - this.count + k;
    return i < 0 ? i + this.capacity : i;
  }

  /** the newest value of a series (NaN when empty) */
  last(series = 0): number {
    return this.count > 0 ? this.series[series][this.at(this.count - 1)] : NaN;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }
}
