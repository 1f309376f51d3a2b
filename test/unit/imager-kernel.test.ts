/**
 * Imager kernel (plugins/imager/dsp.ts -> shared-dsp/stereo/imager-kernel.ts), rendered with
 * renderOffline: bit-exact neutrality, exact mono at width 0, the band split against the
 * Linkwitz-Riley theory (complex responses of the bilinear-transformed prototypes), bass mono,
 * and the exact laws of swap, polarity, balance, rotation and output gain.
 */
import { describe, expect, it } from 'vitest';
import { ParamBank } from '../../shared-dsp/params/param-bank.js';
import { renderOffline } from '../../shared-dsp/core/run-kernel.js';
import type { Kernel } from '../../shared-dsp/core/kernel.js';
import { createKernel } from '../../plugins/imager/dsp.js';
import { imagerParams } from '../../plugins/imager/params.js';

const FS = 48000;

function setup(values: Record<string, number> = {}): { bank: ParamBank; kernel: Kernel } {
  const bank = new ParamBank(imagerParams.specs());
  bank.prepare(FS);
  for (const [id, v] of Object.entries(values)) bank.setNow(imagerParams.index(id), v);
  const kernel = createKernel(bank);
  kernel.prepare(FS, 128, 2);
  return { bank, kernel };
}

function render(values: Record<string, number>, l: Float32Array, r: Float32Array): Float32Array[] {
  const { bank, kernel } = setup(values);
  return renderOffline(kernel, bank, [l, r]);
}

/** seeded uniform noise in [-a, a) (mulberry32) */
function noise(frames: number, seed: number, a = 0.5): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = a * (2 * (((t ^ (t >>> 14)) >>> 0) / 4294967296) - 1);
  }
  return out;
}

function expectIdentical(a: Float32Array, b: Float32Array): void {
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) diff++;
  expect(diff).toBe(0);
}

// ---------- complex arithmetic for the theory of the crossovers
type C = [number, number];
const cmul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const cdiv = (a: C, b: C): C => {
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
};
const cadd = (a: C, b: C): C => [a[0] + b[0], a[1] + b[1]];
const cscale = (a: C, k: number): C => [a[0] * k, a[1] * k];
const cabs = (a: C) => Math.hypot(a[0], a[1]);

/** s = j tan(pi f/fs)/tan(pi fc/fs): the bilinear map the DF1 sections (df1.ts) realise exactly */
const sAt = (f: number, fc: number): C => [0, Math.tan((Math.PI * f) / FS) / Math.tan((Math.PI * fc) / FS)];
/** second-order section s^2 + k s + 1 at s */
const quad = (s: C, k: number): C => cadd(cadd(cmul(s, s), cscale(s, k)), [1, 0]);
const SQ2 = Math.SQRT2;
const lp4 = (f: number, fc: number): C => {
  const d = quad(sAt(f, fc), SQ2);
  return cdiv([1, 0], cmul(d, d));
};
const hp4 = (f: number, fc: number): C => {
  const s = sAt(f, fc);
  const d = quad(s, SQ2);
  const s2 = cmul(s, s);
  return cdiv(cmul(s2, s2), cmul(d, d));
};
const ap4 = (f: number, fc: number): C => {
  const s = sAt(f, fc);
  return cdiv(quad(s, -SQ2), quad(s, SQ2));
};
const K1 = 2 * Math.cos(Math.PI / 8), K2 = 2 * Math.cos((3 * Math.PI) / 8);
const hp8 = (f: number, fc: number): C => {
  const s = sAt(f, fc);
  const s2 = cmul(s, s);
  const h = cdiv(cmul(s2, s2), cmul(quad(s, K1), quad(s, K2)));
  return cmul(h, h);
};
const ap8 = (f: number, fc: number): C => {
  const s = sAt(f, fc);
  return cmul(cdiv(quad(s, -K1), quad(s, K1)), cdiv(quad(s, -K2), quad(s, K2)));
};

