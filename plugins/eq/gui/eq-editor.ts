/**
 * The Varnish EQ window: header (analyser mode, peak hold, output, phase, meter), the large
 * response graph, and a strip with every band's controls for numeric entry. The band selected
 * in the graph is highlighted in the strip.
 */
import { LitElement, css, unsafeCSS } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import { ACCENTS, editorFrame, levelMeterTag, paramTag, panel, presetBarTag, tokens, type ParamHost } from '../../../shared-ui/index.js';
import { scopedTag } from '../../../shared-ui/define.js';
import { BAND_COUNT } from '../params.js';
import { migrations } from '../migrations.js';
import { BAND_COLORS, bandId } from './band-model.js';
import type { AnalyserMode } from './eq-graph.js';

export const EQ_GRAPH_TAG = scopedTag('vn-eq-graph');
const graphTag = unsafeStatic(EQ_GRAPH_TAG);
const MODES: AnalyserMode[] = ['off', 'pre', 'post', 'both'];

export class EqEditor extends LitElement {
  static override properties = {
    host: { attribute: false },
    baseUrl: { attribute: false },
    selected: { state: true },
    analyser: { state: true },
    peakHold: { state: true },
  };

  static override styles = [
    tokens,
    panel,
    editorFrame,
    css`
      /* the host is the column (no .root) */
      :host {
        --vn-accent: ${unsafeCSS(ACCENTS.eq)};
        display: flex;
        flex-direction: column;
        gap: 8px;
        padding: 10px;
        min-width: 640px;
        min-height: 420px;
        background: var(--_bg);
      }
      header > * {
        flex: none;
        white-space: nowrap;
      }
      header > .presets {
        flex: 0 1 auto;
        min-width: 0;
      }
      .seg {
        display: inline-flex;
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
        overflow: hidden;
      }
      .seg button,
      .hold {
        background: var(--_panel);
        color: var(--_dim);
        border: 0;
        padding: 4px 9px;
        font: 11px var(--_font);
        font-variant: all-small-caps;
        letter-spacing: 0.08em;
        cursor: pointer;
      }
      .hold {
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
      }
      .seg button[aria-pressed='true'],
      .hold[aria-pressed='true'] {
        background: var(--_panel-2);
        color: var(--_accent);
      }
      .main {
        flex: 1;
        min-height: 0;
      }
      .graph {
        flex: 1;
        min-width: 0;
      }
      .strip {
        display: grid;
        grid-template-columns: repeat(${BAND_COUNT}, minmax(0, 1fr));
        gap: 4px;
      }
      .band {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 2px;
        padding: 4px 2px 6px;
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
        background: var(--_panel);
        --vn-knob-size: 30px;
      }
      .band[data-selected] {
        border-color: var(--band);
        box-shadow: inset 0 2px 0 var(--band);
      }
      .band .num {
        font-size: 11px;
        font-weight: 600;
        color: var(--band);
      }
      .knobs {
        display: grid;
        grid-template-columns: 1fr 1fr;
        justify-items: center;
        width: 100%;
      }
      .knobs > :first-child {
        grid-column: 1 / span 2;
      }
      @container (max-width: 760px) {
        .band {
          --vn-knob-size: 26px;
        }
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare baseUrl: string | undefined;
  declare selected: number;
  declare analyser: AnalyserMode;
  declare peakHold: boolean;

  constructor() {
    super();
    this.selected = 0;
    this.analyser = 'post';
    this.peakHold = false;
  }

  protected override render() {
    const host = this.host;
    if (!host) return html``;
    return html`
      <header>
        <h1>Varnish EQ</h1>
        <${presetBarTag} class="presets" .host=${host} base-url=${this.baseUrl ?? ''} .migrations=${migrations}></${presetBarTag}>
        <span class="seg" role="group" aria-label="Analyser">
          ${MODES.map(
            (m) => html`<button aria-pressed=${String(this.analyser === m)} @click=${() => (this.analyser = m)}>${m === 'off' ? 'analyser off' : m}</button>`,
          )}
        </span>
        <button class="hold" aria-pressed=${String(this.peakHold)} @click=${() => (this.peakHold = !this.peakHold)}>peak hold</button>
        <span class="spacer"></span>
        <${paramTag} .host=${host} param="phase"></${paramTag}>
      </header>
      <div class="main">
        <${graphTag}
          class="graph"
          .host=${host}
          .selected=${this.selected}
          .analyser=${this.analyser}
          ?peak-hold=${this.peakHold}
          @band-select=${(e: CustomEvent<number>) => (this.selected = e.detail)}
        ></${graphTag}>
        <div class="out">
          <${paramTag} .host=${host} param="output" size="s"></${paramTag}>
          <${levelMeterTag} .host=${host} offset="0" channels="2" stride="2" label="Out"></${levelMeterTag}>
        </div>
      </div>
      <div class="strip">
        ${Array.from({ length: BAND_COUNT }, (_, i) => this.renderBand(host, i + 1))}
      </div>
    `;
  }

  private renderBand(host: ParamHost, n: number) {
    const id = (w: string) => bandId(n, w);
    return html`<div
      class="band"
      style="--band:${BAND_COLORS[n - 1]}"
      ?data-selected=${n === this.selected}
      @pointerdown=${() => (this.selected = n)}
      @focusin=${() => (this.selected = n)}
    >
      <span class="num">${n}</span>
      <${paramTag} .host=${host} param=${id('on')} hide-label></${paramTag}>
      <${paramTag} .host=${host} param=${id('type')} kind="dropdown" hide-label></${paramTag}>
      <div class="knobs">
        <${paramTag} .host=${host} param=${id('freq')} label="freq" size="s"></${paramTag}>
        <${paramTag} .host=${host} param=${id('gain')} label="gain" size="s"></${paramTag}>
        <${paramTag} .host=${host} param=${id('q')} label="Q" size="s"></${paramTag}>
      </div>
      <${paramTag} .host=${host} param=${id('slope')} kind="dropdown" hide-label></${paramTag}>
      <${paramTag} .host=${host} param=${id('stereo')} kind="dropdown" hide-label></${paramTag}>
    </div>`;
  }
}
