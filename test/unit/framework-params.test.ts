import { describe, expect, it } from 'vitest';
import { ParamSet, fromNormalized, parseValue, toNormalized, wamDenormalize, wamNormalize, formatValue } from '../../shared-wam/params.js';
import { eqParams } from '../../plugins/eq/params.js';

const set = new ParamSet([
  { id: 'freq', label: 'Freq', type: 'float', min: 20, max: 20000, default: 1000, unit: 'Hz', skew: 'log' },
  { id: 'gain', label: 'Gain', type: 'float', min: -24, max: 24, default: 0, unit: 'dB' },
  { id: 'on', label: 'On', type: 'boolean', default: 1 },
  { id: 'mode', label: 'Mode', type: 'choice', choices: ['a', 'b', 'c'], default: 1 },
  { id: 'bands', label: 'Bands', type: 'int', min: 1, max: 4, default: 2 },
]);

describe('parameter declaration -> WamParameterInfo', () => {
  it('derives every field from the one declaration', () => {
    const info = set.wamInfo();
    expect(Object.keys(info)).toEqual(['freq', 'gain', 'on', 'mode', 'bands']);
    expect(info.gain).toEqual({
      id: 'gain', label: 'Gain', type: 'float', defaultValue: 0, minValue: -24, maxValue: 24,
      discreteStep: 0, exponent: 0, choices: [], units: 'dB',
    });
    expect(info.on).toMatchObject({ type: 'boolean', minValue: 0, maxValue: 1, discreteStep: 1, defaultValue: 1 });
    expect(info.mode).toMatchObject({ type: 'choice', minValue: 0, maxValue: 2, choices: ['a', 'b', 'c'], discreteStep: 1 });
    expect(info.bands).toMatchObject({ type: 'int', minValue: 1, maxValue: 4, discreteStep: 1 });
  });

  it('log skew puts the geometric mean at the middle of the WAM normalised range', () => {
    const p = set.get('freq');
    const mid = Math.sqrt(20 * 20000);
    expect(wamNormalize(p, mid)).toBeCloseTo(0.5, 9);
    expect(wamDenormalize(p, 0.5)).toBeCloseTo(mid, 6);
    // the SDK's own formula: n = x^(1.5^-e)
    const e = set.wamInfo().freq.exponent;
    const x = (mid - 20) / (20000 - 20);
    expect(Math.pow(x, Math.pow(1.5, -e))).toBeCloseTo(0.5, 9);
    expect(toNormalized(p, mid)).toBeCloseTo(0.5, 12);
    expect(fromNormalized(p, 1)).toBe(20000);
  });

  it('clamps out-of-range values and rounds discrete ones', () => {
    expect(set.clamp('gain', 99)).toBe(24);
    expect(set.clamp('gain', -99)).toBe(-24);
    expect(set.clamp('gain', NaN)).toBe(0);
    expect(set.clamp('mode', 1.7)).toBe(2);
    expect(set.clamp('bands', 9)).toBe(4);
  });

  it('rejects bad declarations', () => {
    expect(() => new ParamSet([{ id: 'x', label: 'x', type: 'float', min: 1, max: 1, default: 1 }])).toThrow(/min < max/);
    expect(() => new ParamSet([{ id: 'x', label: 'x', type: 'float', min: 0, max: 1, default: 2 }])).toThrow(/default/);
    expect(() => new ParamSet([{ id: 'x', label: 'x', type: 'float', min: 0, max: 1, default: 0, skew: 'log' }])).toThrow(/log/);
    const d = { id: 'x', label: 'x', type: 'float' as const, min: 0, max: 1, default: 0 };
    expect(() => new ParamSet([d, d])).toThrow(/duplicate/);
  });

  it('formats and parses values with units', () => {
    const f = set.get('freq');
    expect(formatValue(f, 2500)).toBe('2.50 kHz');
    expect(parseValue(f, '2.5k')).toBe(2500);
    expect(parseValue(f, '440 Hz')).toBe(440);
    expect(parseValue(f, '1e9')).toBe(20000);
    expect(parseValue(set.get('gain'), '-3 dB')).toBe(-3);
    expect(parseValue(set.get('mode'), 'C')).toBe(2);
    expect(Number.isNaN(parseValue(set.get('gain'), 'loud'))).toBe(true);
  });

  it('the EQ declaration has the ids and ranges of issue 3', () => {
    expect(eqParams.list.length).toBe(8 * 7 + 2);
    for (let n = 1; n <= 8; n++) {
      expect(eqParams.get(`b${n}_freq`)).toMatchObject({ min: 10, max: 30000 });
      expect(eqParams.get(`b${n}_gain`)).toMatchObject({ min: -30, max: 30, default: 0 });
      expect(eqParams.get(`b${n}_q`)).toMatchObject({ min: 0.1, max: 40 });
      expect(eqParams.get(`b${n}_on`).default).toBe(0);
      expect(eqParams.get(`b${n}_slope`).choices).toHaveLength(8);
      expect(eqParams.get(`b${n}_stereo`).choices).toEqual(['stereo', 'left', 'right', 'mid', 'side']);
    }
    expect(eqParams.get('output')).toMatchObject({ min: -24, max: 24 });
  });
});
