/**
 * What a GUI sees of its plugin: the parameter declaration, current values, a way to move
 * them, change notifications from every source (GUI, host setParameterValues, automation,
 * setState), and meter frames from the processor. The plugin's WAM node implements it; GUIs
 * never touch a kernel.
 */
import type { ParamSet } from '../shared-wam/params.js';

export type ParamListener = (id: string, value: number) => void;
export type MeterListener = (data: Float32Array) => void;

export interface ParamHost {
  readonly params: ParamSet;
  /** the plugin's WAM identifier, e.g. "com.varnish.eq" (presets name it) */
  readonly identifier: string;
  /** set every parameter at once from a validated, complete record (presets, A/B, undo) */
  applyValues(values: Record<string, number>): Promise<void>;
  getValue(id: string): number;
  /** move a parameter (clamped); the change is also sent to the processor */
  setValue(id: string, value: number): void;
  /** notified for every change whatever its source; returns the unsubscribe function */
  subscribe(listener: ParamListener): () => void;
  /** a user gesture begins/ends (drag); lets hosts and undo group moves */
  beginGesture(id: string): void;
  endGesture(id: string): void;
  /** meter frames at display rate while at least one listener is subscribed */
  subscribeMeters(listener: MeterListener): () => void;
  /** ask the kernel to do a named action (e.g. "resetLoudness"); not a parameter, not in state */
  command(name: string): void;
  /** the audio sample rate (for response curves) */
  readonly sampleRate: number;
}
