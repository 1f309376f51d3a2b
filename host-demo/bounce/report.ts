/** The loudness report of a bounce, measured with the shared LoudnessMeter (BS.1770-5, EBU R128). */
import { LoudnessMeter } from '../../shared-dsp/loudness/loudness-meter.js';

export interface LoudnessTarget {
  name: string;
  /** integrated loudness, LUFS */
  lufs: number;
  /** highest true peak allowed, dBTP */
  truePeak: number;
}

export const TARGETS: LoudnessTarget[] = [
  { name: 'Streaming (−14 LUFS, −1 dBTP)', lufs: -14, truePeak: -1 },
  { name: 'EBU R128 broadcast (−23 LUFS, −1 dBTP)', lufs: -23, truePeak: -1 },
  { name: 'Apple Music (−16 LUFS, −1 dBTP)', lufs: -16, truePeak: -1 },
  { name: 'Podcast (−16 LUFS, −1 dBTP)', lufs: -16, truePeak: -1 },
  { name: 'ATSC A/85 (−24 LKFS, −2 dBTP)', lufs: -24, truePeak: -2 },
  { name: 'Club / loud master (−9 LUFS, −0.3 dBTP)', lufs: -9, truePeak: -0.3 },
];

export interface LoudnessReport {
  integrated: number;
  range: number;
  truePeak: number;
  maxMomentary: number;
  maxShortTerm: number;
  target: LoudnessTarget;
  /** integrated minus target, LU */
  offset: number;
  peakOk: boolean;
}

export function measure(channels: Float32Array[], sampleRate: number, target: LoudnessTarget): LoudnessReport {
  const meter = new LoudnessMeter({ sampleRate, channels: channels.length >= 2 ? 2 : 1 });
  meter.process(channels.slice(0, 2));
  const integrated = meter.integrated;
  return {
    integrated,
    range: meter.loudnessRange,
    truePeak: meter.truePeak,
    maxMomentary: meter.maxMomentary,
    maxShortTerm: meter.maxShortTerm,
    target,
    offset: integrated - target.lufs,
    peakOk: meter.truePeak <= target.truePeak,
  };
}
