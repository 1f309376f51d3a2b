/**
 * Channel strips. A track:
 *   source ─▶ inserts ─▶ delay comp ─▶ fader ─▶ pan ─▶ mute/solo ─┬─▶ track sum
 *                                                                 └─▶ send ─▶ aux bus
 * A bus (aux, master): input ─▶ inserts ─▶ fader ─▶ mute ─▶ out. Meters read after the mute.
 */
import type { AudioRef, BusData, TrackData } from '../session/model.js';
import { dbToGain } from '../session/model.js';
import { InsertChain } from './insert-chain.js';
import { MeterTap } from './tap.js';

export type StripKind = 'track' | 'aux' | 'master';

/** Move a parameter: at once while building the graph, smoothly (no zipper noise) afterwards. */
export function glide(param: AudioParam, value: number, ctx: BaseAudioContext, now: boolean, tau = 0.01): void {
  if (now) {
    param.cancelScheduledValues(0);
    param.value = value;
  } else param.setTargetAtTime(value, ctx.currentTime, tau);
}

export class Strip {
  readonly chain: InsertChain;
  readonly fader: GainNode;
  readonly muteNode: GainNode;
  meter: MeterTap | null = null;
  gainDb = 0;
  muted = false;

  constructor(
    readonly ctx: BaseAudioContext,
    readonly kind: StripKind,
    readonly id: string,
    public name: string,
  ) {
    this.chain = new InsertChain(ctx);
    this.fader = new GainNode(ctx);
    this.muteNode = new GainNode(ctx);
  }

  get input(): AudioNode {
    return this.chain.input;
  }

  get output(): AudioNode {
    return this.muteNode;
  }

  setGainDb(db: number, now = false): void {
    this.gainDb = db;
    glide(this.fader.gain, dbToGain(db), this.ctx, now);
  }

  addMeter(mode: 'peak' | 'loudness'): void {
    this.meter = new MeterTap(this.ctx, this.muteNode, mode);
  }

  destroy(): void {
    this.chain.destroy();
    this.meter?.dispose();
    this.fader.disconnect();
    this.muteNode.disconnect();
  }
}

export class Bus extends Strip {
  constructor(ctx: BaseAudioContext, kind: 'aux' | 'master', data: BusData) {
    super(ctx, kind, kind, data.name);
    this.chain.output.connect(this.fader).connect(this.muteNode);
    this.setGainDb(data.gainDb, true);
    this.setMute(data.mute, true);
  }

  setMute(on: boolean, now = false): void {
    this.muted = on;
    glide(this.muteNode.gain, on ? 0 : 1, this.ctx, now, 0.005);
  }
}

export class Track extends Strip {
  readonly comp: DelayNode;
  readonly panner: StereoPannerNode;
  readonly send: GainNode;
  audio: AudioRef | null;
  buffer: AudioBuffer | null;
  pan = 0;
  solo = false;
  sendDb: number;
  /** samples of delay added to line this track up with the slowest chain */
  compSamples = 0;

  constructor(ctx: BaseAudioContext, data: TrackData, buffer: AudioBuffer | null) {
    super(ctx, 'track', data.id, data.name);
    this.audio = data.audio;
    this.buffer = buffer;
    this.comp = new DelayNode(ctx, { maxDelayTime: 2, delayTime: 0 });
    this.panner = new StereoPannerNode(ctx);
    this.send = new GainNode(ctx, { gain: 0 });
    this.chain.output.connect(this.comp).connect(this.fader).connect(this.panner).connect(this.muteNode);
    this.muteNode.connect(this.send);
    this.sendDb = data.sendDb;
    this.setGainDb(data.gainDb, true);
    this.setPan(data.pan, true);
    this.setSendDb(data.sendDb, true);
    this.muted = data.mute;
    this.solo = data.solo;
  }

  setPan(p: number, now = false): void {
    this.pan = p;
    glide(this.panner.pan, p, this.ctx, now);
  }

  setSendDb(db: number, now = false): void {
    this.sendDb = db;
    glide(this.send.gain, dbToGain(db), this.ctx, now);
  }

  /** audible = not muted, and soloed when anything is */
  applyMute(anySolo: boolean, now = false): void {
    const off = this.muted || (anySolo && !this.solo);
    glide(this.muteNode.gain, off ? 0 : 1, this.ctx, now, 0.005);
  }

  setCompensation(samples: number): void {
    this.compSamples = samples;
    this.comp.delayTime.value = samples / this.ctx.sampleRate;
  }

  override destroy(): void {
    super.destroy();
    this.comp.disconnect();
    this.panner.disconnect();
    this.send.disconnect();
  }
}
