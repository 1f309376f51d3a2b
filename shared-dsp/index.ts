/** Varnish shared-dsp: the DSP core of every plugin, as a library. */
export type { Kernel } from './core/kernel.js';
export { runKernel, renderOffline, sanitize, guardOutput, OUTPUT_CEILING } from './core/run-kernel.js';
export { ParamBank, CONTROL_FRAMES, type ParamSpec } from './params/param-bank.js';
export { LoudnessMeter, type LoudnessMeterOptions } from './loudness/loudness-meter.js';
export { TruePeakDetector, truePeakInterpolator } from './loudness/true-peak.js';
export { kWeightingCoefficients, KWeightingBank, type Biquad, type KWeightingCoefficients } from './loudness/k-weighting.js';
export { LoudnessHistogram, powerToLufs, lufsToPower } from './loudness/loudness-histogram.js';
export { CompressorKernel, type CompressorLayout, MAX_LOOKAHEAD_MS, PEAK_HOLD_MS, RMS_WINDOW_MS, RMS_SMOOTH_MS } from './dynamics/compressor-kernel.js';
export { GainCurve, inverseRatio, effectiveRatio, autoMakeupDb, AUTO_MAKEUP_REFERENCE_DB, RATIO_MAX_FINITE, RATIO_INFINITE } from './dynamics/gain-computer.js';
export { PeakHold, RmsWindow } from './dynamics/level-detectors.js';
export { SidechainHpf } from './dynamics/sidechain-hpf.js';
export { onePoleCoef, AUTO_CHARGE_FACTOR, AUTO_SLOW_FACTOR, GR_FLUSH_DB } from './dynamics/time-constants.js';
export { dbToGain as fastDbToGain } from './dynamics/fast-db.js';
export * from './dynamics/compressor-meters.js';
