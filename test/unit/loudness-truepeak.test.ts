/**
 * True peak (ITU-R BS.1770-5 Annex 2) against the official EBU Tech 3341 true-peak files
 * (cases 15-23, 48 kHz 24-bit stereo), plus properties of the 4x interpolator and the
 * per-sample API, and the test WAV reader.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoudnessMeter } from '../../shared-dsp/loudness/loudness-meter.js';
import { TruePeakDetector, truePeakInterpolator } from '../../shared-dsp/loudness/true-peak.js';
import { testdataCandidates, testdataDir } from './helpers/testdata.js';
import { parseWav, readWavFile } from './helpers/wav.js';

/** the shared test data lives beside the checkout (helpers/testdata.ts says where it looks) */
const TP_DIR = testdataDir('ebu-tech3341-truepeak');

/** EBU Tech 3341 cases 15-23: expected true peak in dBTP, tolerance +0.2 / -0.4 dB */
const TP_CASES: [number, number][] = [
  [15, -6.0], [16, -6.0], [17, -6.0], [18, -6.0], [19, 3.0],
  [20, 0.0], [21, 0.0], [22, 0.0], [23, 0.0],
];

describe('EBU Tech 3341 true-peak cases 15-23 (official files)', () => {
  it('finds the test files', () => {
    if (!existsSync(TP_DIR)) {
      throw new Error(`EBU true-peak test files missing: looked in ${testdataCandidates().join(', ')} (shared/testdata beside the checkout, or VARNISH_TESTDATA)`);
    }
  });

  const readings: string[] = [];
  it.each(TP_CASES)('case %i -> %d dBTP (+0.2 / -0.4)', (id, expected) => {
    const file = path.join(TP_DIR, `tp${id}.wav`);
    if (!existsSync(file)) throw new Error(`missing EBU true-peak file ${file}`);
    const wav = readWavFile(file);
    expect(wav.sampleRate).toBe(48000);
    expect(wav.channels.length).toBe(2);
    const meter = new LoudnessMeter({ sampleRate: wav.sampleRate, channels: 2 });
    const B = 128;
    for (let n = 0; n < wav.frames; n += B) {
      const e = Math.min(wav.frames, n + B);
      meter.process([wav.channels[0].subarray(n, e), wav.channels[1].subarray(n, e)]);
    }
    const tp = meter.truePeak;
    readings.push(`tp${id}: ${tp.toFixed(3)} dBTP (expected ${expected.toFixed(1)})`);
    expect(tp).toBeLessThanOrEqual(expected + 0.2);
    expect(tp).toBeGreaterThanOrEqual(expected - 0.4);
  });

  it('report', () => {
    console.log(readings.join('\n'));
  });
});

