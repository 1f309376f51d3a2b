/**
 * Delay lengths of the feedback delay networks (hall, room, chamber), in ms at size 1x.
 * Eight lines spread over a little more than an octave with no common factors among their
 * sample counts at usual rates (Jot and Chaigne 1991: incommensurate lengths give an even
 * mode distribution). Input diffusers follow Dattorro's input stage (4.8, 3.6, 12.7, 9.3 ms),
 * slightly different on the right side.
 */
export interface FdnTuning {
  readonly linesMs: readonly number[];
  readonly diffuserMsL: readonly number[];
  readonly diffuserMsR: readonly number[];
  /**
   * wet level, with the network's output also scaled by sqrt(mean line length / FDN_LEVEL_REF_MS)
   * (fdn.ts): together they give every algorithm and size about the same tail energy for the
   * same decay (measured: an impulse's wet energy, L + R, at RT60 2 s is about 0 dB)
   */
  readonly outputGain: number;
}

export const FDN_LINES = 8;

const DIFF_L = [4.77, 3.6, 12.73, 9.31];
const DIFF_R = [4.53, 3.83, 12.11, 9.83];

export const HALL_TUNING: FdnTuning = {
  linesMs: [29.7, 33.5, 37.9, 42.7, 47.9, 53.7, 59.1, 67.1],
  diffuserMsL: DIFF_L,
  diffuserMsR: DIFF_R,
  outputGain: 1.318,
};

export const ROOM_TUNING: FdnTuning = {
  linesMs: [11.3, 13.9, 16.7, 19.3, 22.1, 25.3, 28.7, 31.9],
  diffuserMsL: DIFF_L.map((x) => x * 0.5),
  diffuserMsR: DIFF_R.map((x) => x * 0.5),
  outputGain: 1.202,
};

export const CHAMBER_TUNING: FdnTuning = {
  linesMs: [19.7, 23.3, 27.1, 31.3, 35.9, 40.7, 45.1, 50.3],
  diffuserMsL: DIFF_L.map((x) => x * 0.75),
  diffuserMsR: DIFF_R.map((x) => x * 0.75),
  outputGain: 1.23,
};

/** reference mean line length for the level normalisation (the hall at size 1x) */
export const FDN_LEVEL_REF_MS = 46.4;

/** longest delay of any tuning at size 1x, for allocation */
export const FDN_MAX_LINE_MS = 67.1;
export const FDN_MAX_DIFFUSER_MS = 13.27;

/** modulation rate of each line relative to modRate, and starting phases */
export const FDN_MOD_RATIO = [1.0, 1.137, 0.871, 1.269, 0.794, 1.193, 0.933, 1.061];
export const FDN_MOD_PHASE = [0, 0.375, 0.75, 0.125, 0.5, 0.875, 0.25, 0.625];

/**
 * Input and output sign vectors: none of them is a row of the Hadamard matrix (so an output
 * is not just one line's feed), outL . outR = 0 and inL . inR = 0. fdn.ts (mixAndWrite) writes
 * these signs out in its unrolled loop: change both together.
 */
export const FDN_IN_L = [1, 1, -1, 1, -1, 1, 1, -1];
export const FDN_IN_R = [1, -1, 1, 1, 1, 1, -1, -1];
export const FDN_OUT_L = [1, -1, 1, 1, -1, 1, -1, -1];
export const FDN_OUT_R = [1, 1, -1, 1, 1, -1, -1, -1];
