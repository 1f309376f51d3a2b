/**
 * The Varnish Compressor window: header (title, presets), the transfer curve, the level and
 * gain-reduction history, in / GR / out meters, and the controls in five groups:
 *   Curve (threshold, ratio, knee) | Timing (attack, release, auto release)
 *   | Output (makeup, auto makeup, mix, range) | Detector (mode, lookahead, stereo link)
 *   | Sidechain (source, HPF on + frequency, listen).
 * Two rows of groups in a normal window, one row when the window is wide.
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
  editorCompact,
  presetBarTag,
  resizeGripTag,
  scopedTag,
  toggleTag,
  tokens,
  type ParamHost,
} from '../../../shared-ui/index.js';
import {
  COMP_METER_GR,
  COMP_METER_IN_L,
  COMP_METER_IN_R,
  COMP_METER_OUT_L,
  COMP_METER_OUT_R,
} from '../../../shared-dsp/dynamics/compressor-meters.js';

export const MIN_WIDTH = 640;
export const MIN_HEIGHT = 400;

const transferTag = unsafeStatic(scopedTag('vn-comp-transfer'));
const historyTag = unsafeStatic(scopedTag('vn-comp-history'));
const ratioTag = unsafeStatic(scopedTag('vn-comp-ratio'));

export class CompEditor extends LitElement {
  static override properties = {
    host: { attribute: false },
    baseUrl: { attribute: false },
  };

  static override styles = [
    tokens,
    panel,
    editorFrame,
    editorSections,
    editorCompact,
    css`
      :host {
        --vn-accent: ${unsafeCSS(ACCENTS.compressor)};
        min-width: ${MIN_WIDTH}px;
        min-height: ${MIN_HEIGHT}px;
        --vn-knob-size: 40px;
        --vn-value-width-narrow: 4.6em;
      }
      .main {
        min-height: 120px;
      }
      .transfer {
        flex: none;
        height: 100%;
        aspect-ratio: 1;
        max-width: 40%;
      }
      .history {
        flex: 1 1 auto;
        min-width: 120px;
      }
      .s3 {
        flex: 3 1 auto;
      }
      .s4 {
        flex: 4 1 auto;
      }
      @container vn-panel (min-width: 1320px) {
        .controls {
          flex-direction: row;
        }
        .row {
          display: contents;
        }
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare baseUrl: string | undefined;

  private readonly meters = new InOutMeters(this, {
    unit: 'db',
    inL: COMP_METER_IN_L,
    inR: COMP_METER_IN_R,
    outL: COMP_METER_OUT_L,
    outR: COMP_METER_OUT_R,
  });

  /** the header badges follow the sidechain source and listen */
  private readonly watch = new ParamWatchController(this, ['sidechain', 'listen'], () => this.requestUpdate());

  protected override render() {
    const host = this.host;
    if (!host) return html``;
    const external = host.getValue('sidechain') >= 0.5;
    const listen = host.getValue('listen') >= 0.5;
    return html`<div class="root">
      <header>
        <h1>Varnish Compressor</h1>
        <${presetBarTag} .host=${host} base-url=${this.baseUrl ?? ''}></${presetBarTag}>
        <span class="spacer"></span>
        ${listen ? html`<span class="badge" data-on title="SC Listen: the output is the sidechain signal">sc listen</span>` : ''}
        <span class="badge" ?data-on=${external} title="Sidechain: the detector's source">${external ? 'sc: external' : 'sc: internal'}</span>
      </header>
      <div class="main">
        <${transferTag} class="transfer" .host=${host}></${transferTag}>
        <${historyTag} class="history" .host=${host}></${historyTag}>
        <div class="meters">
          <${levelMeterTag} class="in-meter" channels="2" stride="2" input="db" label="In" scale></${levelMeterTag}>
          <${grMeterTag} .host=${host} index=${COMP_METER_GR} scale="reduction" range="24" label="GR"></${grMeterTag}>
          <${levelMeterTag} class="out-meter" channels="2" stride="2" input="db" label="Out"></${levelMeterTag}>
        </div>
      </div>
      <div class="controls">
        <div class="row">
          <section class="s3" aria-label="Curve">
            <h2>Curve</h2>
            <div class="ctl">
              <${knobTag} class="kn" .host=${host} param="threshold"></${knobTag}>
              <${ratioTag} .host=${host}></${ratioTag}>
              <${knobTag} class="kn" .host=${host} param="knee"></${knobTag}>
            </div>
          </section>
          <section class="s3" aria-label="Timing">
            <h2>Timing</h2>
            <div class="ctl">
              <${knobTag} class="kn" .host=${host} param="attack"></${knobTag}>
              <${knobTag} class="kn" .host=${host} param="release"></${knobTag}>
              <${toggleTag} class="sw" .host=${host} param="autoRelease"></${toggleTag}>
            </div>
          </section>
          <section class="s4" aria-label="Output">
            <h2>Output</h2>
            <div class="ctl">
              <${knobTag} class="kn" .host=${host} param="makeup"></${knobTag}>
              <${toggleTag} class="sw" .host=${host} param="autoMakeup"></${toggleTag}>
              <${knobTag} class="kn" .host=${host} param="mix"></${knobTag}>
              <${knobTag} class="kn" .host=${host} param="range"></${knobTag}>
            </div>
          </section>
        </div>
        <div class="row">
          <section class="s3" aria-label="Detector">
            <h2>Detector</h2>
            <div class="ctl">
              <${choiceTag} class="sw" .host=${host} param="detector" variant="segmented"></${choiceTag}>
              <${knobTag} class="kn" .host=${host} param="lookahead"></${knobTag}>
              <${knobTag} class="kn" .host=${host} param="link"></${knobTag}>
            </div>
          </section>
          <section class="s4" aria-label="Sidechain">
            <h2>Sidechain</h2>
            <div class="ctl">
              <${choiceTag} class="sw" .host=${host} param="sidechain" variant="segmented"></${choiceTag}>
              <${toggleTag} class="sw" .host=${host} param="scHpfOn"></${toggleTag}>
              <${knobTag} class="kn" .host=${host} param="scHpf"></${knobTag}>
              <${toggleTag} class="sw" .host=${host} param="listen"></${toggleTag}>
            </div>
          </section>
        </div>
      </div>
      <${resizeGripTag} min-width=${MIN_WIDTH} min-height=${MIN_HEIGHT}></${resizeGripTag}>
    </div>`;
  }
}
