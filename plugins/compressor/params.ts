/**
 * Varnish Compressor: the one declaration of its parameters.
 *
 * Decisions worth knowing (see shared-dsp/dynamics/ for the DSP):
 * - ratio runs 1..21 with a log control; 21 means infinity:1 (a limiter). Between 20 and 21 the
 *   inverse ratio falls linearly from 1/20 to 0, so automation through the top is continuous
 *   (shared-dsp/dynamics/gain-computer.ts inverseRatio/effectiveRatio; GUIs show "inf:1" at 21).
 * - the sidechain high-pass is scHpfOn (on/off) plus scHpf (its frequency), so every frequency in
 *   20..500 Hz is usable and switching it off keeps the frequency.
 * - lookahead jumps (no ramp): the delay line runs at exactly the set lookahead and the kernel's
 *   `latency` reports it in samples; a host has to re-read the latency after a change, and the
 *   audio jumps by the difference at that moment.
 * - autoMakeup adds the static curve's reduction at a -18 dB detector level; autoRelease adds a
 *   slow release stage (2x release charge, 5x release) after sustained compression.
 * - listen outputs the (high-passed) sidechain signal the detector hears, delayed by the latency.
 */
import { ParamSet, type ParamDecl } from '../../shared-wam/params.js';

export const DETECTOR_MODES = ['peak', 'RMS'] as const;
export const SIDECHAIN_SOURCES = ['internal', 'external'] as const;
/** ratio control value that means infinity:1 */
export const RATIO_LIMIT = 21;

export const COMPRESSOR_PARAMS: readonly ParamDecl[] = [
  { id: 'threshold', label: 'Threshold', type: 'float', min: -60, max: 0, default: -18, unit: 'dB', smoothingMs: 20, decimals: 1, group: 'Curve' },
  { id: 'ratio', label: 'Ratio', type: 'float', min: 1, max: RATIO_LIMIT, default: 4, skew: 'log', smoothingMs: 20, decimals: 1, group: 'Curve' },
  { id: 'knee', label: 'Knee', type: 'float', min: 0, max: 24, default: 6, unit: 'dB', smoothingMs: 20, decimals: 1, group: 'Curve' },
  { id: 'range', label: 'Range', type: 'float', min: 0, max: 60, default: 60, unit: 'dB', smoothingMs: 20, decimals: 1, group: 'Curve' },
  { id: 'attack', label: 'Attack', type: 'float', min: 0.01, max: 300, default: 10, unit: 'ms', skew: 'log', smoothingMs: 20, decimals: 2, group: 'Timing' },
  { id: 'release', label: 'Release', type: 'float', min: 1, max: 5000, default: 120, unit: 'ms', skew: 'log', smoothingMs: 20, decimals: 0, group: 'Timing' },
  { id: 'autoRelease', label: 'Auto Release', type: 'boolean', default: 0, group: 'Timing' },
  { id: 'lookahead', label: 'Lookahead', type: 'float', min: 0, max: 20, default: 0, unit: 'ms', smoothingMs: 0, decimals: 1, group: 'Timing' },
  { id: 'detector', label: 'Detector', type: 'choice', choices: DETECTOR_MODES, default: 0, group: 'Detector' },
  { id: 'link', label: 'Stereo Link', type: 'float', min: 0, max: 100, default: 100, unit: '%', smoothingMs: 20, decimals: 0, group: 'Detector' },
  { id: 'sidechain', label: 'Sidechain', type: 'choice', choices: SIDECHAIN_SOURCES, default: 0, group: 'Sidechain' },
  { id: 'scHpfOn', label: 'SC HPF', type: 'boolean', default: 0, group: 'Sidechain' },
  { id: 'scHpf', label: 'SC HPF Freq', type: 'float', min: 20, max: 500, default: 100, unit: 'Hz', skew: 'log', smoothingMs: 30, decimals: 0, group: 'Sidechain' },
  { id: 'listen', label: 'SC Listen', type: 'boolean', default: 0, group: 'Sidechain' },
  { id: 'makeup', label: 'Makeup', type: 'float', min: -12, max: 36, default: 0, unit: 'dB', smoothingMs: 20, decimals: 1, group: 'Output' },
  { id: 'autoMakeup', label: 'Auto Makeup', type: 'boolean', default: 0, group: 'Output' },
  { id: 'mix', label: 'Mix', type: 'float', min: 0, max: 100, default: 100, unit: '%', smoothingMs: 20, decimals: 0, group: 'Output' },
];

export const compressorParams = new ParamSet(COMPRESSOR_PARAMS);
