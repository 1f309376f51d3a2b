/**
 * EQ band choices as the kernel sees them. The order matches the choice lists of
 * plugins/eq/params.ts (BAND_TYPES, SLOPES, STEREO_MODES); plugins/eq/dsp.ts checks it.
 */
export const BAND_BELL = 0;
export const BAND_LOW_SHELF = 1;
export const BAND_HIGH_SHELF = 2;
export const BAND_LOW_CUT = 3;
export const BAND_HIGH_CUT = 4;
export const BAND_NOTCH = 5;
export const BAND_BAND_PASS = 6;
export const BAND_TILT = 7;
export const EQ_BAND_TYPE_NAMES = ['bell', 'low shelf', 'high shelf', 'low cut', 'high cut', 'notch', 'band pass', 'tilt'] as const;

export const STEREO_BOTH = 0;
export const STEREO_LEFT = 1;
export const STEREO_RIGHT = 2;
export const STEREO_MID = 3;
export const STEREO_SIDE = 4;
export const EQ_STEREO_MODE_NAMES = ['stereo', 'left', 'right', 'mid', 'side'] as const;

/** Slope choice -> dB/oct (the Butterworth order is slope / 6). */
export const EQ_SLOPE_DB = [6, 12, 18, 24, 36, 48, 72, 96] as const;

/** True for the types whose gain parameter matters (0 dB = bypassed). */
export function isGainType(type: number): boolean {
  return type === BAND_BELL || type === BAND_LOW_SHELF || type === BAND_HIGH_SHELF || type === BAND_TILT;
}
