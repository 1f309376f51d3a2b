/**
 * Layout of the EQ kernel's meter data (EqKernel.writeMeters), shared with the GUI.
 *   [EQ_METER_PEAK_L], [EQ_METER_RMS_L],   output sample peak and RMS per channel since the
 *   [EQ_METER_PEAK_R], [EQ_METER_RMS_R]    last read, linear (1 = full scale; mono writes both);
 *                                          [peak, rms] pairs as the kit's level meter reads them
 *   [EQ_METER_PRE, + EQ_ANALYSER_SIZE)     the last EQ_ANALYSER_SIZE samples of the mono sum
 *                                          (L + R)/2 before the EQ, oldest first
 *   [EQ_METER_POST, + EQ_ANALYSER_SIZE)    the same after the EQ (and output gain/phase)
 * The analyser frames are raw time samples: window and FFT them on the GUI side
 * (shared-dsp/analysis/fft.ts).
 */
export const EQ_ANALYSER_SIZE = 2048;
export const EQ_METER_PEAK_L = 0;
export const EQ_METER_RMS_L = 1;
export const EQ_METER_PEAK_R = 2;
export const EQ_METER_RMS_R = 3;
export const EQ_METER_PRE = 4;
export const EQ_METER_POST = EQ_METER_PRE + EQ_ANALYSER_SIZE;
export const EQ_METER_SIZE = EQ_METER_POST + EQ_ANALYSER_SIZE;
