/**
 * Varnish Limiter: loudness targets of common delivery platforms (the GUI offers them; the DSP
 * kernel does not read the target parameter).
 *
 * lufs: integrated programme loudness (ITU-R BS.1770 / EBU R128), ceiling: maximum true peak in
 * dBTP. null marks the user's own choice (Custom). Sources: Spotify and YouTube normalise to
 * -14 LUFS and recommend a -1 dBTP ceiling; Apple Music (Sound Check) plays at -16 LUFS, -1 dBTP;
 * EBU R128 broadcast: -23 LUFS, -1 dBTP maximum true peak; club masters are commonly made loud,
 * around -8 LUFS, with a near-full-scale ceiling (-0.3 dBTP here, a house choice).
 */
export interface LimiterTarget {
  readonly name: string;
  readonly lufs: number | null;
  readonly ceiling: number | null;
}

export const LIMITER_TARGETS: readonly LimiterTarget[] = [
  { name: 'Spotify / YouTube', lufs: -14, ceiling: -1 },
  { name: 'Apple Music', lufs: -16, ceiling: -1 },
  { name: 'EBU R128 broadcast', lufs: -23, ceiling: -1 },
  { name: 'Club', lufs: -8, ceiling: -0.3 },
  { name: 'Custom', lufs: null, ceiling: null },
];

/** index of the Custom entry (the user's own loudness and ceiling) */
export const CUSTOM_TARGET = LIMITER_TARGETS.length - 1;
