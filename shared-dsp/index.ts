/** Varnish shared-dsp: the DSP core of every plugin, as a library. */
export type { Kernel } from './core/kernel.js';
export { runKernel, renderOffline, sanitize, guardOutput, OUTPUT_CEILING } from './core/run-kernel.js';
export { ParamBank, CONTROL_FRAMES, type ParamSpec } from './params/param-bank.js';
export { LoudnessMeter, type LoudnessMeterOptions } from './loudness/loudness-meter.js';
export { TruePeakDetector, truePeakInterpolator } from './loudness/true-peak.js';
export { kWeightingCoefficients, KWeightingBank, type Biquad, type KWeightingCoefficients } from './loudness/k-weighting.js';
export { LoudnessHistogram, powerToLufs, lufsToPower } from './loudness/loudness-histogram.js';
