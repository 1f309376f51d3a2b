/**
 * Undo/redo for a plugin GUI: records the parameter changes the user makes in that GUI into the
 * host's UndoHistory (logic/undo-history.ts, one per host), and answers Ctrl/Cmd+Z (undo),
 * Shift+Ctrl/Cmd+Z and Ctrl+Y (redo).
 *
 * Grouping follows the user's gestures as the GUI root sees them: a press (pointerdown to
 * pointerup) is one step; a key press, click, double-click or wheel event is one step, and a
 * held arrow key or a wheel burst on one parameter merges into one. Changes that arrive while
 * the user is not acting on this GUI (automation, the host, another view) are not recorded.
 * Events inside `ownElement` (the preset bar) are not gestures: the bar records its own
 * actions as whole steps through `applyRecorded`.
 *
 * Listeners live on the GUI root only (the shadow host around `ownElement`, or `root()`), and
 * are removed on disconnect. A root without a tabindex gets tabindex="-1", so that a click
 * anywhere in the GUI gives it the keyboard.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ParamHost } from '../param-host.js';
import type { UndoHistory } from '../logic/undo-history.js';
import { currentValues, sessionFor } from '../logic/preset-session.js';

export interface UndoBound {
  host?: ParamHost;
}

export interface UndoControllerOptions {
  /** the element whose subtree is the GUI (default: the shadow host around the element) */
  root?: () => HTMLElement | undefined;
}

const TEXT_INPUT = /^(INPUT|TEXTAREA|SELECT)$/;

/** which shortcut a key event is: 'undo', 'redo' or undefined */
export function undoShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && e.ctrlKey && !e.shiftKey) return 'redo';
  return undefined;
}

export class UndoController implements ReactiveController {
  private boundHost: ParamHost | undefined;
  private unsubscribe: (() => void) | undefined;
  private mirror: Record<string, number> = {};
  private root: HTMLElement | undefined;
  private addedTabIndex = false;
  private connected = false;
  private applying = 0;
  private groupOpen = false;
  private pointerHeld = false;
  private pulseTimer: ReturnType<typeof setTimeout> | undefined;
  private historyUnsub: (() => void) | undefined;

  constructor(
    private readonly el: ReactiveControllerHost & HTMLElement & UndoBound,
    private readonly options: UndoControllerOptions = {},
  ) {
    el.addController(this);
  }

  get history(): UndoHistory | undefined {
    return this.boundHost ? sessionFor(this.boundHost).history : undefined;
  }

  hostConnected(): void {
    this.connected = true;
    this.bind();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unbind();
  }

  hostUpdate(): void {
    if (this.el.host !== this.boundHost) this.bind();
  }

  private bind(): void {
    this.unbind();
    if (!this.connected || !this.el.host) return;
    const host = (this.boundHost = this.el.host);
    this.mirror = currentValues(host);
    this.unsubscribe = host.subscribe(this.onParam);
    this.historyUnsub = sessionFor(host).history.subscribe(() => this.el.requestUpdate());
    const rootNode = this.el.getRootNode();
    const root = this.options.root?.() ?? (rootNode instanceof ShadowRoot ? (rootNode.host as HTMLElement) : this.el);
    this.root = root;
    root.addEventListener('pointerdown', this.onPointerDown, true);
    root.addEventListener('pointerup', this.onPointerUp, true);
    root.addEventListener('pointercancel', this.onPointerUp, true);
    root.addEventListener('keydown', this.onKeyDown, true);
    root.addEventListener('wheel', this.onWheel, { capture: true, passive: true });
    for (const t of ['click', 'dblclick', 'change'] as const) root.addEventListener(t, this.onOneShot, true);
    if (!root.hasAttribute('tabindex')) {
      root.setAttribute('tabindex', '-1');
      this.addedTabIndex = true;
    }
  }

  private unbind(): void {
    this.closeGroup();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.historyUnsub?.();
    this.historyUnsub = undefined;
    this.boundHost = undefined;
    const root = this.root;
    if (!root) return;
    root.removeEventListener('pointerdown', this.onPointerDown, true);
    root.removeEventListener('pointerup', this.onPointerUp, true);
    root.removeEventListener('pointercancel', this.onPointerUp, true);
    root.removeEventListener('keydown', this.onKeyDown, true);
    root.removeEventListener('wheel', this.onWheel, { capture: true });
    for (const t of ['click', 'dblclick', 'change'] as const) root.removeEventListener(t, this.onOneShot, true);
    if (this.addedTabIndex) root.removeAttribute('tabindex');
    this.addedTabIndex = false;
    this.root = undefined;
  }

