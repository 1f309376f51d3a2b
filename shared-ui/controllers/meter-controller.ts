/**
 * Meter frames from the processor: subscribes to host.subscribeMeters while the element is
 * connected and has a host (the host only produces frames while someone listens), keeps the
 * latest frame and its arrival count. Elements read `frame` in their animation loop.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ParamHost } from '../param-host.js';
import { HostSubscription } from './host-subscription.js';

export class MeterController {
  /** the latest frame (the host's array; copy if it must outlive the callback) */
  frame: Float32Array | undefined;
  /** frames received since subscribing */
  count = 0;

  constructor(
    el: ReactiveControllerHost & { host?: ParamHost },
    private readonly onFrame?: (frame: Float32Array) => void,
    /** subscribe only while this returns true (checked on each update) */
    enabled: () => boolean = () => true,
  ) {
    new HostSubscription(
      el,
      (host) => {
        const unsubscribe = host.subscribeMeters(this.receive);
        return () => {
          unsubscribe();
          this.frame = undefined;
          this.count = 0;
        };
      },
      enabled,
    );
  }

  private readonly receive = (data: Float32Array): void => {
    this.frame = data;
    this.count++;
    this.onFrame?.(data);
  };
}
