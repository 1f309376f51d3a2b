/**
 * The preset bar's pure logic: undo history (gesture groups, merging, redo), A/B slots, the
 * in-memory user preset store, the preset list (tags, previous/next, modified), shortcuts.
 */
import { describe, expect, it } from 'vitest';
import { ParamSet } from '../../shared-wam/params.js';
import { makePreset } from '../../shared-wam/presets.js';
import { UndoHistory } from '../../shared-ui/logic/undo-history.js';
import { ABSlots } from '../../shared-ui/logic/ab-slots.js';
import { MemoryPresetStore, PresetExistsError, checkPresetName } from '../../shared-ui/logic/preset-store.js';
import { allTags, combine, differingIds, entryKey, filterByTag, findMatching, sameValues, stepEntry, type PresetEntry } from '../../shared-ui/logic/preset-list.js';
import { undoShortcut } from '../../shared-ui/controllers/undo-controller.js';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('UndoHistory', () => {
  it('a gesture is one step; undo gives the first before, redo the last after', () => {
    const h = new UndoHistory();
    h.begin();
    h.record('gain', 0, 1);
    h.record('gain', 1, 2);
    h.record('gain', 2, 3);
    expect(h.canUndo).toBe(false);
    h.end();
    expect(h.size).toEqual({ undo: 1, redo: 0 });
    expect(h.undo()).toEqual([{ id: 'gain', value: 0 }]);
    expect(h.canUndo).toBe(false);
    expect(h.redo()).toEqual([{ id: 'gain', value: 3 }]);
    expect(h.redo()).toBeUndefined();
  });

  it('records nothing outside a group; empty and net-zero groups leave no step', () => {
    const h = new UndoHistory();
    h.record('gain', 0, 1);
    h.begin();
    h.end();
    h.begin();
    h.record('gain', 0, 5);
    h.record('gain', 5, 0);
    h.end();
    expect(h.canUndo).toBe(false);
  });

  it('groups nest: only the outermost end closes the step', () => {
    const h = new UndoHistory();
    h.begin('outer');
    h.begin();
    h.record('a', 0, 1);
    h.end();
    h.record('b', 0, 1);
    h.end();
    expect(h.size.undo).toBe(1);
    expect(h.undoLabel).toBe('outer');
    expect(h.undo()).toEqual([
      { id: 'b', value: 0 },
      { id: 'a', value: 0 },
    ]);
  });

  it('merges a burst with the same key and ids within the window, not beyond it', () => {
    const c = clock();
    const h = new UndoHistory({ mergeMs: 500, now: c.now });
    const nudge = (id: string, from: number, to: number, key = 'key') => {
      h.begin('', key);
      h.record(id, from, to);
      h.end();
    };
    nudge('gain', 0, 1);
    c.advance(100);
    nudge('gain', 1, 2);
    c.advance(100);
    nudge('gain', 2, 3);
    expect(h.size.undo).toBe(1);
    c.advance(600);
    nudge('gain', 3, 4);
    expect(h.size.undo).toBe(2);
    c.advance(10);
    nudge('freq', 100, 200); // other id: new step
    c.advance(10);
    nudge('freq', 200, 300, 'wheel'); // other key: new step
    expect(h.size.undo).toBe(4);
    h.undo();
    h.undo();
    h.undo();
    expect(h.undo()).toEqual([{ id: 'gain', value: 0 }]);
  });

  it('does not merge into a step that was just redone', () => {
    const c = clock();
    const h = new UndoHistory({ mergeMs: 10_000, now: c.now });
    h.begin('', 'k');
    h.record('x', 0, 1);
    h.end();
    h.undo();
    h.redo();
    h.begin('', 'k');
    h.record('x', 1, 2);
    h.end();
    expect(h.size.undo).toBe(2);
  });

  it('a new step clears redo; the limit drops the oldest', () => {
    const h = new UndoHistory({ limit: 3 });
    for (let i = 0; i < 5; i++) h.push(`s${i}`, [{ id: 'x', before: i, after: i + 1 }]);
    expect(h.size.undo).toBe(3);
    h.undo();
    expect(h.canRedo).toBe(true);
    h.push('new', [{ id: 'y', before: 0, after: 1 }]);
    expect(h.canRedo).toBe(false);
    expect(h.undoLabel).toBe('new');
  });

  it('undo during an open gesture closes it first', () => {
    const h = new UndoHistory();
    h.begin();
    h.record('x', 0, 4);
    expect(h.undo()).toEqual([{ id: 'x', value: 0 }]);
    expect(h.isOpen).toBe(false);
  });

  it('notifies listeners', () => {
    const h = new UndoHistory();
    let n = 0;
    const off = h.subscribe(() => n++);
    h.push('a', [{ id: 'x', before: 0, after: 1 }]);
    h.undo();
    off();
    h.redo();
    expect(n).toBe(2);
  });
});

