/** Where the EQ kernel finds its parameters in the ParamBank (indices). */
export interface EqBandLayout {
  readonly on: number;
  readonly type: number;
  readonly freq: number;
  readonly gain: number;
  readonly q: number;
  readonly slope: number;
  readonly stereo: number;
}

export interface EqLayout {
  readonly bands: readonly EqBandLayout[];
  readonly output: number;
  readonly phase: number;
}
