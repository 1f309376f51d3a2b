/**
 * The parts of the WAM 2 API this host uses, typed loosely: any plugin that follows the API
 * (ours or a third party's) fits. See https://github.com/webaudiomodules/api.
 */
export interface WamParameterInfo {
  id: string;
  label: string;
  type: 'float' | 'int' | 'boolean' | 'choice';
  defaultValue: number;
  minValue: number;
  maxValue: number;
  discreteStep: number;
  exponent: number;
  choices: string[];
  units: string;
}

export interface WamParameterValue {
  id: string;
  value: number;
  normalized: boolean;
}

export interface WamAutomationEvent {
  type: 'wam-automation';
  time: number;
  data: { id: string; value: number; normalized: boolean };
}

export interface WamNodeLike extends AudioNode {
  getParameterInfo(...ids: string[]): Promise<Record<string, WamParameterInfo>>;
  getParameterValues(normalized?: boolean, ...ids: string[]): Promise<Record<string, WamParameterValue>>;
  setParameterValues(values: Record<string, WamParameterValue>): Promise<void>;
  getState(): Promise<unknown>;
  setState(state: unknown): Promise<void>;
  getCompensationDelay(): Promise<number>;
  scheduleEvents(...events: WamAutomationEvent[]): void;
  clearEvents?(): void | Promise<void>;
  destroy(): void;
}

export interface WamDescriptorLike {
  identifier?: string;
  name?: string;
  vendor?: string;
  version?: string;
}

export interface WamInstance {
  audioNode: WamNodeLike;
  descriptor?: WamDescriptorLike;
  name?: string;
  vendor?: string;
  createGui(): Promise<Element>;
  destroyGui(gui: Element): void;
}

export interface WamConstructor {
  isWebAudioModuleConstructor?: boolean;
  createInstance(groupId: string, ctx: BaseAudioContext, initialState?: unknown): Promise<WamInstance>;
}