describe('ABSlots', () => {
  it('switching stores the live side and returns the other; an empty slot starts as a copy', () => {
    const ab = new ABSlots<{ v: number }>((x) => ({ ...x }));
    expect(ab.active).toBe('A');
    expect(ab.switchTo('B', { v: 1 })).toBeUndefined(); // B starts as a copy of A
    expect(ab.active).toBe('B');
    expect(ab.switchTo('A', { v: 2 })).toEqual({ v: 1 }); // back to A's values
    expect(ab.switchTo('B', { v: 1 })).toEqual({ v: 2 });
    expect(ab.switchTo('B', { v: 9 })).toBeUndefined(); // already live
  });

  it('copy A -> B makes the other slot equal to the live one', () => {
    const ab = new ABSlots<{ v: number }>((x) => ({ ...x }));
    ab.switchTo('B', { v: 1 });
    ab.switchTo('A', { v: 5 });
    ab.copyToOther({ v: 3 });
    expect(ab.peek('B')).toEqual({ v: 3 });
    expect(ab.toggle({ v: 3 })).toEqual({ v: 3 });
  });

  it('stores copies, not references', () => {
    const ab = new ABSlots<{ v: number }>((x) => ({ ...x }));
    const live = { v: 1 };
    ab.switchTo('B', live);
    live.v = 99;
    expect(ab.switchTo('A', { v: 2 })).toEqual({ v: 1 });
  });
});

describe('MemoryPresetStore', () => {
  const p = (name: string, plugin = 'com.varnish.eq') => makePreset(plugin, '0.1.0', name, { output: 1 });

  it('keys by plugin and name; lists one plugin sorted by name', async () => {
    const s = new MemoryPresetStore();
    await s.put(p('b'));
    await s.put(p('A'));
    await s.put(p('b', 'com.varnish.limiter'));
    expect((await s.list('com.varnish.eq')).map((r: any) => r.name)).toEqual(['A', 'b']);
    expect((await s.list('com.varnish.limiter')).length).toBe(1);
    await expect(s.put(p('b'))).rejects.toBeInstanceOf(PresetExistsError);
    await s.put({ ...p('b'), params: { output: 2 } }, { overwrite: true });
    expect(((await s.list('com.varnish.eq'))[1] as any).params.output).toBe(2);
  });

  it('renames without replacing another, removes', async () => {
    const s = new MemoryPresetStore();
    await s.put(p('one'));
    await s.put(p('two'));
    await expect(s.rename('com.varnish.eq', 'one', 'two')).rejects.toThrow(/exists/);
    await s.rename('com.varnish.eq', 'one', '  uno  ');
    expect((await s.list('com.varnish.eq')).map((r: any) => r.name)).toEqual(['two', 'uno']);
    await s.remove('com.varnish.eq', 'two');
    expect((await s.list('com.varnish.eq')).map((r: any) => r.name)).toEqual(['uno']);
    await expect(s.rename('com.varnish.eq', 'nope', 'x')).rejects.toThrow(/no user preset/);
  });

  it('hands out copies; names are checked', async () => {
    const s = new MemoryPresetStore();
    await s.put(p('x'));
    const [r] = (await s.list('com.varnish.eq')) as any[];
    r.params.output = 9;
    expect(((await s.list('com.varnish.eq'))[0] as any).params.output).toBe(1);
    expect(() => checkPresetName('  ')).toThrow(/empty/);
    expect(() => checkPresetName(3)).toThrow(/expected text/);
    expect(() => checkPresetName('x'.repeat(201))).toThrow(/longer/);
    await expect(s.put(p(''))).rejects.toThrow(/empty/);
  });
});

