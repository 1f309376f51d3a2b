/**
 * vn-param: one parameter as a unit (label, control, value), the control chosen from the
 * declaration so plugin GUIs stay short:
 *
 *   <${paramTag} .host=${host} param="ratio"></${paramTag}>
 *
 * kind: "auto" (default) | "knob" | "fader" | "toggle" | "choice" | "segmented" |
 * "dropdown" | "number". auto: boolean -> toggle, choice -> choice (segmented up to 3
 * names, else dropdown), float/int -> knob. size ("s" | "l") and hide-label pass through.
 */
import { LitElement, css } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { ParamHost } from '../param-host.js';
import { scopedTag } from '../define.js';
import { choiceTag } from './choice.js';
import { faderTag } from './fader.js';
import { knobTag } from './knob.js';
import { numberTag } from './number-field.js';
import { toggleTag } from './toggle.js';

export const PARAM_TAG = scopedTag('vn-param');
export const paramTag = unsafeStatic(PARAM_TAG);

export type ParamKind = 'auto' | 'knob' | 'fader' | 'toggle' | 'choice' | 'segmented' | 'dropdown' | 'number';

export class VnParam extends LitElement {
  static override properties = {
    host: { attribute: false },
    param: { type: String },
    kind: { type: String },
    label: { type: String },
    size: { type: String },
    hideLabel: { type: Boolean, attribute: 'hide-label' },
  };

  static override styles = css`
    :host {
      display: inline-flex;
      min-width: 0;
    }
    :host([hidden]) {
      display: none;
    }
    :host > * {
      flex: 1 1 auto;
    }
  `;

  declare host: ParamHost | undefined;
  declare param: string | undefined;
  declare kind: ParamKind;
  declare label: string | undefined;
  declare size: string | undefined;
  declare hideLabel: boolean;

  constructor() {
    super();
    this.kind = 'auto';
    this.hideLabel = false;
  }

  /** the control kind this element renders for its parameter */
  get resolvedKind(): Exclude<ParamKind, 'auto' | 'segmented' | 'dropdown'> | 'segmented' | 'dropdown' {
    if (this.kind !== 'auto') return this.kind === 'choice' ? 'choice' : this.kind;
    const p = this.host && this.param && this.host.params.has(this.param) ? this.host.params.get(this.param) : undefined;
    if (!p) return 'knob';
    if (p.type === 'boolean') return 'toggle';
    if (p.type === 'choice') return 'choice';
    return 'knob';
  }

  /** the rendered control element */
  get control(): (HTMLElement & { focus(o?: FocusOptions): void }) | null {
    return this.renderRoot.firstElementChild as HTMLElement | null;
  }

  override focus(options?: FocusOptions): void {
    this.control?.focus(options);
  }

  override render() {
    const host = this.host;
    const param = this.param ?? '';
    const label = this.label;
    const hide = this.hideLabel;
    switch (this.resolvedKind) {
      case 'toggle':
        return html`<${toggleTag} part="control" .host=${host} param=${param} .label=${label} ?hide-label=${hide}></${toggleTag}>`;
      case 'choice':
      case 'segmented':
      case 'dropdown': {
        const variant = this.kind === 'segmented' || this.kind === 'dropdown' ? this.kind : 'auto';
        return html`<${choiceTag} part="control" .host=${host} param=${param} .label=${label} ?hide-label=${hide} variant=${variant}></${choiceTag}>`;
      }
      case 'fader':
        return html`<${faderTag} part="control" .host=${host} param=${param} .label=${label} ?hide-label=${hide}></${faderTag}>`;
      case 'number':
        return html`<${numberTag} part="control" .host=${host} param=${param} .label=${label} ?hide-label=${hide}></${numberTag}>`;
      default:
        return html`<${knobTag} part="control" .host=${host} param=${param} .label=${label} ?hide-label=${hide} size=${this.size ?? ''}></${knobTag}>`;
    }
  }
}
