/**
 * Layout of the display data ImagerKernel.writeMeters writes (one Float32Array per GUI frame).
 * All readings are of the output (after width, bass mono, rotation, balance and output gain).
 */
export const IMAGER_SCOPE_POINTS = 256;

export const IMAGER_METER = {
  /** phase correlation -1..+1, 0.3 s exponential mean; 0 when a channel is silent */
  CORRELATION: 0,
  /** power balance -1 (left only) .. +1 (right only), 0.3 s mean; 0 in silence */
  BALANCE: 1,
  /** linear sample peaks since the previous writeMeters */
  PEAK_L: 2,
  PEAK_R: 3,
  /** linear RMS of M = (L + R)/2 and S = (L - R)/2, 0.3 s mean */
  MID_RMS: 4,
  SIDE_RMS: 5,
  /** number of bands in use (1..4) */
  BANDS: 6,
  /** crossover frequencies in use, Hz (3 values, ordered; only the first BANDS - 1 matter) */
  XOVER: 7,
  /** side gain applied per band (global width x band width; 1 = 100 %), 4 values */
  BAND_WIDTH: 10,
  /** bass mono corner in Hz, or 0 when bass mono is off */
  MONO_FREQ: 14,
  /** IMAGER_SCOPE_POINTS (L, R) pairs of the output, oldest first, about 21 ms (see VectorscopeBuffer) */
  SCOPE: 15,
} as const;

export const IMAGER_METER_SIZE = IMAGER_METER.SCOPE + 2 * IMAGER_SCOPE_POINTS;
