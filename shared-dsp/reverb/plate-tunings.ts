/**
 * Plate constants from J. Dattorro, "Effect Design Part 1: Reverberator and Other Filters",
 * JAES 45(9), 1997, fig. 1 and tables 1-2. Lengths are in samples at the paper's rate,
 * 29761 Hz, and are scaled to the running rate (and the size factor).
 */
export const DATTORRO_FS = 29761;

/**
 * Time scale of the tank at size 1x (size 50 %): 0.35 of the paper's lengths (a tank loop of
 * 254 ms). The paper's full size (a 725 ms loop) builds up and diffuses too slowly for short
 * decays: at RT60 0.3 s most of the decay would happen within the first trip round the tank.
 */
export const PLATE_TIME_SCALE = 0.35;

/**
 * Input diffusers: the paper's four (lengths 142, 107, 379, 277; input diffusion 1 = 0.75,
 * input diffusion 2 = 0.625), then four short ones added here (53, 71, 31, 23 at 0.7): with
 * them the response reaches a normalised echo density of 1 in about 90 ms (measured at the
 * defaults), with the paper's four alone only after 200 ms or more.
 */
export const PLATE_INPUT_DIFFUSERS: readonly number[] = [142, 107, 379, 277, 53, 71, 31, 23];
export const PLATE_INPUT_GAINS: readonly number[] = [0.75, 0.75, 0.625, 0.625, 0.7, 0.7, 0.7, 0.7];

/** decay diffusion 1 (modulated allpass, negative coefficient) and decay diffusion 2 */
export const PLATE_DECAY_DIFFUSION_1 = -0.7;
export const PLATE_DECAY_DIFFUSION_2 = 0.5;

/** tank segments, in signal order: left half then right half */
export const SEG_AP1L = 0;
export const SEG_D1L = 1;
export const SEG_AP2L = 2;
export const SEG_D2L = 3;
export const SEG_AP1R = 4;
export const SEG_D1R = 5;
export const SEG_AP2R = 6;
export const SEG_D2R = 7;
export const PLATE_SEGMENTS = [672, 4453, 1800, 3720, 908, 4217, 2656, 3163] as const;

/** output taps: [segment, offset in samples, sign] (table 2 of the paper) */
export const PLATE_TAPS_LEFT: ReadonlyArray<readonly [number, number, number]> = [
  [SEG_D1R, 266, 1],
  [SEG_D1R, 2974, 1],
  [SEG_AP2R, 1913, -1],
  [SEG_D2R, 1996, 1],
  [SEG_D1L, 1990, -1],
  [SEG_AP2L, 187, -1],
  [SEG_D2L, 1066, -1],
];
export const PLATE_TAPS_RIGHT: ReadonlyArray<readonly [number, number, number]> = [
  [SEG_D1L, 353, 1],
  [SEG_D1L, 3627, 1],
  [SEG_AP2L, 1228, -1],
  [SEG_D2L, 2673, 1],
  [SEG_D1R, 2111, -1],
  [SEG_AP2R, 335, -1],
  [SEG_D2R, 121, -1],
];

/**
 * output gain of the taps: the paper's 0.6, times 0.543 so that the plate's tail is about as
 * loud as the FDN algorithms' for the same decay (and times sqrt(size scale) in plate.ts: the
 * tail's energy goes as RT60 / loop length)
 */
export const PLATE_OUTPUT_GAIN = 0.6 * 0.543;
