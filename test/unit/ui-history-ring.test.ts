import { describe, expect, it } from 'vitest';
import { HistoryRing } from '../../shared-ui/logic/history-ring.js';

/** the held entries of one series, oldest first */
function held(r: HistoryRing, s = 0): number[] {
  return Array.from({ length: r.count }, (_, k) => r.series[s][r.at(k)]);
}

describe('HistoryRing', () => {
  it('holds entries oldest first until full', () => {
    const r = new HistoryRing(4);
    expect(r.count).toBe(0);
    r.push(1);
    r.push(2);
    r.push(3);
    expect(r.count).toBe(3);
    expect(held(r)).toEqual([1, 2, 3]);
  });

  it('drops the oldest entry once full, across the wrap', () => {
    const r = new HistoryRing(3);
    for (let v = 1; v <= 7; v++) r.push(v);
    expect(r.count).toBe(3);
    expect(held(r)).toEqual([5, 6, 7]);
  });

  it('keeps its series in step', () => {
    const r = new HistoryRing(3, 3);
    for (let v = 1; v <= 4; v++) r.push(v, -v, v * 10);
    expect(held(r, 0)).toEqual([2, 3, 4]);
    expect(held(r, 1)).toEqual([-2, -3, -4]);
    expect(held(r, 2)).toEqual([20, 30, 40]);
  });

  it('ignores values beyond its series, and has one to three series', () => {
    const r = new HistoryRing(2, 2);
    r.push(1, 2, 3);
    expect(r.series.length).toBe(2);
    expect(held(r, 1)).toEqual([2]);
    expect(new HistoryRing(2, 0).series.length).toBe(1);
    expect(new HistoryRing(2, 5).series.length).toBe(3);
  });

  it('has room for at least two entries, a whole number of them', () => {
    expect(new HistoryRing(0).capacity).toBe(2);
    expect(new HistoryRing(5.7).capacity).toBe(5);
    expect(new HistoryRing(180, 3).series[2].length).toBe(180);
  });

  it('clear() empties it and writing starts over', () => {
    const r = new HistoryRing(3);
    for (let v = 1; v <= 5; v++) r.push(v);
    r.clear();
    expect(r.count).toBe(0);
    r.push(9);
    expect(held(r)).toEqual([9]);
  });

  it('keeps Float32 values (NaN marks a gap)', () => {
    const r = new HistoryRing(2);
    r.push(0.1);
    r.push(NaN);
    expect(r.series[0][r.at(0)]).toBeCloseTo(0.1, 7);
    expect(Number.isNaN(r.series[0][r.at(1)])).toBe(true);
  });
});
