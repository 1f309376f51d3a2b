/**
 * Bass mono: the side channel is high-passed with a Linkwitz-Riley 8th-order (48 dB/oct) filter
 * and the mid channel goes through the allpass that the LR8 low and high sides add up to
 * (linkwitz-riley.ts). Below the corner the output becomes mono; above it L and R keep their
 * image, both channels only phase-shifted alike.
 *
 * Why LR8: at one octave below the corner the LR8 high side is 1/(1 + 2^8) -> -48.2 dB, and one
 * octave above 1/(1 + 2^-8) -> -0.034 dB; an LR4 would give only -24.6 dB and -0.53 dB.
 */
import { LR8_ALLPASS_STATE, LR8_COEFS, LR8_HIGHPASS_STATE, lr8Allpass, lr8Design, lr8Highpass } from './linkwitz-riley.js';

export class BassMono {
  frequency = 120;
  private readonly coefs = new Float64Array(LR8_COEFS);
  private readonly sideState = new Float64Array(LR8_HIGHPASS_STATE);
  private readonly midState = new Float64Array(LR8_ALLPASS_STATE);

  setFrequency(freq: number, sampleRate: number): void {
    this.frequency = freq;
    lr8Design(this.coefs, 0, freq, sampleRate);
  }

  reset(): void {
    this.sideState.fill(0);
    this.midState.fill(0);
  }

  /** In place: m -> LR8 allpass, s -> LR8 high-pass. */
  process(m: Float64Array, s: Float64Array, n: number): void {
    lr8Allpass(m, n, this.coefs, 0, this.midState, 0);
    lr8Highpass(s, n, this.coefs, 0, this.sideState, 0);
  }
}