describe('preset list', () => {
  const set = new ParamSet([
    { id: 'gain', label: 'Gain', type: 'float', min: -24, max: 24, default: 0 },
    { id: 'on', label: 'On', type: 'boolean', default: 0 },
  ]);
  const entry = (source: 'factory' | 'user', name: string, gain: number, tags: string[] = []): PresetEntry => ({
    source,
    preset: makePreset('com.varnish.t', '0.1.0', name, { gain, on: 0 }, tags),
    values: { gain, on: 0 },
  });
  const factory = [entry('factory', 'Zed', 1, ['Vocal']), entry('factory', 'Alpha', 2, ['drums'])];
  const user = [entry('user', 'mine b', 3, ['vocal', 'mine']), entry('user', 'mine a', 4)];
  const all = combine(factory, user);

  it('factory in order, then user by name', () => {
    expect(all.map((e) => e.preset.name)).toEqual(['Zed', 'Alpha', 'mine a', 'mine b']);
  });

  it('tags are case-insensitively unique; filtering ignores case', () => {
    expect(allTags(all)).toEqual(['drums', 'mine', 'Vocal']);
    expect(filterByTag(all, 'VOCAL').map((e) => e.preset.name)).toEqual(['Zed', 'mine b']);
    expect(filterByTag(all, '').length).toBe(4);
  });

  it('previous/next wrap, and start at the ends when the current is not listed', () => {
    expect(stepEntry(all, entryKey(all[3]), 1)?.preset.name).toBe('Zed');
    expect(stepEntry(all, entryKey(all[0]), -1)?.preset.name).toBe('mine b');
    expect(stepEntry(all, undefined, 1)?.preset.name).toBe('Zed');
    expect(stepEntry(all, 'user:gone', -1)?.preset.name).toBe('mine b');
    expect(stepEntry([], undefined, 1)).toBeUndefined();
    // a user preset and a factory preset of the same name are different entries
    expect(entryKey(entry('user', 'Zed', 0))).not.toBe(entryKey(all[0]));
  });

  it('modified: equal within 1e-9 of the range; a state is named after the preset it equals', () => {
    expect(sameValues(set, { gain: 1, on: 0 }, { gain: 1 + 1e-12, on: 0 })).toBe(true);
    expect(differingIds(set, { gain: 1, on: 0 }, { gain: 1.001, on: 1 })).toEqual(['gain', 'on']);
    expect(findMatching(set, all, { gain: 3, on: 0 })?.preset.name).toBe('mine b');
    expect(findMatching(set, all, { gain: 3.5, on: 0 })).toBeUndefined();
  });
});

describe('shortcuts', () => {
  const k = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it('Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z and Ctrl+Y redo', () => {
    expect(undoShortcut(k('z', { ctrlKey: true }))).toBe('undo');
    expect(undoShortcut(k('z', { metaKey: true }))).toBe('undo');
    expect(undoShortcut(k('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(undoShortcut(k('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(undoShortcut(k('y', { ctrlKey: true }))).toBe('redo');
    expect(undoShortcut(k('z'))).toBeUndefined();
    expect(undoShortcut(k('z', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(undoShortcut(k('y', { metaKey: true }))).toBeUndefined();
  });
});
