/**
 * Display data of the compressor kernel (writeMeters), all in dB, floored at METER_FLOOR_DB.
 * Peaks and reduction are maxima since the previous writeMeters call.
 */
export const COMP_METER_IN_L = 0;
export const COMP_METER_IN_R = 1;
export const COMP_METER_OUT_L = 2;
export const COMP_METER_OUT_R = 3;
/** gain reduction in dB, positive (max over the period, over channels) */
export const COMP_METER_GR = 4;
/** detector level in dB (peak dBFS or RMS dBFS, as the detector reads it): the transfer-curve dot */
export const COMP_METER_LEVEL = 5;
export const COMPRESSOR_METER_SIZE = 6;
export const METER_FLOOR_DB = -150;