  // ---- recording ---------------------------------------------------------------------------

  private readonly onParam = (id: string, value: number): void => {
    const before = this.mirror[id];
    this.mirror[id] = value;
    if (this.applying === 0 && this.groupOpen && before !== undefined) this.history?.record(id, before, value);
  };

  private fromOwn(e: Event): boolean {
    return e.composedPath().includes(this.el);
  }

  private openGroup(mergeKey?: string): void {
    if (this.groupOpen) return;
    this.groupOpen = true;
    this.history?.begin('', mergeKey);
  }

  private closeGroup(): void {
    if (this.pulseTimer !== undefined) clearTimeout(this.pulseTimer);
    this.pulseTimer = undefined;
    this.pointerHeld = false;
    if (!this.groupOpen) return;
    this.groupOpen = false;
    const h = this.history;
    if (h?.isOpen) h.end();
  }

  /** a one-shot gesture: open until the current event (and its default actions) is handled */
  private pulse(mergeKey?: string): void {
    this.openGroup(mergeKey);
    if (this.pulseTimer !== undefined) clearTimeout(this.pulseTimer);
    this.pulseTimer = setTimeout(() => {
      this.pulseTimer = undefined;
      if (!this.pointerHeld) this.closeGroup();
    }, 0);
  }

  private readonly onPointerDown = (e: PointerEvent): void => {
    if (this.fromOwn(e)) return;
    this.closeGroup();
    this.pointerHeld = true;
    this.openGroup();
  };

  private readonly onPointerUp = (): void => {
    if (!this.pointerHeld) return;
    this.pointerHeld = false;
    this.pulse(); // click / dblclick of this press still belong to it
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    const shortcut = undoShortcut(e);
    if (shortcut) {
      const target = e.composedPath()[0] as HTMLElement | undefined;
      if (target && (TEXT_INPUT.test(target.tagName) || target.isContentEditable)) return; // the field's own undo
      e.preventDefault();
      e.stopPropagation();
      void (shortcut === 'undo' ? this.undo() : this.redo());
      return;
    }
    if (this.fromOwn(e)) return;
    if (this.groupOpen && this.pointerHeld) return;
    const repeatable = e.key.startsWith('Arrow') || e.key === 'PageUp' || e.key === 'PageDown';
    if (this.groupOpen) this.closeGroup();
    this.pulse(repeatable ? 'key' : undefined);
  };

  private readonly onWheel = (e: WheelEvent): void => {
    if (this.fromOwn(e) || e.ctrlKey || this.pointerHeld) return;
    this.pulse('wheel');
  };

  private readonly onOneShot = (e: Event): void => {
    if (this.fromOwn(e)) return;
    this.pulse();
  };

  // ---- applying ----------------------------------------------------------------------------

  /** set a complete value record through the host without recording it */
  private async apply(values: Record<string, number>): Promise<void> {
    const host = this.boundHost;
    if (!host) return;
    this.applying++;
    try {
      await host.applyValues(values);
    } finally {
      this.applying--;
    }
  }

  /**
   * Apply a complete, validated value record as one undoable step (a preset load, an A/B
   * switch). Resolves once the host has it.
   */
  async applyRecorded(label: string, values: Record<string, number>): Promise<void> {
    const host = this.boundHost;
    if (!host) return;
    this.closeGroup();
    const before = { ...this.mirror };
    await this.apply(values);
    const after = currentValues(host);
    const changes = host.params.list.filter((p) => before[p.id] !== after[p.id]).map((p) => ({ id: p.id, before: before[p.id], after: after[p.id] }));
    this.history?.push(label, changes);
  }

  async undo(): Promise<boolean> {
    return this.step(this.history?.undo());
  }

  async redo(): Promise<boolean> {
    return this.step(this.history?.redo());
  }

  private async step(changes: Array<{ id: string; value: number }> | undefined): Promise<boolean> {
    const host = this.boundHost;
    if (!host || !changes) return false;
    this.closeGroup();
    const values = currentValues(host);
    for (const c of changes) if (host.params.has(c.id)) values[c.id] = host.params.clamp(c.id, c.value);
    await this.apply(values);
    return true;
  }
}
