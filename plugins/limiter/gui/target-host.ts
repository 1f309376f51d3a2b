/**
 * The host the target control talks to: the plugin's own host, except that choosing a
 * loudness target in the GUI also moves the ceiling to that target's ceiling (Custom leaves
 * it). Presets, automation and setState set `target` through the real host and so never
 * touch the ceiling: only the user's choice in this control does.
 */
import type { MeterListener, ParamHost, ParamListener } from '../../../shared-ui/param-host.js';
import type { ParamSet } from '../../../shared-wam/params.js';
import { ceilingForTarget } from './target-math.js';

export class TargetHost implements ParamHost {
  constructor(private readonly host: ParamHost) {}

  get params(): ParamSet {
    return this.host.params;
  }
  get identifier(): string {
    return this.host.identifier;
  }
  get sampleRate(): number {
    return this.host.sampleRate;
  }
  applyValues(values: Record<string, number>): Promise<void> {
    return this.host.applyValues(values);
  }
  getValue(id: string): number {
    return this.host.getValue(id);
  }
  setValue(id: string, value: number): void {
    this.host.setValue(id, value);
    if (id !== 'target') return;
    const ceiling = ceilingForTarget(this.host.params.clamp(id, value));
    if (ceiling === null) return;
    this.host.beginGesture('ceiling');
    this.host.setValue('ceiling', ceiling);
    this.host.endGesture('ceiling');
  }
  subscribe(listener: ParamListener): () => void {
    return this.host.subscribe(listener);
  }
  beginGesture(id: string): void {
    this.host.beginGesture(id);
  }
  endGesture(id: string): void {
    this.host.endGesture(id);
  }
  subscribeMeters(listener: MeterListener): () => void {
    return this.host.subscribeMeters(listener);
  }
  command(name: string): void {
    this.host.command(name);
  }
}
