/**
 * Static blocks run each SVF section in observable canonical form (shared-dsp/filters/svf-run.ts),
 * mapping the SVF's states in and out at every block. It must be the same filter on the same
 * states: over 2 s of noise in 128-frame blocks, with every coefficient set the EQ can make,
 * the output and the states after each block match Simper's SVF update (run here through the
 * ramp loop with equal start and end coefficients) to within 1e-9 of the signal's scale
 * (-180 dB; the scale is the larger of the input's and the output's RMS), and a coefficient jump mid-stream acts on identical states.
 */
import { describe, it, expect } from 'vitest';
import { createDesign, D_COUNT } from '../../shared-dsp/filters/filter-design.js';
import { designToRun, runSvf, runSvf2, runSvf2From, runSvf2x2, runSvfRamp, usesObservableForm, RUN_SIZE, RUN_STRIDE } from '../../shared-dsp/filters/svf-run.js';
import { designBand } from '../../shared-dsp/eq/eq-band-design.js';
import { BAND_BELL, BAND_HIGH_CUT, BAND_HIGH_SHELF, BAND_LOW_CUT, BAND_LOW_SHELF, BAND_NOTCH, BAND_BAND_PASS, BAND_TILT } from '../../shared-dsp/eq/eq-band-types.js';

function noise(n: number, seed: number): Float64Array {
  const x = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    x[i] = (s / 4294967296) * 2 - 1;
  }
  return x;
}

interface Case {
  type: number;
  f: number;
  g: number;
  q: number;
  slope: number;
  fs: number;
}

const CASES: Case[] = [];
for (const fs of [44100, 48000, 192000]) {
  for (const f of [10, 40, 1000, 9000, 19000]) {
    for (const g of [-30, -0.01, 0.01, 12]) CASES.push({ type: BAND_BELL, f, g, q: 0.7, slope: 0, fs });
    CASES.push({ type: BAND_BELL, f, g: 6, q: 40, slope: 0, fs });
    CASES.push({ type: BAND_LOW_SHELF, f, g: 9, q: 0.7, slope: 0, fs });
    CASES.push({ type: BAND_HIGH_SHELF, f, g: -9, q: 2, slope: 0, fs });
    CASES.push({ type: BAND_LOW_CUT, f, g: 0, q: 0.7, slope: 7, fs });
    CASES.push({ type: BAND_HIGH_CUT, f, g: 0, q: 0.7, slope: 3, fs });
    CASES.push({ type: BAND_NOTCH, f, g: 0, q: 8, slope: 0, fs });
    CASES.push({ type: BAND_BAND_PASS, f, g: 0, q: 1, slope: 0, fs });
    CASES.push({ type: BAND_TILT, f, g: 6, q: 0.7, slope: 0, fs });
  }
}

/** Largest |fast - reference| over 2 s, relative to the reference's RMS, per section. */
function compare(c: Case, stereo: boolean): { err: number; fast: number; sections: number } {
  const d = createDesign();
  designBand(c.type, c.f, c.g, c.q, c.slope, c.fs, d, false);
  const run = new Float64Array(RUN_SIZE);
  designToRun(d, run);
  const n = d[D_COUNT];
  const x = noise(2 * 48000, 5);
  const bufFast = [new Float64Array(128), new Float64Array(128)];
  const bufRef = new Float64Array(128);
  const stFast = new Float64Array(4);
  const stRef = new Float64Array(2);
  let worst = 0;
  let fast = 0;
  for (let s = 0; s < n; s++) {
    const r = s * RUN_STRIDE;
    if (usesObservableForm(run, r)) fast++;
    stFast.fill(0);
    stRef.fill(0);
    let sumSq = 0;
    let maxDiff = 0;
    for (let pos = 0; pos < x.length; pos += 128) {
      for (let i = 0; i < 128; i++) bufFast[0][i] = bufFast[1][i] = bufRef[i] = x[pos + i];
      if (stereo) runSvf2(run, r, stFast, 0, 2, bufFast[0], bufFast[1], 128);
      else runSvf(run, r, stFast, 0, bufFast[0], 128);
      runSvfRamp(run, run, r, stRef, 0, bufRef, 128);
      for (let i = 0; i < 128; i++) {
        sumSq += bufRef[i] * bufRef[i];
        maxDiff = Math.max(maxDiff, Math.abs(bufFast[0][i] - bufRef[i]));
        if (stereo) maxDiff = Math.max(maxDiff, Math.abs(bufFast[1][i] - bufRef[i]));
      }
      // the states between blocks are the SVF's (mono: slot 0; stereo: both slots)
      maxDiff = Math.max(maxDiff, Math.abs(stFast[0] - stRef[0]), Math.abs(stFast[1] - stRef[1]));
      if (stereo) maxDiff = Math.max(maxDiff, Math.abs(stFast[2] - stRef[0]), Math.abs(stFast[3] - stRef[1]));
    }
    // scale: the larger of the input's and the output's RMS (a narrow band pass has little output)
    const rms = Math.max(Math.sqrt(sumSq / x.length), 1 / Math.sqrt(3));
    worst = Math.max(worst, maxDiff / rms);
  }
  return { err: worst, fast, sections: n };
}

