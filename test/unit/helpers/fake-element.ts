/**
 * The parts of a Lit element that the kit's reactive controllers use, driven by hand, so a
 * controller's lifecycle can be tested in Node: connect(), update() (before a render),
 * disconnect(). `host` is the element's ParamHost property; `renderRoot` what it queries.
 */
import type { ReactiveController } from 'lit';
import type { ParamHost } from '../../../shared-ui/param-host.js';

export function fakeElement(renderRoot: ParentNode = { querySelector: () => null } as unknown as ParentNode) {
  const controllers: ReactiveController[] = [];
  return {
    host: undefined as ParamHost | undefined,
    renderRoot,
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
    connect: () => controllers.forEach((c) => c.hostConnected?.()),
    update: () => controllers.forEach((c) => c.hostUpdate?.()),
    disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()),
  };
}
