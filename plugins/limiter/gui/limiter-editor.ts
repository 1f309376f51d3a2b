/**
 * The Varnish Limiter window:
 *   header      title, presets, latency
 *   main        Drive (gain and ceiling, large) | gain reduction over the waveform | In / GR / Out
 *   loudness    M S I LRA TPmax PLR, short-term history with the target, reset | Target
 *   controls    Release (release, auto) | Detection (lookahead, true peak, link) | Output (dither, trim)
 */
import { LitElement, css, unsafeCSS } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import {
  ACCENTS,
  InOutMeters,
  ParamWatchController,
  choiceTag,
  grMeterTag,
  knobTag,
  levelMeterTag,
  panel,
  editorFrame,
  editorSections,
  paramTag,
  presetBarTag,
  resizeGripTag,
  scopedTag,
  toggleTag,
  tokens,
  type ParamHost,
} from '../../../shared-ui/index.js';
import {
  LIM_METER_GR,
  LIM_METER_IN_L,
  LIM_METER_IN_R,
  LIM_METER_OUT_L,
  LIM_METER_OUT_R,
} from '../../../shared-dsp/limiter/limiter-meters.js';
import { delayFor, lookaheadSamples } from '../../../shared-dsp/limiter/limiter-timing.js';
import type { LimLoudnessPanel } from './loudness-panel.js';

export const MIN_WIDTH = 640;
export const MIN_HEIGHT = 420;

export const GR_HISTORY_TAG = 'vn-limiter-gr-history';
export const LOUDNESS_PANEL_TAG = 'vn-limiter-loudness';
export const TARGET_PANEL_TAG = 'vn-limiter-target';
export const EDITOR_TAG = 'vn-limiter';
const historyTag = unsafeStatic(scopedTag(GR_HISTORY_TAG));
const loudnessTag = unsafeStatic(scopedTag(LOUDNESS_PANEL_TAG));
const targetTag = unsafeStatic(scopedTag(TARGET_PANEL_TAG));

export class LimiterEditor extends LitElement {
  static override properties = {
    host: { attribute: false },
    baseUrl: { attribute: false },
  };

