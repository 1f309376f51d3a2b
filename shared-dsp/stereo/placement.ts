/**
 * Placement stages after the width: stereo rotation, balance and output gain, with the control
 * laws of the imager. The kernel applies them in its output loop (imager-kernel.ts), with the
 * matrix entries and gains interpolated linearly across each block; it writes these laws out
 * inline (a call that V8 does not inline boxes the doubles it returns), so keep both in step.
 */

/**
 * Rotation of the (L, R) vector by a degrees (an orthogonal matrix, so total power is kept):
 *   L' = cos(a) L - sin(a) R,  R' = sin(a) L + cos(a) R.
 * On a vectorscope (mid up, right to the right) this turns the picture clockwise by a:
 * a = +45 deg moves a centred mono source hard right, -45 deg hard left.
 */
export function rotationCos(deg: number): number {
  return deg === 0 ? 1 : Math.cos((deg * Math.PI) / 180);
}

export function rotationSin(deg: number): number {
  return deg === 0 ? 0 : Math.sin((deg * Math.PI) / 180);
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