describe('EQ static blocks in observable form', () => {
  it('equal the SVF recursion on the same states, for every band type and rate', () => {
    let worst = 0;
    let where = '';
    let fast = 0;
    let sections = 0;
    for (const c of CASES) {
      for (const stereo of [false, true]) {
        const r = compare(c, stereo);
        fast += r.fast;
        sections += r.sections;
        if (r.err > worst) {
          worst = r.err;
          where = JSON.stringify(c);
        }
      }
    }
    console.log(`observable form on ${fast} of ${sections} sections; worst relative difference ${worst.toExponential(2)} (${where})`);
    expect(worst).toBeLessThan(1e-9);
    // the fast form is what actually runs for ordinary designs (bells at 0.01 dB included)
    expect(fast / sections).toBeGreaterThan(0.9);
  });

  it('two bands in one pass equal two single passes, and a coefficient jump acts on SVF states', () => {
    const fs = 48000;
    const dA = createDesign();
    const dB = createDesign();
    const dC = createDesign();
    designBand(BAND_BELL, 120, 8, 1.2, 0, fs, dA, false);
    designBand(BAND_HIGH_SHELF, 6000, -5, 0.7, 0, fs, dB, false);
    designBand(BAND_BELL, 2500, -12, 3, 0, fs, dC, false);
    const rA = new Float64Array(RUN_SIZE);
    const rB = new Float64Array(RUN_SIZE);
    const rC = new Float64Array(RUN_SIZE);
    designToRun(dA, rA);
    designToRun(dB, rB);
    designToRun(dC, rC);
    const x = noise(48000, 9);
    const y = noise(48000, 10);
    const pair = [new Float64Array(128), new Float64Array(128)];
    const ref = [new Float64Array(128), new Float64Array(128)];
    const stP = new Float64Array(4);
    const etP = new Float64Array(4);
    const stR = [new Float64Array(2), new Float64Array(2)];
    const etR = [new Float64Array(2), new Float64Array(2)];
    let maxDiff = 0;
    for (let pos = 0; pos < x.length; pos += 128) {
      // halfway, the second band jumps to another design: both paths keep their states
      const second = pos < x.length / 2 ? rB : rC;
      for (let i = 0; i < 128; i++) {
        pair[0][i] = ref[0][i] = x[pos + i];
        pair[1][i] = ref[1][i] = y[pos + i];
      }
      runSvf2x2(rA, 0, stP, 0, 2, second, 0, etP, 0, 2, pair[0], pair[1], 128);
      for (let ch = 0; ch < 2; ch++) {
        runSvfRamp(rA, rA, 0, stR[ch], 0, ref[ch], 128);
        runSvfRamp(second, second, 0, etR[ch], 0, ref[ch], 128);
      }
      for (let ch = 0; ch < 2; ch++) for (let i = 0; i < 128; i++) maxDiff = Math.max(maxDiff, Math.abs(pair[ch][i] - ref[ch][i]));
    }
    expect(maxDiff).toBeLessThan(1e-12);
  });

  it('runSvf2From (Float32 sources, Float64 destinations) is runSvf2 bit for bit', () => {
    const d = createDesign();
    designBand(BAND_HIGH_SHELF, 3000, 6, 0.8, 0, 48000, d, false);
    const c = new Float64Array(RUN_SIZE);
    designToRun(d, c);
    const xa = new Float32Array(noise(4096, 21));
    const xb = new Float32Array(noise(4096, 22));
    const st1 = new Float64Array(4);
    const st2 = new Float64Array(4);
    const a1 = new Float64Array(128);
    const b1 = new Float64Array(128);
    const a2 = new Float64Array(128);
    const b2 = new Float64Array(128);
    let same = true;
    for (let pos = 0; pos < 4096; pos += 128) {
      for (let i = 0; i < 128; i++) {
        a1[i] = xa[pos + i];
        b1[i] = xb[pos + i];
      }
      runSvf2(c, 0, st1, 0, 2, a1, b1, 128);
      runSvf2From(c, 0, st2, 0, 2, xa, pos, xb, pos, a2, b2, 128);
      for (let i = 0; i < 128; i++) if (a1[i] !== a2[i] || b1[i] !== b2[i]) same = false;
    }
    expect(same).toBe(true);
  });
});
