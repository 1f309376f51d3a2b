/**
 * vn-number: a compact numeric box for one parameter (when a knob is too big: Q, ratio,
 * times), role=spinbutton (the ARIA role of a number box; same aria-value* attributes).
 *
 *   <${numberTag} .host=${host} param="b1_q"></${numberTag}>
 *
 * Vertical drag on the box (Shift: fine), wheel, slider keys, Enter or a double-click on the
 * number types a value; double-click on the box's edge or Alt-click, or Delete, resets.
 * A thin bar under the number shows the position in the range.
 */
import { LitElement, css } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { ParamHost } from '../param-host.js';
import { scopedTag } from '../define.js';
import { controlStyles, tokens } from '../theme.js';
import { createControlSet, paramProperties } from '../controllers/control-set.js';
import { arcOrigin } from '../logic/knob-geometry.js';

export const NUMBER_TAG = scopedTag('vn-number');
export const numberTag = unsafeStatic(NUMBER_TAG);

export class VnNumber extends LitElement {
  static override properties = { ...paramProperties };

  static override styles = [
    tokens,
    controlStyles,
    css`
      .box {
        position: relative;
        display: flex;
        align-items: center;
        justify-content: center;
        min-width: 76px;
        height: 24px;
        padding: 0 6px 2px;
        box-sizing: border-box;
        background: var(--_well);
        border: 1px solid var(--_line);
        border-radius: 4px;
        cursor: ns-resize;
      }
      .box .value:hover {
        background: transparent;
      }
      .bar {
        position: absolute;
        left: 3px;
        right: 3px;
        bottom: 2px;
        height: 2px;
        border-radius: 1px;
        background: var(--_panel-2);
        overflow: hidden;
      }
      .bar > div {
        position: absolute;
        top: 0;
        bottom: 0;
        background: var(--_accent);
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare param: string | undefined;
  declare label: string | undefined;
  declare hideLabel: boolean;

  private readonly c = createControlSet(this, {
    focus: () => this.control,
    input: () => this.renderRoot.querySelector<HTMLInputElement>('input.edit'),
  });

  get control(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.box');
  }

  override focus(options?: FocusOptions): void {
    this.control?.focus(options);
  }

  override render() {
    const { param, drag, keys, wheel, edit, onDblClick } = this.c;
    const p = param.decl;
    if (!p) return html`<span class="label">${this.label ?? this.param ?? ''}</span>`;
    const label = this.label ?? p.label;
    const n = param.normalized;
    const o = arcOrigin(p);
    return html`
      <span class="label" part="label">${label}</span>
      <div
        class="box"
        part="box"
        role="spinbutton"
        tabindex="0"
        aria-label=${p.label}
        aria-valuemin=${p.min}
        aria-valuemax=${p.max}
        aria-valuenow=${param.ariaValue}
        aria-valuetext=${param.text}
        @pointerdown=${drag.onPointerDown}
        @dblclick=${onDblClick}
        @wheel=${wheel.onWheel}
        @keydown=${keys.onKeyDown}
      >
        ${edit.render(param.text, label)}
        <div class="bar" aria-hidden="true">
          <div style="left:${Math.min(n, o) * 100}%;right:${(1 - Math.max(n, o)) * 100}%"></div>
        </div>
      </div>
    `;
  }
}
