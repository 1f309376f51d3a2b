/**
 * One subscription on the element's `host` (a ParamHost) while the element is connected and
 * `enabled()`: made on connect, renewed when `host` changes (checked before each render),
 * ended on disconnect. MeterController and ParamWatchController are built on it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ParamHost } from '../param-host.js';

export class HostSubscription implements ReactiveController {
  private bound: ParamHost | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly el: ReactiveControllerHost & { host?: ParamHost },
    /** subscribe to this host; returns the unsubscribe function */
    private readonly subscribe: (host: ParamHost) => () => void,
    /** subscribe only while this returns true (checked on each update) */
    private readonly enabled: () => boolean = () => true,
  ) {
    el.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  private sync(): void {
    const host = this.connected && this.enabled() ? this.el.host : undefined;
    if (host === this.bound) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.bound = host;
    if (host) this.unsubscribe = this.subscribe(host);
  }
}
