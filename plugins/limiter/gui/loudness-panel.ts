/**
 * The loudness panel: EBU R128 readouts of the limiter's output (momentary, short-term,
 * integrated, loudness range, maximum true peak and the peak-to-loudness ratio PLR = true peak
 * max - integrated), the short-term history graph with the target line, and a reset button
 * that restarts the measurement in the kernel (host.command('resetLoudness')).
 *
 * Readouts refresh at ~10 Hz (every third meter frame) so that they stay readable.
 */
import { LitElement, css } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import { MeterController, scopedTag, tokens, type ParamHost } from '../../../shared-ui/index.js';
import {
  LIM_METER_INTEGRATED,
  LIM_METER_LRA,
  LIM_METER_MOMENTARY,
  LIM_METER_SHORT_TERM,
  LIM_METER_TRUE_PEAK,
  METER_FLOOR_DB,
} from '../../../shared-dsp/limiter/limiter-meters.js';
import { formatDb, plr, reading, targetAt } from './target-math.js';
import type { LimLoudnessGraph } from './loudness-graph.js';

export const LOUDNESS_GRAPH_TAG = 'vn-limiter-loudness-graph';
const graphTag = unsafeStatic(scopedTag(LOUDNESS_GRAPH_TAG));
const READ_EVERY = 3;

interface Readout {
  key: string;
  label: string;
  title: string;
  unit: string;
}

const READOUTS: Readout[] = [
  { key: 'momentary', label: 'M', title: 'Momentary loudness (400 ms)', unit: 'LUFS' },
  { key: 'shortTerm', label: 'S', title: 'Short-term loudness (3 s)', unit: 'LUFS' },
  { key: 'integrated', label: 'I', title: 'Integrated loudness since reset (gated, BS.1770)', unit: 'LUFS' },
  { key: 'range', label: 'LRA', title: 'Loudness range (EBU Tech 3342)', unit: 'LU' },
  { key: 'truePeak', label: 'TP max', title: 'Maximum true peak since reset (4x oversampled)', unit: 'dBTP' },
  { key: 'plr', label: 'PLR', title: 'Peak-to-loudness ratio: true peak max minus integrated', unit: 'LU' },
];

export class LimLoudnessPanel extends LitElement {
  static override properties = { host: { attribute: false } };

  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        gap: 10px;
        min-width: 0;
        min-height: 0;
      }
      .readouts {
        flex: none;
        display: grid;
        grid-template-columns: repeat(3, minmax(62px, auto));
        grid-template-rows: 1fr 1fr;
        gap: 4px;
      }
      .cell {
        display: flex;
        flex-direction: column;
        justify-content: center;
        padding: 3px 8px;
        background: var(--_well);
        border: 1px solid var(--_line);
        border-radius: 4px;
        min-width: 0;
      }
      .k {
        font-size: 11px;
        font-weight: 600;
        font-variant: all-small-caps;
        letter-spacing: 0.1em;
        color: var(--_dim);
        white-space: nowrap;
      }
      .v {
        font: 600 17px/1.15 var(--_font);
        font-variant-numeric: tabular-nums;
        color: var(--_text);
        white-space: nowrap;
      }
      .u {
        font-size: 10px;
        font-weight: 400;
        color: var(--_dim);
        margin-left: 3px;
      }
      .cell[data-key='integrated'] {
        border-color: color-mix(in srgb, var(--_accent) 55%, var(--_line));
      }
      .cell[data-key='integrated'] .v {
        color: var(--_accent);
      }
      .cell[data-over] .v {
        color: var(--_clip);
      }
      .graph-col {
        flex: 1 1 auto;
        min-width: 0;
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .graph {
        flex: 1 1 auto;
      }
      @container vn-panel (max-width: 760px) {
        .readouts {
          grid-template-columns: repeat(3, minmax(54px, auto));
        }
        .cell {
          padding: 2px 5px;
        }
        .v {
          font-size: 14px;
        }
        .u {
          display: none;
        }
      }
    `,
  ];

  declare host: ParamHost | undefined;

  /** latest readings (LUFS, LU, dBTP), refreshed every READ_EVERY frames */
  private readonly values: Record<string, number> = {
    momentary: METER_FLOOR_DB,
    shortTerm: METER_FLOOR_DB,
    integrated: METER_FLOOR_DB,
    range: 0,
    truePeak: METER_FLOOR_DB,
  };
  private frames = 0;

  private readonly meters = new MeterController(this as LitElement & { host?: ParamHost }, (f) => {
    if (++this.frames < READ_EVERY) return;
    this.frames = 0;
    const v = this.values;
    v.momentary = f[LIM_METER_MOMENTARY];
    v.shortTerm = f[LIM_METER_SHORT_TERM];
    v.integrated = f[LIM_METER_INTEGRATED];
    v.range = f[LIM_METER_LRA];
    v.truePeak = f[LIM_METER_TRUE_PEAK];
    this.requestUpdate();
  });

  /** restart the measurement: the kernel's meter, the readouts and the graph */
  resetLoudness(): void {
    this.host?.command('resetLoudness');
    const v = this.values;
    v.momentary = v.shortTerm = v.integrated = v.truePeak = METER_FLOOR_DB;
    v.range = 0;
    this.renderRoot.querySelector<LimLoudnessGraph>('.graph')?.clear();
    this.requestUpdate();
  }

  private text(key: string): string {
    const v = this.values;
    switch (key) {
      case 'range':
        return reading(v.integrated) === null ? '-' : v.range.toFixed(1);
      case 'plr': {
        const p = plr(v.truePeak, v.integrated);
        return p === null ? '-' : p.toFixed(1);
      }
      default:
        return formatDb(v[key]);
    }
  }

  protected override render() {
    const host = this.host;
    const ceiling = host ? host.getValue('ceiling') : 0;
    const tp = this.values.truePeak;
    // a true peak over the ceiling (+0.1 dB, the limiter's true-peak tolerance) or over the target's
    const target = host ? targetAt(host.getValue('target')) : null;
    const tpLimit = Math.min(ceiling, target?.ceiling ?? 0) + 0.1;
    return html`
      <div class="readouts" role="group" aria-label="Loudness">
        ${READOUTS.map(
          (r) => html`<div class="cell" data-key=${r.key} title=${r.title} ?data-over=${r.key === 'truePeak' && tp > tpLimit}>
            <span class="k">${r.label}</span>
            <span class="v"><span data-readout=${r.key} aria-label=${r.title}>${this.text(r.key)}</span><span class="u">${r.unit}</span></span>
          </div>`,
        )}
      </div>
      <div class="graph-col">
        <${graphTag} class="graph" .host=${host}></${graphTag}>
      </div>
    `;
  }
}
