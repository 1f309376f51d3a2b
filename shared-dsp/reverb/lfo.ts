/**
 * Sine table for the delay modulation: no Math.sin per sample. 1024 points plus a guard, read
 * with linear interpolation (worst error pi^2 / (8 * 1024^2) = 1.2e-6 of full scale, far below
 * what a +-1 ms excursion can reveal).
 */
export const SINE_TABLE_SIZE = 1024;
export const SINE_TABLE = new Float64Array(SINE_TABLE_SIZE + 1);
for (let i = 0; i <= SINE_TABLE_SIZE; i++) SINE_TABLE[i] = Math.sin((2 * Math.PI * i) / SINE_TABLE_SIZE);

/**
 * sin(2 pi phase) for phase in [0, 1). (Audio-thread callers write this out with SINE_TABLE:
 * a double argument or result crossing a call that is not inlined is boxed.)
 */
export function sineAt(phase: number): number {
  const x = phase * SINE_TABLE_SIZE;
  const i = x | 0;
  return SINE_TABLE[i] + (SINE_TABLE[i + 1] - SINE_TABLE[i]) * (x - i);
}

/** wrap a phase into [0, 1) */
export function wrapPhase(p: number): number {
  return p - Math.floor(p);
}