  static override styles = [
    tokens,
    panel,
    editorFrame,
    editorSections,
    css`
      :host {
        --vn-accent: ${unsafeCSS(ACCENTS.limiter)};
        min-width: ${MIN_WIDTH}px;
        min-height: ${MIN_HEIGHT}px;
        --vn-knob-size: 40px;
        --big-knob: 84px;
      }
      .badge {
        font-variant-numeric: tabular-nums;
      }
      section {
        min-height: 0;
        box-sizing: border-box;
      }
      /* a title row: the loudness title carries its reset button */
      h2 {
        display: flex;
        align-items: center;
        gap: 8px;
        margin: 0 0 4px;
      }
      h2 .grow {
        flex: 1;
      }
      .main {
        min-height: 110px;
      }
      .drive {
        flex: none;
        justify-content: center;
        border-color: color-mix(in srgb, var(--_accent) 40%, var(--_line));
        background: radial-gradient(120% 90% at 50% 20%, color-mix(in srgb, var(--_accent) 9%, var(--_panel)) 0%, var(--_panel) 70%);
      }
      .big {
        flex: 1;
        display: flex;
        align-items: center;
        justify-content: center;
        gap: 14px;
        padding: 0 4px;
      }
      .big > * {
        --vn-knob-size: var(--big-knob);
      }
      .history {
        flex: 1 1 auto;
        min-width: 140px;
      }
      .loud-row {
        flex: none;
        height: 142px;
        display: flex;
        gap: 8px;
      }
      .loud {
        flex: 1 1 auto;
      }
      .loud > :last-child {
        flex: 1 1 auto;
      }
      .target {
        flex: none;
        width: 196px;
      }
      .reset {
        background: var(--_panel-2);
        color: var(--_text);
        border: 1px solid var(--_line);
        border-radius: 4px;
        padding: 1px 8px;
        font: 11px var(--_font);
        font-variant: all-small-caps;
        letter-spacing: 0.08em;
        cursor: pointer;
      }
      .reset:hover {
        border-color: var(--_accent);
      }
      .reset:focus-visible {
        outline: 2px solid var(--_focus);
        outline-offset: 1px;
      }
      /* one row of control sections */
      .controls {
        flex-direction: row;
      }
      .s2 {
        flex: 2 1 0;
      }
      .s3 {
        flex: 3 1 0;
      }
      @container vn-panel (max-width: 760px) {
        .big {
          gap: 8px;
        }
        .target {
          width: 168px;
        }
        .ctl {
          gap: 2px;
        }
        section {
          padding: 5px 5px 6px;
        }
        .tp-badge {
          display: none;
        }
      }
      @container vn-panel (max-height: 500px) {
        .root {
          gap: 6px;
          padding: 8px;
        }
        .drive h2 {
          display: none;
        }
        .loud-row {
          height: 126px;
        }
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare baseUrl: string | undefined;

  private readonly meters = new InOutMeters(this, {
    unit: 'db',
    inL: LIM_METER_IN_L,
    inR: LIM_METER_IN_R,
    outL: LIM_METER_OUT_L,
    outR: LIM_METER_OUT_R,
  });

  /** the latency and detection badges follow the lookahead and true peak */
  private readonly watch = new ParamWatchController(this, ['lookahead', 'truePeak'], () => this.requestUpdate());

  private resetLoudness(): void {
    this.renderRoot.querySelector<LimLoudnessPanel>('.loudness')?.resetLoudness();
  }

  protected override render() {
    const host = this.host;
    if (!host) return html``;
    const sr = host.sampleRate || 48000;
    const latency = delayFor(lookaheadSamples(host.getValue('lookahead'), sr));
    const tp = host.getValue('truePeak') >= 0.5;
    return html`<div class="root">
      <header>
        <h1>Varnish Limiter</h1>
        <${presetBarTag} .host=${host} base-url=${this.baseUrl ?? ''}></${presetBarTag}>
        <span class="spacer"></span>
        <span class="badge tp-badge" ?data-on=${tp} title="Detection">${tp ? 'true peak' : 'sample peak'}</span>
        <span class="badge" title="Delay reported to the host (getCompensationDelay)">latency ${((latency / sr) * 1000).toFixed(1)} ms · ${latency} smp</span>
      </header>
      <div class="main">
        <section class="drive" aria-label="Drive">
          <h2>Drive</h2>
          <div class="big">
            <${knobTag} .host=${host} param="gain" size="l"></${knobTag}>
            <${knobTag} .host=${host} param="ceiling" size="l"></${knobTag}>
          </div>
        </section>
        <${historyTag} class="history" .host=${host}></${historyTag}>
        <div class="meters">
          <${levelMeterTag} class="in-meter" channels="2" stride="2" input="db" label="In" scale></${levelMeterTag}>
          <${grMeterTag} .host=${host} index=${LIM_METER_GR} scale="reduction" range="12" label="GR"></${grMeterTag}>
          <${levelMeterTag} class="out-meter" channels="2" stride="2" input="db" label="Out"></${levelMeterTag}>
        </div>
      </div>
      <div class="loud-row">
        <section class="loud" aria-label="Loudness">
          <h2>Loudness (EBU R128)<span class="grow"></span>
            <button class="reset" data-action="reset-loudness" title="Restart the loudness measurement" @click=${() => this.resetLoudness()}>reset</button>
          </h2>
          <${loudnessTag} class="loudness" .host=${host}></${loudnessTag}>
        </section>
        <section class="target" aria-label="Target">
          <h2>Target</h2>
          <${targetTag} .host=${host}></${targetTag}>
        </section>
      </div>
      <div class="controls">
        <section class="s2" aria-label="Release">
          <h2>Release</h2>
          <div class="ctl">
            <${paramTag} .host=${host} param="release"></${paramTag}>
            <${toggleTag} class="sw" .host=${host} param="autoRelease"></${toggleTag}>
          </div>
        </section>
        <section class="s3" aria-label="Detection">
          <h2>Detection</h2>
          <div class="ctl">
            <${paramTag} .host=${host} param="lookahead"></${paramTag}>
            <${toggleTag} class="sw" .host=${host} param="truePeak"></${toggleTag}>
            <${paramTag} .host=${host} param="link"></${paramTag}>
          </div>
        </section>
        <section class="s2" aria-label="Output">
          <h2>Output</h2>
          <div class="ctl">
            <${choiceTag} class="sw" .host=${host} param="dither" variant="dropdown"></${choiceTag}>
            <${paramTag} .host=${host} param="trim"></${paramTag}>
          </div>
        </section>
      </div>
      <${resizeGripTag} min-width=${MIN_WIDTH} min-height=${MIN_HEIGHT}></${resizeGripTag}>
    </div>`;
  }
}
