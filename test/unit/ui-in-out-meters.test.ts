import { describe, expect, it } from 'vitest';
import { InOutMeters } from '../../shared-ui/controllers/in-out-meters.js';
import type { MeterListener, ParamHost } from '../../shared-ui/param-host.js';
import { fakeElement } from './helpers/fake-element.js';

type Meter = { frame?: ArrayLike<number> };

/** an editor with an In and an Out meter in its render root, and a host that sends meter frames */
function fakeEditor() {
  const meterListeners = new Set<MeterListener>();
  const meters: Record<string, Meter> = { '.in-meter': {}, '.out-meter': {}, '.a': {}, '.b': {} };
  const el = fakeElement({ querySelector: (sel: string) => meters[sel] ?? null } as unknown as ParentNode);
  el.host = {
    subscribeMeters(l: MeterListener) {
      meterListeners.add(l);
      return () => meterListeners.delete(l);
    },
  } as unknown as ParamHost;
  return {
    el,
    meters,
    meterListeners,
    connect: el.connect,
    disconnect: el.disconnect,
    send: (...v: number[]) => meterListeners.forEach((l) => l(Float32Array.from(v))),
  };
}

describe('InOutMeters', () => {
  it('routes the four dB peaks to the In and Out meters as [peak, average] per channel', () => {
    const e = fakeEditor();
    new InOutMeters(e.el, { unit: 'db', inL: 3, inR: 4, outL: 0, outR: 1 });
    e.connect();
    expect(e.meterListeners.size).toBe(1);
    e.send(-6, -12, 99, -1, -2);
    // the first frame has nothing to average with: the average is the peak
    expect(Array.from(e.meters['.in-meter'].frame!)).toEqual([-1, -1, -2, -2]);
    expect(Array.from(e.meters['.out-meter'].frame!)).toEqual([-6, -6, -12, -12]);
  });

  it('reads linear peaks with unit "linear", and other meters by selector', () => {
    const e = fakeEditor();
    new InOutMeters(e.el, { unit: 'linear', inL: 0, inR: 1, outL: 2, outR: 3, inSelector: '.a', outSelector: '.b' });
    e.connect();
    e.send(0.5, 0.25, 1, 0);
    expect(Array.from(e.meters['.a'].frame!)).toEqual([0.5, 0.5, 0.25, 0.25]);
    expect(Array.from(e.meters['.b'].frame!)).toEqual([1, 1, 0, 0]);
    expect(e.meters['.in-meter'].frame).toBeUndefined();
  });

  it('averages under the peak as a level rises, and starts afresh after a reconnect', async () => {
    const e = fakeEditor();
    new InOutMeters(e.el, { unit: 'db', inL: 0, inR: 1, outL: 2, outR: 3 });
    e.connect();
    e.send(-40, -40, -40, -40);
    await new Promise((r) => setTimeout(r, 30));
    e.send(0, 0, 0, 0);
    const f = e.meters['.in-meter'].frame!;
    expect(f[0]).toBe(0);
    // the power mean over ~300 ms has taken in only part of the new 0 dB frame
    expect(f[1]).toBeLessThan(-3);
    expect(f[1]).toBeGreaterThan(-40);
    e.disconnect();
    expect(e.meterListeners.size).toBe(0);
    e.connect();
    e.send(0, 0, 0, 0);
    expect(Array.from(e.meters['.in-meter'].frame!)).toEqual([0, 0, 0, 0]);
  });
});
