/**
 * definePlugin: turns a plugin's declaration (descriptor, parameters, GUI loader) into the
 * WebAudioModule subclass that dist/plugins/<id>/index.js exports by default.
 * Every URL comes from the plugin's own import.meta.url, so the folder loads from any origin.
 */
import { WebAudioModule } from '@webaudiomodules/sdk';
import type { ParamSet } from './params.js';
import { validateState } from './state.js';
import { VarnishNode } from './node.js';
import { hashTag } from './scope.js';
import type { ParamHost } from '../shared-ui/param-host.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface VarnishDescriptor {
  identifier: string;
  name: string;
  vendor: string;
  version: string;
  apiVersion: string;
  description: string;
  keywords: string[];
  website: string;
  thumbnail: string;
  isInstrument: boolean;
  hasAudioInput: boolean;
  hasAudioOutput: boolean;
  hasMidiInput: boolean;
  hasMidiOutput: boolean;
  hasSysexInput: boolean;
  hasSysexOutput: boolean;
  hasOscInput: boolean;
  hasOscOutput: boolean;
  hasMpeInput: boolean;
  hasMpeOutput: boolean;
  hasAutomationInput: boolean;
  hasAutomationOutput: boolean;
}

export interface GuiModule {
  /** build the GUI element for a plugin instance */
  createGui(host: ParamHost, baseUrl: string): HTMLElement;
}

export interface PluginDefinition {
  descriptor: VarnishDescriptor;
  params: ParamSet;
  /** import.meta.url of the plugin's index module */
  indexUrl: string;
  numberOfInputs?: number;
  loadGui: () => Promise<GuiModule>;
}

const SDK_MODULES = new WeakMap<BaseAudioContext, Map<string, Promise<void>>>();

/** Load the SDK's worklet classes and our processor once per context and processor name. */
function loadProcessor(ctx: BaseAudioContext, processorName: string, processorUrl: string): Promise<void> {
  let perCtx = SDK_MODULES.get(ctx);
  if (!perCtx) SDK_MODULES.set(ctx, (perCtx = new Map()));
  let p = perCtx.get(processorName);
  if (!p) {
    p = (async () => {
      await (VarnishNode as any).addModules(ctx, processorName);
      const url = new URL(processorUrl);
      url.searchParams.set('name', processorName);
      await ctx.audioWorklet.addModule(url.href);
    })();
    p.catch(() => perCtx!.delete(processorName));
    perCtx.set(processorName, p);
  }
  return p;
}

let instanceCounter = 0;

export function definePlugin(def: PluginDefinition) {
  const baseUrl = new URL('.', def.indexUrl).href;
  const processorUrl = new URL('processor.js', def.indexUrl).href;
  const processorName = `${def.descriptor.identifier}:${hashTag(def.indexUrl)}`;
  const descriptor = Object.freeze({ ...def.descriptor, thumbnail: new URL(def.descriptor.thumbnail, baseUrl).href });

  class VarnishModule extends (WebAudioModule as any) {
    static readonly params = def.params;
    private readonly instanceSerial = ++instanceCounter;
    declare _descriptor: VarnishDescriptor;
    declare _audioNode: VarnishNode | undefined;
    declare audioContext: BaseAudioContext;

    constructor(groupId: string, audioContext: BaseAudioContext) {
      super(groupId, audioContext);
      this._descriptor = { ...descriptor };
      this._descriptorUrl = new URL('descriptor.json', baseUrl).href;
    }

    get instanceId(): string {
      return `${this.moduleId}-${this.instanceSerial}-${Math.round(this._timestamp * 1000)}`;
    }

    /** The SDK drops initialState; it is validated and applied here before the first render. */
    async initialize(state?: unknown): Promise<this> {
      let initial = def.params.defaults();
      if (state !== undefined && state !== null) {
        initial = validateState(def.params, descriptor.identifier, state).values;
      }
      if (!this._audioNode) this._audioNode = await this.createAudioNode(initial);
      this.initialized = true;
      return this;
    }

    async createAudioNode(initialValues?: Record<string, number>): Promise<VarnishNode> {
      const ctx = this.audioContext;
      await loadProcessor(ctx, processorName, processorUrl);
      const node = new VarnishNode(this, {
        params: def.params,
        identifier: descriptor.identifier,
        processorName,
        numberOfInputs: def.numberOfInputs ?? 1,
        initialValues: initialValues ?? def.params.defaults(),
      });
      await (node as any)._initialize();
      return node;
    }

    async createGui(): Promise<HTMLElement> {
      const node = this._audioNode;
      if (!node || node.isDestroyed) throw new Error(`${descriptor.name}: createGui() needs a live instance`);
      const gui = await def.loadGui();
      const el = gui.createGui(node, baseUrl);
      node.guis.add(el);
      return el;
    }

    destroyGui(el?: Element): void {
      if (!el) return;
      el.remove();
      this._audioNode?.guis.delete(el);
    }
  }
  return VarnishModule as unknown as typeof WebAudioModule & { params: ParamSet };
}