/** theory of the band tree (band-splitter.ts) for crossovers fx and side gains g */
function bandSum(f: number, fx: number[], g: number[]): { side: C; mid: C } {
  const n = g.length;
  if (n === 2) {
    return { side: cadd(cscale(lp4(f, fx[0]), g[0]), cscale(hp4(f, fx[0]), g[1])), mid: ap4(f, fx[0]) };
  }
  if (n === 3) {
    const lo = lp4(f, fx[1]), hi = cmul(hp4(f, fx[1]), ap4(f, fx[0]));
    const side = cadd(cmul(lo, cadd(cscale(lp4(f, fx[0]), g[0]), cscale(hp4(f, fx[0]), g[1]))), cscale(hi, g[2]));
    return { side, mid: cmul(ap4(f, fx[0]), ap4(f, fx[1])) };
  }
  const lo = cmul(lp4(f, fx[1]), ap4(f, fx[2]));
  const hi = cmul(hp4(f, fx[1]), ap4(f, fx[0]));
  const side = cadd(
    cmul(lo, cadd(cscale(lp4(f, fx[0]), g[0]), cscale(hp4(f, fx[0]), g[1]))),
    cmul(hi, cadd(cscale(lp4(f, fx[2]), g[2]), cscale(hp4(f, fx[2]), g[3]))),
  );
  return { side, mid: cmul(cmul(ap4(f, fx[0]), ap4(f, fx[1])), ap4(f, fx[2])) };
}

/** DFT of h at f (impulse at sample 0) */
function dft(h: Float64Array, f: number): C {
  const w = (2 * Math.PI * f) / FS;
  const cw = Math.cos(w), sw = Math.sin(w);
  let re = 0, im = 0, c = 1, s = 0; // e^{-j w n} = c - j s
  for (let n = 0; n < h.length; n++) {
    re += h[n] * c;
    im -= h[n] * s;
    const c2 = c * cw - s * sw;
    s = s * cw + c * sw;
    c = c2;
  }
  return [re, im];
}

const IR = 16384;
/** mid -> mid and side -> side impulse responses, and the cross terms */
function msResponses(values: Record<string, number>) {
  const amp = 0.5;
  const l = new Float32Array(IR), r = new Float32Array(IR);
  l[0] = amp;
  r[0] = amp;
  const [ml, mr] = render(values, l, r);
  r[0] = -amp;
  const [sl, sr] = render(values, l, r);
  const mid = new Float64Array(IR), midToSide = new Float64Array(IR);
  const side = new Float64Array(IR), sideToMid = new Float64Array(IR);
  for (let i = 0; i < IR; i++) {
    mid[i] = (ml[i] + mr[i]) / 2 / amp;
    midToSide[i] = (ml[i] - mr[i]) / 2 / amp;
    side[i] = (sl[i] - sr[i]) / 2 / amp;
    sideToMid[i] = (sl[i] + sr[i]) / 2 / amp;
  }
  return { mid, side, midToSide, sideToMid };
}

const db = (x: number) => 20 * Math.log10(x);
const FREQS = Array.from({ length: 49 }, (_, i) => 20 * Math.pow(2, i / 5)); // 20 Hz .. 16.3 kHz, 1/5 octave

