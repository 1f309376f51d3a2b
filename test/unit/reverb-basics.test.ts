/**
 * Varnish Reverb: the declaration, the dry path, predelay, send, meters, structural changes,
 * the designed-decay function for the GUI.
 */
import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../shared-dsp/core/run-kernel.js';
import { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { createKernel } from '../../plugins/reverb/dsp.js';
import { REVERB_ALGORITHMS, reverbParams } from '../../plugins/reverb/params.js';
import { designedDecay, designedDecayAt } from '../../shared-dsp/reverb/decay-design.js';
import { octaveBand } from './helpers/octave-band.js';
import { ALGORITHMS, FS, impulseResponse, noise, rig, WET } from './helpers/reverb-render.js';

/** index of the first sample where a and b differ (Object.is), -1 when identical */
function firstDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

function firstNonZero(a: Float32Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) return i;
  return -1;
}

function energy(x: Float32Array, from = 0, to = x.length): number {
  let e = 0;
  for (let i = from; i < to; i++) e += x[i] * x[i];
  return e;
}

describe('reverb parameters', () => {
  it('declares the issue 6 parameters', () => {
    const ids = reverbParams.list.map((p) => p.id);
    expect(ids).toEqual([
      'algorithm', 'predelay', 'decay', 'size', 'damping', 'bassDecay', 'lowCut', 'highCut', 'diffusion',
      'modDepth', 'modRate', 'width', 'earlyLate', 'mix', 'send', 'freeze',
    ]);
    expect(REVERB_ALGORITHMS).toEqual(['plate', 'hall', 'room', 'chamber']);
    expect(reverbParams.get('predelay')).toMatchObject({ min: 0, max: 500, unit: 'ms' });
    expect(reverbParams.get('decay')).toMatchObject({ min: 0.1, max: 20, skew: 'log' });
    expect(reverbParams.get('width')).toMatchObject({ min: 0, max: 150 });
    expect(reverbParams.get('send').type).toBe('boolean');
    expect(reverbParams.get('freeze').type).toBe('boolean');
  });
});

describe('reverb dry path', () => {
  for (const [algorithm, name] of ALGORITHMS.entries()) {
    it(`${name}: mix 0 passes the input through bit for bit`, () => {
      const inL = noise(FS / 2, 0.9, 11);
      const inR = noise(FS / 2, 0.9, 12);
      const out = rig({ algorithm, mix: 0 }).render([inL, inR]);
      expect(firstDifference(out[0], inL)).toBe(-1);
      expect(firstDifference(out[1], inR)).toBe(-1);
    });
  }

  it('mix automated up and back to 0: bit-exact again once the ramp ends', () => {
    const r = rig({ algorithm: 1, mix: 0 });
    const inL = noise(FS, 0.5, 13);
    const inR = noise(FS, 0.5, 14);
    r.render([inL.subarray(0, FS / 4), inR.subarray(0, FS / 4)]);
    r.bank.setTarget(reverbParams.index('mix'), 50);
    const wet = r.render([inL.subarray(FS / 4, FS / 2), inR.subarray(FS / 4, FS / 2)]);
    expect(firstDifference(wet[0], inL.subarray(FS / 4, FS / 2))).toBeGreaterThanOrEqual(0);
    r.bank.setTarget(reverbParams.index('mix'), 0);
    const back = r.render([inL.subarray(FS / 2), inR.subarray(FS / 2)]);
    const after = Math.ceil((0.02 * FS) / 128) * 128 + 128; // the 20 ms ramp, whole blocks
    expect(firstDifference(back[0].subarray(after), inL.subarray(FS / 2 + after))).toBe(-1);
    expect(firstDifference(back[1].subarray(after), inR.subarray(FS / 2 + after))).toBe(-1);
  });

  it('send: wet only, whatever the mix', () => {
    const a = impulseResponse({ algorithm: 1, send: 1, mix: 30 }, 0.3);
    const b = impulseResponse({ algorithm: 1, send: 1, mix: 100 }, 0.3);
    expect(firstDifference(a[0], b[0])).toBe(-1);
    expect(firstDifference(a[1], b[1])).toBe(-1);
    expect(a[0][0]).toBe(0); // no dry impulse
  });
});

