/**
 * Block kernels shared by the plate and the FDN.
 *
 * Both networks run in short blocks (at most 32 frames, never longer than their shortest
 * recirculating delay): within a block no delay line reads a value written in the same block,
 * so each step (gather the reads of a line, filter them, mix, write back) can run as its own
 * tight loop over the block, with the line's state in local variables.
 */

/**
 * b reads of a ring at a fixed delay: dst[j] = mem[base + ((w + j - delay) & mask)].
 */
export function readDelay(mem: Float32Array, base: number, w: number, mask: number, delay: number, dst: Float64Array, b: number): void {
  let p = w - delay;
  for (let j = 0; j < b; j++, p++) dst[j] = mem[base + (p & mask)];
}

/**
 * b reads along a delay that moves by `step` per frame, through first-order allpass
 * interpolation (D. Jaffe and J. O. Smith, "Extensions of the Karplus-Strong plucked-string
 * algorithm", CMJ 7(2), 1983; J. Dattorro, "Effect Design Part 2", JAES 45(10), 1997):
 *     y[n] = a x[n-k] + x[n-k-1] - a y[n-1],   a = (1 - D)/(1 + D),
 * with the delay d = k + D, D in [0.5, 1.5). |H| = 1 at every frequency: the modulation moves
 * the delay without any loss, so it does not change RT60.
 * a is evaluated as a polynomial instead of a division: with D = 1 + u, h = u/2 (|h| <= 1/4),
 * a = -h / (1 + h) = -h (1 - h + h^2 - h^3) + O(h^5) (error < 1e-3, i.e. < 0.005 samples of
 * delay; the allpass stays exactly lossless whatever a is).
 * state[0] = delay (updated), state[1] = y[n-1] (updated); the delay moves by steps[si] per
 * frame (doubles travel in typed arrays: a double argument to a call that is not inlined would
 * be boxed, an allocation per call).
 */
export function readModulated(
  mem: Float32Array, base: number, w: number, mask: number,
  state: Float64Array, steps: Float64Array, si: number, dst: Float64Array, b: number,
): void {
  const step = steps[si];
  let d = state[0];
  let y = state[1];
  for (let j = 0; j < b; j++) {
    d += step;
    const k = (d - 0.5) | 0;
    const h = 0.5 * (d - k - 1);
    const a = -h * (1 - h * (1 - h * (1 - h)));
    const p = w + j - k;
    y = a * (mem[base + (p & mask)] - y) + mem[base + ((p - 1) & mask)];
    dst[j] = y;
  }
  state[0] = d;
  state[1] = y < 1e-30 && y > -1e-30 ? 0 : y; // no denormals in the Float64 state
}

/**
 * readModulated and decayFilter in one loop, for two lines at once (the FDN): the two lines'
 * interpolator and biquad recursions are independent chains, so one loop lets them overlap.
 * Line A: ring at baseA, state sA ([delay, y]), delay step steps[iA], coefficients c[oA..],
 * states z[qA..], into dA; line B likewise.
 */
export function readModulatedFiltered2(
  mem: Float32Array, w: number, mask: number, c: Float64Array, z: Float64Array, b: number, steps: Float64Array,
  baseA: number, sA: Float64Array, iA: number, oA: number, qA: number, dA: Float64Array,
  baseB: number, sB: Float64Array, iB: number, oB: number, qB: number, dB: Float64Array,
): void {
  const stepA = steps[iA];
  const stepB = steps[iB];
  const ab0 = c[oA], ab1 = c[oA + 1], ab2 = c[oA + 2], aa1 = c[oA + 3], aa2 = c[oA + 4];
  const ad0 = c[oA + 5], ad1 = c[oA + 6], ad2 = c[oA + 7], ae1 = c[oA + 8], ae2 = c[oA + 9];
  const bb0 = c[oB], bb1 = c[oB + 1], bb2 = c[oB + 2], ba1 = c[oB + 3], ba2 = c[oB + 4];
  const bd0 = c[oB + 5], bd1 = c[oB + 6], bd2 = c[oB + 7], be1 = c[oB + 8], be2 = c[oB + 9];
  let az0 = z[qA], az1 = z[qA + 1], az2 = z[qA + 2], az3 = z[qA + 3];
  let bz0 = z[qB], bz1 = z[qB + 1], bz2 = z[qB + 2], bz3 = z[qB + 3];
  let ad = sA[0], ay = sA[1];
  let bd = sB[0], by = sB[1];
  for (let j = 0; j < b; j++) {
    // line A
    ad += stepA;
    const ak = (ad - 0.5) | 0;
    const ah = 0.5 * (ad - ak - 1);
    const aa = -ah * (1 - ah * (1 - ah * (1 - ah)));
    const ap = w + j - ak;
    ay = aa * (mem[baseA + (ap & mask)] - ay) + mem[baseA + ((ap - 1) & mask)];
    // line B
    bd += stepB;
    const bk = (bd - 0.5) | 0;
    const bh = 0.5 * (bd - bk - 1);
    const ba = -bh * (1 - bh * (1 - bh * (1 - bh)));
    const bp = w + j - bk;
    by = ba * (mem[baseB + (bp & mask)] - by) + mem[baseB + ((bp - 1) & mask)];
    // decay filters
    const at = ab0 * ay + az0;
    az0 = ab1 * ay - aa1 * at + az1;
    az1 = ab2 * ay - aa2 * at;
    const bt = bb0 * by + bz0;
    bz0 = bb1 * by - ba1 * bt + bz1;
    bz1 = bb2 * by - ba2 * bt;
    const au = ad0 * at + az2;
    az2 = ad1 * at - ae1 * au + az3;
    az3 = ad2 * at - ae2 * au;
    const bu = bd0 * bt + bz2;
    bz2 = bd1 * bt - be1 * bu + bz3;
    bz3 = bd2 * bt - be2 * bu;
    dA[j] = au;
    dB[j] = bu;
  }
  sA[0] = ad;
  sA[1] = flush(ay);
  sB[0] = bd;
  sB[1] = flush(by);
  z[qA] = flush(az0); z[qA + 1] = flush(az1); z[qA + 2] = flush(az2); z[qA + 3] = flush(az3);
  z[qB] = flush(bz0); z[qB + 1] = flush(bz1); z[qB + 2] = flush(bz2); z[qB + 3] = flush(bz3);
}

