import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BALLISTICS,
  MeterBallistics,
  SILENCE_DB,
  ampToDb,
  dbToAmp,
  dbToMeter,
  meterTicks,
  meterToDb,
  reductionDb,
} from '../../shared-ui/logic/meter-scale.js';

describe('levels', () => {
  it('amplitude to dBFS: 20 log10 |a|', () => {
    expect(ampToDb(1)).toBe(0);
    expect(ampToDb(-0.5)).toBeCloseTo(-6.0206, 4);
    expect(ampToDb(0.1)).toBeCloseTo(-20, 12);
    expect(ampToDb(0)).toBe(SILENCE_DB);
    expect(ampToDb(NaN)).toBe(SILENCE_DB);
    expect(dbToAmp(-20)).toBeCloseTo(0.1, 12);
  });

  it('maps dB linearly onto the bar between the ends of the scale, clamped', () => {
    const r = { min: -60, max: 0 };
    expect(dbToMeter(-60, r)).toBe(0);
    expect(dbToMeter(-30, r)).toBeCloseTo(0.5, 12);
    expect(dbToMeter(0, r)).toBe(1);
    expect(dbToMeter(6, r)).toBe(1);
    expect(dbToMeter(-200, r)).toBe(0);
    expect(dbToMeter(NaN, r)).toBe(0);
    expect(meterToDb(0.25, r)).toBe(-45);
    // the default scale: -60..+6, so 0 dBFS sits at 60/66
    expect(dbToMeter(0)).toBeCloseTo(60 / 66, 12);
  });

  it('ticks every step from the top', () => {
    expect(meterTicks({ min: -60, max: 6 }, 12)).toEqual([0, -12, -24, -36, -48, -60]);
    expect(meterTicks({ min: -24, max: 0 }, 6)).toEqual([0, -6, -12, -18, -24]);
  });
});

describe('ballistics', () => {
  it('rises at once and falls 20 dB in 1.7 s', () => {
    const m = new MeterBallistics();
    m.update(-6, -9, 0.016);
    expect(m.peak).toBe(-6);
    expect(m.rms).toBe(-9);
    // 1.7 s of silence in 100 steps: exactly 20 dB lower
    for (let i = 0; i < 100; i++) m.update(SILENCE_DB, SILENCE_DB, 0.017);
    expect(m.peak).toBeCloseTo(-26, 9);
    expect(DEFAULT_BALLISTICS.fallDbPerSecond).toBeCloseTo(20 / 1.7, 12);
  });

  it('holds the highest peak for holdSeconds, then lets it fall', () => {
    const m = new MeterBallistics();
    m.update(-3, -10, 0.01);
    let t = 0;
    while (t < 1.49) {
      m.update(-40, -40, 0.01);
      t += 0.01;
    }
    expect(m.hold).toBe(-3);
    for (let i = 0; i < 20; i++) m.update(-40, -40, 0.01);
    expect(m.hold).toBeLessThan(-3);
    expect(m.hold).toBeGreaterThan(-3 - 0.2 * (20 / 1.7) - 1e-9);
    // a new higher peak restarts the hold
    m.update(-1, -10, 0.01);
    expect(m.hold).toBe(-1);
  });

  it('latches clip at 0 dBFS until cleared', () => {
    const m = new MeterBallistics();
    m.update(-0.1, -10, 0.01);
    expect(m.clipped).toBe(false);
    m.update(0, -10, 0.01);
    m.update(-30, -30, 0.01);
    expect(m.clipped).toBe(true);
    m.resetClip();
    expect(m.clipped).toBe(false);
  });
});

describe('gain reduction', () => {
  it('reads gain change in dB, positive reduction and linear gain', () => {
    expect(reductionDb(-6, 'db')).toBe(6);
    expect(reductionDb(2, 'db')).toBe(0);
    expect(reductionDb(4.5, 'reduction')).toBe(4.5);
    expect(reductionDb(0.5, 'gain')).toBeCloseTo(6.0206, 4);
    expect(reductionDb(1, 'gain')).toBe(0);
    expect(reductionDb(NaN, 'db')).toBe(0);
  });
});
