/**
 * Varnish Reverb: reverberation time of the real kernel's impulse response (48 kHz).
 *
 * RT60 by Schroeder backward integration, T30 (ISO 3382-1: fit -5 to -35 dB, extrapolated to
 * 60 dB), in zero-phase octave bands (helpers/octave-band.ts). The decay curve averages the
 * four paths L->L, L->R, R->L, R->R (ISO 3382-1 5.3.4: averaging positions lowers the
 * statistical spread of a single response, several per cent at RT60 0.3 s in the 500 Hz band).
 * Wet only (send), every other parameter at its default (damping 0.5, bassDecay 1.2).
 *
 * - 500 Hz, 1 kHz, 2 kHz: within +-5 % of decay, for 0.3, 1, 3 and 10 s, every algorithm.
 * - 8 kHz and 125 Hz: within +-15 % of damping x decay and bassDecay x decay.
 * - the same design at 44.1 and 96 kHz (plate and hall).
 */
import { describe, expect, it } from 'vitest';
import { octaveBand } from './helpers/octave-band.js';
import { ALGORITHMS, FS, stereoResponses, WET } from './helpers/reverb-render.js';
import { reverbTime } from './helpers/schroeder.js';

function bandRt60(irs: Float32Array[], fc: number, fs = FS): number {
  return reverbTime(irs.map((h) => octaveBand(h, fc, fs)), fs).rt60;
}

const results: string[] = [];

describe('reverb RT60 in the mid octaves', () => {
  for (const [algorithm, name] of ALGORITHMS.entries()) {
    for (const decay of [0.3, 1, 3, 10]) {
      it(`${name}: RT60 ${decay} s at 500 Hz, 1 kHz, 2 kHz within 5 %`, () => {
        // long enough for the fit to reach -35 dB well before the end (10 s: the mid octaves are
        // at -60 dB when the render stops, so truncation moves T30 by well under 1 %)
        const seconds = decay >= 10 ? 10 : 1.3 * decay + 0.3;
        const irs = stereoResponses({ ...WET, algorithm, decay }, seconds);
        const line: string[] = [];
        for (const fc of [500, 1000, 2000]) {
          const t = bandRt60(irs, fc);
          line.push(`${fc} Hz ${t.toFixed(3)} s`);
          expect(t / decay, `${name} ${decay} s, ${fc} Hz octave: ${t.toFixed(3)} s`).toBeGreaterThan(0.95);
          expect(t / decay, `${name} ${decay} s, ${fc} Hz octave: ${t.toFixed(3)} s`).toBeLessThan(1.05);
        }
        results.push(`${name} decay ${decay} s: ${line.join(', ')}`);
      });
    }
  }
});

describe('reverb RT60 at 125 Hz and 8 kHz follows bassDecay and damping', () => {
  const decay = 1.5;
  const cases = [
    { damping: 0.3, bassDecay: 2 },
    { damping: 0.5, bassDecay: 0.5 },
    { damping: 1.5, bassDecay: 1.6 },
  ];
  for (const [algorithm, name] of ALGORITHMS.entries()) {
    for (const c of cases) {
      it(`${name}: damping ${c.damping}, bassDecay ${c.bassDecay} (decay ${decay} s) within 15 %`, () => {
        const longest = decay * Math.max(1, c.damping, c.bassDecay);
        const irs = stereoResponses({ ...WET, algorithm, decay, ...c }, 1.2 * longest + 0.3);
        const high = bandRt60(irs, 8000);
        const low = bandRt60(irs, 125);
        results.push(
          `${name} decay ${decay} s damping ${c.damping} bassDecay ${c.bassDecay}: ` +
          `8 kHz ${high.toFixed(3)} s (target ${(decay * c.damping).toFixed(3)}), 125 Hz ${low.toFixed(3)} s (target ${(decay * c.bassDecay).toFixed(3)})`,
        );
        expect(high / (decay * c.damping)).toBeGreaterThan(0.85);
        expect(high / (decay * c.damping)).toBeLessThan(1.15);
        expect(low / (decay * c.bassDecay)).toBeGreaterThan(0.85);
        expect(low / (decay * c.bassDecay)).toBeLessThan(1.15);
      });
    }
  }
});

describe('reverb RT60 with the heaviest modulation', () => {
  // depth 100 % (+-1 ms) at 5 Hz: the allpass-interpolated reads stay lossless enough
  for (const [algorithm, name] of [[0, 'plate'], [1, 'hall']] as const) {
    it(`${name}: modDepth 100 %, modRate 5 Hz: RT60 3 s at 500 Hz, 1 kHz, 2 kHz within 5 %`, () => {
      const decay = 3;
      const irs = stereoResponses({ ...WET, algorithm, decay, modDepth: 100, modRate: 5 }, 1.3 * decay + 0.3);
      const line: string[] = [];
      for (const fc of [500, 1000, 2000]) {
        const t = bandRt60(irs, fc);
        line.push(`${fc} Hz ${t.toFixed(3)} s`);
        expect(Math.abs(t / decay - 1)).toBeLessThan(0.05);
      }
      results.push(`${name} decay ${decay} s, modulation 100 % at 5 Hz: ${line.join(', ')}`);
    });
  }
});

describe('reverb RT60 at other sample rates', () => {
  // the plate (scaled from the paper's rate) and one FDN (hall); room and chamber share its code
  for (const fs of [44100, 96000]) {
    for (const [algorithm, name] of [[0, 'plate'], [1, 'hall']] as const) {
      it(`${name} at ${fs} Hz: RT60 1.5 s at 500 Hz, 1 kHz, 2 kHz within 5 %, 8 kHz within 15 %`, () => {
        const decay = 1.5;
        const irs = stereoResponses({ ...WET, algorithm, decay }, 2.2, fs);
        const line: string[] = [];
        for (const fc of [500, 1000, 2000]) {
          const t = bandRt60(irs, fc, fs);
          line.push(`${fc} Hz ${t.toFixed(3)} s`);
          expect(Math.abs(t / decay - 1)).toBeLessThan(0.05);
        }
        const high = bandRt60(irs, 8000, fs);
        line.push(`8 kHz ${high.toFixed(3)} s`);
        expect(Math.abs(high / (decay * 0.5) - 1)).toBeLessThan(0.15);
        results.push(`${name} at ${fs} Hz, decay ${decay} s: ${line.join(', ')}`);
      });
    }
  }
  it('summary', () => {
    if (process.env.REVERB_REPORT) console.log(results.join('\n'));
    expect(results.length).toBeGreaterThan(0);
  });
});
