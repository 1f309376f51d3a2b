/**
 * The gain path of one limiter channel (or of all channels when fully linked):
 * required gain q -> sliding minimum over H -> box mean over L -> release.
 * See limiter-timing.ts for why G[n] <= q[i] for every sample the requirement covers.
 *
 * Release (only rises are smoothed; falls are taken at once, so the released gain g never
 * exceeds G and the ceiling guarantee of the box stage is kept):
 *   G <= g:  g = G
 *   G >  g:  g = G - (G - g) a,   a = exp(-1 / (tau fs))   (one-pole towards G)
 * and g snaps to G once the remaining distance falls below RELEASE_SNAP, so after limiting ends
 * the gain is exactly 1 again, about tau ln(depth / RELEASE_SNAP) after the hold (a one-pole
 * alone never reaches its target).
 *
 * Auto release (programme dependent, a two-rate release in the spirit of the dual release
 * time constants of broadcast limiters): a slow symmetric average A of g (tau AUTO_AVERAGE_MS)
 * tracks the programme's sustained gain. While g < A (a dip deeper than the programme's usual
 * reduction: a transient) g recovers with the release time; above A (sustained reduction) it
 * recovers AUTO_SLOW_FACTOR times slower. An isolated transient on quiet material (A near 1)
 * gets the fast release all the way; dense, constantly limited material gets a slow, steady
 * release around its average, which pumps and distorts less.
 */
import { BoxMean } from './box-mean.js';
import { SlidingMin } from './sliding-min.js';

/**
 * a rising gain whose next step would leave it closer than this to its target is set to it:
 * 2^-24 (-144 dB), below the resolution of a float32 sample near full scale
 */
export const RELEASE_SNAP = 2 ** -24;
export const AUTO_AVERAGE_MS = 1000;
export const AUTO_SLOW_FACTOR = 6;

function pow2AtLeast(n: number): number {
  let c = 2;
  while (c < n) c <<= 1;
  return c;
}

export class GainChain {
  readonly min: SlidingMin;
  readonly box: BoxMean;
  /** the last required gains, for rebuilding the stages after a change of L */
  private readonly qHist: Float64Array;
  private readonly qMask: number;
  private qPos = 0;
  /** time of the next push (step counter) */
  private t = 0;
  /** released gain */
  g = 1;
  /** auto release: slow average of g */
  avg = 1;
  /** lowest released gain since the meter last read it (set back to 1 there) */
  readonly minGain = new Float64Array(1).fill(1);

  private aRelease = 0;
  private aSlow = 0;
  private kAverage = 0;
  private auto = false;

  constructor(maxWindow: number, maxBox: number) {
    this.min = new SlidingMin(maxWindow);
    this.box = new BoxMean(maxBox);
    const cap = pow2AtLeast(maxWindow + maxBox);
    this.qHist = new Float64Array(cap).fill(1);
    this.qMask = cap - 1;
  }

  reset(): void {
    this.min.reset();
    this.box.reset();
    this.qHist.fill(1);
    this.qPos = 0;
    this.t = 0;
    this.g = 1;
    this.avg = 1;
    this.minGain[0] = 1;
  }

  /** release coefficients: a = exp(-1/(tau fs)) for the release, the slow auto release, and the average */
  setRelease(aRelease: number, aSlow: number, aAverage: number, auto: boolean): void {
    this.aRelease = aRelease;
    this.aSlow = aSlow;
    this.kAverage = 1 - aAverage;
    this.auto = auto;
  }

  /** window H of the sliding minimum (any change is safe, see sliding-min.ts) */
  setWindow(window: number): void {
    this.min.window = window;
  }

  /** box length L; a change rebuilds both stages from the history of q (exact, O(H + L)) */
  setBoxLength(length: number): void {
    if (length === this.box.length) return;
    this.box.setLength(length);
    this.rebuild();
  }

  /** Replay the last H + L - 1 required gains through a fresh sliding minimum into the box. */
  rebuild(): void {
    const min = this.min;
    const box = this.box;
    min.reset();
    const L = box.length;
    let span = min.window + L - 1;
    if (span > this.qMask) span = this.qMask;
    for (let k = span; k >= 1; k--) {
      const m = min.push(this.qHist[(this.qPos - k) & this.qMask], this.t - k);
      if (k <= L) box.setPast(k, m);
    }
    box.resum();
  }

  /**
   * Run n required gains q[0..n) through the chain; writes the released gains to out and
   * lowers minGain[0] to their minimum.
   */
  run(q: Float64Array, out: Float64Array, n: number): void {
    const min = this.min;
    const box = this.box;
    const hist = this.qHist;
    const hMask = this.qMask;
    let hp = this.qPos;
    let t = this.t;
    let g = this.g;
    let avg = this.avg;
    const auto = this.auto;
    const aRel = this.aRelease;
    const aSlow = this.aSlow;
    const kAvg = this.kAverage;
    let gMin = this.minGain[0];
    for (let i = 0; i < n; i++) {
      const qi = q[i];
      hist[hp] = qi;
      hp = (hp + 1) & hMask;
      const G = box.push(min.push(qi, t));
      t++;
      if (G <= g) g = G;
      else {
        const d = (G - g) * (auto && g >= avg ? aSlow : aRel);
        g = d < RELEASE_SNAP ? G : G - d;
      }
      if (auto) avg += (g - avg) * kAvg;
      out[i] = g;
      gMin = g < gMin ? g : gMin;
    }
    this.qPos = hp;
    this.t = t;
    this.g = g;
    this.avg = avg;
    this.minGain[0] = gMin;
  }

  /** become an exact copy of o (when a linked chain splits into per-channel chains) */
  copyFrom(o: GainChain): void {
    this.min.copyFrom(o.min);
    this.box.copyFrom(o.box);
    this.qHist.set(o.qHist);
    this.qPos = o.qPos;
    this.t = o.t;
    this.g = o.g;
    this.avg = o.avg;
  }

  /**
   * Take the stricter of this chain and o (when per-channel chains join into one linked chain):
   * the minimum of both histories of q, rebuilt, and the lower released gain.
   */
  mergeMin(o: GainChain): void {
    const a = this.qHist;
    const b = o.qHist;
    for (let k = 0; k < a.length; k++) if (b[k] < a[k]) a[k] = b[k];
    if (o.g < this.g) this.g = o.g;
    if (o.avg < this.avg) this.avg = o.avg;
    this.rebuild();
  }
}
