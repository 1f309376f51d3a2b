/**
 * Block kernels shared by the plate and the FDN.
 *
 * Both networks run in short blocks (never longer than their shortest recirculating delay):
 * within a block no delay line reads a value written in the same block, so each step (gather
 * the reads of two lines, filter them; then mix and write back) runs as its own tight loop
 * over the block, with the lines' state in local variables.
 *
 * Memory model (for speed in V8): everything an engine touches per sample lives in one
 * Float64Array "heap" (rings, coefficients, filter states, block buffers), addressed by integer
 * offsets; a loop over one typed array pays its map check and bounds set-up once. Integer
 * arithmetic is truncated with `| 0` (no overflow checks), and coefficients are right-hand
 * operands so that spilled ones are read straight from the stack frame.
 *
 * Decay filter (decay-design.ts): two biquads per path ([b0, b1, b2, a1, a2] twice), run in
 * direct form I (R. Bristow-Johnson's cookbook difference equation,
 *     t[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 t[n-1] - a2 t[n-2]):
 * the only loop-carried chain is a1 t[n-1] -> t[n] (one multiply, one add), which lets the two
 * lines of a loop overlap. State per path (six numbers): x[n-1], x[n-2], t[n-1], t[n-2],
 * u[n-1], u[n-2] (u: the second biquad's output).
 */

/**
 * Rings of one engine sit ring size + RING_PAD words apart, not a power of two: at a power-of-two
 * distance the writes of a frame share their low address bits, so they compete for one L1 set
 * and alias (4 KiB) with each other's loads. 72 words (576 bytes) puts eight rings in eight
 * different places of a 4 KiB page. Measured on the hall: about 8 % faster.
 */
export const RING_PAD = 72;

/** coefficients per path (two biquads) */
export const PATH_COEFS = 10;
/** state per path: x1 x2 t1 t2 u1 u2, then (modulated paths) k, D, step, and one spare */
export const PATH_STATE = 10;
/** offsets in a path's state */
export const ST_K = 6;
export const ST_D = 7;
export const ST_STEP = 8;

/**
 * Two fixed-delay paths: H[oA + j] = filterA(H[ringA + ((w + j - delayA) & mask)]) for j < b,
 * and likewise for path B. Coefficients at cA/cB, states at sA/sB.
 */
