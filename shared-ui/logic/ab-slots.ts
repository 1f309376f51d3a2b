/**
 * A/B comparison: two slots, one of them live. The live slot's content is whatever the plugin
 * currently holds, so the slots store only the inactive side. Pure: the caller applies what
 * these methods return.
 *
 * - switchTo(other, current): stores `current` in the active slot and returns the other slot's
 *   content to apply; an empty slot starts as a copy of `current` (nothing to apply).
 * - copyToOther(current): the inactive slot becomes a copy of the live one (A -> B while A is
 *   active).
 */
export type Slot = 'A' | 'B';

export class ABSlots<T> {
  private readonly stored: Record<Slot, T | undefined> = { A: undefined, B: undefined };
  active: Slot = 'A';

  constructor(private readonly copy: (x: T) => T = (x) => x) {}

  get other(): Slot {
    return this.active === 'A' ? 'B' : 'A';
  }

  /** whether a slot holds something other than the live content */
  has(slot: Slot): boolean {
    return slot === this.active || this.stored[slot] !== undefined;
  }

  /** make `slot` live; returns what to apply, or undefined when nothing changes */
  switchTo(slot: Slot, current: T): T | undefined {
    if (slot === this.active) return undefined;
    const next = this.stored[slot];
    this.stored[this.active] = this.copy(current);
    this.stored[slot] = undefined;
    this.active = slot;
    return next === undefined ? undefined : this.copy(next);
  }

  toggle(current: T): T | undefined {
    return this.switchTo(this.other, current);
  }

  /** the inactive slot becomes a copy of the live content */
  copyToOther(current: T): void {
    this.stored[this.other] = this.copy(current);
  }

  /** the stored content of the inactive slot (undefined until first used) */
  peek(slot: Slot): T | undefined {
    return slot === this.active ? undefined : this.stored[slot];
  }
}
