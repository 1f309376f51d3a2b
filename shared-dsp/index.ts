/** Varnish shared-dsp: the DSP core of every plugin, as a library. */
export type { Kernel } from './core/kernel.js';
export { runKernel, renderOffline, sanitize } from './core/run-kernel.js';
export { ParamBank, CONTROL_FRAMES, type ParamSpec } from './params/param-bank.js';
