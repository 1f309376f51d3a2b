/**
 * Meter frames from the processor: subscribes to host.subscribeMeters while the element is
 * connected and has a host (the host only produces frames while someone listens), keeps the
 * latest frame and its arrival count. Elements read `frame` in their animation loop.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ParamHost } from '../param-host.js';

export class MeterController implements ReactiveController {
  private boundHost: ParamHost | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;
  /** the latest frame (the host's array; copy if it must outlive the callback) */
  frame: Float32Array | undefined;
  /** frames received since subscribing */
  count = 0;

  constructor(
    private readonly el: ReactiveControllerHost & { host?: ParamHost },
    private readonly onFrame?: (frame: Float32Array) => void,
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
    if (host === this.boundHost && (host === undefined) === (this.unsubscribe === undefined)) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.boundHost = host;
    this.frame = undefined;
    this.count = 0;
    if (host) this.unsubscribe = host.subscribeMeters(this.receive);
  }

  private readonly receive = (data: Float32Array): void => {
    this.frame = data;
    this.count++;
    this.onFrame?.(data);
  };
}
