import { describe, expect, it } from 'vitest';
import { ParamWatchController } from '../../shared-ui/controllers/param-watch-controller.js';
import type { ParamHost, ParamListener } from '../../shared-ui/param-host.js';
import { fakeElement } from './helpers/fake-element.js';

/** a host that only counts its listeners and sends changes */
function fakeHost(values: Record<string, number> = {}) {
  const listeners = new Set<ParamListener>();
  return {
    listeners,
    getValue: (id: string) => values[id] ?? 0,
    subscribe(l: ParamListener) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    send(id: string, v: number) {
      for (const l of [...listeners]) l(id, v);
    },
  };
}
type Fake = ReturnType<typeof fakeHost>;

const asHost = (h: Fake) => h as unknown as ParamHost;

describe('ParamWatchController', () => {
  it('calls back for the listed ids only, with the value', () => {
    const el = fakeElement();
    const h = fakeHost();
    el.host = asHost(h);
    const seen: Array<[string, number]> = [];
    new ParamWatchController(el, ['threshold', 'knee'], (id, v) => seen.push([id, v]));
    el.connect();
    h.send('threshold', -20);
    h.send('ratio', 4);
    h.send('knee', 6);
    expect(seen).toEqual([
      ['threshold', -20],
      ['knee', 6],
    ]);
  });

  it('takes a test on the id instead of a list', () => {
    const el = fakeElement();
    const h = fakeHost();
    el.host = asHost(h);
    const seen: string[] = [];
    new ParamWatchController(el, (id) => id.startsWith('b1_'), (id) => seen.push(id));
    el.connect();
    h.send('b1_gain', 1);
    h.send('b2_gain', 1);
    expect(seen).toEqual(['b1_gain']);
  });

  it('subscribes only while connected', () => {
    const el = fakeElement();
    const h = fakeHost();
    el.host = asHost(h);
    let calls = 0;
    new ParamWatchController(el, ['x'], () => calls++);
    expect(h.listeners.size).toBe(0);
    el.connect();
    expect(h.listeners.size).toBe(1);
    el.disconnect();
    expect(h.listeners.size).toBe(0);
    h.send('x', 1);
    expect(calls).toBe(0);
    el.connect();
    h.send('x', 1);
    expect(calls).toBe(1);
  });

  it('follows a new host at the next update, once', () => {
    const el = fakeElement();
    const a = fakeHost();
    const b = fakeHost();
    el.host = asHost(a);
    const seen: string[] = [];
    new ParamWatchController(el, ['x'], (id, v) => seen.push(`${id}=${v}`));
    el.connect();
    el.host = asHost(b);
    el.update();
    el.update();
    expect(a.listeners.size).toBe(0);
    expect(b.listeners.size).toBe(1);
    a.send('x', 1);
    b.send('x', 2);
    expect(seen).toEqual(['x=2']);
    el.host = undefined;
    el.update();
    expect(b.listeners.size).toBe(0);
  });

  it('onBind reads the host on connect and on each new host', () => {
    const el = fakeElement();
    const a = fakeHost({ bands: 3 });
    const b = fakeHost({ bands: 2 });
    el.host = asHost(a);
    const read: number[] = [];
    new ParamWatchController(el, ['bands'], () => {}, (host) => read.push(host.getValue('bands')));
    el.connect();
    el.update();
    el.host = asHost(b);
    el.update();
    el.disconnect();
    el.connect();
    expect(read).toEqual([3, 2, 2]);
  });
});