describe('imager: neutral is bit-exact', () => {
  const l = noise(48000, 1), r = noise(48000, 2);
  for (const bands of [1, 2, 3, 4]) {
    it(`width 100 % everywhere, ${bands} band(s): output === input`, () => {
      const [ol, or] = render({ bands, xover1: 90, xover2: 700, xover3: 9000 }, l, r);
      expectIdentical(ol, l);
      expectIdentical(or, r);
    });
  }

  it('4 bands: after a band-width excursion (split fades in and out) the output is bit-exact again', () => {
    const { bank, kernel } = setup({ bands: 4 });
    const w2 = imagerParams.index('width2');
    const frames = 24000;
    const out: Float32Array[] = [new Float32Array(frames), new Float32Array(frames)];
    const blk = 4800;
    for (let pos = 0; pos < frames; pos += blk) {
      if (pos === 4800) bank.setTarget(w2, 160);
      if (pos === 9600) bank.setTarget(w2, 100);
      const o = renderOffline(kernel, bank, [l.subarray(pos, pos + blk), r.subarray(pos, pos + blk)]);
      out[0].set(o[0], pos);
      out[1].set(o[1], pos);
    }
    // the excursion changed something ...
    let changed = 0;
    for (let i = 4800; i < 14400; i++) if (out[0][i] !== l[i]) changed++;
    expect(changed).toBeGreaterThan(1000);
    // ... and 20 ms ramp + 20 ms fade after the return the path is the exact one again
    expectIdentical(out[0].subarray(14400), l.subarray(14400, frames));
    expectIdentical(out[1].subarray(14400), r.subarray(14400, frames));
    expectIdentical(out[0].subarray(0, 4800), l.subarray(0, 4800));
  });

  it('bass mono on then off: after its 20 ms fade-out the output is bit-exact again', () => {
    const { bank, kernel } = setup({ bands: 3 });
    const on = imagerParams.index('monoOn');
    const out: Float32Array[] = [new Float32Array(19200), new Float32Array(19200)];
    for (let pos = 0; pos < 19200; pos += 4800) {
      if (pos === 4800) bank.setNow(on, 1);
      if (pos === 9600) bank.setNow(on, 0);
      const o = renderOffline(kernel, bank, [l.subarray(pos, pos + 4800), r.subarray(pos, pos + 4800)]);
      out[0].set(o[0], pos);
      out[1].set(o[1], pos);
    }
    let changed = 0;
    for (let i = 4800; i < 9600; i++) if (out[1][i] !== r[i]) changed++;
    expect(changed).toBeGreaterThan(1000);
    expectIdentical(out[0].subarray(9600 + 960), l.subarray(9600 + 960, 19200));
    expectIdentical(out[1].subarray(9600 + 960), r.subarray(9600 + 960, 19200));
  });
});

describe('imager: width 0 is exact mono', () => {
  const l = noise(24000, 3), r = noise(24000, 4);
  const cases: Array<[string, Record<string, number>]> = [
    ['global width 0', { width: 0 }],
    ['global 0 with 4 differing bands', { width: 0, bands: 4, width1: 50, width2: 200, width3: 20, width4: 140 }],
    ['all band widths 0, 3 bands', { bands: 3, width1: 0, width2: 0, width3: 0 }],
    ['global 0 with bass mono on', { width: 0, monoOn: 1, monoBelow: 200 }],
  ];
  for (const [name, values] of cases) {
    it(`${name}: L === R on every sample`, () => {
      const [ol, or] = render(values, l, r);
      expectIdentical(ol, or);
      let energy = 0;
      for (let i = 0; i < ol.length; i++) energy += ol[i] * ol[i];
      expect(energy).toBeGreaterThan(100); // not silence
    });
  }

  it('1 band, width 0: both channels are (L + R)/2', () => {
    const [ol] = render({ width: 0 }, l, r);
    for (let i = 0; i < 1000; i++) expect(ol[i]).toBe(Math.fround((l[i] + r[i]) / 2));
  });

  it('1 band, width 200 %: L\' = 1.5 L - 0.5 R (L + S)', () => {
    const [ol, or] = render({ width: 200 }, l, r);
    for (let i = 0; i < 1000; i++) {
      expect(ol[i]).toBeCloseTo(1.5 * l[i] - 0.5 * r[i], 6);
      expect(or[i]).toBeCloseTo(1.5 * r[i] - 0.5 * l[i], 6);
    }
  });
});

