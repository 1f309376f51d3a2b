/**
 * Varnish Reverb: freeze and the end of the tail.
 *
 * - freeze: after 1 s of noise, freeze on, 30 s of silence in: the tail's energy, in 1 s
 *   windows, stays within +-1 dB of the first window (no growth, no loss), every algorithm;
 *   hall once more with the heaviest modulation (depth 100 %, rate 5 Hz).
 * - after the input stops, the output falls below -120 dBFS and stays there, ends exactly at
 *   0 (the flushes reach every state), carries no DC, and no state of the kernel (delay rings,
 *   filter states) holds a subnormal number.
 */
import { describe, expect, it } from 'vitest';
import { ALGORITHMS, FS, noise, rig, WET } from './helpers/reverb-render.js';

const report: string[] = [];

function windowDb(out: Float32Array[], from: number, to: number): number {
  let e = 0;
  for (const ch of out) for (let i = from; i < to; i++) e += ch[i] * ch[i];
  return 10 * Math.log10(e);
}

/** every typed array reachable from the kernel (its rings and states) */
function typedArrays(root: unknown): (Float32Array | Float64Array)[] {
  const seen = new Set<unknown>();
  const found: (Float32Array | Float64Array)[] = [];
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Float32Array || v instanceof Float64Array) {
      found.push(v);
      return;
    }
    if (ArrayBuffer.isView(v)) return;
    for (const x of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) walk(x);
  };
  walk(root);
  return found;
}

function subnormals(a: Float32Array | Float64Array): number {
  const min = a instanceof Float32Array ? 1.1754943508222875e-38 : 2.2250738585072014e-308;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x !== 0 && x < min && x > -min) count++;
  }
  return count;
}

describe('reverb freeze', () => {
  const cases = [
    ...ALGORITHMS.map((name, algorithm) => ({ name, settings: { algorithm } })),
    { name: 'hall, depth 100 %, rate 5 Hz', settings: { algorithm: 1, modDepth: 100, modRate: 5 } },
  ];
  for (const c of cases) {
    it(`${c.name}: energy within +-1 dB over 30 s of freeze`, () => {
      const r = rig({ ...WET, ...c.settings });
      r.render([noise(FS, 0.3, 1), noise(FS, 0.3, 2)]);
      r.set('freeze', 1);
      const secs = 30;
      const out = r.render([new Float32Array(secs * FS), new Float32Array(secs * FS)]);
      const db: number[] = [];
      for (let s = 0; s < secs; s++) db.push(windowDb(out, s * FS, (s + 1) * FS));
      const drift = db.map((x) => x - db[0]);
      const lo = Math.min(...drift);
      const hi = Math.max(...drift);
      report.push(`freeze ${c.name}: 1 s windows within ${lo.toFixed(2)} .. +${hi.toFixed(2)} dB of the first (last ${drift[secs - 1].toFixed(2)} dB)`);
      expect(db[0]).toBeGreaterThan(-40); // a tail is there
      expect(lo).toBeGreaterThan(-1);
      expect(hi).toBeLessThan(1);
    });
  }

  it('freeze off again: the tail decays', () => {
    const r = rig({ ...WET, algorithm: 1, decay: 1 });
    r.render([noise(FS, 0.3, 1), noise(FS, 0.3, 2)]);
    r.set('freeze', 1);
    r.render([new Float32Array(FS), new Float32Array(FS)]);
    r.set('freeze', 0);
    const out = r.render([new Float32Array(2 * FS), new Float32Array(2 * FS)]);
    // RT60 1 s: 60 dB per second
    const drop = windowDb(out, 0, FS / 10) - windowDb(out, FS, FS + FS / 10);
    expect(drop).toBeGreaterThan(50);
    expect(drop).toBeLessThan(70);
  });
});

describe('reverb tail end', () => {
  for (const [algorithm, name] of ALGORITHMS.entries()) {
    it(`${name}: after the input stops the output falls below -120 dBFS, stays, ends at 0, no DC, no subnormals`, () => {
      // full-scale noise with a DC offset, then silence; RT60 1 s (bass 1.2 s)
      const r = rig({ ...WET, algorithm, decay: 1 });
      const burst = FS / 2;
      const inL = noise(burst, 0.5, 3).map((x) => x + 0.5);
      const inR = noise(burst, 0.5, 4).map((x) => x + 0.5);
      r.render([inL, inR]);
      const secs = 20;
      const out = r.render([new Float32Array(secs * FS), new Float32Array(secs * FS)]);
      const limit = Math.pow(10, -120 / 20);
      let crossed = -1;
      for (let i = out[0].length - 1; i >= 0; i--) {
        if (Math.abs(out[0][i]) >= limit || Math.abs(out[1][i]) >= limit) {
          crossed = i + 1;
          break;
        }
      }
      // the last sample at or above -120 dBFS
      let zeroFrom = out[0].length;
      while (zeroFrom > 0 && out[0][zeroFrom - 1] === 0 && out[1][zeroFrom - 1] === 0) zeroFrom--;
      // DC: the mean of the first 2 s of tail against its RMS
      let sum = 0;
      let sq = 0;
      for (let i = 0; i < 2 * FS; i++) {
        sum += out[0][i] + out[1][i];
        sq += out[0][i] ** 2 + out[1][i] ** 2;
      }
      const dcRatio = Math.abs(sum / (4 * FS)) / Math.sqrt(sq / (4 * FS));
      const sub = typedArrays(r.kernel).reduce((n, a) => n + subnormals(a), 0) + subnormals(out[0]) + subnormals(out[1]);
      report.push(
        `tail ${name}: below -120 dBFS from ${(crossed / FS).toFixed(2)} s, exactly 0 from ${(zeroFrom / FS).toFixed(2)} s, ` +
        `DC/RMS ${dcRatio.toExponential(1)}, subnormals ${sub}`,
      );
      expect(crossed / FS).toBeLessThan(4); // -120 dB takes ~2.4 s at the slowest band (1.2 s)
      expect(zeroFrom).toBeLessThan(out[0].length - FS); // silent, exactly, for the last second
      expect(dcRatio).toBeLessThan(0.01);
      expect(sub).toBe(0);
    });
  }
  it('report', () => {
    if (process.env.REVERB_REPORT) console.log(report.join('\n'));
    expect(report.length).toBe(9);
  });
});
