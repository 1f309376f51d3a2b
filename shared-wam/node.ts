/**
 * The main-thread side of every Varnish plugin: a WamNode that keeps a mirror of the
 * parameter values, so getParameterValues/getState answer at once (also before the first
 * render of an OfflineAudioContext), invalid state is rejected before anything changes, and
 * GUIs hear about every change whatever its source (GUI, host, automation, state).
 */
import { WamNode } from '@webaudiomodules/sdk';
import type { ParamSet } from './params.js';
import { clampTo, wamDenormalize, wamNormalize } from './params.js';
import { makeState, validateState, type PluginState } from './state.js';
import type { MeterListener, ParamHost, ParamListener } from '../shared-ui/param-host.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface VarnishNodeOptions {
  params: ParamSet;
  identifier: string;
  processorName: string;
  /** 2 for plugins with a sidechain input (input 1) */
  numberOfInputs: number;
  initialValues: Record<string, number>;
}

const WamNodeBase = WamNode as unknown as new (module: any, options: AudioWorkletNodeOptions) => AudioWorkletNode;

export class VarnishNode extends WamNodeBase implements ParamHost {
  readonly params: ParamSet;
  readonly identifier: string;
  private readonly values: Float64Array;
  private readonly listeners = new Set<ParamListener>();
  private readonly meterListeners = new Set<MeterListener>();
  private latency = 0;
  private destroyed = false;
  /** set by the module; GUIs created for this node, removed on destroy */
  readonly guis = new Set<Element>();
  declare module: any;

  constructor(module: any, options: VarnishNodeOptions) {
    // The SDK's WamNode names the processor after module.moduleId; ours carries a per-URL tag.
    const named = {
      audioContext: module.audioContext,
      groupId: module.groupId,
      moduleId: options.processorName,
      instanceId: module.instanceId,
    };
    super(named, {
      numberOfInputs: options.numberOfInputs,
      numberOfOutputs: 1,
      outputChannelCount: [2],
      channelCount: 2,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
      processorOptions: { initialParams: options.initialValues },
    });
    this.module = module;
    this.params = options.params;
    this.identifier = options.identifier;
    this.values = new Float64Array(options.params.list.length);
    for (const p of options.params.list) this.values[p.index] = options.initialValues[p.id] ?? p.default;
  }

  get sampleRate(): number {
    return this.context.sampleRate;
  }

  // ---- WAM 2 API -------------------------------------------------------------------------

  async getParameterInfo(...ids: string[]): Promise<Record<string, any>> {
    const all = this.params.wamInfo();
    if (!ids.length) return all;
    const out: Record<string, any> = {};
    for (const id of ids) if (all[id]) out[id] = all[id];
    return out;
  }

  async getParameterValues(normalized = false, ...ids: string[]): Promise<Record<string, any>> {
    const out: Record<string, any> = {};
    const list = ids.length ? ids.filter((id) => this.params.has(id)) : this.params.list.map((p) => p.id);
    for (const id of list) {
      const p = this.params.get(id);
      const v = this.values[p.index];
      out[id] = { id, value: normalized ? wamNormalize(p, v) : v, normalized };
    }
    return out;
  }

  async setParameterValues(map: Record<string, { id?: string; value: number; normalized?: boolean }>): Promise<void> {
    if (this.destroyed || !map || typeof map !== 'object') return;
    const clean: Record<string, { id: string; value: number; normalized: false }> = {};
    for (const key of Object.keys(map)) {
      const entry = map[key];
      const id = entry?.id ?? key;
      if (!this.params.has(id) || typeof entry?.value !== 'number' || !Number.isFinite(entry.value)) continue;
      const p = this.params.get(id);
      const value = entry.normalized ? wamDenormalize(p, entry.value) : clampTo(p, entry.value);
      clean[id] = { id, value, normalized: false };
      this.mirror(id, value);
    }
    return (WamNode.prototype as any).setParameterValues.call(this, clean);
  }

  async getState(): Promise<PluginState> {
    return makeState(this.identifier, this.currentValues());
  }

  /** Rejects invalid state with an Error naming the field; the plugin then keeps its state whole. */
  async setState(state: unknown): Promise<void> {
    const { values } = validateState(this.params, this.identifier, state);
    await this.applyValidated(values);
  }

  /** Apply an already validated, complete value record (used by setState and presets). */
  applyValues(values: Record<string, number>): Promise<void> {
    return this.applyValidated(values);
  }

  async applyValidated(values: Record<string, number>): Promise<void> {
    if (this.destroyed) return;
    for (const p of this.params.list) this.mirror(p.id, values[p.id]);
    await (WamNode.prototype as any).setState.call(this, { params: values });
  }

  /** Processing delay in samples (the lookahead of the kernel at its current settings). */
  async getCompensationDelay(): Promise<number> {
    if (this.destroyed) return this.latency;
    const fromProcessor = await (WamNode.prototype as any).getCompensationDelay.call(this);
    if (typeof fromProcessor === 'number') this.latency = fromProcessor;
    return this.latency;
  }

  scheduleEvents(...events: any[]): void {
    if (this.destroyed) return;
    (WamNode.prototype as any).scheduleEvents.apply(this, events);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const gui of this.guis) gui.remove();
    this.guis.clear();
    this.listeners.clear();
    this.meterListeners.clear();
    this.port.onmessage = null;
    (WamNode.prototype as any).destroy.call(this);
    this.module = null;
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  // ---- ParamHost (what GUIs use) ----------------------------------------------------------

  getValue(id: string): number {
    return this.values[this.params.index(id)];
  }

  setValue(id: string, value: number): void {
    void this.setParameterValues({ [id]: { id, value, normalized: false } });
  }

  subscribe(listener: ParamListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  command(name: string): void {
    if (!this.destroyed) this.port.postMessage({ varnish: 'command', name });
  }

  beginGesture(_id: string): void {}
  endGesture(_id: string): void {}

  subscribeMeters(listener: MeterListener): () => void {
    this.meterListeners.add(listener);
    if (this.meterListeners.size === 1) this.port.postMessage({ varnish: 'meters', on: true });
    return () => {
      if (this.meterListeners.delete(listener) && this.meterListeners.size === 0 && !this.destroyed) {
        this.port.postMessage({ varnish: 'meters', on: false });
      }
    };
  }

  currentValues(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const p of this.params.list) out[p.id] = this.values[p.index];
    return out;
  }

  // ---- internals ---------------------------------------------------------------------------

  private mirror(id: string, value: number): void {
    const p = this.params.get(id);
    const v = clampTo(p, value);
    if (this.values[p.index] === v) return;
    this.values[p.index] = v;
    for (const l of this.listeners) l(id, v);
  }

  /** Messages from the processor: SDK responses, plus our meters and latency. */
  _onMessage(message: MessageEvent): void {
    const data = message.data;
    if (data && data.varnishMeters) {
      for (const l of this.meterListeners) l(data.varnishMeters);
      return;
    }
    if (data && typeof data.varnishLatency === 'number') {
      this.latency = data.varnishLatency;
      return;
    }
    (WamNode.prototype as any)._onMessage.call(this, message);
  }

  /** Processed events come back here: automation moves the mirror (and so the GUI). */
  _onEvent(event: any): void {
    if (event && event.type === 'wam-automation' && event.data && this.params.has(event.data.id)) {
      const p = this.params.get(event.data.id);
      this.mirror(p.id, event.data.normalized ? wamDenormalize(p, event.data.value) : event.data.value);
    }
    (WamNode.prototype as any)._onEvent.call(this, event);
  }
}
