/**
 * Whether the element is on screen: an IntersectionObserver on the element while it is
 * connected (disconnected with it). `onChange` fires when `visible` flips. A hidden page
 * needs no listener: browsers stop requestAnimationFrame there by themselves.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class VisibilityController implements ReactiveController {
  private observer: IntersectionObserver | undefined;
  private intersecting = false;

  constructor(
    private readonly el: ReactiveControllerHost & Element,
    private readonly onChange: (visible: boolean) => void = () => {},
  ) {
    el.addController(this);
  }

  get visible(): boolean {
    return this.intersecting;
  }

  hostConnected(): void {
    if (typeof IntersectionObserver === 'undefined') {
      this.intersecting = true;
      this.onChange(this.visible);
      return;
    }
    this.observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (!last) return;
      const was = this.intersecting;
      this.intersecting = last.isIntersecting;
      if (was !== this.intersecting) this.onChange(this.visible);
    });
    this.observer.observe(this.el);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.intersecting) {
      this.intersecting = false;
      this.onChange(false);
    }
  }
}
