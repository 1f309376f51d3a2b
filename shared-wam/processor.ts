/**
 * The AudioWorklet side of every Varnish plugin: a thin shell over a shared-dsp kernel, written
 * on the SDK's WamProcessor (it keeps the SDK's message protocol: parameter info and values,
 * state, events, destroy) but with its own process(): sample-accurate automation without
 * allocation, per-sample smoothing through the ParamBank, sanitised input, meters at display rate.
 *
 * The file that calls registerVarnishProcessor is loaded with `?name=<processor name>` so that
 * two builds of one plugin on a page register distinct processors.
 */
import type { Kernel } from '../shared-dsp/core/kernel.js';
import { runKernel, sanitize } from '../shared-dsp/core/run-kernel.js';
import { ParamBank } from '../shared-dsp/params/param-bank.js';
import type { ParamSet } from './params.js';
import { wamDenormalize, wamNormalize } from './params.js';

const QUANTUM = 128;

/** True when x[0..n) holds no NaN and no infinity (x - x is 0 only for finite x). */
function allFinite(x: Float32Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v - v !== 0) return false;
  }
  return true;
}
const METER_RATE_HZ = 30;

interface QueuedEvent {
  id: number;
  event: { type: string; time?: number; data?: any };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const globalThis: any;

export function registerVarnishProcessor(
  processorName: string,
  params: ParamSet,
  createKernel: (bank: ParamBank) => Kernel,
): void {
  const scope = globalThis.webAudioModules.getModuleScope(processorName);
  const WamProcessor = scope.WamProcessor as new (options: any) => any;
  const WamParameterInfo = scope.WamParameterInfo as new (id: string, config: any) => any;
  const list = params.list;

  class VarnishProcessor extends WamProcessor {
    bank: ParamBank;
    kernel: Kernel;
    /** what the kernel reads: the host's input arrays themselves when they are clean */
    inView: Float32Array[];
    scView: Float32Array[];
    /** sanitised copies, used when an input holds NaN or an infinity */
    inBuf: Float32Array[];
    scBuf: Float32Array[];
    silence: Float32Array;
    scUsed = false;
    meterOut: Float32Array | null;
    metersOn = false;
    meterPeriod: number;
    meterCount = 0;
    lastLatency = -1;
    /** no audio processed yet: values set now jump, and the kernel restarts from them */
    started = false;
    _eventQueue!: QueuedEvent[];
    _eventQueueRequiresSort!: boolean;
    _initialized!: boolean;
    _destroyed!: boolean;
    _parameterInfo!: Record<string, any>;
    port!: MessagePort;

    constructor(options: any) {
      super(options);
      const sr: number = globalThis.sampleRate;
      this.bank = new ParamBank(params.specs());
      this.bank.prepare(sr);
      this.kernel = createKernel(this.bank);
      this.kernel.prepare(sr, QUANTUM, 2);
      this.inBuf = [new Float32Array(QUANTUM), new Float32Array(QUANTUM)];
      this.scBuf = [new Float32Array(QUANTUM), new Float32Array(QUANTUM)];
      this.silence = new Float32Array(QUANTUM);
      this.inView = [this.silence, this.silence];
      this.scView = [this.silence, this.silence];
      const size = this.kernel.meterSize ?? 0;
      this.meterOut = size > 0 ? new Float32Array(size) : null;
      this.meterPeriod = Math.max(QUANTUM, Math.round(sr / METER_RATE_HZ));
      const initial = options.processorOptions?.initialParams as Record<string, number> | undefined;
      if (initial) this.applyValues(initial, false);
      this._parameterInfo = this._generateWamParameterInfo();
    }

    _generateWamParameterInfo(): Record<string, any> {
      const info: Record<string, any> = {};
      const wam = params.wamInfo();
      for (const id of Object.keys(wam)) info[id] = new WamParameterInfo(id, wam[id]);
      return info;
    }

    /** Parameters live in the bank; the SDK's per-parameter objects and interpolators are not used. */
    _initialize(): void {
      this._parameterInfo = this._generateWamParameterInfo();
    }

    getCompensationDelay(): number {
      return this.kernel.latency;
    }

    _getParameterValues(normalized: boolean, ids?: string[]): Record<string, any> {
      const out: Record<string, any> = {};
      const wanted = ids && ids.length ? ids : list.map((p) => p.id);
      for (const id of wanted) {
        if (!params.has(id)) continue;
        const p = params.get(id);
        const v = this.bank.target[p.index];
        out[id] = { id, value: normalized ? wamNormalize(p, v) : v, normalized };
      }
      return out;
    }

    _setParameterValue(update: { id: string; value: number; normalized?: boolean }, interpolate: boolean): void {
      if (!update || !params.has(update.id)) return;
      const p = params.get(update.id);
      const v = update.normalized ? wamDenormalize(p, update.value) : update.value;
      if (typeof v !== 'number') return;
      if (interpolate && this.started) this.bank.setTarget(p.index, v);
      else this.bank.setNow(p.index, v);
    }

    /** State arrives validated by the node; here it is applied (smoothed, so no click). */
    _setState(state: any): void {
      if (state && typeof state === 'object' && state.params) this.applyValues(state.params, true);
    }

    _getState(): any {
      const values: Record<string, number> = {};
      for (const p of list) values[p.id] = this.bank.target[p.index];
      return { params: values };
    }

    applyValues(values: Record<string, number>, smooth: boolean): void {
      for (const p of list) {
        const v = values[p.id];
        if (typeof v !== 'number') continue;
        if (smooth && this.started) this.bank.setTarget(p.index, v);
        else this.bank.setNow(p.index, v);
      }
    }

    async _onMessage(message: MessageEvent): Promise<void> {
      const data = message.data;
      if (data && data.varnish) {
        if (data.varnish === 'meters') this.metersOn = !!data.on;
        else if (data.varnish === 'reset') this.kernel.reset();
        else if (data.varnish === 'command' && typeof data.name === 'string') this.kernel.command?.(data.name);
        return;
      }
      try {
        await super._onMessage(message);
      } catch {
        /* a malformed request must never break the audio thread */
      }
    }

    // MIDI, MPE, OSC, sysex and transport are not used by these effects: ignore them quietly.
    _onMidi(): void {}
    _onSysex(): void {}
    _onMpe(): void {}
    _onOsc(): void {}
    _onTransport(): void {}

    process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
      if (this._destroyed) return false;
      const out = outputs[0];
      if (!this._initialized || !out || out.length === 0) return true;
      const frames = out[0].length;
      if (!this.started) {
        // state restored before the first render (initialState, setState, setParameterValues)
        // is in force from the first sample: no ramps, fades or structural dips from defaults
        this.started = true;
        this.kernel.reset();
      }
      this.readInput(inputs[0], this.inBuf, this.inView, frames);
      const sc = inputs[1];
      this.scUsed = !!sc && sc.length > 0;
      if (this.scUsed) this.readInput(sc, this.scBuf, this.scView, frames);
      let pos = 0;
      const queue = this._eventQueue;
      if (queue.length > 0) {
        if (this._eventQueueRequiresSort) this.sortQueue();
        const now: number = globalThis.currentTime;
        const sr: number = globalThis.sampleRate;
        while (queue.length > 0) {
          const item = queue[0];
          const t = item.event.time ?? 0;
          let frame = t > now ? Math.round((t - now) * sr) : 0;
          if (frame >= frames) break;
          if (frame > pos) {
            this.run(out, pos, frame);
            pos = frame;
          }
          queue.shift();
          this.applyEvent(item);
        }
      }
      if (pos < frames) this.run(out, pos, frames);
      this.afterBlock(frames);
      return true;
    }

    run(out: Float32Array[], start: number, end: number): void {
      runKernel(this.kernel, this.bank, this.inView, out, start, end, this.scUsed ? this.scView : undefined);
    }

    /**
     * Point view[0..1] at the input channels (mono feeds both, none reads silence). A channel
     * holding NaN or an infinity is sanitised into its own buffer first; clean channels, the
     * usual case, are read where the host put them (no copy). Kernels never write their inputs.
     */
    readInput(src: Float32Array[] | undefined, buf: Float32Array[], view: Float32Array[], frames: number): void {
      const n = src ? src.length : 0;
      if (n === 0) {
        view[0] = view[1] = this.silence;
        return;
      }
      for (let c = 0; c < 2; c++) {
        const x = src![c < n ? c : n - 1];
        if (allFinite(x, frames)) view[c] = x;
        else {
          sanitize(x, buf[c], 0, frames);
          view[c] = buf[c];
        }
      }
    }

    applyEvent(item: QueuedEvent): void {
      const event = item.event;
      if (event.type === 'wam-automation' && event.data) this._setParameterValue(event.data, true);
      // tell the main thread it happened (the node updates its mirror and the GUI from this)
      if (item.id) this.port.postMessage({ id: item.id, response: 'add/event' });
      else this.port.postMessage({ event });
    }

    /** Insertion sort by time: stable, in place, no allocation. */
    sortQueue(): void {
      const q = this._eventQueue;
      for (let i = 1; i < q.length; i++) {
        const item = q[i];
        const t = item.event.time ?? 0;
        let j = i - 1;
        while (j >= 0 && (q[j].event.time ?? 0) > t) {
          q[j + 1] = q[j];
          j--;
        }
        q[j + 1] = item;
      }
      this._eventQueueRequiresSort = false;
    }

    afterBlock(frames: number): void {
      if (this.kernel.latency !== this.lastLatency) {
        this.lastLatency = this.kernel.latency;
        this.port.postMessage({ varnishLatency: this.lastLatency });
      }
      if (!this.meterOut || !this.metersOn) return;
      this.meterCount += frames;
      if (this.meterCount < this.meterPeriod) return;
      this.meterCount = 0;
      this.kernel.writeMeters!(this.meterOut);
      this.port.postMessage({ varnishMeters: this.meterOut });
    }

    destroy(): void {
      super.destroy();
      this.meterOut = null;
    }
  }

  // The SDK keeps one scope object per processor name in this context: remember there that
  // the name is taken, so a second evaluation of this file does not throw.
  if (scope.varnishRegistered) return;
  globalThis.registerProcessor(processorName, VarnishProcessor);
  scope.varnishRegistered = true;
}

/**
 * The processor name this file was loaded under (`processor.js?name=...`). Parsed by hand:
 * AudioWorkletGlobalScope has no URL class.
 */
export function processorNameFromUrl(url: string): string {
  const m = /[?&]name=([^&#]+)/.exec(url);
  if (!m) throw new Error('Varnish processor loaded without ?name=');
  return decodeURIComponent(m[1]);
}