describe('TruePeakDetector', () => {
  it('48 taps, symmetric: phase 3 = phase 0 reversed, phase 2 = phase 1 reversed, unit DC gain per phase', () => {
    const h = truePeakInterpolator();
    expect(h.length).toBe(48);
    const phase = (k: number) => Array.from({ length: 12 }, (_, j) => h[4 * j + k]);
    expect(phase(3)).toEqual(phase(0).reverse());
    expect(phase(2)).toEqual(phase(1).reverse());
    for (let k = 0; k < 4; k++) {
      expect(phase(k).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('a constant reads exactly its level once the 12-tap history is full', () => {
    const d = new TruePeakDetector();
    let y = 0;
    for (let i = 0; i < 12; i++) y = d.push(-0.5);
    expect(y).toBeCloseTo(0.5, 12);
  });

  it('an impulse at sample 0 peaks in the interpolated points reported DELAY-1 .. DELAY samples later', () => {
    // the interpolated impulse is the sinc; its largest points are at +-1/8 sample from the
    // impulse, reported by push(x[m]) for m - 5.875 = -1/8 .. m - 5.125 = +1/8, i.e. m = 5 and 6
    const d = new TruePeakDetector();
    const out: number[] = [];
    for (let m = 0; m < 16; m++) out.push(d.push(m === 0 ? 1 : 0));
    const best = out.indexOf(Math.max(...out));
    expect([TruePeakDetector.DELAY - 1, TruePeakDetector.DELAY]).toContain(best);
    expect(out[5]).toBeCloseTo(out[6], 12); // symmetric filter
    expect(TruePeakDetector.GROUP_DELAY).toBe(5.875);
    // past(k) is the input k samples back
    for (let m = 1; m <= 12; m++) d.push(m);
    expect([d.past(0), d.past(5), d.past(11)]).toEqual([12, 7, 1]);
  });

  it('finds an inter-sample peak: fs/4 sine at 45 deg, samples at 0.707 -> about 0 dBTP', () => {
    const d = new TruePeakDetector();
    const x = new Float32Array(4800);
    for (let n = 0; n < x.length; n++) x[n] = Math.sin((Math.PI / 2) * n + Math.PI / 4);
    const block = d.processBlock(x, 0, x.length);
    expect(block).toBe(d.peak);
    // points at 1/8 sample from the crest: cos(2 pi / 32) = 0.981 -> -0.17 dB; sample peak -3.01 dB
    expect(20 * Math.log10(d.peak)).toBeGreaterThan(-0.25);
    expect(20 * Math.log10(d.peak)).toBeLessThan(0.05);
  });

  it('push() and processBlock() agree, and reset clears the history and peak', () => {
    const a = new TruePeakDetector();
    const b = new TruePeakDetector();
    const x = new Float32Array(1000);
    for (let n = 0; n < x.length; n++) x[n] = Math.sin(0.9 * n) * Math.cos(0.013 * n);
    let mx = 0;
    for (let n = 0; n < x.length; n++) mx = Math.max(mx, a.push(x[n]), Math.abs(x[n]));
    b.processBlock(x, 0, 500);
    b.processBlock(x, 500, 1000);
    expect(b.peak).toBeCloseTo(mx, 12);
    b.reset();
    expect(b.peak).toBe(0);
    expect(b.push(0)).toBe(0);
  });
});

describe('test WAV reader', () => {
  /** build a WAV file in memory: PCM (format 1) or float (3), optionally WAVE_FORMAT_EXTENSIBLE */
  function build(format: 1 | 3, bits: number, frames: number[][], extensible = false): Uint8Array {
    const nch = frames[0].length;
    const bps = bits / 8;
    const fmtSize = extensible ? 40 : 16;
    const dataSize = frames.length * nch * bps;
    const buf = new ArrayBuffer(12 + 8 + fmtSize + 8 + dataSize + 10);
    const v = new DataView(buf);
    const str = (o: number, s: string) => { for (let i = 0; i < 4; i++) v.setUint8(o + i, s.charCodeAt(i)); };
    str(0, 'RIFF'); v.setUint32(4, buf.byteLength - 8, true); str(8, 'WAVE');
    // an unknown chunk of odd size first, to exercise chunk skipping and padding
    str(12, 'junk'); v.setUint32(16, 1, true);
    let o = 12 + 10;
    str(o, 'fmt '); v.setUint32(o + 4, fmtSize, true);
    v.setUint16(o + 8, extensible ? 0xfffe : format, true);
    v.setUint16(o + 10, nch, true);
    v.setUint32(o + 12, 44100, true);
    v.setUint32(o + 16, 44100 * nch * bps, true);
    v.setUint16(o + 20, nch * bps, true);
    v.setUint16(o + 22, bits, true);
    if (extensible) { v.setUint16(o + 24, 22, true); v.setUint16(o + 32, format, true); }
    o += 8 + fmtSize;
    str(o, 'data'); v.setUint32(o + 4, dataSize, true);
    o += 8;
    for (const f of frames) for (const s of f) {
      if (format === 3) v.setFloat32(o, s, true);
      else if (bits === 16) v.setInt16(o, Math.round(s * 32768), true);
      else if (bits === 24) { const i = Math.round(s * 8388608); v.setUint8(o, i & 255); v.setUint8(o + 1, (i >> 8) & 255); v.setInt8(o + 2, i >> 16); }
      else v.setInt32(o, Math.round(s * 2147483648), true);
      o += bps;
    }
    return new Uint8Array(buf, 0, o);
  }
  const frames = [[0, -1], [0.5, -0.25], [-0.75, 0.125]];

  it.each([[1, 16, false], [1, 24, false], [1, 32, false], [3, 32, false], [1, 24, true], [3, 32, true]] as const)(
    'format %i, %i bits (extensible %s) round-trips',
    (format, bits, ext) => {
      const w = parseWav(build(format, bits, frames, ext));
      expect(w.sampleRate).toBe(44100);
      expect(w.bitsPerSample).toBe(bits);
      expect(w.frames).toBe(3);
      expect(Array.from(w.channels[0])).toEqual([0, 0.5, -0.75]);
      expect(Array.from(w.channels[1])).toEqual([-1, -0.25, 0.125]);
    },
  );
});
