/**
 * The state of one EQ band inside EqKernel: its designs at the start (cur) and end (nxt) of
 * the block being processed, the runtime coefficients of both, filter state, the discrete
 * settings in force and the on/off crossfade.
 */
import { createDesign, MAX_SECTIONS } from '../filters/filter-design.js';
import { RUN_SIZE } from '../filters/svf-run.js';

export class EqBand {
  curD = createDesign();
  nxtD = createDesign();
  cur = new Float64Array(RUN_SIZE);
  nxt = new Float64Array(RUN_SIZE);
  /** parameter values cur was designed for (NaN: redesign) */
  curF = NaN;
  curG = NaN;
  curQ = NaN;
  /** discrete settings in force (-1: none yet); slope is -1 for types without one */
  type = -1;
  slope = -1;
  stereo = 0;
  /** crossfade between dry (0) and filtered (1), at the end and at the start of the block */
  fade = 0;
  fade0 = 0;
  /** nothing will change for this band until a parameter does (its block plan can be reused) */
  settled = false;
  /** parameters move during this block (nxt is designed for endF/endG/endQ) */
  moving = false;
  endF = 0;
  endG = 0;
  endQ = 0;
  /** the band was processed in the previous block, so its state is valid */
  live = false;
  /** state slot (section i, channel c) at 2 (i channels + c); the one-pole's at 2 MAX_SECTIONS channels + c */
  state = new Float64Array(0);
  channels = 0;

  prepare(channels: number): void {
    this.channels = channels;
    this.state = new Float64Array((2 * MAX_SECTIONS + 1) * channels);
    this.reset();
  }

  reset(): void {
    this.state.fill(0);
    this.live = false;
  }

  /** Swap the block-end design into place (after a block with moving parameters). */
  swap(): void {
    const d = this.curD;
    this.curD = this.nxtD;
    this.nxtD = d;
    const c = this.cur;
    this.cur = this.nxt;
    this.nxt = c;
  }
}
