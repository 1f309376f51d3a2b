import { describe, expect, it } from 'vitest';
import {
  binFrequency,
  dbGrid,
  dbToY,
  formatFreqLabel,
  freqGrid,
  freqToX,
  logSpacedFrequencies,
  niceDbStep,
  xToFreq,
  yToDb,
} from '../../shared-ui/logic/axes.js';
import { angleFor, arcOrigin, arcPath, polar } from '../../shared-ui/logic/knob-geometry.js';
import { ParamSet } from '../../shared-wam/params.js';

describe('log-frequency axis', () => {
  it('puts 20 Hz at 0, 20 kHz at the width and each decade a third of it', () => {
    expect(freqToX(20, 900)).toBeCloseTo(0, 12);
    expect(freqToX(200, 900)).toBeCloseTo(300, 9);
    expect(freqToX(2000, 900)).toBeCloseTo(600, 9);
    expect(freqToX(20000, 900)).toBeCloseTo(900, 9);
    // the geometric mean of the band is the middle
    expect(freqToX(Math.sqrt(20 * 20000), 900)).toBeCloseTo(450, 9);
  });

  it('xToFreq inverts freqToX', () => {
    for (const f of [20, 31.5, 440, 1000, 12345, 20000]) expect(xToFreq(freqToX(f, 777), 777)).toBeCloseTo(f, 8);
  });

  it('grid: 1-9 x 10^n inside the band, 1/2/5 labelled', () => {
    const g = freqGrid();
    expect(g[0].value).toBe(20);
    expect(g[g.length - 1].value).toBe(20000);
    expect(g.length).toBe(8 + 9 + 9 + 2); // 20..90, 100..900, 1k..9k, 10k, 20k
    expect(g.filter((l) => l.major).map((l) => l.label)).toEqual(['20', '50', '100', '200', '500', '1k', '2k', '5k', '10k', '20k']);
    expect(formatFreqLabel(2500)).toBe('2.5k');
  });

  it('samples frequencies evenly in x', () => {
    const f = logSpacedFrequencies(4);
    expect(f[0]).toBeCloseTo(20, 9);
    expect(f[1]).toBeCloseTo(200, 9);
    expect(f[2]).toBeCloseTo(2000, 9);
    expect(f[3]).toBeCloseTo(20000, 6);
  });

  it('bin k of an N-point FFT is at k fs / N', () => {
    expect(binFrequency(1, 4096, 48000)).toBeCloseTo(11.71875, 12);
    expect(binFrequency(2048, 4096, 48000)).toBe(24000);
  });
});

describe('dB axis', () => {
  const a = { dbMin: -24, dbMax: 24 };
  it('top is dbMax, bottom dbMin, 0 dB in the middle', () => {
    expect(dbToY(24, 200, a)).toBe(0);
    expect(dbToY(-24, 200, a)).toBe(200);
    expect(dbToY(0, 200, a)).toBe(100);
    expect(yToDb(50, 200, a)).toBe(12);
  });

  it('grid lines on multiples of the step, 0 dB major and signed labels', () => {
    const g = dbGrid(a, 6);
    expect(g.map((l) => l.value)).toEqual([-24, -18, -12, -6, 0, 6, 12, 18, 24]);
    expect(g.find((l) => l.value === 0)!.major).toBe(true);
    expect(g.find((l) => l.value === 12)!.label).toBe('+12');
    expect(g.find((l) => l.value === 6)!.major).toBe(false);
    expect(niceDbStep(a)).toBe(6);
    expect(niceDbStep({ dbMin: -6, dbMax: 6 })).toBe(2);
  });
});

describe('knob geometry', () => {
  const set = new ParamSet([
    { id: 'g', label: 'G', type: 'float', min: -12, max: 24, default: 0 },
    { id: 'f', label: 'F', type: 'float', min: 20, max: 20000, default: 1000, skew: 'log' },
  ]);
  it('sweeps 270 degrees from 7:30 to 4:30', () => {
    expect(angleFor(0)).toBe(-135);
    expect(angleFor(0.5)).toBe(0);
    expect(angleFor(1)).toBe(135);
    expect(angleFor(2)).toBe(135);
    const [x, y] = polar(50, 50, 10, 90);
    expect(x).toBeCloseTo(60, 12);
    expect(y).toBeCloseTo(50, 12);
  });

  it('arcs take the large-arc flag beyond 180 degrees', () => {
    expect(arcPath(50, 50, 40, -135, 135)).toMatch(/ A 40 40 0 1 1 /);
    expect(arcPath(50, 50, 40, 0, 90)).toBe('M 50 10 A 40 40 0 0 1 90 50');
    expect(arcPath(50, 50, 40, 10, 10)).toBe('');
  });

  it('bipolar ranges draw the value arc from 0', () => {
    expect(arcOrigin(set.get('g'))).toBeCloseTo(12 / 36, 12);
    expect(arcOrigin(set.get('f'))).toBe(0);
  });
});