describe('imager: band split responses (LR4 tree, allpass sum)', () => {
  const cases: Array<{ name: string; values: Record<string, number>; fx: number[]; g: number[] }> = [
    { name: '2 bands 60/180 %', values: { bands: 2, xover1: 300, width1: 60, width2: 180 }, fx: [300], g: [0.6, 1.8] },
    { name: '3 bands 0/100/200 %', values: { bands: 3, xover1: 200, xover2: 2000, width1: 0, width2: 100, width3: 200 }, fx: [200, 2000], g: [0, 1, 2] },
    {
      name: '4 bands 50/100/150/200 %, global 80 %',
      values: { bands: 4, width: 80, width1: 50, width2: 100, width3: 150, width4: 200 },
      fx: [150, 1500, 6000],
      g: [0.4, 0.8, 1.2, 1.6],
    },
  ];
  for (const c of cases) {
    it(`${c.name}: mid flat within 0.1 dB, side = sum of gains x LR bands (complex, 1e-4)`, () => {
      const { mid, side, midToSide, sideToMid } = msResponses(c.values);
      let worstMid = 0, worstSide = 0;
      for (const f of FREQS) {
        const t = bandSum(f, c.fx, c.g);
        const hm = dft(mid, f), hs = dft(side, f);
        worstMid = Math.max(worstMid, Math.abs(db(cabs(hm))));
        worstSide = Math.max(worstSide, cabs([hs[0] - t.side[0], hs[1] - t.side[1]]));
        // mid goes through the same allpass as the band sum
        expect(cabs([hm[0] - t.mid[0], hm[1] - t.mid[1]])).toBeLessThan(1e-4);
      }
      expect(worstMid).toBeLessThan(0.1);
      expect(worstSide).toBeLessThan(1e-4);
      // no leakage between mid and side
      expect(Math.max(...midToSide.map(Math.abs))).toBe(0);
      expect(Math.max(...sideToMid.map(Math.abs))).toBeLessThan(1e-7);
    });
  }

  it('4 bands: per-band side gains at band centres (within 0.3 dB), and an allpass side sum for near-equal gains', () => {
    const { side } = msResponses({ bands: 4, width1: 25, width2: 75, width3: 125, width4: 175 });
    // band centres far from the crossovers 150/1500/6000 Hz
    const centres: Array<[number, number]> = [[40, 0.25], [474, 0.75], [3000, 1.25], [16000, 1.75]];
    for (const [f, g] of centres) expect(Math.abs(db(cabs(dft(side, f))) - db(g))).toBeLessThan(0.3);
    // 150/150/150/150.2 %: the split is in use (gains differ) and the band sum is flat at 1.5
    const near = msResponses({ bands: 4, width1: 150, width2: 150, width3: 150, width4: 150.2 });
    for (const f of FREQS) {
      if (f > 5000) continue; // band 4 adds its 0.2 % above 6 kHz
      expect(Math.abs(db(cabs(dft(near.side, f))) - db(1.5))).toBeLessThan(0.01);
    }
    for (const f of FREQS) expect(Math.abs(db(cabs(dft(near.side, f))) - db(1.5))).toBeLessThan(0.02);
  });

  it('crossovers are kept ordered at run time (xover1 above xover2 pushes xover2 up by 1.25)', () => {
    const { side } = msResponses({ bands: 3, xover1: 400, xover2: 300, width1: 0, width2: 200, width3: 100 });
    for (const f of FREQS) {
      const t = bandSum(f, [400, 500], [0, 2, 1]);
      const h = dft(side, f);
      expect(cabs([h[0] - t.side[0], h[1] - t.side[1]])).toBeLessThan(1e-4);
    }
  });
});

