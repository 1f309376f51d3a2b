/**
 * Display data of the limiter kernel (writeMeters), in dB / LUFS / LU, floored at
 * METER_FLOOR_DB. Peaks and reduction are maxima since the previous writeMeters call; the
 * loudness values come from a BS.1770-5 / EBU meter on the output (since the last
 * resetLoudness(), except momentary and short-term, which are windows).
 */
/** input sample peak, dBFS (before the gain) */
export const LIM_METER_IN_L = 0;
export const LIM_METER_IN_R = 1;
/** output sample peak, dBFS */
export const LIM_METER_OUT_L = 2;
export const LIM_METER_OUT_R = 3;
/** gain reduction, dB, positive (max over the period and the channels) */
export const LIM_METER_GR = 4;
/** output loudness: momentary (400 ms) and short-term (3 s), LUFS */
export const LIM_METER_MOMENTARY = 5;
export const LIM_METER_SHORT_TERM = 6;
/** integrated (gated) loudness since reset, LUFS */
export const LIM_METER_INTEGRATED = 7;
/** loudness range (EBU Tech 3342), LU */
export const LIM_METER_LRA = 8;
/** maximum true peak of the output since reset (4x, BS.1770-5 Annex 2), dBTP */
export const LIM_METER_TRUE_PEAK = 9;
/** maximum momentary and short-term loudness since reset, LUFS */
export const LIM_METER_MAX_MOMENTARY = 10;
export const LIM_METER_MAX_SHORT_TERM = 11;
export const LIMITER_METER_SIZE = 12;
export const METER_FLOOR_DB = -150;