describe('reverb predelay', () => {
  for (const [algorithm, name] of ALGORITHMS.entries()) {
    it(`${name}: predelay moves the wet signal by exactly round(ms * fs / 1000) samples`, () => {
      // without modulation the engine is time-invariant: the whole response moves, bit for bit
      const still = { ...WET, algorithm, modDepth: 0 };
      const base = impulseResponse({ ...still, predelay: 0 }, 0.6);
      for (const ms of [25, 10.01, 123.4]) {
        const d = Math.round((ms * FS) / 1000);
        const moved = impulseResponse({ ...still, predelay: ms }, 0.6);
        for (let c = 0; c < 2; c++) {
          expect(energy(moved[c], 0, d)).toBe(0);
          expect(firstDifference(moved[c].subarray(d), base[c].subarray(0, base[c].length - d))).toBe(-1);
        }
      }
      // with modulation (default) the onset moves by exactly the predelay
      const onset0 = firstNonZero(impulseResponse({ ...WET, algorithm }, 0.3)[0]);
      const onset = firstNonZero(impulseResponse({ ...WET, algorithm, predelay: 50 }, 0.4)[0]);
      expect(onset0).toBeGreaterThanOrEqual(0);
      expect(onset - onset0).toBe(2400);
    });
  }
});

describe('reverb wet filters', () => {
  it('low cut and high cut act on the wet signal', () => {
    const bandEnergy = (settings: Record<string, number>, fc: number) => {
      const [l, r] = impulseResponse({ ...WET, algorithm: 1, decay: 1, ...settings }, 1);
      return energy(Float32Array.from(octaveBand(l, fc, FS))) + energy(Float32Array.from(octaveBand(r, fc, FS)));
    };
    const open125 = bandEnergy({}, 125);
    const open8k = bandEnergy({}, 8000);
    // 2nd-order Butterworth: 2 octaves beyond the corner is -24 dB
    expect(10 * Math.log10(bandEnergy({ lowCut: 500 }, 125) / open125)).toBeLessThan(-18);
    expect(10 * Math.log10(bandEnergy({ highCut: 2000 }, 8000) / open8k)).toBeLessThan(-18);
    // at their defaults the 1 kHz octave is untouched by either (within 0.1 dB)
    const mid = bandEnergy({}, 1000);
    expect(Math.abs(10 * Math.log10(bandEnergy({ lowCut: 20, highCut: 20000 }, 1000) / mid))).toBeLessThan(0.1);
  });
});

describe('reverb meters', () => {
  it('input and output peaks per side, reset by writeMeters', () => {
    const r = rig({ algorithm: 1, mix: 0 });
    const l = new Float32Array(256);
    const rr = new Float32Array(256);
    l[10] = -0.5;
    rr[20] = 0.25;
    r.render([l, rr]);
    expect(r.kernel.meterSize).toBe(4);
    const m = new Float32Array(4);
    r.kernel.writeMeters!(m);
    expect(Array.from(m)).toEqual([0.5, 0.25, 0.5, 0.25]);
    r.kernel.writeMeters!(m);
    expect(Array.from(m)).toEqual([0, 0, 0, 0]);
  });
});