export function readFixed2(
  H: Float64Array, w: number, mask: number, b: number,
  ringA: number, delayA: number, cA: number, sA: number, oA: number,
  ringB: number, delayB: number, cB: number, sB: number, oB: number,
): void {
  const ab0 = H[cA], ab1 = H[cA + 1], ab2 = H[cA + 2], aa1 = H[cA + 3], aa2 = H[cA + 4];
  const ad0 = H[cA + 5], ad1 = H[cA + 6], ad2 = H[cA + 7], ae1 = H[cA + 8], ae2 = H[cA + 9];
  const bb0 = H[cB], bb1 = H[cB + 1], bb2 = H[cB + 2], ba1 = H[cB + 3], ba2 = H[cB + 4];
  const bd0 = H[cB + 5], bd1 = H[cB + 6], bd2 = H[cB + 7], be1 = H[cB + 8], be2 = H[cB + 9];
  let ax1 = H[sA], ax2 = H[sA + 1], at1 = H[sA + 2], at2 = H[sA + 3], au1 = H[sA + 4], au2 = H[sA + 5];
  let bx1 = H[sB], bx2 = H[sB + 1], bt1 = H[sB + 2], bt2 = H[sB + 3], bu1 = H[sB + 4], bu2 = H[sB + 5];
  let pa = (w - delayA) | 0;
  let pb = (w - delayB) | 0;
  // two frames per pass (the second uses the first's values where the first's shift would
  // move them), then an odd last frame
  let j = 0;
  for (; j + 1 < b; j = (j + 2) | 0) {
    const ax = H[(ringA + (pa & mask)) | 0];
    const bx = H[(ringB + (pb & mask)) | 0];
    const ay = H[(ringA + ((pa + 1) & mask)) | 0];
    const by = H[(ringB + ((pb + 1) & mask)) | 0];
    pa = (pa + 2) | 0;
    pb = (pb + 2) | 0;
    const at = ax * ab0 + ax1 * ab1 + (ax2 * ab2 - at2 * aa2) - at1 * aa1;
    const bt = bx * bb0 + bx1 * bb1 + (bx2 * bb2 - bt2 * ba2) - bt1 * ba1;
    const au = at * ad0 + at1 * ad1 + (at2 * ad2 - au2 * ae2) - au1 * ae1;
    const bu = bt * bd0 + bt1 * bd1 + (bt2 * bd2 - bu2 * be2) - bu1 * be1;
    const as = ay * ab0 + ax * ab1 + (ax1 * ab2 - at1 * aa2) - at * aa1;
    const bs = by * bb0 + bx * bb1 + (bx1 * bb2 - bt1 * ba2) - bt * ba1;
    const av = as * ad0 + at * ad1 + (at1 * ad2 - au1 * ae2) - au * ae1;
    const bv = bs * bd0 + bt * bd1 + (bt1 * bd2 - bu1 * be2) - bu * be1;
    ax2 = ax; ax1 = ay; at2 = at; at1 = as; au2 = au; au1 = av;
    bx2 = bx; bx1 = by; bt2 = bt; bt1 = bs; bu2 = bu; bu1 = bv;
    H[(oA + j) | 0] = au;
    H[(oA + j + 1) | 0] = av;
    H[(oB + j) | 0] = bu;
    H[(oB + j + 1) | 0] = bv;
  }
  if (j < b) {
    const ax = H[(ringA + (pa & mask)) | 0];
    const bx = H[(ringB + (pb & mask)) | 0];
    const at = ax * ab0 + ax1 * ab1 + (ax2 * ab2 - at2 * aa2) - at1 * aa1;
    const bt = bx * bb0 + bx1 * bb1 + (bx2 * bb2 - bt2 * ba2) - bt1 * ba1;
    const au = at * ad0 + at1 * ad1 + (at2 * ad2 - au2 * ae2) - au1 * ae1;
    const bu = bt * bd0 + bt1 * bd1 + (bt2 * bd2 - bu2 * be2) - bu1 * be1;
    ax2 = ax1; ax1 = ax; at2 = at1; at1 = at; au2 = au1; au1 = au;
    bx2 = bx1; bx1 = bx; bt2 = bt1; bt1 = bt; bu2 = bu1; bu1 = bu;
    H[(oA + j) | 0] = au;
    H[(oB + j) | 0] = bu;
  }
  // ring values are flushed when written; the recursive states are flushed here
  H[sA] = ax1;
  H[sA + 1] = ax2;
  H[sA + 2] = at1 < 1e-30 && at1 > -1e-30 ? 0 : at1;
  H[sA + 3] = at2 < 1e-30 && at2 > -1e-30 ? 0 : at2;
  H[sA + 4] = au1 < 1e-30 && au1 > -1e-30 ? 0 : au1;
  H[sA + 5] = au2 < 1e-30 && au2 > -1e-30 ? 0 : au2;
  H[sB] = bx1;
  H[sB + 1] = bx2;
  H[sB + 2] = bt1 < 1e-30 && bt1 > -1e-30 ? 0 : bt1;
  H[sB + 3] = bt2 < 1e-30 && bt2 > -1e-30 ? 0 : bt2;
  H[sB + 4] = bu1 < 1e-30 && bu1 > -1e-30 ? 0 : bu1;
  H[sB + 5] = bu2 < 1e-30 && bu2 > -1e-30 ? 0 : bu2;
}

/**
 * One path read along a delay that moves by a step per frame, through first-order allpass
 * interpolation (D. Jaffe and J. O. Smith, "Extensions of the Karplus-Strong plucked-string
 * algorithm", CMJ 7(2), 1983; J. Dattorro, "Effect Design Part 2", JAES 45(10), 1997):
 *     y[n] = a x[n-k] + x[n-k-1] - a y[n-1],   a = (1 - D) / (1 + D),
 * with the delay d = k + D, D kept in [0.5, 1.5). |H| = 1 at every frequency: the modulation
 * moves the delay without any loss, so it does not change RT60. Then the decay filter (the
 * interpolator's output is the filter's input, so y[n-1] is the filter's x[n-1]).
 * The integer part is tracked, not recomputed: D moves by the step each frame (|step| < 0.5)
 * and carries into k when it leaves [0.5, 1.5), so the read index only needs an increment.
 * Per path state at s: x1 x2 t1 t2 u1 u2 k D step.
 * One path per loop, unlike readFixed2: with two, the loop's live values (twenty coefficients,
 * two interpolators and filter states) spill and the modulated path runs about 8 % slower.
 * D carries at most every 1 / |step| frames (hundreds at the usual depths and rates), so the
 * frames before the next carry run two per pass with no branch; the general step (with the
 * carry) handles the frame after. Bit-exact with a frame-by-frame loop, about 2 % faster on
 * the whole hall.
 */
