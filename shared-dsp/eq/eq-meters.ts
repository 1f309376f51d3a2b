/**
 * Layout of the EQ kernel's meter data (EqKernel.writeMeters), shared with the GUI.
 *   [EQ_METER_PEAK_L], [EQ_METER_PEAK_R]  output sample peak per channel since the last read,
 *                                          linear (1 = full scale; mono writes both)
 *   [EQ_METER_PRE, + EQ_ANALYSER_SIZE)     the last EQ_ANALYSER_SIZE samples of the mono sum
 *                                          (L + R)/2 before the EQ, oldest first
 *   [EQ_METER_POST, + EQ_ANALYSER_SIZE)    the same after the EQ (and output gain/phase)
 * The analyser frames are raw time samples: window and FFT them on the GUI side
 * (shared-dsp/analysis/fft.ts).
 */
export const EQ_ANALYSER_SIZE = 2048;
export const EQ_METER_PEAK_L = 0;
export const EQ_METER_PEAK_R = 1;
export const EQ_METER_PRE = 2;
export const EQ_METER_POST = EQ_METER_PRE + EQ_ANALYSER_SIZE;
export const EQ_METER_SIZE = EQ_METER_POST + EQ_ANALYSER_SIZE;