describe('reverb structure changes', () => {
  it('algorithm and size changes dip the wet signal, restart (algorithm) or keep (size) the tail, stay finite', () => {
    const r = rig({ ...WET, algorithm: 1, decay: 3 });
    r.render([noise(FS / 2, 0.5, 5), noise(FS / 2, 0.5, 6)]);
    r.set('size', 80);
    const afterSize = r.render([new Float32Array(FS / 2), new Float32Array(FS / 2)]);
    // the dip reaches 0 within ~4 ms and the tail is back afterwards
    expect(energy(afterSize[0], FS / 4, FS / 2)).toBeGreaterThan(1e-3);
    for (const name of ['plate', 'room', 'chamber', 'hall']) {
      r.set('algorithm', REVERB_ALGORITHMS.indexOf(name as (typeof REVERB_ALGORITHMS)[number]));
      const out = r.render([noise(FS / 4, 0.5, 7), noise(FS / 4, 0.5, 8)]);
      let peak = 0;
      for (const ch of out) for (const x of ch) peak = Number.isFinite(x) ? Math.max(peak, Math.abs(x)) : Infinity;
      expect(peak).toBeLessThan(4);
    }
    // an algorithm change empties the tail: silence in, the new (empty) engine gives 0 after the dip
    r.set('algorithm', 0);
    const quiet = r.render([new Float32Array(FS / 4), new Float32Array(FS / 4)]);
    expect(energy(quiet[0], FS / 8, FS / 4)).toBe(0);
  });

  it('after the tail has ended (idle), a new impulse gives the same response as a fresh kernel', () => {
    const settings = { ...WET, algorithm: 3, decay: 0.5 };
    const r = rig(settings);
    r.render([noise(FS / 10, 0.5, 9), noise(FS / 10, 0.5, 10)]);
    r.render([new Float32Array(8 * FS), new Float32Array(8 * FS)]);
    const l = new Float32Array(FS / 2);
    const rr = new Float32Array(FS / 2);
    l[0] = rr[0] = 1;
    const again = r.render([l, rr]);
    const fresh = impulseResponse(settings, 0.5);
    const ratio = energy(again[0]) / energy(fresh[0]);
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.25);
  });

  it('decay automation: after a ramp from 1 s to 3 s the tail decays at 3 s', () => {
    const r = rig({ ...WET, algorithm: 1, decay: 1 });
    r.bank.setTarget(reverbParams.index('decay'), 3);
    r.render([noise(FS / 2, 0.5, 15), noise(FS / 2, 0.5, 16)]);
    const out = r.render([new Float32Array(3 * FS), new Float32Array(3 * FS)]);
    // level fall between 0.5 s and 1.5 s after the input stopped: 20 dB at RT60 3 s
    const db = (from: number) => 10 * Math.log10(energy(out[0], from, from + FS / 10) + energy(out[1], from, from + FS / 10));
    const fall = db(FS / 2) - db((3 * FS) / 2);
    expect(fall).toBeGreaterThan(17);
    expect(fall).toBeLessThan(23);
  });

  it('runs mono (one channel in and out)', () => {
    const bank = new ParamBank(reverbParams.specs());
    bank.setNow(reverbParams.index('mix'), 50);
    const k = createKernel(bank);
    k.prepare(FS, 128, 1);
    const x = new Float32Array(FS / 4);
    x[0] = 1;
    const [y] = renderOffline(k, bank, [x]);
    expect(y[0]).toBeCloseTo(0.5, 6);
    expect(energy(y, 1)).toBeGreaterThan(1e-4);
  });
});

describe('reverb designed decay (for the GUI)', () => {
  it('band values are the ratios times decay; the curve of the running filters agrees', () => {
    const b = designedDecay(2, 0.5, 1.5);
    expect(b).toMatchObject({ lowHz: 125, midHz: 1000, highHz: 8000, low: 3, mid: 2, high: 1 });
    expect(designedDecay(2, 0.5, 1.5, true).mid).toBe(Infinity);
    const curve = designedDecayAt([125, 1600, 6650, 10000], 2, 0.5, 1.5);
    // exact at the match frequencies (125 Hz, 1.6 kHz, and 6.65 kHz for damping 0.5)
    expect(curve[0]).toBeCloseTo(3, 2);
    expect(curve[1]).toBeCloseTo(2, 2);
    expect(curve[2]).toBeCloseTo(1, 2);
    expect(curve[3]).toBeLessThan(1);
    const mid = designedDecayAt([500, 1000, 2000], 2, 0.5, 1.5);
    for (const t of mid) expect(Math.abs(t / 2 - 1)).toBeLessThan(0.06);
  });
});
