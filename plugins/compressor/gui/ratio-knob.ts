/**
 * The ratio knob: the kit knob bound to `ratio`, with its value written as a ratio ("4.0:1",
 * and "inf:1" at the top of the control, where the parameter's 21 means infinity, see
 * params.ts). The kit's own value text is hidden; double-clicking the ratio text opens the
 * kit's inline editor as usual (type a number; 21 is the limit).
 */
import { LitElement, css } from 'lit';
import { html } from 'lit/static-html.js';
import { ParamWatchController, knobTag, tokens, type ParamHost } from '../../../shared-ui/index.js';
import { effectiveRatio } from '../../../shared-dsp/dynamics/gain-computer.js';
import { formatRatio } from './curve-model.js';

export class CompRatioKnob extends LitElement {
  static override properties = { host: { attribute: false }, text: { state: true } };

  static override styles = [
    tokens,
    css`
      :host {
        display: inline-flex;
        flex-direction: column;
        align-items: center;
        gap: 4px;
      }
      .k::part(value) {
        display: none;
      }
      .ratio {
        font: 500 11px/1.4 var(--_font);
        font-variant-numeric: tabular-nums;
        color: var(--_text);
        text-align: center;
        padding: 1px 4px;
        border-radius: 3px;
        cursor: text;
        white-space: nowrap;
      }
      .ratio:hover {
        background: var(--_panel-2);
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare text: string;

  private readonly watch = new ParamWatchController(
    this,
    ['ratio'],
    (_, ratio) => this.show(ratio),
    (host) => this.show(host.getValue('ratio')),
  );

  constructor() {
    super();
    this.text = '';
  }

  private show(ratio: number): void {
    this.text = formatRatio(effectiveRatio(ratio));
  }

  private readonly openEditor = (e: MouseEvent): void => {
    e.stopPropagation();
    const knob = this.renderRoot.querySelector('.k') as HTMLElement | null;
    knob?.shadowRoot?.querySelector('.value')?.dispatchEvent(new MouseEvent('dblclick'));
  };

  protected override render() {
    return html`<${knobTag} class="k" .host=${this.host} param="ratio"></${knobTag}>
      <span class="ratio" title="Double-click to type a value" @dblclick=${this.openEditor}>${this.text}</span>`;
  }
}
