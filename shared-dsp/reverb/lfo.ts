/**
 * Sine table for the delay modulation: no Math.sin per sample. 1024 points plus a guard, read
 * with linear interpolation (worst error pi^2 / (8 * 1024^2) = 1.2e-6 of full scale, far below
 * what a +-1 ms excursion can reveal).
 */
const TABLE_SIZE = 1024;
const TABLE = new Float64Array(TABLE_SIZE + 1);
for (let i = 0; i <= TABLE_SIZE; i++) TABLE[i] = Math.sin((2 * Math.PI * i) / TABLE_SIZE);

/** sin(2 pi phase) for phase in [0, 1) */
export function sineAt(phase: number): number {
  const x = phase * TABLE_SIZE;
  const i = x | 0;
  return TABLE[i] + (TABLE[i + 1] - TABLE[i]) * (x - i);
}

/** wrap a phase into [0, 1) */
export function wrapPhase(p: number): number {
  return p - Math.floor(p);
}
