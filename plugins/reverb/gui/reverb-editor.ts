/**
 * The Varnish Reverb window: header (title, presets, mode badges), the decay picture beside the
 * in / out meters, the large controls (predelay, size, decay, mix) with the algorithm and the
 * send / freeze switches, and the rest in groups:
 *   Shape (high decay, bass decay) | Tone (low cut, high cut) | Texture (diffusion, mod depth,
 *   mod rate) | Image (width, early/late).
 */
import { LitElement, css, unsafeCSS } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import {
  ACCENTS,
  InOutMeters,
  ParamWatchController,
  choiceTag,
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
import { REVERB_DECAY_TAG } from './decay-view.js';

/** offsets in the reverb kernel's meter frame: linear peaks [inL, inR, outL, outR] */
const REVERB_METER_IN = 0;
const REVERB_METER_OUT = 2;

export const MIN_WIDTH = 640;
export const MIN_HEIGHT = 400;

const decayTag = unsafeStatic(scopedTag(REVERB_DECAY_TAG));

export class ReverbEditor extends LitElement {
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
        --vn-accent: ${unsafeCSS(ACCENTS.reverb)};
        min-width: ${MIN_WIDTH}px;
        min-height: ${MIN_HEIGHT}px;
        --vn-knob-size: 38px;
        --big: 60px;
      }
      .main {
        min-height: 90px;
      }
      .decay {
        flex: 1 1 auto;
        min-width: 200px;
      }
      .big {
        --vn-knob-size: var(--big);
      }
      .mode {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: space-between;
        gap: 6px;
      }
      .switches {
        display: flex;
        gap: 10px;
      }
      .s2 {
        flex: 2 1 auto;
      }
      .s3 {
        flex: 3 1 auto;
      }
      .s5 {
        flex: 5 1 auto;
      }
      @container vn-panel (min-width: 1280px) {
        .controls {
          flex-direction: row;
        }
        .row {
          display: contents;
        }
      }
      @container vn-panel (max-width: 780px) {
        /* the mode column is a .ctl too: it tightens with the knob rows (editorCompact) */
        .mode {
          gap: 2px;
        }
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare baseUrl: string | undefined;

  private readonly meters = new InOutMeters(this, {
    unit: 'linear',
    inL: REVERB_METER_IN,
    inR: REVERB_METER_IN + 1,
    outL: REVERB_METER_OUT,
    outR: REVERB_METER_OUT + 1,
  });

  /** the header badges follow send, freeze and the algorithm */
  private readonly watch = new ParamWatchController(this, ['send', 'freeze', 'algorithm'], () => this.requestUpdate());

  protected override render() {
    const host = this.host;
    if (!host) return html``;
    const send = host.getValue('send') >= 0.5;
    const freeze = host.getValue('freeze') >= 0.5;
    const algo = host.params.get('algorithm');
    const algoName = algo?.choices?.[Math.round(host.getValue('algorithm'))] ?? '';
    const early = algoName === 'room' || algoName === 'chamber';
    return html`<div class="root">
      <header>
        <h1>Varnish Reverb</h1>
        <${presetBarTag} .host=${host} base-url=${this.baseUrl ?? ''}></${presetBarTag}>
        <span class="spacer"></span>
        ${freeze ? html`<span class="badge" data-on title="Freeze: the tail holds, the input is muted">frozen</span>` : ''}
        <span class="badge" ?data-on=${send} title="Send: 100 % wet, the dry path is off">${send ? '100 % wet' : 'insert'}</span>
        <span class="badge" title=${early ? 'Early reflections and tail' : 'Tail only (no early reflections)'}>${algoName}${early ? ' + er' : ''}</span>
      </header>
      <div class="main">
        <${decayTag} class="decay" .host=${host}></${decayTag}>
        <div class="meters">
          <${levelMeterTag} class="in-meter" channels="2" stride="2" input="linear" label="In" scale></${levelMeterTag}>
          <${levelMeterTag} class="out-meter" channels="2" stride="2" input="linear" label="Out"></${levelMeterTag}>
        </div>
      </div>
      <div class="controls">
        <div class="row">
          <section class="s5" aria-label="Space">
            <h2>Space</h2>
            <div class="ctl">
              <${knobTag} class="kn big" size="l" .host=${host} param="predelay"></${knobTag}>
              <${knobTag} class="kn big" size="l" .host=${host} param="size"></${knobTag}>
              <${knobTag} class="kn big" size="l" .host=${host} param="decay"></${knobTag}>
              <${knobTag} class="kn big" size="l" .host=${host} param="mix"></${knobTag}>
            </div>
          </section>
          <section class="s3" aria-label="Mode">
            <h2>Mode</h2>
            <div class="ctl mode">
              <${choiceTag} .host=${host} param="algorithm" variant="segmented"></${choiceTag}>
              <div class="switches">
                <${toggleTag} .host=${host} param="send"></${toggleTag}>
                <${toggleTag} .host=${host} param="freeze"></${toggleTag}>
              </div>
            </div>
          </section>
        </div>
        <div class="row">
          <section class="s2" aria-label="Shape">
            <h2>Shape</h2>
            <div class="ctl">
              <${knobTag} class="kn" .host=${host} param="damping"></${knobTag}>
              <${knobTag} class="kn" .host=${host} param="bassDecay"></${knobTag}>
            </div>
          </section>
          <section class="s2" aria-label="Tone">
            <h2>Tone</h2>
            <div class="ctl">
              <${knobTag} class="kn" .host=${host} param="lowCut"></${knobTag}>
              <${knobTag} class="kn" .host=${host} param="highCut"></${knobTag}>
            </div>
          </section>
          <section class="s3" aria-label="Texture">
            <h2>Texture</h2>
            <div class="ctl">
              <${knobTag} class="kn" .host=${host} param="diffusion"></${knobTag}>
              <${knobTag} class="kn" .host=${host} param="modDepth"></${knobTag}>
              <${knobTag} class="kn" .host=${host} param="modRate"></${knobTag}>
            </div>
          </section>
          <section class="s2" aria-label="Image">
            <h2>Image</h2>
            <div class="ctl">
              <${knobTag} class="kn" .host=${host} param="width"></${knobTag}>
              <${knobTag} class="kn" .host=${host} param="earlyLate"></${knobTag}>
            </div>
          </section>
        </div>
      </div>
      <${resizeGripTag} min-width=${MIN_WIDTH} min-height=${MIN_HEIGHT}></${resizeGripTag}>
    </div>`;
  }
}