export function readModulated(
  H: Float64Array, w: number, mask: number, b: number,
  ring: number, c: number, s: number, o: number,
): void {
  const b0 = H[c], b1 = H[c + 1], b2 = H[c + 2], a1 = H[c + 3], a2 = H[c + 4];
  const d0 = H[c + 5], d1 = H[c + 6], d2 = H[c + 7], e1 = H[c + 8], e2 = H[c + 9];
  let x1 = H[s], x2 = H[s + 1], t1 = H[s + 2], t2 = H[s + 3], u1 = H[s + 4], u2 = H[s + 5];
  let D = H[s + ST_D];
  const step = H[s + ST_STEP];
  // read index of frame j is w + j - k; it starts one frame back and moves before each read.
  // hi = x[n-k] and lo = x[n-k-1] are carried: in the common case (k unchanged) the index moves
  // by one and only one new value is read
  let p = (w - (H[s + ST_K] | 0) - 1) | 0;
  let hi = H[(ring + (p & mask)) | 0];
  let lo = H[(ring + ((p - 1) & mask)) | 0];
  let j = 0;
  while (j < b) {
    // frames from here on whose D stays inside [0.5, 1.5) (no carry; one step of margin):
    // they run in pairs without a branch; then one frame of the general case
    let run = b - j;
    if (step > 0) {
      const m = (1.5 - D) / step - 1;
      if (m < run) run = m > 0 ? m | 0 : 0;
    } else if (step < 0) {
      const m = (D - 0.5) / -step - 1;
      if (m < run) run = m > 0 ? m | 0 : 0;
    }
    const pairsEnd = (j + (run & ~1)) | 0;
    for (; j < pairsEnd; j = (j + 2) | 0) {
      const h1 = H[(ring + ((p + 1) & mask)) | 0];
      const h2 = H[(ring + ((p + 2) & mask)) | 0];
      p = (p + 2) | 0;
      D += step;
      const a = (1 - D) / (1 + D);
      D += step;
      const aa = (1 - D) / (1 + D);
      const x = (h1 - x1) * a + hi;
      const y = (h2 - x) * aa + h1;
      const t = x * b0 + x1 * b1 + (x2 * b2 - t2 * a2) - t1 * a1;
      const u = t * d0 + t1 * d1 + (t2 * d2 - u2 * e2) - u1 * e1;
      const tt = y * b0 + x * b1 + (x1 * b2 - t1 * a2) - t * a1;
      const uu = tt * d0 + t * d1 + (t1 * d2 - u1 * e2) - u * e1;
      x2 = x; x1 = y; t2 = t; t1 = tt; u2 = u; u1 = uu;
      lo = h1;
      hi = h2;
      H[(o + j) | 0] = u;
      H[(o + j + 1) | 0] = uu;
    }
    if (j === b) break;
    D += step;
    if (D >= 1.5) {
      D -= 1; // k + 1: the index stays
    } else if (D < 0.5) {
      D += 1; // k - 1: the index moves by two
      p = (p + 2) | 0;
      lo = H[(ring + ((p - 1) & mask)) | 0];
      hi = H[(ring + (p & mask)) | 0];
    } else {
      p = (p + 1) | 0;
      lo = hi;
      hi = H[(ring + (p & mask)) | 0];
    }
    const a = (1 - D) / (1 + D);
    const x = (hi - x1) * a + lo;
    const t = x * b0 + x1 * b1 + (x2 * b2 - t2 * a2) - t1 * a1;
    const u = t * d0 + t1 * d1 + (t2 * d2 - u2 * e2) - u1 * e1;
    x2 = x1; x1 = x; t2 = t1; t1 = t; u2 = u1; u1 = u;
    H[(o + j) | 0] = u;
    j = (j + 1) | 0;
  }
  H[s] = x1 < 1e-30 && x1 > -1e-30 ? 0 : x1;
  H[s + 1] = x2 < 1e-30 && x2 > -1e-30 ? 0 : x2;
  H[s + 2] = t1 < 1e-30 && t1 > -1e-30 ? 0 : t1;
  H[s + 3] = t2 < 1e-30 && t2 > -1e-30 ? 0 : t2;
  H[s + 4] = u1 < 1e-30 && u1 > -1e-30 ? 0 : u1;
  H[s + 5] = u2 < 1e-30 && u2 > -1e-30 ? 0 : u2;
  // k of the last frame read: its index was w + b - 1 - k
  H[s + ST_K] = (w + b - 1 - p) | 0;
  H[s + ST_D] = D;
}
