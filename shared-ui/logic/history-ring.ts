/**
 * A fixed-length history of display values: one to three series sharing one write position
 * (e.g. input, output and gain reduction per meter frame). Preallocated Float32Array rings,
 * so pushing never allocates. Read oldest to newest: series[s][at(k)], k = 0 .. count - 1.
 */
export class HistoryRing {
  readonly capacity: number;
  readonly series: Float32Array[];
  /** entries held (<= capacity) */
  count = 0;
  /** index of the next write */
  private head = 0;

  constructor(capacity: number, seriesCount = 1) {
    this.capacity = Math.max(2, Math.floor(capacity));
    const n = Math.min(3, Math.max(1, Math.floor(seriesCount)));
    this.series = Array.from({ length: n }, () => new Float32Array(this.capacity));
  }

  /** append one entry, a value per series (values beyond the ring's series are ignored) */
  push(a: number, b = 0, c = 0): void {
    const i = this.head;
    const s = this.series;
    s[0][i] = a;
    if (s.length > 1) s[1][i] = b;
    if (s.length > 2) s[2][i] = c;
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
