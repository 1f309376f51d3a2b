/**
 * The Varnish Imager window: header (presets, swap and polarity), the vectorscope with the
 * correlation and balance meters under it, the per-band width strip (bands, crossovers, bass
 * mono), the output trim and level meter, and a strip of knobs for every parameter.
 */
import { LitElement, css, unsafeCSS } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import {
  ACCENTS,
  MeterController,
  ParamWatchController,
  levelMeterTag,
  numberTag,
  paramTag,
  panel,
  presetBarTag,
  editorFrame,
  scopedTag,
  tokens,
  type ParamHost,
  type VnLevelMeter,
} from '../../../shared-ui/index.js';
import { migrations } from '../migrations.js';
import { IMAGER_BANDS } from '../params.js';
import { BAND_COLORS, outputLevels } from './stereo-model.js';

export const IMAGER_SCOPE_TAG = 'vn-imager-scope';
export const IMAGER_BAR_TAG = 'vn-imager-bar';
export const IMAGER_STRIP_TAG = 'vn-imager-strip';
const scopeTag = unsafeStatic(scopedTag(IMAGER_SCOPE_TAG));
const barTag = unsafeStatic(scopedTag(IMAGER_BAR_TAG));
const stripTag = unsafeStatic(scopedTag(IMAGER_STRIP_TAG));

export class ImagerEditor extends LitElement {
  static override properties = {
    host: { attribute: false },
    baseUrl: { attribute: false },
    bands: { state: true },
    monoOn: { state: true },
  };

