/**
 * Varnish Reverb: the one declaration of its parameters.
 *
 * Decisions (issue 6):
 * - size: 0..100 %, a geometric scale of every delay length, 0.5x at 0 %, 1x at 50 %, 2x at 100 %.
 *   size and algorithm are structural: they jump (no ramp); a change dips the wet signal for
 *   about 4 ms down and 4 ms up. A size change keeps the tail (it is read at the new lengths),
 *   an algorithm change restarts it empty.
 * - damping = RT60(8 kHz) / RT60(mid), bassDecay = RT60(125 Hz) / RT60(mid).
 * - lowCut / highCut: 2nd-order Butterworth filters on the wet signal; at their defaults
 *   (20 Hz, 20 kHz) they are open (-3 dB at the ends of the audio band) and the low cut keeps
 *   DC out of the wet signal.
 * - earlyLate: 0 % early reflections only, 50 % both at full level, 100 % tail only. Only room
 *   and chamber have early reflections; plate and hall ignore it.
 * - modDepth 100 % = +-1 ms of delay excursion; modRate in Hz (each line runs at its own
 *   multiple of it).
 * - mix: linear dry/wet; 0 % passes the input through untouched. send: wet only (100 %), the dry
 *   path and mix are ignored. freeze: lossless tail, input muted.
 */
import { ParamSet, type ParamDecl } from '../../shared-wam/params.js';

export const REVERB_ALGORITHMS = ['plate', 'hall', 'room', 'chamber'] as const;

export const REVERB_PARAMS: readonly ParamDecl[] = [
  { id: 'algorithm', label: 'Algorithm', type: 'choice', choices: REVERB_ALGORITHMS, default: 1, group: 'Space' },
  { id: 'predelay', label: 'Predelay', type: 'float', min: 0, max: 500, default: 0, unit: 'ms', smoothingMs: 50, decimals: 1, group: 'Space' },
  { id: 'decay', label: 'Decay', type: 'float', min: 0.1, max: 20, default: 2, unit: 's', skew: 'log', smoothingMs: 50, decimals: 2, group: 'Decay' },
  { id: 'size', label: 'Size', type: 'float', min: 0, max: 100, default: 50, unit: '%', smoothingMs: 0, decimals: 0, group: 'Space' },
  { id: 'damping', label: 'High Decay', type: 'float', min: 0.1, max: 1.5, default: 0.5, unit: 'x', skew: 'log', smoothingMs: 50, decimals: 2, group: 'Decay' },
  { id: 'bassDecay', label: 'Bass Decay', type: 'float', min: 0.5, max: 2, default: 1.2, unit: 'x', skew: 'log', smoothingMs: 50, decimals: 2, group: 'Decay' },
  { id: 'lowCut', label: 'Low Cut', type: 'float', min: 20, max: 2000, default: 20, unit: 'Hz', skew: 'log', smoothingMs: 30, decimals: 0, group: 'Tone' },
  { id: 'highCut', label: 'High Cut', type: 'float', min: 500, max: 20000, default: 20000, unit: 'Hz', skew: 'log', smoothingMs: 30, decimals: 0, group: 'Tone' },
  { id: 'diffusion', label: 'Diffusion', type: 'float', min: 0, max: 100, default: 80, unit: '%', smoothingMs: 50, decimals: 0, group: 'Space' },
  { id: 'modDepth', label: 'Mod Depth', type: 'float', min: 0, max: 100, default: 30, unit: '%', smoothingMs: 50, decimals: 0, group: 'Modulation' },
  { id: 'modRate', label: 'Mod Rate', type: 'float', min: 0.05, max: 5, default: 0.7, unit: 'Hz', skew: 'log', smoothingMs: 50, decimals: 2, group: 'Modulation' },
  { id: 'width', label: 'Width', type: 'float', min: 0, max: 150, default: 100, unit: '%', smoothingMs: 20, decimals: 0, group: 'Output' },
  { id: 'earlyLate', label: 'Early/Late', type: 'float', min: 0, max: 100, default: 50, unit: '%', smoothingMs: 20, decimals: 0, group: 'Output' },
  { id: 'mix', label: 'Mix', type: 'float', min: 0, max: 100, default: 30, unit: '%', smoothingMs: 20, decimals: 0, group: 'Output' },
  { id: 'send', label: 'Send (100 % wet)', type: 'boolean', default: 0, group: 'Output' },
  { id: 'freeze', label: 'Freeze', type: 'boolean', default: 0, group: 'Decay' },
];

export const reverbParams = new ParamSet(REVERB_PARAMS);
