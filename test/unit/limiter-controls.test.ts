/**
 * Limiter controls: stereo link (0 % independent, 100 % one gain, in between), automation of
 * every control under heavy limiting (ceiling, gain, lookahead jumps, link crossing 100 %, true
 * peak toggles) without a sample above the ceiling, and the declaration itself.
 */
import { describe, expect, it } from 'vitest';
import { renderOffline, runKernel } from '../../shared-dsp/core/run-kernel.js';
import { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { TruePeakDetector } from '../../shared-dsp/loudness/true-peak.js';
import { createKernel } from '../../plugins/limiter/dsp.js';
import { DITHER_MODES, limiterParams as P } from '../../plugins/limiter/params.js';
import { CUSTOM_TARGET, LIMITER_TARGETS } from '../../plugins/limiter/targets.js';

const SR = 48000;
const db = (v: number) => 10 ** (v / 20);

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function setup(values: Record<string, number>) {
  const bank = new ParamBank(P.specs());
  bank.prepare(SR);
  for (const [id, v] of Object.entries(values)) bank.setNow(P.index(id), v);
  const kernel = createKernel(bank);
  kernel.prepare(SR, 128, 2);
  return { bank, kernel };
}

const noise = (n: number, seed: number, rms: number) => {
  const r = rng(seed);
  return Float32Array.from({ length: n }, () => rms * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
};
const sine = (n: number, f: number, a: number) => Float32Array.from({ length: n }, (_, i) => a * Math.sin((2 * Math.PI * f * i) / SR));

/** per-sample gain of a channel: y[n + D] / x[n] where |x| is large enough to read it */
function gains(x: Float32Array, y: Float32Array, D: number): Float64Array {
  const g = new Float64Array(x.length).fill(NaN);
  for (let i = 0; i + D < y.length; i++) if (Math.abs(x[i]) > 1e-3) g[i] = y[i + D] / x[i];
  return g;
}

describe('limiter: stereo link', () => {
  const n = Math.round(0.5 * SR);
  const c = db(-1);
  const loud = noise(n, 1, c * db(6)); // left: noise 6 dB RMS over the ceiling
  const quiet = sine(n, 440, c * db(-10)); // right: well under the ceiling

  it('100 %: both channels get the same gain, set by the louder', () => {
    const { bank, kernel } = setup({ link: 100 });
    const y = renderOffline(kernel, bank, [loud, quiet]);
    const gl = gains(loud, y[0], kernel.latency);
    const gr = gains(quiet, y[1], kernel.latency);
    let maxDiff = 0;
    let minR = 1;
    for (let i = 0; i < n; i++) {
      if (gl[i] === gl[i] && gr[i] === gr[i]) maxDiff = Math.max(maxDiff, Math.abs(gl[i] - gr[i]) / gl[i]);
      if (gr[i] < minR) minR = gr[i];
    }
    expect(maxDiff).toBeLessThan(1e-6); // float32 rounding of the outputs only
    expect(20 * Math.log10(minR)).toBeLessThan(-10); // the quiet channel is pulled down with the loud one
  });

  it('0 %: the quiet channel is untouched (bit-exact), the loud one limited', () => {
    const { bank, kernel } = setup({ link: 0 });
    const y = renderOffline(kernel, bank, [loud, quiet]);
    const D = kernel.latency;
    for (let i = 0; i + D < n; i++) expect(y[1][i + D]).toBe(quiet[i]);
    let maxL = 0;
    for (let i = 0; i < n; i++) maxL = Math.max(maxL, Math.abs(y[0][i]));
    expect(maxL).toBeLessThanOrEqual(c);
    expect(maxL).toBeGreaterThan(c * db(-0.5));
  });

  it('50 %: the quiet channel is reduced, less than the loud one (peak moved half-way to the maximum)', () => {
    const { bank, kernel } = setup({ link: 50 });
    const y = renderOffline(kernel, bank, [loud, quiet]);
    const gl = gains(loud, y[0], kernel.latency);
    const gr = gains(quiet, y[1], kernel.latency);
    let minL = 1;
    let minR = 1;
    for (let i = 0; i < n; i++) {
      if (gl[i] < minL) minL = gl[i];
      if (gr[i] < minR) minR = gr[i];
    }
    // right peak p' = 0.5 (p_R + p_max) >= p_max / 2: at most 6.02 dB less reduction than left
    const grL = -20 * Math.log10(minL);
    const grR = -20 * Math.log10(minR);
    expect(grR).toBeGreaterThan(1);
    expect(grR).toBeLessThan(grL);
    expect(grL - grR).toBeLessThanOrEqual(6.03);
  });
});

/** block-by-block render with a hook that may change parameters before each 128-frame block */
function automate(values: Record<string, number>, x: Float32Array[], hook: (bank: ParamBank, block: number) => void) {
  const { bank, kernel } = setup(values);
  const n = x[0].length;
  const y = [new Float32Array(n), new Float32Array(n)];
  const inB = [new Float32Array(128), new Float32Array(128)];
  const outB = [new Float32Array(128), new Float32Array(128)];
  /** per block: the highest ceiling (dB) at its start or end (the ramps are monotonic within a block) */
  const ceilings: number[] = [];
  for (let pos = 0, b = 0; pos < n; pos += 128, b++) {
    hook(bank, b);
    const before = bank.value[P.index('ceiling')];
    for (let c = 0; c < 2; c++) inB[c].set(x[c].subarray(pos, pos + 128));
    runKernel(kernel, bank, inB, outB, 0, 128);
    ceilings.push(Math.max(before, bank.value[P.index('ceiling')]));
    for (let c = 0; c < 2; c++) y[c].set(outB[c], pos);
  }
  return { y, kernel, ceilings };
}

describe('limiter: automation under heavy limiting', () => {
  const n = 128 * 375; // 1 s
  const x = [noise(n, 3, db(6)), noise(n, 4, db(0))];
  const check = (r: ReturnType<typeof automate>, tag: string) => {
    for (let b = 0; b < r.ceilings.length; b++) {
      const cl = db(r.ceilings[b]);
      for (let c = 0; c < 2; c++) {
        for (let i = b * 128; i < (b + 1) * 128; i++) {
          if (Math.abs(r.y[c][i]) > cl) throw new Error(`${tag}: ch${c} sample ${i} at ${20 * Math.log10(Math.abs(r.y[c][i]))} dB over ceiling ${r.ceilings[b]} dB`);
        }
      }
    }
    expect(r.kernel.clampCount, `${tag}: safety clamp`).toBe(0);
  };

  it('ceiling ramps between -12 and 0 dB: every sample under the ceiling of its block', () => {
    const r = automate({}, x, (bank, b) => {
      if (b % 20 === 0) bank.setTarget(P.index('ceiling'), (b / 20) % 2 ? 0 : -12);
    });
    check(r, 'ceiling');
  });

  it('gain ramps 0..24 dB and release 1..1000 ms', () => {
    const r = automate({}, x, (bank, b) => {
      if (b % 15 === 0) bank.setTarget(P.index('gain'), (b / 15) % 2 ? 24 : 0);
      if (b % 11 === 0) bank.setTarget(P.index('release'), (b / 11) % 2 ? 1 : 1000);
    });
    check(r, 'gain/release');
  });

  it('lookahead jumps (latency changes) while limiting', () => {
    const steps = [0.5, 10, 3, 0.7, 7, 0.5, 5];
    const r = automate({ release: 300 }, x, (bank, b) => {
      if (b % 25 === 0) bank.setNow(P.index('lookahead'), steps[(b / 25) % steps.length]);
    });
    check(r, 'lookahead');
  });

  it('link crossing 100 % (chains merge and split) and true peak toggles', () => {
    const tpOn: boolean[] = [];
    const r = automate({ release: 300 }, x, (bank, b) => {
      if (b % 9 === 0) bank.setNow(P.index('link'), (b / 9) % 2 ? 100 : 0);
      if (b % 14 === 0) bank.setTarget(P.index('link'), 100);
      if (b % 31 === 0) bank.setNow(P.index('truePeak'), (b / 31) % 2 ? 0 : 1);
      tpOn.push(bank.value[P.index('truePeak')] === 1);
    });
    check(r, 'link/truePeak');
    // where the audio around a span was detected with true peak on, the output's 4x true peak
    // stays within 0.1 dB (push(y[i]) reads the span after output sample i - 6, built from
    // y[i-11..i], i.e. input samples i - 11 - D .. i - D)
    const D = r.kernel.latency;
    let worst = 0;
    let measured = 0;
    for (let c = 0; c < 2; c++) {
      const d = new TruePeakDetector();
      for (let i = 0; i < n; i++) {
        const v = d.push(r.y[c][i]);
        const j0 = i - 11 - D;
        if (j0 < 0 || !tpOn[Math.floor(j0 / 128)] || !tpOn[Math.floor((i - D) / 128)]) continue;
        measured++;
        if (v > worst) worst = v;
      }
    }
    expect(measured).toBeGreaterThan(n / 2);
    expect(20 * Math.log10(worst / db(-1))).toBeLessThanOrEqual(0.1);
  });

  it('reset() in the middle: silent state, output resumes under the ceiling', () => {
    const { bank, kernel } = setup({});
    const y1 = renderOffline(kernel, bank, x);
    kernel.reset();
    const y2 = renderOffline(kernel, bank, x);
    // a reset kernel renders exactly like a fresh one
    for (let i = 0; i < n; i++) expect(y2[0][i]).toBe(y1[0][i]);
  });
});

describe('limiter: declaration', () => {
  it('parameters, ranges, defaults', () => {
    const want: Record<string, [number, number, number]> = {
      gain: [0, 24, 0],
      ceiling: [-12, 0, -1],
      release: [1, 1000, 60],
      autoRelease: [0, 1, 0],
      lookahead: [0.5, 10, 5],
      truePeak: [0, 1, 1],
      link: [0, 100, 100],
      dither: [0, 3, 0],
      trim: [-12, 0, 0],
      target: [0, LIMITER_TARGETS.length - 1, 0],
    };
    expect(P.list.map((p) => p.id).sort()).toEqual(Object.keys(want).sort());
    for (const [id, [min, max, def]] of Object.entries(want)) {
      const p = P.get(id);
      expect([p.min, p.max, p.default], id).toEqual([min, max, def]);
    }
    expect(P.get('release').skew).toBe('log');
    // the lookahead jumps (it sets the latency); every other float ramps
    const specs = P.specs();
    expect(specs[P.index('lookahead')].smoothingMs).toBe(0);
    expect(P.get('dither').choices).toEqual(DITHER_MODES);
  });

  it('targets table: names are the target choices; default target matches the default ceiling', () => {
    expect(P.get('target').choices).toEqual(LIMITER_TARGETS.map((t) => t.name));
    const byName = Object.fromEntries(LIMITER_TARGETS.map((t) => [t.name, t]));
    expect(byName['Spotify / YouTube']).toMatchObject({ lufs: -14, ceiling: -1 });
    expect(byName['Apple Music']).toMatchObject({ lufs: -16, ceiling: -1 });
    expect(byName['EBU R128 broadcast']).toMatchObject({ lufs: -23, ceiling: -1 });
    expect(byName['Club'].lufs).toBe(-8);
    expect(LIMITER_TARGETS[CUSTOM_TARGET]).toMatchObject({ name: 'Custom', lufs: null, ceiling: null });
    expect(LIMITER_TARGETS[P.get('target').default].ceiling).toBe(P.get('ceiling').default);
    for (const t of LIMITER_TARGETS) if (t.ceiling !== null) expect(t.ceiling).toBeGreaterThanOrEqual(P.get('ceiling').min);
  });
});
