/**
 * Calls back when one of a list of parameters changes on the element's `host`, whatever the
 * source (this GUI, automation, setParameterValues, setState): for views and editors that
 * redraw or re-render on a few parameters. Subscribes while the element is connected and
 * follows a new `host` before the next render, as ParamController does for one parameter.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ParamHost, ParamListener } from '../param-host.js';

/** the parameter ids to watch, or a test on an id (e.g. every id of a band) */
export type ParamWatch = Iterable<string> | ((id: string) => boolean);

export class ParamWatchController implements ReactiveController {
  private boundHost: ParamHost | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;
  private readonly watched: (id: string) => boolean;

  constructor(
    private readonly el: ReactiveControllerHost & { host?: ParamHost },
    watch: ParamWatch,
    private readonly onChange: ParamListener,
    /** after subscribing to a host (connect, or a new host): read its current values here */
    private readonly onBind?: (host: ParamHost) => void,
  ) {
    if (typeof watch === 'function') {
      this.watched = watch;
    } else {
      const ids = new Set(watch);
      this.watched = (id) => ids.has(id);
    }
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

  /** runs before each render: a new host is followed in the same update */
  hostUpdate(): void {
    this.sync();
  }

  private sync(): void {
    const host = this.connected ? this.el.host : undefined;
    if (host === this.boundHost) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.boundHost = host;
    if (!host) return;
    this.unsubscribe = host.subscribe(this.listener);
    this.onBind?.(host);
  }

  private readonly listener: ParamListener = (id, value) => {
    if (this.watched(id)) this.onChange(id, value);
  };
}