/**
 * Fixed-delay reads and decay filters for two lines at once (the FDN's unmodulated lines):
 * dA[j] = filterA(mem[baseA + ((w + j - delayA) & mask)]), and likewise for line B.
 */
export function readFiltered2(
  mem: Float32Array, w: number, mask: number, c: Float64Array, z: Float64Array, b: number,
  baseA: number, delayA: number, oA: number, qA: number, dA: Float64Array,
  baseB: number, delayB: number, oB: number, qB: number, dB: Float64Array,
): void {
  const ab0 = c[oA], ab1 = c[oA + 1], ab2 = c[oA + 2], aa1 = c[oA + 3], aa2 = c[oA + 4];
  const ad0 = c[oA + 5], ad1 = c[oA + 6], ad2 = c[oA + 7], ae1 = c[oA + 8], ae2 = c[oA + 9];
  const bb0 = c[oB], bb1 = c[oB + 1], bb2 = c[oB + 2], ba1 = c[oB + 3], ba2 = c[oB + 4];
  const bd0 = c[oB + 5], bd1 = c[oB + 6], bd2 = c[oB + 7], be1 = c[oB + 8], be2 = c[oB + 9];
  let az0 = z[qA], az1 = z[qA + 1], az2 = z[qA + 2], az3 = z[qA + 3];
  let bz0 = z[qB], bz1 = z[qB + 1], bz2 = z[qB + 2], bz3 = z[qB + 3];
  let pa = w - delayA;
  let pb = w - delayB;
  for (let j = 0; j < b; j++, pa++, pb++) {
    const ay = mem[baseA + (pa & mask)];
    const by = mem[baseB + (pb & mask)];
    const at = ab0 * ay + az0;
    az0 = ab1 * ay - aa1 * at + az1;
    az1 = ab2 * ay - aa2 * at;
    const bt = bb0 * by + bz0;
    bz0 = bb1 * by - ba1 * bt + bz1;
    bz1 = bb2 * by - ba2 * bt;
    const au = ad0 * at + az2;
    az2 = ad1 * at - ae1 * au + az3;
    az3 = ad2 * at - ae2 * au;
    const bu = bd0 * bt + bz2;
    bz2 = bd1 * bt - be1 * bu + bz3;
    bz3 = bd2 * bt - be2 * bu;
    dA[j] = au;
    dB[j] = bu;
  }
  z[qA] = flush(az0); z[qA + 1] = flush(az1); z[qA + 2] = flush(az2); z[qA + 3] = flush(az3);
  z[qB] = flush(bz0); z[qB + 1] = flush(bz1); z[qB + 2] = flush(bz2); z[qB + 3] = flush(bz3);
}

/**
 * The decay filter of one path, in place over buf[0, b): low shelf (carrying the path's
 * broadband gain) then high shelf, transposed direct form II. Coefficients c[o..o+9]
 * ([b0, b1, b2, a1, a2] twice), states z[q..q+3].
 */
export function decayFilter(c: Float64Array, o: number, z: Float64Array, q: number, buf: Float64Array, b: number): void {
  const b0 = c[o], b1 = c[o + 1], b2 = c[o + 2], a1 = c[o + 3], a2 = c[o + 4];
  const d0 = c[o + 5], d1 = c[o + 6], d2 = c[o + 7], e1 = c[o + 8], e2 = c[o + 9];
  let z0 = z[q], z1 = z[q + 1], z2 = z[q + 2], z3 = z[q + 3];
  for (let j = 0; j < b; j++) {
    const x = buf[j];
    const t = b0 * x + z0;
    z0 = b1 * x - a1 * t + z1;
    z1 = b2 * x - a2 * t;
    const u = d0 * t + z2;
    z2 = d1 * t - e1 * u + z3;
    z3 = d2 * t - e2 * u;
    buf[j] = u;
  }
  z[q] = flush(z0);
  z[q + 1] = flush(z1);
  z[q + 2] = flush(z2);
  z[q + 3] = flush(z3);
}

/** states below 1e-30 to 0 (they could otherwise decay into the denormal range) */
export function flush(v: number): number {
  return v < 1e-30 && v > -1e-30 ? 0 : v;
}