describe('imager: bass mono', () => {
  for (const fc of [60, 120, 400]) {
    it(`corner ${fc} Hz: side -40 dB or less an octave below, within 0.1 dB an octave above; mid flat`, () => {
      const { mid, side } = msResponses({ monoOn: 1, monoBelow: fc });
      expect(db(cabs(dft(side, fc / 2)))).toBeLessThan(-40);
      expect(Math.abs(db(cabs(dft(side, fc * 2))))).toBeLessThan(0.1);
      for (const f of FREQS) {
        if (f >= 4 * fc) expect(Math.abs(db(cabs(dft(side, f))))).toBeLessThan(0.01);
        const hs = dft(side, f), hm = dft(mid, f);
        // theory: side = LR8 high side, mid = the LR8 allpass
        const ts = hp8(f, fc), tm = ap8(f, fc);
        expect(cabs([hs[0] - ts[0], hs[1] - ts[1]])).toBeLessThan(1e-4);
        expect(cabs([hm[0] - tm[0], hm[1] - tm[1]])).toBeLessThan(1e-4);
      }
    });
  }

  it('with 4 bands: side = LR8 high side x band sum, mid = both allpasses', () => {
    const values = { monoOn: 1, monoBelow: 100, bands: 4, width1: 200, width2: 50, width3: 100, width4: 150 };
    const { mid, side } = msResponses(values);
    const g = [2, 0.5, 1, 1.5];
    for (const f of FREQS) {
      const t = bandSum(f, [150, 1500, 6000], g);
      const ts = cmul(t.side, hp8(f, 100)), tm = cmul(t.mid, ap8(f, 100));
      const hs = dft(side, f), hm = dft(mid, f);
      expect(cabs([hs[0] - ts[0], hs[1] - ts[1]])).toBeLessThan(1e-4);
      expect(cabs([hm[0] - tm[0], hm[1] - tm[1]])).toBeLessThan(1e-4);
    }
    expect(db(cabs(dft(side, 50)))).toBeLessThan(-40);
  });
});

describe('imager: swap, polarity, balance, rotation, output', () => {
  const l = noise(4096, 5), r = noise(4096, 6);

  it('swap: L\' = R, R\' = L exactly', () => {
    const [ol, or] = render({ swap: 1 }, l, r);
    expectIdentical(ol, r);
    expectIdentical(or, l);
  });

  it('invertL: L\' = -L, R untouched; invertR likewise', () => {
    const [ol, or] = render({ invertL: 1 }, l, r);
    expectIdentical(ol, l.map((x) => -x));
    expectIdentical(or, r);
    const [pl, pr] = render({ invertR: 1 }, l, r);
    expectIdentical(pl, l);
    expectIdentical(pr, r.map((x) => -x));
  });

  it('invertL then swap: L\' = R, R\' = -L', () => {
    const [ol, or] = render({ invertL: 1, swap: 1 }, l, r);
    expectIdentical(ol, r);
    expectIdentical(or, l.map((x) => -x));
  });

  it('polarity and swap ahead of the filters: the same bits as the filtered paths fed the flipped, swapped input', () => {
    const neg = (x: Float32Array) => x.map((v) => -v);
    const filtered: Array<Record<string, number>> = [
      { monoOn: 1, monoBelow: 150, bands: 4, width1: 40, width2: 160, width3: 80, width4: 190, rotation: 10, balance: 20 }, // bass mono + split
      { bands: 3, width1: 0, width2: 150, width3: 100 }, // split only
      { monoOn: 1, monoBelow: 90, width: 130 }, // bass mono only
    ];
    for (const values of filtered) {
      const [al, ar] = render({ ...values, invertL: 1, swap: 1 }, l, r);
      const [bl, br] = render(values, r, neg(l));
      expectIdentical(al, bl);
      expectIdentical(ar, br);
      const [cl, cr] = render({ ...values, invertR: 1 }, l, r);
      const [dl, dr] = render(values, l, neg(r));
      expectIdentical(cl, dl);
      expectIdentical(cr, dr);
    }
  });

  it('balance +50 %: L x 0.5, R x 1; -100 %: R silent, L untouched', () => {
    const [ol, or] = render({ balance: 50 }, l, r);
    expectIdentical(ol, l.map((x) => x * 0.5));
    expectIdentical(or, r);
    const [pl, pr] = render({ balance: -100 }, l, r);
    expectIdentical(pl, l);
    expect(pr.every((x) => x === 0)).toBe(true);
  });

  it('rotation +45 deg puts a centred source hard right at +3 dB; -30 deg turns L-only to cos/sin', () => {
    const [ol, or] = render({ rotation: 45 }, l, l);
    for (let i = 0; i < l.length; i++) {
      expect(Math.abs(ol[i])).toBeLessThan(1e-7);
      expect(or[i]).toBeCloseTo(Math.SQRT2 * l[i], 6);
    }
    const zero = new Float32Array(l.length);
    const [al, ar] = render({ rotation: -30 }, l, zero);
    for (let i = 0; i < l.length; i++) {
      expect(al[i]).toBeCloseTo(Math.cos(Math.PI / 6) * l[i], 6);
      expect(ar[i]).toBeCloseTo(-0.5 * l[i], 6);
    }
  });

  it('output +6 dB multiplies by 10^(6/20); -24 dB by 10^(-24/20)', () => {
    for (const dB of [6, -24]) {
      const g = Math.pow(10, dB / 20);
      const [ol, or] = render({ output: dB }, l, r);
      for (let i = 0; i < l.length; i++) {
        expect(ol[i]).toBe(Math.fround(l[i] * g));
        expect(or[i]).toBe(Math.fround(r[i] * g));
      }
    }
  });

  it('a polarity switch fades linearly over 20 ms (no click): DC 0.5 goes to -0.5 in 960 frames', () => {
    const { bank, kernel } = setup();
    const dc = new Float32Array(128).fill(0.5);
    renderOffline(kernel, bank, [dc, dc]);
    bank.setNow(imagerParams.index('invertL'), 1);
    const frames = 1280;
    const src = new Float32Array(frames).fill(0.5);
    const [ol, or] = renderOffline(kernel, bank, [src, src]);
    for (let t = 1; t <= frames; t++) {
      const expected = t >= 960 ? -0.5 : 0.5 * (1 - (2 * t) / 960);
      expect(ol[t - 1]).toBeCloseTo(expected, 6);
      expect(or[t - 1]).toBe(0.5);
    }
  });

  it('a width ramp is smooth: 100 -> 0 % over 20 ms on L-only DC moves R from 0 to 0.25 monotonically', () => {
    const { bank, kernel } = setup();
    const one = new Float32Array(128).fill(0.5), zero = new Float32Array(128);
    renderOffline(kernel, bank, [one, zero]);
    bank.setTarget(imagerParams.index('width'), 0);
    const frames = 2048;
    const [ol, or] = renderOffline(kernel, bank, [new Float32Array(frames).fill(0.5), new Float32Array(frames)]);
    for (let i = 1; i < frames; i++) {
      expect(or[i]).toBeGreaterThanOrEqual(or[i - 1]);
      expect(or[i] - or[i - 1]).toBeLessThan(0.25 / 960 + 1e-6);
    }
    expect(or[frames - 1]).toBe(0.25);
    expect(ol[frames - 1]).toBe(0.25);
  });
});

