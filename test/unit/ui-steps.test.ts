import { describe, expect, it } from 'vitest';
import { ParamSet, toNormalized } from '../../shared-wam/params.js';
import {
  DragAccumulator,
  FINE_FACTOR,
  WheelAccumulator,
  dragPixelsFor,
  stepValue,
  valueForKey,
  wheelNotches,
} from '../../shared-ui/logic/steps.js';

const set = new ParamSet([
  { id: 'freq', label: 'Freq', type: 'float', min: 20, max: 20000, default: 1000, unit: 'Hz', skew: 'log' },
  { id: 'gain', label: 'Gain', type: 'float', min: -24, max: 24, default: 0, unit: 'dB' },
  { id: 'on', label: 'On', type: 'boolean', default: 0 },
  { id: 'mode', label: 'Mode', type: 'choice', choices: ['a', 'b', 'c', 'd'], default: 1 },
  { id: 'count', label: 'Count', type: 'int', min: 0, max: 100, default: 10 },
]);
const freq = set.get('freq');
const gain = set.get('gain');
const on = set.get('on');
const mode = set.get('mode');
const count = set.get('count');

describe('keyboard steps (APG slider keys)', () => {
  it('arrows move a linear float by 1 % of its range, Shift by 0.1 %', () => {
    expect(valueForKey(gain, 0, { key: 'ArrowUp' })).toBeCloseTo(0.48, 12);
    expect(valueForKey(gain, 0, { key: 'ArrowRight' })).toBeCloseTo(0.48, 12);
    expect(valueForKey(gain, 0, { key: 'ArrowDown' })).toBeCloseTo(-0.48, 12);
    expect(valueForKey(gain, 0, { key: 'ArrowLeft', shiftKey: true })).toBeCloseTo(-0.048, 12);
  });

  it('PageUp/PageDown move 10 % of the range', () => {
    expect(valueForKey(gain, 0, { key: 'PageUp' })).toBeCloseTo(4.8, 12);
    expect(valueForKey(gain, 0, { key: 'PageDown' })).toBeCloseTo(-4.8, 12);
  });

  it('a log float steps by a constant ratio: 1 % of 3 decades = 10^0.03', () => {
    const up = valueForKey(freq, 1000, { key: 'ArrowUp' })!;
    expect(up / 1000).toBeCloseTo(Math.pow(10, 0.03), 10);
    const up2 = valueForKey(freq, 100, { key: 'ArrowUp' })!;
    expect(up2 / 100).toBeCloseTo(Math.pow(10, 0.03), 10);
    // ten PageUps from 20 Hz is the top: 10 * 10 % = the full range
    let f = 20;
    for (let i = 0; i < 10; i++) f = valueForKey(freq, f, { key: 'PageUp' })!;
    expect(f).toBeCloseTo(20000, 6);
  });

  it('Home/End go to min/max; other keys are not steps', () => {
    expect(valueForKey(freq, 1000, { key: 'Home' })).toBe(20);
    expect(valueForKey(freq, 1000, { key: 'End' })).toBe(20000);
    expect(valueForKey(freq, 1000, { key: 'a' })).toBeNull();
    expect(valueForKey(freq, 1000, { key: 'Enter' })).toBeNull();
  });

  it('clamps at the ends', () => {
    expect(valueForKey(gain, 24, { key: 'ArrowUp' })).toBe(24);
    expect(valueForKey(gain, -24, { key: 'PageDown' })).toBe(-24);
  });

  it('discrete parameters step by whole units; large = a tenth of the range, at least 1', () => {
    expect(valueForKey(mode, 1, { key: 'ArrowUp' })).toBe(2);
    expect(valueForKey(mode, 1, { key: 'ArrowUp', shiftKey: true })).toBe(2);
    expect(valueForKey(mode, 3, { key: 'ArrowUp' })).toBe(3);
    expect(valueForKey(mode, 1, { key: 'PageUp' })).toBe(2);
    expect(valueForKey(on, 0, { key: 'ArrowUp' })).toBe(1);
    expect(valueForKey(on, 1, { key: 'ArrowDown' })).toBe(0);
    expect(valueForKey(count, 10, { key: 'PageUp' })).toBe(20);
    expect(valueForKey(count, 10, { key: 'ArrowDown' })).toBe(9);
  });

  it('stepValue takes fractional counts for floats (wheel deltas)', () => {
    expect(stepValue(gain, 0, 0.5)).toBeCloseTo(0.24, 12);
    expect(stepValue(gain, 0, -2, 'small', true)).toBeCloseTo(-0.096, 12);
  });
});

describe('wheel', () => {
  it('counts notches in the three delta modes, up positive; Shift+wheel deltaX stands in', () => {
    expect(wheelNotches({ deltaX: 0, deltaY: -100, deltaMode: 0 })).toBe(1);
    expect(wheelNotches({ deltaX: 0, deltaY: 6, deltaMode: 1 })).toBe(-2);
    expect(wheelNotches({ deltaX: 0, deltaY: 1, deltaMode: 2 })).toBe(-1);
    expect(wheelNotches({ deltaX: -100, deltaY: 0, deltaMode: 0, shiftKey: true })).toBe(1);
  });

  it('one notch is one small step; Shift is fine', () => {
    const w = new WheelAccumulator();
    expect(w.apply(gain, 0, { deltaX: 0, deltaY: -100, deltaMode: 0 })).toBeCloseTo(0.48, 12);
    expect(w.apply(gain, 0, { deltaX: 0, deltaY: -100, deltaMode: 0, shiftKey: true })).toBeCloseTo(0.048, 12);
  });

  it('accumulates touchpad deltas into whole steps for discrete parameters', () => {
    const w = new WheelAccumulator();
    let v = 1;
    v = w.apply(mode, v, { deltaX: 0, deltaY: -40, deltaMode: 0 });
    expect(v).toBe(1);
    v = w.apply(mode, v, { deltaX: 0, deltaY: -40, deltaMode: 0 });
    expect(v).toBe(1);
    v = w.apply(mode, v, { deltaX: 0, deltaY: -40, deltaMode: 0 }); // 1.2 notches
    expect(v).toBe(2);
    v = w.apply(mode, v, { deltaX: 0, deltaY: 120, deltaMode: 0 }); // back 1.2: 0.2 - 1.2 = -1
    expect(v).toBe(1);
  });
});

describe('drag', () => {
  it('full travel covers the range; up is more; clamps so reversing answers at once', () => {
    const d = new DragAccumulator();
    d.start(toNormalized(gain, 0));
    expect(d.move(0, -100, 200, false)).toBeCloseTo(1, 12);
    expect(d.move(0, -50, 200, false)).toBe(1);
    expect(d.move(0, 20, 200, false)).toBeCloseTo(0.9, 12);
  });

  it('Shift makes the same travel move FINE_FACTOR as far', () => {
    const d = new DragAccumulator();
    d.start(0.5);
    expect(d.move(0, -40, 200, true) - 0.5).toBeCloseTo(0.2 * FINE_FACTOR, 12);
  });

  it('horizontal drags use dx, right = more', () => {
    const d = new DragAccumulator();
    d.start(0.5);
    expect(d.move(20, 300, 200, false, 'horizontal')).toBeCloseTo(0.6, 12);
  });

  it('discrete parameters get at least 24 px per unit', () => {
    expect(dragPixelsFor(gain)).toBe(200);
    expect(dragPixelsFor(mode)).toBe(100);
    expect(dragPixelsFor(count)).toBe(2400);
  });
});
