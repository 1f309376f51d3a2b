/**
 * Calls back when one of a list of parameters changes on the element's `host`, whatever the
 * source (this GUI, automation, setParameterValues, setState): for views and editors that
 * redraw or re-render on a few parameters. Subscribes while the element is connected and
 * follows a new `host` before the next render, as ParamController does for one parameter.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ParamHost, ParamListener } from '../param-host.js';
import { HostSubscription } from './host-subscription.js';

/** the parameter ids to watch, or a test on an id (e.g. every id of a band) */
export type ParamWatch = Iterable<string> | ((id: string) => boolean);

export class ParamWatchController {
  private readonly watched: (id: string) => boolean;

  constructor(
    el: ReactiveControllerHost & { host?: ParamHost },
    watch: ParamWatch,
    private readonly onChange: ParamListener,
    /** after subscribing to a host (connect, or a new host): read its current values here */
    onBind?: (host: ParamHost) => void,
  ) {
    if (typeof watch === 'function') {
      this.watched = watch;
    } else {
      const ids = new Set(watch);
      this.watched = (id) => ids.has(id);
    }
    new HostSubscription(el, (host) => {
      const unsubscribe = host.subscribe(this.listener);
      onBind?.(host);
      return unsubscribe;
    });
  }

  private readonly listener: ParamListener = (id, value) => {
    if (this.watched(id)) this.onChange(id, value);
  };
}
