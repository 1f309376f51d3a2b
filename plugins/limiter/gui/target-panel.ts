/**
 * The loudness target: the target choice (choosing one also sets its ceiling, see
 * target-host.ts), how far the master is from the target's loudness (integrated, or short-term
 * on request) and the drive that would reach it. The gain moves only when the user presses
 * "apply": then by the difference, kept in the gain's range (target-math.ts).
 */
import { LitElement, css } from 'lit';
import { html } from 'lit/static-html.js';
import { MeterController, ParamWatchController, choiceTag, tokens, type ParamHost } from '../../../shared-ui/index.js';
import { LIM_METER_INTEGRATED, LIM_METER_SHORT_TERM, METER_FLOOR_DB } from '../../../shared-dsp/limiter/limiter-meters.js';
import { TargetHost } from './target-host.js';
import { formatDb, gainToReach, loudnessGap, targetAt } from './target-math.js';

const READ_EVERY = 3;
export type LoudnessReference = 'integrated' | 'shortTerm';

export class LimTargetPanel extends LitElement {
  static override properties = {
    host: { attribute: false },
    reference: { state: true },
  };

  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 5px;
        min-width: 0;
        font-size: 11px;
        color: var(--_dim);
      }
      .row {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 6px;
      }
      .goal {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .seg {
        display: inline-flex;
        border: 1px solid var(--_line);
        border-radius: 4px;
        overflow: hidden;
      }
      .seg button {
        background: var(--_panel);
        color: var(--_dim);
        border: 0;
        padding: 2px 7px;
        font: 11px var(--_font);
        font-variant: all-small-caps;
        letter-spacing: 0.08em;
        cursor: pointer;
      }
      .seg button[aria-pressed='true'] {
        background: var(--_panel-2);
        color: var(--_accent);
      }
      .gap {
        font: 600 17px/1.1 var(--_font);
        font-variant-numeric: tabular-nums;
        color: var(--_text);
        white-space: nowrap;
      }
      .gap[data-state='near'] {
        color: #7fd18b;
      }
      .gap[data-state='over'] {
        color: var(--_warn);
      }
      .u {
        font-size: 10px;
        font-weight: 400;
        color: var(--_dim);
        margin-left: 3px;
      }
      .apply {
        background: var(--_panel-2);
        color: var(--_text);
        border: 1px solid color-mix(in srgb, var(--_accent) 60%, var(--_line));
        border-radius: 4px;
        padding: 4px 8px;
        font: 500 11px var(--_font);
        font-variant-numeric: tabular-nums;
        cursor: pointer;
        white-space: nowrap;
      }
      .apply:hover:not(:disabled) {
        background: color-mix(in srgb, var(--_accent) 22%, var(--_panel-2));
      }
      .apply:disabled {
        color: var(--_dim);
        border-color: var(--_line);
        cursor: default;
      }
      .apply:focus-visible,
      .seg button:focus-visible {
        outline: 2px solid var(--_focus);
        outline-offset: 1px;
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare reference: LoudnessReference;

  private targetHost: TargetHost | undefined;
  private targetHostOf: ParamHost | undefined;
  private integrated = METER_FLOOR_DB;
  private shortTerm = METER_FLOOR_DB;
  private frames = 0;

  private readonly meters = new MeterController(this as LitElement & { host?: ParamHost }, (f) => {
    if (++this.frames < READ_EVERY) return;
    this.frames = 0;
    this.integrated = f[LIM_METER_INTEGRATED];
    this.shortTerm = f[LIM_METER_SHORT_TERM];
    this.requestUpdate();
  });

  /** target, gain and ceiling changes (from any source) redraw the comparison */
  private readonly watch = new ParamWatchController(this, ['target', 'gain', 'ceiling'], () => this.requestUpdate());

  constructor() {
    super();
    this.reference = 'integrated';
  }

  /** measured loudness of the chosen reference, LUFS */
  get measured(): number {
    return this.reference === 'integrated' ? this.integrated : this.shortTerm;
  }

  /** the gain the apply button would set (null: nothing to apply) */
  get proposedGain(): number | null {
    const host = this.host;
    if (!host) return null;
    const gap = loudnessGap(this.measured, targetAt(host.getValue('target')).lufs);
    if (gap === null) return null;
    const p = host.params.get('gain');
    const gain = host.getValue('gain');
    const next = gainToReach(gain, gap, p.min, p.max);
    return Math.abs(next - gain) >= 0.05 ? next : null;
  }

  /** move the gain by the difference (clamped), as one gesture */
  apply(): void {
    const host = this.host;
    const next = this.proposedGain;
    if (!host || next === null) return;
    host.beginGesture('gain');
    host.setValue('gain', Math.round(next * 10) / 10);
    host.endGesture('gain');
  }

  protected override render() {
    const host = this.host;
    if (!host) return html``;
    if (this.targetHostOf !== host) {
      this.targetHost = new TargetHost(host);
      this.targetHostOf = host;
    }
    const target = targetAt(host.getValue('target'));
    const gap = loudnessGap(this.measured, target.lufs);
    const gain = host.getValue('gain');
    const next = this.proposedGain;
    const delta = next === null ? null : next - gain;
    const state = gap === null ? 'none' : Math.abs(gap) <= 1 ? 'near' : 'over';
    const goal =
      target.lufs === null
        ? 'custom: no loudness goal'
        : `goal ${target.lufs} LUFS · ${(target.ceiling ?? host.getValue('ceiling')).toFixed(1)} dBTP`;
    const refName = this.reference === 'integrated' ? 'integrated' : 'short-term';
    return html`
      <${choiceTag} class="choice" .host=${this.targetHost} param="target" variant="dropdown" hide-label></${choiceTag}>
      <div class="goal">${goal}</div>
      <div class="row">
        <span class="gap" data-state=${state} data-readout="gap" title=${`${refName} loudness minus the target's`}>
          ${gap === null ? '-' : formatDb(gap, true)}<span class="u">LU vs target</span>
        </span>
        <span class="seg" role="group" aria-label="Compare with the target">
          <button aria-pressed=${String(this.reference === 'integrated')} title="Compare the integrated loudness" @click=${() => (this.reference = 'integrated')}>I</button>
          <button aria-pressed=${String(this.reference === 'shortTerm')} title="Compare the short-term loudness" @click=${() => (this.reference = 'shortTerm')}>S</button>
        </span>
      </div>
      <button
        class="apply"
        data-action="apply"
        ?disabled=${next === null}
        title="Move the gain by the difference (loudness follows gain 1:1 until the limiter works harder)"
        @click=${() => this.apply()}
      >
        ${delta !== null ? `apply gain ${formatDb(delta, true)} dB` : gap !== null && Math.abs(gap) >= 0.05 ? 'gain at its limit' : 'apply gain'}
      </button>
    `;
  }
}
