import type { Kernel } from './kernel.js';
import { CONTROL_FRAMES, type ParamBank } from '../params/param-bank.js';

/**
 * Process frames [start, end) of a block through a kernel, moving the parameter ramps.
 * While any ramp is active the slice is cut into CONTROL_FRAMES chunks, so kernels update
 * coefficients at control rate and interpolate gains per sample within a chunk.
 * This is the one place where ramps advance: the AudioWorklet shell and the Node tests both
 * call it, so tests exercise exactly what runs in the browser.
 */
export function runKernel(
  kernel: Kernel,
  bank: ParamBank,
  inputs: readonly Float32Array[],
  outputs: readonly Float32Array[],
  start: number,
  end: number,
  sidechain?: readonly Float32Array[],
): void {
  let pos = start;
  while (pos < end) {
    let n = end - pos;
    if (bank.active && n > CONTROL_FRAMES) n = CONTROL_FRAMES;
    kernel.process(inputs, outputs, pos, pos + n, sidechain);
    if (kernel.guardsOutput !== true) for (let c = 0; c < outputs.length; c++) guardOutput(outputs[c], pos, pos + n);
    if (bank.active) bank.advance(n);
    pos += n;
  }
}

/** +24 dBFS: the most any Varnish plugin will ever output, whatever its settings. */
export const OUTPUT_CEILING = 15.848931924611133;

/**
 * Last line of defence for speakers and for the plugins after ours: non-finite samples become 0
 * and anything beyond +24 dBFS is clipped there. Values inside the range pass bit-exact.
 * Kernels that declare guardsOutput call it themselves when a block's peak or sum says so.
 */
export function guardOutput(x: Float32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const y = x[i];
    if (y > OUTPUT_CEILING) x[i] = OUTPUT_CEILING;
    else if (y < -OUTPUT_CEILING) x[i] = -OUTPUT_CEILING;
    else if (y !== y) x[i] = 0;
  }
}

/**
 * For kernels that guard their own output: true when a block whose largest |sample| is `peak`
 * and whose sum of squares is `sumSq` needs guardOutput (NaN compares false, and a NaN or an
 * infinity anywhere makes the sum of squares NaN or infinite).
 */
export function needsGuard(peak: number, sumSq: number): boolean {
  return !(peak <= OUTPUT_CEILING) || !(sumSq < Infinity);
}

/** Replace NaN and ±Inf with 0 so no bad sample reaches a kernel's state. */
export function sanitize(src: Float32Array, dst: Float32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const x = src[i];
    dst[i] = x - x === 0 ? x : 0; // x - x is NaN for NaN and ±Inf
  }
}

/**
 * Offline driver for tests and the benchmark: runs whole buffers through a kernel in
 * 128-frame blocks, as an AudioWorklet would.
 */
export function renderOffline(
  kernel: Kernel,
  bank: ParamBank,
  inputs: readonly Float32Array[],
  blockSize = 128,
  sidechain?: readonly Float32Array[],
): Float32Array[] {
  const frames = inputs[0].length;
  const outputs = inputs.map(() => new Float32Array(frames));
  const inBlk = inputs.map(() => new Float32Array(blockSize));
  const outBlk = inputs.map(() => new Float32Array(blockSize));
  const scBlk = sidechain?.map(() => new Float32Array(blockSize));
  for (let pos = 0; pos < frames; pos += blockSize) {
    const n = Math.min(blockSize, frames - pos);
    for (let c = 0; c < inputs.length; c++) {
      inBlk[c].fill(0);
      sanitize(inputs[c].subarray(pos, pos + n), inBlk[c], 0, n);
    }
    if (sidechain && scBlk) for (let c = 0; c < sidechain.length; c++) { scBlk[c].fill(0); sanitize(sidechain[c].subarray(pos, pos + n), scBlk[c], 0, n); }
    runKernel(kernel, bank, inBlk, outBlk, 0, n, scBlk);
    for (let c = 0; c < inputs.length; c++) outputs[c].set(outBlk[c].subarray(0, n), pos);
  }
  return outputs;
}
