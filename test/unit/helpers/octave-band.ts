/**
 * Octave-band filtering for room-acoustic analysis (after IEC 61260-1 / ISO 3382-1: octave
 * bands centred on f, edges f/sqrt2 and f*sqrt2). Here: a 4th-order Butterworth high-pass at
 * the lower edge and a 4th-order Butterworth low-pass at the upper edge (each two RBJ biquads,
 * Q = 0.5412 and 1.3066), run forwards and then backwards (zero phase, 8th-order skirts on
 * each side: a neighbouring octave's centre is down about 48 dB).
 */

type Coefs = [number, number, number, number, number];

function lowPass(f0: number, q: number, fs: number): Coefs {
  const w0 = (2 * Math.PI * f0) / fs;
  const cs = Math.cos(w0);
  const al = Math.sin(w0) / (2 * q);
  const a0 = 1 + al;
  return [(1 - cs) / 2 / a0, (1 - cs) / a0, (1 - cs) / 2 / a0, (-2 * cs) / a0, (1 - al) / a0];
}

function highPass(f0: number, q: number, fs: number): Coefs {
  const w0 = (2 * Math.PI * f0) / fs;
  const cs = Math.cos(w0);
  const al = Math.sin(w0) / (2 * q);
  const a0 = 1 + al;
  return [(1 + cs) / 2 / a0, -(1 + cs) / a0, (1 + cs) / 2 / a0, (-2 * cs) / a0, (1 - al) / a0];
}

/** the Q values of a 4th-order Butterworth as two biquads: 1 / (2 cos(pi/8)), 1 / (2 cos(3pi/8)) */
const Q4 = [1 / (2 * Math.cos(Math.PI / 8)), 1 / (2 * Math.cos((3 * Math.PI) / 8))];

function runBiquad(x: Float64Array, c: Coefs, reverse: boolean): void {
  const [b0, b1, b2, a1, a2] = c;
  let z1 = 0;
  let z2 = 0;
  const n = x.length;
  for (let k = 0; k < n; k++) {
    const i = reverse ? n - 1 - k : k;
    const v = x[i];
    const y = b0 * v + z1;
    z1 = b1 * v - a1 * y + z2;
    z2 = b2 * v - a2 * y;
    x[i] = y;
  }
}

/** zero-phase octave band of x centred on fc (a new Float64Array) */
export function octaveBand(x: ArrayLike<number>, fc: number, fs: number): Float64Array {
  const y = Float64Array.from(x);
  const lo = fc / Math.SQRT2;
  const hi = Math.min(fc * Math.SQRT2, 0.49 * fs);
  const sections: Coefs[] = [];
  for (const q of Q4) sections.push(highPass(lo, q, fs));
  for (const q of Q4) sections.push(lowPass(hi, q, fs));
  for (const c of sections) runBiquad(y, c, false);
  for (const c of sections) runBiquad(y, c, true);
  return y;
}