describe('imager: path switches crossfade and converge', () => {
  /** render with a parameter change at frame `at` (block aligned), continuing the same kernel */
  function renderWithChange(values: Record<string, number>, change: Record<string, number>, at: number, l: Float32Array, r: Float32Array): Float32Array[] {
    const { bank, kernel } = setup(values);
    const a = renderOffline(kernel, bank, [l.subarray(0, at), r.subarray(0, at)]);
    for (const [id, v] of Object.entries(change)) bank.setNow(imagerParams.index(id), v);
    const b = renderOffline(kernel, bank, [l.subarray(at), r.subarray(at)]);
    return [0, 1].map((c) => {
      const o = new Float32Array(l.length);
      o.set(a[c]);
      o.set(b[c], at);
      return o;
    });
  }
  function maxDiff(a: Float32Array, b: Float32Array, from: number): number {
    let d = 0;
    for (let i = from; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
    return d;
  }
  function maxStep(a: Float32Array, from: number, to: number): number {
    let d = 0;
    for (let i = from + 1; i < to; i++) d = Math.max(d, Math.abs(a[i] - a[i - 1]));
    return d;
  }
  // smooth programme: two sines per channel (100 Hz and 1 kHz), different on L and R
  const F = 48000;
  const l = new Float32Array(F), r = new Float32Array(F);
  for (let i = 0; i < F; i++) {
    l[i] = 0.3 * Math.sin((2 * Math.PI * 100 * i) / FS) + 0.2 * Math.sin((2 * Math.PI * 1000 * i) / FS);
    r[i] = 0.3 * Math.sin((2 * Math.PI * 100 * i) / FS + 1) - 0.2 * Math.sin((2 * Math.PI * 1000 * i) / FS + 0.5);
  }
  const steady = Math.max(maxStep(l, 0, F), maxStep(r, 0, F));

  it('bass mono switched on mid-stream: no step larger than the signal\'s own, then the same output as on from the start', () => {
    const at = 128 * 94; // ~0.25 s
    const [ol, or] = renderWithChange({}, { monoOn: 1, monoBelow: 150 }, at, l, r);
    const [rl, rr] = render({ monoOn: 1, monoBelow: 150 }, l, r);
    expect(maxStep(ol, at - 500, at + 2000)).toBeLessThan(1.2 * steady);
    expect(maxStep(or, at - 500, at + 2000)).toBeLessThan(1.2 * steady);
    expect(maxDiff(ol, rl, 24000)).toBeLessThan(1e-6);
    expect(maxDiff(or, rr, 24000)).toBeLessThan(1e-6);
  });

  it('band count 4 -> 2 with differing widths: fades out, rebuilds, fades in; then equals a 2-band kernel', () => {
    const values = { bands: 4, width1: 40, width2: 160, width3: 80, width4: 190 };
    const at = 128 * 94;
    const [ol, or] = renderWithChange(values, { bands: 2 }, at, l, r);
    const [rl, rr] = render({ ...values, bands: 2 }, l, r);
    expect(maxStep(ol, at - 500, at + 4000)).toBeLessThan(1.5 * steady);
    expect(maxStep(or, at - 500, at + 4000)).toBeLessThan(1.5 * steady);
    expect(maxDiff(ol, rl, 30000)).toBeLessThan(1e-6);
    expect(maxDiff(or, rr, 30000)).toBeLessThan(1e-6);
  });

  it('crossover sweep under differing band widths: no step larger than the settled outputs\' own (modulation-safe sections)', () => {
    // 3 bands 0/200/100 %: the 100 Hz and 1 kHz parts move between mono and double width as
    // xover1 sweeps 40 -> 500 Hz and xover2 300 -> 3000 Hz over 30 ms, back and forth
    const values = { bands: 3, width1: 0, width2: 200, width3: 100, xover1: 40, xover2: 300 };
    const { bank, kernel } = setup(values);
    const x1 = imagerParams.index('xover1'), x2 = imagerParams.index('xover2');
    const out: Float32Array[] = [new Float32Array(F), new Float32Array(F)];
    const blk = 128 * 30;
    for (let pos = 0, k = 0; pos < F; pos += blk, k++) {
      if (k >= 2 && k < 10) {
        bank.setTarget(x1, k % 2 ? 40 : 500);
        bank.setTarget(x2, k % 2 ? 300 : 3000);
      }
      const o = renderOffline(kernel, bank, [l.subarray(pos, pos + blk), r.subarray(pos, pos + blk)]);
      out[0].set(o[0], pos);
      out[1].set(o[1], pos);
    }
    // settled references: the same kernel state held at either end of the sweep
    const [al, ar] = render(values, l, r);
    const [bl, br] = render({ ...values, xover1: 500, xover2: 3000 }, l, r);
    const own = Math.max(maxStep(al, 4800, F), maxStep(ar, 4800, F), maxStep(bl, 4800, F), maxStep(br, 4800, F));
    const swept = Math.max(maxStep(out[0], 2 * blk, 10 * blk + 2000), maxStep(out[1], 2 * blk, 10 * blk + 2000));
    expect(swept).toBeLessThan(1.1 * own);
    // the sweep did change the output
    expect(maxDiff(out[0].subarray(0, 10 * blk), al.subarray(0, 10 * blk), 0)).toBeGreaterThan(0.05);
  });

  it('swap switched mid-stream crossfades over 20 ms and then is exact', () => {
    const at = 128 * 10;
    const [ol, or] = renderWithChange({}, { swap: 1 }, at, l, r);
    expect(maxStep(ol, at - 100, at + 1500)).toBeLessThan(1.2 * steady);
    expectIdentical(ol.subarray(at + 960), r.subarray(at + 960));
    expectIdentical(or.subarray(at + 960), l.subarray(at + 960));
  });
});

