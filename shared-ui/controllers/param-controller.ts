/**
 * Binds an element to one parameter of a ParamHost. The element exposes `host` and `param`
 * (its public properties); the controller follows them, subscribes to the host while the
 * element is connected, and re-renders the element when its parameter changes, whatever the
 * source (this GUI, another control, host automation, setState).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ParamHost } from '../param-host.js';
import {
  clampTo,
  formatValue,
  fromNormalized,
  parseValue,
  toNormalized,
  type ResolvedParam,
} from '../../shared-wam/params.js';

export interface ParamBound {
  host?: ParamHost;
  param?: string;
}

export class ParamController implements ReactiveController {
  private boundHost: ParamHost | undefined;
  private boundId: string | undefined;
  private unsubscribe: (() => void) | undefined;
  private gestures = 0;
  private connected = false;
  /** the resolved declaration, or undefined while unbound or the id is unknown */
  decl: ResolvedParam | undefined;

  constructor(private readonly el: ReactiveControllerHost & ParamBound) {
    el.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.bind();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unbind();
  }

  /** runs before each render: follow changes of the element's host/param properties */
  hostUpdate(): void {
    if (this.el.host !== this.boundHost || this.el.param !== this.boundId) this.bind();
  }

  private bind(): void {
    this.unbind();
    if (!this.connected) return;
    const host = this.el.host;
    const id = this.el.param;
    this.boundHost = host;
    this.boundId = id;
    this.decl = host && id && host.params.has(id) ? host.params.get(id) : undefined;
    if (!host || !this.decl) return;
    this.unsubscribe = host.subscribe(this.onChange);
  }

  private unbind(): void {
    this.endAll();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.boundHost = undefined;
    this.boundId = undefined;
    this.decl = undefined;
  }

  private readonly onChange = (id: string): void => {
    if (id === this.boundId) this.el.requestUpdate();
  };

  get ready(): boolean {
    return this.decl !== undefined;
  }

  get id(): string {
    return this.boundId ?? '';
  }

  get value(): number {
    if (!this.decl || !this.boundHost) return 0;
    return this.boundHost.getValue(this.decl.id);
  }

  /** the value for aria-valuenow: 10 significant digits, without float noise (12.000000000000014 -> 12) */
  get ariaValue(): number {
    return Number(this.value.toPrecision(10));
  }

  get normalized(): number {
    return this.decl ? toNormalized(this.decl, this.value) : 0;
  }

  /** the value with its unit, as formatValue writes it */
  get text(): string {
    return this.decl ? formatValue(this.decl, this.value) : '';
  }

  textOf(v: number): string {
    return this.decl ? formatValue(this.decl, v) : '';
  }

  get label(): string {
    return this.decl?.label ?? '';
  }

  /** move the parameter (clamped); no-op when unchanged */
  set(v: number): void {
    if (!this.decl || !this.boundHost) return;
    const c = clampTo(this.decl, v);
    if (c !== this.value) this.boundHost.setValue(this.decl.id, c);
  }

  setNormalized(n: number): void {
    if (this.decl) this.set(fromNormalized(this.decl, n));
  }

  /** a one-shot change (keyboard, click, typed value, reset) wrapped in its own gesture */
  commit(v: number): void {
    if (!this.decl) return;
    this.begin();
    this.set(v);
    this.end();
  }

  reset(): void {
    if (this.decl) this.commit(this.decl.default);
  }

  /** parse typed text with the declaration's parser and commit it; false if unreadable */
  commitText(text: string): boolean {
    if (!this.decl) return false;
    const v = parseValue(this.decl, text);
    if (Number.isNaN(v)) return false;
    this.commit(v);
    return true;
  }

  /** gestures nest; the host sees one begin/end pair per outermost gesture */
  begin(): void {
    if (!this.decl || !this.boundHost) return;
    if (this.gestures++ === 0) this.boundHost.beginGesture(this.decl.id);
  }

  end(): void {
    if (this.gestures === 0 || !this.decl || !this.boundHost) return;
    if (--this.gestures === 0) this.boundHost.endGesture(this.decl.id);
  }

  private endAll(): void {
    if (this.gestures > 0 && this.decl && this.boundHost) this.boundHost.endGesture(this.decl.id);
    this.gestures = 0;
  }
}
