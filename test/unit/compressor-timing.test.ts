/**
 * Compressor ballistics and lookahead on the real kernel: attack and release are the time to
 * 63 % (1 - 1/e) of a gain-reduction step in dB (Giannoulis et al., JAES 60(6) 2012: one-pole
 * a = exp(-1/(tau fs))), auto release stretches after sustained compression, lookahead delays
 * the audio by exactly the reported latency and lets the reduction be in place in time.
 */
import { describe, expect, it } from 'vitest';
import { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { renderOffline } from '../../shared-dsp/core/run-kernel.js';
import { compressorParams } from '../../plugins/compressor/params.js';
import { createKernel } from '../../plugins/compressor/dsp.js';
import { PEAK_HOLD_MS } from '../../shared-dsp/dynamics/compressor-kernel.js';

const FS = 48000;
const E1 = Math.exp(-1);

function make(values: Record<string, number>, channels = 1) {
  const bank = new ParamBank(compressorParams.specs());
  for (const [id, v] of Object.entries(values)) bank.setNow(compressorParams.index(id), v);
  const kernel = createKernel(bank);
  kernel.prepare(FS, 128, channels);
  return { bank, kernel };
}

/** DC level steps: [dB, frames][] */
function steps(parts: [number, number][]): Float32Array {
  const n = parts.reduce((s, p) => s + p[1], 0);
  const x = new Float32Array(n);
  let o = 0;
  for (const [db, len] of parts) {
    x.fill(10 ** (db / 20), o, o + len);
    o += len;
  }
  return x;
}

/** gain reduction in dB per sample (input and output are DC, so the ratio is exact) */
function grDb(input: Float32Array, output: Float32Array, latency = 0): Float64Array {
  const gr = new Float64Array(input.length);
  for (let i = latency; i < input.length; i++) gr[i] = 20 * Math.log10(input[i - latency] / output[i]);
  return gr;
}

/**
 * Time (s) until the reduction has covered 63 % of its step, counted in samples processed since
 * the step (sample `from` is the first at the new level), interpolated between samples.
 */
function time63(gr: Float64Array, from: number, start: number, end: number): number {
  const target = end + (start - end) * E1;
  const rising = end > start;
  for (let i = from; i < gr.length; i++) {
    if (rising ? gr[i] >= target : gr[i] <= target) {
      const prev = i > from ? gr[i - 1] : start;
      const frac = (target - prev) / (gr[i] - prev);
      return (i - from + frac) / FS;
    }
  }
  return Infinity;
}

const STEP_GR = 7.5; // T -20, R 4, W 0: -10 dB in -> -17.5 dB out

describe('compressor attack and release (-40 -> -10 -> -40 dB steps, T -20, R 4, knee 0)', () => {
  it('attack: time to 63 % of the reduction step matches the setting within 5 %', () => {
    for (const attack of [1, 10, 100]) {
      const pre = 4800;
      const hold = Math.round(attack * 0.012 * FS) + 4800;
      const x = steps([
        [-40, pre],
        [-10, hold],
      ]);
      const { bank, kernel } = make({ threshold: -20, ratio: 4, knee: 0, attack, release: 50 });
      const [y] = renderOffline(kernel, bank, [x]);
      const gr = grDb(x, y);
      expect(gr[pre - 1]).toBe(0);
      expect(gr[x.length - 1]).toBeCloseTo(STEP_GR, 4);
      const t = time63(gr, pre, 0, STEP_GR);
      console.log(`attack ${attack} ms: measured ${(t * 1000).toFixed(3)} ms`);
      expect(Math.abs(t * 1000 - attack) / attack).toBeLessThan(0.05);
    }
  });

  it('release: time to 63 % of the recovery matches the setting within 5 %', () => {
    for (const release of [50, 500]) {
      const pre = 4800;
      const loud = 9600;
      const x = steps([
        [-40, pre],
        [-10, loud],
        [-40, Math.round(release * 0.003 * FS)],
      ]);
      const { bank, kernel } = make({ threshold: -20, ratio: 4, knee: 0, attack: 1, release });
      const [y] = renderOffline(kernel, bank, [x]);
      const gr = grDb(x, y);
      expect(gr[pre + loud - 1]).toBeCloseTo(STEP_GR, 6);
      const t = time63(gr, pre + loud, STEP_GR, 0);
      // the peak detector holds the level for PEAK_HOLD_MS before the release starts
      console.log(`release ${release} ms: measured ${(t * 1000).toFixed(3)} ms (peak hold ${PEAK_HOLD_MS} ms included)`);
      expect(Math.abs(t * 1000 - release) / release).toBeLessThan(0.05);
      expect(t * 1000).toBeGreaterThan(release); // the hold can only add
    }
  });

  it('auto release: set release after a short burst, 5x release after sustained compression', () => {
    const release = 100;
    const measure = (burstMs: number) => {
      const pre = 4800;
      const burst = Math.round((burstMs * FS) / 1000);
      const x = steps([
        [-40, pre],
        [-10, burst],
        [-40, FS * 3],
      ]);
      const { bank, kernel } = make({ threshold: -20, ratio: 4, knee: 0, attack: 1, release, autoRelease: 1 });
      const [y] = renderOffline(kernel, bank, [x]);
      const gr = grDb(x, y);
      return time63(gr, pre + burst, gr[pre + burst - 1], 0) * 1000;
    };
    const short = measure(20);
    const long = measure(3000);
    console.log(`auto release ${release} ms: after 20 ms burst ${short.toFixed(1)} ms, after 3 s ${long.toFixed(1)} ms`);
    expect(Math.abs(short - release) / release).toBeLessThan(0.05);
    expect(Math.abs(long - 5 * release) / (5 * release)).toBeLessThan(0.05);
    // without auto release the long burst recovers at the set release
    const pre = 4800;
    const x = steps([
      [-40, pre],
      [-10, FS * 3],
      [-40, FS],
    ]);
    const { bank, kernel } = make({ threshold: -20, ratio: 4, knee: 0, attack: 1, release });
    const [y] = renderOffline(kernel, bank, [x]);
    const t = time63(grDb(x, y), pre + FS * 3, STEP_GR, 0) * 1000;
    expect(Math.abs(t - release) / release).toBeLessThan(0.05);
  });
});

describe('compressor lookahead and latency', () => {
  it('reports the lookahead in samples and delays the audio by exactly that (impulse, mix 0 and 100)', () => {
    for (const ms of [0, 1.5, 5, 12.3, 20]) {
      for (const mix of [0, 100]) {
        const { bank, kernel } = make({ lookahead: ms, mix });
        expect(kernel.latency).toBe(Math.round((ms * FS) / 1000));
        const x = new Float32Array(4096);
        x[1000] = 0.01; // -40 dB: below the threshold, no reduction
        const [y] = renderOffline(kernel, bank, [x]);
        let at = -1;
        for (let i = 0; i < y.length; i++) if (y[i] !== 0) at = at < 0 ? i : -2;
        expect(at - 1000).toBe(kernel.latency);
        expect(y[at]).toBe(x[1000]);
      }
    }
  });

  it('a lookahead changed on the fly is reported at once and moves the delay by the difference', () => {
    const { bank, kernel } = make({ lookahead: 2 });
    const x = new Float32Array(2048);
    for (let i = 0; i < x.length; i++) x[i] = 1e-4 * ((i * 7919) % 101); // below -40 dB: no reduction
    renderOffline(kernel, bank, [x]);
    bank.setTarget(compressorParams.index('lookahead'), 7);
    expect(kernel.latency).toBe(336);
    const [y] = renderOffline(kernel, bank, [x]);
    let bad = 0;
    for (let i = 336; i < x.length; i++) if (y[i] !== x[i - 336]) bad++;
    expect(bad).toBe(0);
  });

  it('the reduction of a step is in place when the delayed step reaches the output', () => {
    const pre = 4800;
    const x = steps([
      [-40, pre],
      [-10, 4800],
    ]);
    // 5 ms lookahead, 0.5 ms attack: 10 time constants before the step leaves the delay
    const { bank, kernel } = make({ threshold: -20, ratio: 4, knee: 0, attack: 0.5, release: 100, lookahead: 5 });
    const D = kernel.latency;
    expect(D).toBe(240);
    const [y] = renderOffline(kernel, bank, [x]);
    const target = 10 ** (-17.5 / 20);
    // no sample of the step leaves above the static target (+0.01 dB)
    let over = 0;
    for (let i = pre + D; i < y.length; i++) over = Math.max(over, 20 * Math.log10(y[i] / target));
    console.log(`lookahead 5 ms, attack 0.5 ms: worst overshoot ${over.toFixed(4)} dB`);
    expect(over).toBeLessThan(0.01);
    expect(y[pre + D - 1]).toBeLessThan(0.011); // still the quiet part (slightly reduced: pre-emptive)
    // without lookahead the first samples of the step pass almost unreduced
    const b2 = make({ threshold: -20, ratio: 4, knee: 0, attack: 0.5, release: 100 });
    const [y2] = renderOffline(b2.kernel, b2.bank, [x]);
    expect(20 * Math.log10(y2[pre] / target)).toBeGreaterThan(7);
  });
});
