import { describe, expect, it } from 'vitest';
import { HostSubscription } from '../../shared-ui/controllers/host-subscription.js';
import { MeterController } from '../../shared-ui/controllers/meter-controller.js';
import type { MeterListener, ParamHost } from '../../shared-ui/param-host.js';
import { fakeElement } from './helpers/fake-element.js';

/** a host that counts its meter listeners and sends frames */
function fakeHost() {
  const listeners = new Set<MeterListener>();
  const host = {
    listeners,
    subscribeMeters(l: MeterListener) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    send: (...v: number[]) => listeners.forEach((l) => l(Float32Array.from(v))),
  };
  return host;
}
const asHost = (h: ReturnType<typeof fakeHost>) => h as unknown as ParamHost;

describe('HostSubscription', () => {
  it('subscribes while connected, renews on a new host, and ends on disconnect', () => {
    const el = fakeElement();
    const log: string[] = [];
    const a = { name: 'a' } as unknown as ParamHost;
    const b = { name: 'b' } as unknown as ParamHost;
    el.host = a;
    new HostSubscription(el, (h) => {
      const n = (h as unknown as { name: string }).name;
      log.push(`+${n}`);
      return () => log.push(`-${n}`);
    });
    el.update(); // not connected yet: nothing
    el.connect();
    el.update(); // same host: nothing
    el.host = b;
    el.update();
    el.disconnect();
    expect(log).toEqual(['+a', '-a', '+b', '-b']);
  });

  it('holds no subscription while enabled() is false', () => {
    const el = fakeElement();
    el.host = {} as ParamHost;
    let on = false;
    let live = 0;
    new HostSubscription(
      el,
      () => {
        live++;
        return () => live--;
      },
      () => on,
    );
    el.connect();
    expect(live).toBe(0);
    on = true;
    el.update();
    expect(live).toBe(1);
    on = false;
    el.update();
    expect(live).toBe(0);
  });
});

describe('MeterController', () => {
  it('keeps the latest frame and a count, both cleared when the subscription ends', () => {
    const el = fakeElement();
    const h = fakeHost();
    el.host = asHost(h);
    const seen: number[] = [];
    const m = new MeterController(el, (f) => seen.push(f[0]));
    el.connect();
    h.send(1);
    h.send(2);
    expect(m.count).toBe(2);
    expect(m.frame?.[0]).toBe(2);
    expect(seen).toEqual([1, 2]);
    el.disconnect();
    expect(h.listeners.size).toBe(0);
    expect(m.frame).toBeUndefined();
    expect(m.count).toBe(0);
  });
});
