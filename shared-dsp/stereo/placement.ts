/**
 * Placement stages after the width: stereo rotation, balance and output gain, with the control
 * laws of the imager. Each block helper interpolates its gains linearly across the block.
 */

/**
 * Rotation of the (L, R) vector by a degrees (an orthogonal matrix, so total power is kept):
 *   L' = cos(a) L - sin(a) R,  R' = sin(a) L + cos(a) R.
 * On a vectorscope (mid up, right to the right) this turns the picture clockwise by a:
 * a = +45 deg moves a centred mono source hard right, -45 deg hard left.
 */
export function rotate(l: Float64Array, r: Float64Array, n: number, deg0: number, deg1: number): void {
  const a0 = (deg0 * Math.PI) / 180, a1 = (deg1 * Math.PI) / 180;
  let c = Math.cos(a0), s = Math.sin(a0);
  const dc = (Math.cos(a1) - c) / n, ds = (Math.sin(a1) - s) / n;
  for (let i = 0; i < n; i++) {
    c += dc;
    s += ds;
    const x = l[i], y = r[i];
    l[i] = c * x - s * y;
    r[i] = s * x + c * y;
  }
}

/**
 * Balance law (linear, unity at the centre): b in -1..+1; the side away from the turn is scaled
 * by 1 - |b|, the other stays at 1. b = +0.5 -> L x 0.5, R x 1; b = -1 -> R silent.
 */
export function balanceLeft(b: number): number {
  return b > 0 ? 1 - b : 1;
}

export function balanceRight(b: number): number {
  return b < 0 ? 1 + b : 1;
}

/** dB to linear amplitude (0 dB -> exactly 1). */
export function dbToGain(db: number): number {
  return db === 0 ? 1 : Math.pow(10, db / 20);
}

/** In place: l *= gl, r *= gr, each gain moving linearly from its first to its second value. */
export function applyGains(l: Float64Array, r: Float64Array, n: number, gl0: number, gl1: number, gr0: number, gr1: number): void {
  const dl = (gl1 - gl0) / n, dr = (gr1 - gr0) / n;
  if (dl === 0 && dr === 0) {
    for (let i = 0; i < n; i++) {
      l[i] *= gl0;
      r[i] *= gr0;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    l[i] *= gl0 + dl * (i + 1);
    r[i] *= gr0 + dr * (i + 1);
  }
}
