/**
 * dB -> linear gain without Math.exp in the per-sample path (Math.exp costs about 15 ns a call
 * inside the gain loop; this costs a table read and five multiply-adds).
 *
 * 10^(d/20) = 10^(i/20) * e^(f ln10/20) with i = floor(d) from a table and f in [0, 1): the
 * exponential of u = f ln10/20 < 0.1152 by its Taylor series to u^5, truncation error
 * u^6/720 < 3.4e-9 relative (3e-8 dB). Integer dB values, 0 dB included, are exact table values
 * (10^0 = 1 exactly, so unity gain stays bit-exact).
 */
const OFFSET = 256;
/** 10^((i - 256)/20) for i in 0..511: exported for loops that write dbToGain out inline */
export const DB_GAIN_TABLE = new Float64Array(2 * OFFSET);
const TABLE = DB_GAIN_TABLE;
for (let i = 0; i < TABLE.length; i++) TABLE[i] = Math.pow(10, (i - OFFSET) / 20);
/** ln(10)/20: neper per dB */
export const NEPER_PER_DB = Math.LN10 / 20;
/** valid input range of dbToGain (dB) */
export const DB_TO_GAIN_MIN = -OFFSET + 1;
export const DB_TO_GAIN_MAX = OFFSET - 1;

export function dbToGain(db: number): number {
  // clamp (also keeps the table index in range); NaN never reaches here (inputs are sanitised).
  // Literal bounds, not the module constants: a ternary mixing a double with context-loaded
  // constants makes V8 box the result (a heap allocation per call on the audio thread). Hot
  // loops write this body out inline (a double returned from a call V8 does not inline is boxed).
  let u = db + 256; // + OFFSET
  if (u < 1) u = 1;
  else if (u > 511) u = 511;
  const i = u | 0; // u > 0: truncation = floor
  const f = (u - i) * NEPER_PER_DB;
  return TABLE[i] * (1 + f * (1 + f * (0.5 + f * (1 / 6 + f * (1 / 24 + f * (1 / 120))))));
}
