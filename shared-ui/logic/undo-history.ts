/**
 * Undo/redo of parameter changes, as steps of {id: before -> after}. Pure: no DOM, no host.
 *
 * A step is a group: begin() ... record(id, before, after) ... end(). Groups nest (only the
 * outermost end closes the step); within a group an id keeps its first `before` and its last
 * `after`, and ids that end where they began are dropped (an empty group leaves no step).
 * A closing group with a `mergeKey` joins the previous step when that step has the same key,
 * moved the same ids, and closed less than `mergeMs` before (a held arrow key or a wheel burst
 * are one step). A new step clears the redo list; at most `limit` steps are kept.
 */

export interface UndoChange {
  id: string;
  before: number;
  after: number;
}

export interface UndoStep {
  label: string;
  changes: UndoChange[];
  mergeKey?: string;
  time: number;
}

export interface UndoOptions {
  limit?: number;
  mergeMs?: number;
  /** a clock in ms (tests pass their own) */
  now?: () => number;
}

interface OpenGroup {
  depth: number;
  label: string;
  mergeKey?: string;
  changes: Map<string, UndoChange>;
}

export class UndoHistory {
  private readonly done: UndoStep[] = [];
  private readonly undone: UndoStep[] = [];
  private group: OpenGroup | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly limit: number;
  private readonly mergeMs: number;
  private readonly now: () => number;
  /** set when the last step must not absorb the next one (after undo/redo) */
  private sealed = false;

  constructor(options: UndoOptions = {}) {
    this.limit = options.limit ?? 200;
    this.mergeMs = options.mergeMs ?? 800;
    this.now = options.now ?? (() => Date.now());
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  get undoLabel(): string {
    return this.done[this.done.length - 1]?.label ?? '';
  }

  get redoLabel(): string {
    return this.undone[this.undone.length - 1]?.label ?? '';
  }

  get size(): { undo: number; redo: number } {
    return { undo: this.done.length, redo: this.undone.length };
  }

  get isOpen(): boolean {
    return this.group !== undefined;
  }

  /** notified after every change of the lists; returns the unsubscribe function */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  begin(label = '', mergeKey?: string): void {
    if (this.group) {
      this.group.depth++;
      if (!this.group.label && label) this.group.label = label;
      return;
    }
    this.group = { depth: 1, label, mergeKey, changes: new Map() };
  }

  /** note a change inside the open group (ignored when no group is open) */
  record(id: string, before: number, after: number): void {
    const g = this.group;
    if (!g) return;
    const c = g.changes.get(id);
    if (c) c.after = after;
    else g.changes.set(id, { id, before, after });
  }

  end(): void {
    const g = this.group;
    if (!g || --g.depth > 0) return;
    this.group = undefined;
    const changes = [...g.changes.values()].filter((c) => c.before !== c.after);
    if (!changes.length) return;
    const time = this.now();
    const last = this.done[this.done.length - 1];
    if (g.mergeKey && last && !this.sealed && last.mergeKey === g.mergeKey && time - last.time <= this.mergeMs && sameIds(last.changes, changes)) {
      for (const c of changes) last.changes.find((l) => l.id === c.id)!.after = c.after;
      last.changes = last.changes.filter((c) => c.before !== c.after);
      last.time = time;
      if (!last.changes.length) this.done.pop();
    } else {
      this.done.push({ label: g.label || labelOf(changes), changes, mergeKey: g.mergeKey, time });
      if (this.done.length > this.limit) this.done.shift();
    }
    this.sealed = false;
    this.undone.length = 0;
    this.emit();
  }

  /** a whole step at once (a preset load, an A/B switch) */
  push(label: string, changes: UndoChange[]): void {
    this.begin(label);
    for (const c of changes) this.record(c.id, c.before, c.after);
    this.end();
  }

  /** the values to set to undo the last step (and moves it to the redo list) */
  undo(): Array<{ id: string; value: number }> | undefined {
    this.abandon();
    const step = this.done.pop();
    if (!step) return undefined;
    this.undone.push(step);
    this.sealed = true;
    this.emit();
    return step.changes.map((c) => ({ id: c.id, value: c.before })).reverse();
  }

  redo(): Array<{ id: string; value: number }> | undefined {
    this.abandon();
    const step = this.undone.pop();
    if (!step) return undefined;
    this.done.push(step);
    this.sealed = true;
    this.emit();
    return step.changes.map((c) => ({ id: c.id, value: c.after }));
  }

  clear(): void {
    this.group = undefined;
    this.done.length = 0;
    this.undone.length = 0;
    this.sealed = false;
    this.emit();
  }

  /** close an open group now (undo/redo while a drag is held: the drag so far is one step) */
  private abandon(): void {
    if (!this.group) return;
    this.group.depth = 1;
    this.end();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}

function sameIds(a: UndoChange[], b: UndoChange[]): boolean {
  if (a.length !== b.length) return false;
  const ids = new Set(a.map((c) => c.id));
  return b.every((c) => ids.has(c.id));
}

function labelOf(changes: UndoChange[]): string {
  return changes.length === 1 ? changes[0].id : `${changes.length} parameters`;
}
