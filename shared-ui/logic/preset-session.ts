/**
 * What a plugin instance remembers about presets while its GUI comes and goes: the current
 * preset (name and the values it was loaded with, for the "modified" mark), the A/B slots and
 * the undo history. One session per ParamHost (a WeakMap: it ends with the host).
 */
import type { ParamHost } from '../param-host.js';
import { ABSlots } from './ab-slots.js';
import { UndoHistory } from './undo-history.js';
import type { PresetSource } from './preset-list.js';

export interface CurrentPreset {
  name: string;
  /** where it came from: a list entry, a file or share code not stored, or the initial state */
  source: PresetSource | 'unsaved' | 'initial';
  values: Record<string, number>;
  tags: string[];
  author: string;
}

export interface SlotContent {
  values: Record<string, number>;
  current: CurrentPreset;
}

const copySlot = (s: SlotContent): SlotContent => ({ values: { ...s.values }, current: { ...s.current, values: { ...s.current.values }, tags: [...s.current.tags] } });

export function currentValues(host: ParamHost): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of host.params.list) out[p.id] = host.getValue(p.id);
  return out;
}

export class PresetSession {
  readonly history = new UndoHistory();
  readonly ab = new ABSlots<SlotContent>(copySlot);
  current: CurrentPreset;

  constructor(host: ParamHost) {
    const values = currentValues(host);
    const isDefault = host.params.list.every((p) => values[p.id] === p.default);
    this.current = { name: isDefault ? 'Default' : 'Untitled', source: 'initial', values, tags: [], author: '' };
  }
}

const sessions = new WeakMap<ParamHost, PresetSession>();

export function sessionFor(host: ParamHost): PresetSession {
  let s = sessions.get(host);
  if (!s) sessions.set(host, (s = new PresetSession(host)));
  return s;
}
