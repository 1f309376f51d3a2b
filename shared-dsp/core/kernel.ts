/**
 * The lifecycle every Varnish DSP kernel follows (after JUCE's dsp::ProcessorBase):
 * prepare once per sample rate and block size, process slices of a block, reset on demand.
 *
 * The processor shell guarantees: `inputs` holds exactly `channels` arrays with valid data
 * (mono is up-mixed, a disconnected input reads as silence), `outputs` as many; frames in
 * [start, end) are to be processed; parameters come from the ParamBank the kernel was built on.
 * process() must not allocate, throw or log.
 */
export interface Kernel {
  prepare(sampleRate: number, maxFrames: number, channels: number): void;
  reset(): void;
  process(inputs: readonly Float32Array[], outputs: readonly Float32Array[], start: number, end: number, sidechain?: readonly Float32Array[]): void;
  /** processing delay in samples (lookahead), reported to hosts through getCompensationDelay() */
  readonly latency: number;
  /** length of the display data written by writeMeters (0 or absent: none) */
  readonly meterSize?: number;
  /** copy display data (levels, reduction, analyser frames) into out, and restart peak holds */
  writeMeters?(out: Float32Array): void;
  /**
   * true: process() itself leaves every output sample finite and within +-OUTPUT_CEILING
   * (run-kernel.ts), typically by checking the block peak its meters compute anyway and calling
   * guardOutput only when it is exceeded; runKernel then skips its own guard pass.
   */
  readonly guardsOutput?: boolean;
  /** a named action from the GUI (e.g. "resetLoudness"); runs between blocks, never in process() */
  command?(name: string): void;
}