  static override styles = [
    tokens,
    panel,
    editorFrame,
    css`
      /* the host is the column (no .root) */
      :host {
        --vn-accent: ${unsafeCSS(ACCENTS.imager)};
        display: flex;
        flex-direction: column;
        gap: 8px;
        padding: 10px;
        min-width: 640px;
        min-height: 400px;
        background: var(--_bg);
      }
      header {
        min-height: 30px;
      }
      .flags {
        display: flex;
        gap: 6px;
      }
      .main {
        flex: 1;
        min-height: 0;
      }
      .scope-col {
        flex: none;
        width: clamp(200px, 34cqw, 300px);
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      .scope {
        flex: 1;
        min-height: 0;
      }
      .band-col {
        flex: 1;
        min-width: 0;
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      .band-tools {
        display: flex;
        align-items: center;
        gap: 10px;
        flex-wrap: nowrap;
        min-width: 0;
      }
      .band-tools .title,
      .section-title {
        font-size: 11px;
        font-variant: all-small-caps;
        letter-spacing: 0.1em;
        color: var(--_dim);
      }
      .strip {
        flex: 1;
        min-height: 0;
      }
      .knobs {
        display: flex;
        gap: 6px;
        --vn-knob-size: 34px;
      }
      .group {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 2px;
        padding: 4px 6px 6px;
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
        background: var(--_panel);
      }
      .group.grow {
        flex: 1;
      }
      .group-head {
        display: flex;
        align-items: center;
        gap: 8px;
        align-self: stretch;
        padding: 0 4px 2px;
      }
      .xover {
        transition: opacity 150ms;
      }
      .xover::part(box) {
        min-width: 70px;
      }
      .xover[data-off] {
        opacity: 0.38;
      }
      .row {
        flex: 1;
        display: flex;
        justify-content: space-around;
        align-items: flex-end;
        gap: 4px;
        width: 100%;
      }
      .band {
        display: flex;
        flex-direction: column;
        align-items: center;
        border-top: 2px solid var(--band);
        padding-top: 2px;
        transition: opacity 150ms;
      }
      .band[data-off] {
        opacity: 0.38;
      }
      .group.mono[data-off] .freq {
        opacity: 0.38;
      }
      .stack {
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: 6px;
        height: 100%;
      }
      @container vn-panel (max-width: 780px) {
        .knobs {
          --vn-knob-size: 28px;
        }
        .group {
          padding: 3px 3px 5px;
        }
        .brand {
          display: none;
        }
      }
      @container vn-panel (max-height: 460px) {
        .knobs {
          --vn-knob-size: 26px;
        }
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare baseUrl: string | undefined;
  declare bands: number;
  declare monoOn: boolean;

  private readonly levelFrames = [new Float32Array(4), new Float32Array(4)];
  private levelFlip = 0;

  /** the output meter shows per-channel [peak, rms] derived from the kernel's readings */
  private readonly meters = new MeterController(this as LitElement & { host?: ParamHost }, (frame) => {
    const meter = this.renderRoot.querySelector<VnLevelMeter>('.out-meter');
    if (!meter) return;
    this.levelFlip ^= 1;
    meter.frame = outputLevels(frame, this.levelFrames[this.levelFlip]);
  });

  /** the band count and bass mono dim the controls they leave unused */
  private readonly watch = new ParamWatchController(
    this,
    ['bands', 'monoOn'],
    () => this.read(),
    () => this.read(),
  );

  constructor() {
    super();
    this.bands = 1;
    this.monoOn = false;
  }

  private read(): void {
    const host = this.host;
    if (!host) return;
    this.bands = Math.round(host.getValue('bands'));
    this.monoOn = host.getValue('monoOn') >= 0.5;
  }

  protected override render() {
    void this.meters;
    const host = this.host;
    if (!host) return html``;
    return html`
      <header>
        <h1><span class="brand">Varnish </span>Imager</h1>
        <${presetBarTag} .host=${host} base-url=${this.baseUrl ?? ''} .migrations=${migrations}></${presetBarTag}>
        <span class="spacer"></span>
        <div class="flags">
          <${paramTag} .host=${host} param="swap"></${paramTag}>
          <${paramTag} .host=${host} param="invertL"></${paramTag}>
          <${paramTag} .host=${host} param="invertR"></${paramTag}>
        </div>
      </header>
      <div class="main">
        <div class="scope-col">
          <${scopeTag} class="scope" .host=${host}></${scopeTag}>
          <${barTag} .host=${host} kind="correlation"></${barTag}>
          <${barTag} .host=${host} kind="balance"></${barTag}>
        </div>
        <div class="band-col">
          <div class="band-tools">
            <span class="title">crossovers</span>
            <span class="spacer"></span>
            ${[1, 2, 3].map(
              (k) => html`<${numberTag}
                class="xover"
                .host=${host}
                param="xover${k}"
                hide-label
                ?data-off=${k >= this.bands}
              ></${numberTag}>`,
            )}
          </div>
          <${stripTag} class="strip" .host=${host}></${stripTag}>
        </div>
        <div class="out">
          <${paramTag} .host=${host} param="output" size="s"></${paramTag}>
          <${levelMeterTag} class="out-meter" offset="0" channels="2" stride="2" label="Out"></${levelMeterTag}>
        </div>
      </div>
      <div class="knobs">
        <div class="group">
          <span class="section-title">stereo</span>
          <div class="row">
            <${paramTag} .host=${host} param="width" size="s"></${paramTag}>
          </div>
        </div>
        <div class="group grow">
          <div class="group-head">
            <span class="section-title">bands</span>
            <${paramTag} .host=${host} param="bands" kind="segmented" hide-label></${paramTag}>
          </div>
          <div class="row">
            ${Array.from({ length: IMAGER_BANDS }, (_, i) => html`<div class="band" style="--band:${BAND_COLORS[i]}" ?data-off=${i >= this.bands}>
                <${paramTag} .host=${host} param="width${i + 1}" size="s"></${paramTag}>
              </div>`)}
          </div>
        </div>
        <div class="group mono" ?data-off=${!this.monoOn}>
          <span class="section-title">bass mono</span>
          <div class="row">
            <div class="stack"><${paramTag} .host=${host} param="monoOn" hide-label></${paramTag}></div>
            <${paramTag} class="freq" .host=${host} param="monoBelow" size="s"></${paramTag}>
          </div>
        </div>
        <div class="group">
          <span class="section-title">image</span>
          <div class="row">
            <${paramTag} .host=${host} param="balance" size="s"></${paramTag}>
            <${paramTag} .host=${host} param="rotation" size="s"></${paramTag}>
          </div>
        </div>
      </div>
    `;
  }
}
