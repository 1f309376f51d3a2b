import { describe, expect, it } from 'vitest';
import { ParamSet } from '../../shared-wam/params.js';
import { makeState, validateState, STATE_VERSION } from '../../shared-wam/state.js';

const set = new ParamSet([
  { id: 'gain', label: 'Gain', type: 'float', min: -24, max: 24, default: 0, unit: 'dB' },
  { id: 'on', label: 'On', type: 'boolean', default: 1 },
  { id: 'mode', label: 'Mode', type: 'choice', choices: ['a', 'b', 'c'], default: 1 },
]);
const ID = 'com.varnish.test';

describe('state', () => {
  it('round-trips through JSON', () => {
    const s = makeState(ID, { gain: -3.25, on: 0, mode: 2 });
    const back = validateState(set, ID, JSON.parse(JSON.stringify(s)));
    expect(back.values).toEqual({ gain: -3.25, on: 0, mode: 2 });
    expect(s).toEqual({ plugin: ID, version: STATE_VERSION, params: { gain: -3.25, on: 0, mode: 2 } });
  });

  it('clamps out-of-range values, fills missing ids with defaults, reports unknown ids', () => {
    const r = validateState(set, ID, { plugin: ID, version: 1, params: { gain: 100, extra: 5 } });
    expect(r.values).toEqual({ gain: 24, on: 1, mode: 1 });
    expect(r.unknown).toEqual(['extra']);
  });

  it.each([
    [null, /^state: expected an object/],
    ['x', /^state: expected an object/],
    [{ plugin: 'com.varnish.other', version: 1, params: {} }, /^state\.plugin: expected "com\.varnish\.test"/],
    [{ plugin: ID, version: 0, params: {} }, /^state\.version/],
    [{ plugin: ID, version: 99, params: {} }, /^state\.version: 99 is newer/],
    [{ plugin: ID, version: 1, params: [] }, /^state\.params: expected an object/],
    [{ plugin: ID, version: 1, params: { gain: 'loud' } }, /^state\.params\.gain: expected a finite number/],
    [{ plugin: ID, version: 1, params: { gain: NaN } }, /^state\.params\.gain/],
    [{ plugin: ID, version: 1, params: { mode: null } }, /^state\.params\.mode/],
  ])('rejects %j naming the bad field', (bad, message) => {
    expect(() => validateState(set, ID, bad)).toThrow(message);
  });

  it('prototype keys do no harm', () => {
    const evil = JSON.parse(`{"plugin":"${ID}","version":1,"params":{"__proto__":{"polluted":1},"gain":2}}`);
    const r = validateState(set, ID, evil);
    expect(r.values.gain).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.unknown).toEqual(['__proto__']);
  });
});
