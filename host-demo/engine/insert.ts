/**
 * One insert slot: a WAM 2 plugin instance between the slot's input and output.
 *
 *   input ─▶ plugin.audioNode ─▶ wet ─┐
 *     └──▶ dryDelay (= plugin latency) ─▶ dry ─┴▶ output
 *
 * Processing: wet 1, dry 0. Bypassed: wet 0, dry = the level-match gain; the plugin keeps
 * running so the match can measure it, and the dry path is delayed by the plugin's latency so
 * bypassing never moves the track in time. In an offline render (bounce) only the wet path
 * exists, and bypassed slots are left out.
 */
import type { LaneData } from '../automation/lane.js';
import { createWam } from '../wam/loader.js';
import type { WamInstance, WamParameterInfo } from '../wam/types.js';
import { LevelMatcher } from './level-match.js';

export interface InsertData {
  id: string;
  /** as stored: relative to the host page for our own plugins, absolute otherwise */
  url: string;
  name: string;
  state: unknown;
  bypass: boolean;
  lanes: LaneData[];
}

let serial = 0;
export const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(++serial).toString(36)}`;

const FADE = 0.004;
const MAX_LATENCY_S = 1;

export class Insert {
  readonly id: string;
  readonly url: string;
  name: string;
  readonly wam: WamInstance;
  readonly input: GainNode;
  readonly output: GainNode;
  private readonly wet: GainNode;
  private readonly dry: GainNode | null = null;
  private readonly dryDelay: DelayNode | null = null;
  private readonly matcher: LevelMatcher | null = null;
  bypass = false;
  matchLevel = true;
  /** samples, from getCompensationDelay() */
  latency = 0;
  lanes: LaneData[] = [];
  /** recording automation from this plugin's controls */
  armed = false;
  gui: Element | null = null;
  private info: Promise<Record<string, WamParameterInfo>> | null = null;
  onMatch: ((db: number) => void) | null = null;

  private constructor(readonly ctx: BaseAudioContext, id: string, url: string, name: string, wam: WamInstance, live: boolean) {
    this.id = id;
    this.url = url;
    this.name = name;
    this.wam = wam;
    this.input = new GainNode(ctx, { channelCount: 2, channelCountMode: 'explicit' });
    this.output = new GainNode(ctx);
    this.wet = new GainNode(ctx);
    this.input.connect(wam.audioNode);
    wam.audioNode.connect(this.wet).connect(this.output);
    if (live) {
      this.dryDelay = new DelayNode(ctx, { maxDelayTime: MAX_LATENCY_S, delayTime: 0 });
      this.dry = new GainNode(ctx, { gain: 0 });
      this.input.connect(this.dryDelay).connect(this.dry).connect(this.output);
      this.matcher = new LevelMatcher(ctx, wam.audioNode, this.dryDelay, (db) => {
        if (this.bypass && this.matchLevel) this.dry!.gain.setTargetAtTime(10 ** (db / 20), ctx.currentTime, 0.05);
        this.onMatch?.(db);
      });
    }
  }

  static async create(ctx: BaseAudioContext, resolvedUrl: string, data: Partial<InsertData> & { url: string }, live: boolean): Promise<Insert> {
    const wam = await createWam(resolvedUrl, ctx, data.state);
    const name = data.name || wam.descriptor?.name || wam.name || resolvedUrl.split('/').slice(-2, -1)[0] || 'plugin';
    const ins = new Insert(ctx, data.id ?? newId('i'), data.url, name, wam, live);
    ins.lanes = (data.lanes ?? []).map((l) => ({ ...l, points: l.points.map((p) => [p[0], p[1]] as [number, number]) }));
    if (data.bypass && live) ins.setBypass(true);
    await ins.readLatency();
    return ins;
  }

  get node() {
    return this.wam.audioNode;
  }

  get identifier(): string {
    return this.wam.descriptor?.identifier ?? '';
  }

  /** current match gain (dB) applied to the bypassed signal */
  get matchDb(): number {
    return this.matcher?.db ?? 0;
  }

  setBypass(on: boolean): void {
    this.bypass = on;
    const t = this.ctx.currentTime;
    this.wet.gain.setTargetAtTime(on ? 0 : 1, t, FADE);
    if (!this.dry || !this.matcher) return;
    if (on) {
      const g = this.matchLevel ? 10 ** (this.matcher.db / 20) : 1;
      this.dry.gain.setTargetAtTime(g, t, FADE);
      this.matcher.start();
    } else {
      this.dry.gain.setTargetAtTime(0, t, FADE);
      this.matcher.stop();
    }
  }

  setMatchLevel(on: boolean): void {
    this.matchLevel = on;
    if (this.bypass) this.setBypass(true);
  }

  /** Re-read getCompensationDelay(); true when it changed. */
  async readLatency(): Promise<boolean> {
    let samples = 0;
    try {
      const v = typeof this.node.getCompensationDelay === 'function' ? await this.node.getCompensationDelay() : 0;
      samples = Number.isFinite(v) && v > 0 ? Math.round(v) : 0;
    } catch {
      samples = 0;
    }
    samples = Math.min(samples, Math.floor(MAX_LATENCY_S * this.ctx.sampleRate));
    if (samples === this.latency) return false;
    this.latency = samples;
    if (this.dryDelay) this.dryDelay.delayTime.value = samples / this.ctx.sampleRate;
    return true;
  }

  paramInfo(): Promise<Record<string, WamParameterInfo>> {
    if (!this.info) this.info = this.node.getParameterInfo().catch(() => ({}));
    return this.info;
  }

  async getState(): Promise<unknown> {
    try {
      return await this.node.getState();
    } catch {
      return undefined;
    }
  }

  async toData(): Promise<InsertData> {
    return {
      id: this.id,
      url: this.url,
      name: this.name,
      state: await this.getState(),
      bypass: this.bypass,
      lanes: this.lanes.map((l) => ({ ...l, points: l.points.map((p) => [p[0], p[1]] as [number, number]) })),
    };
  }

  destroy(): void {
    this.matcher?.stop();
    if (this.gui) {
      try {
        this.wam.destroyGui(this.gui);
      } catch {
        /* the plugin's business */
      }
      this.gui = null;
    }
    this.input.disconnect();
    this.output.disconnect();
    try {
      this.node.disconnect();
      this.node.destroy();
    } catch {
      /* a third-party node may not like being destroyed twice */
    }
  }
}
