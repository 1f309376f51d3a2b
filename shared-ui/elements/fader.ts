/**
 * vn-fader: a vertical slider for one parameter.
 *
 *   <${faderTag} .host=${host} param="output"></${faderTag}>
 *
 * The thumb follows the pointer (drag travel = track length; Shift: fine), wheel, double-click
 * on the track resets, double-click on the value (or Enter) types, slider keys. Height:
 * --vn-fader-height (default 140px; set 100% to fill a flexible parent).
 */
import { LitElement, css } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { ParamHost } from '../param-host.js';
import { scopedTag } from '../define.js';
import { controlStyles, tokens } from '../theme.js';
import { createControlSet, paramProperties } from '../controllers/control-set.js';
import { arcOrigin } from '../logic/knob-geometry.js';

export const FADER_TAG = scopedTag('vn-fader');
export const faderTag = unsafeStatic(FADER_TAG);

export class VnFader extends LitElement {
  static override properties = { ...paramProperties };

  static override styles = [
    tokens,
    controlStyles,
    css`
      :host {
        height: var(--vn-fader-height, 140px);
      }
      .slot {
        position: relative;
        flex: 1 1 auto;
        min-height: 48px;
        width: 34px;
        cursor: ns-resize;
        border-radius: 4px;
      }
      .track {
        position: absolute;
        left: 50%;
        top: 8px;
        bottom: 8px;
        width: 6px;
        transform: translateX(-50%);
        background: var(--_well);
        border-radius: 3px;
        box-shadow: inset 0 1px 2px #000;
      }
      .fill {
        position: absolute;
        left: 0;
        right: 0;
        background: var(--_accent);
        border-radius: 3px;
      }
      .thumb {
        position: absolute;
        left: 50%;
        width: 28px;
        height: 14px;
        transform: translate(-50%, 50%);
        border-radius: 3px;
        background: linear-gradient(#4a4f57, #2a2d33);
        box-shadow: 0 1px 3px #000a, inset 0 1px 0 #ffffff22;
      }
      .thumb::after {
        content: '';
        position: absolute;
        left: 4px;
        right: 4px;
        top: 6px;
        height: 2px;
        background: var(--_text);
        border-radius: 1px;
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
    pixels: () => Math.max(40, this.renderRoot.querySelector<HTMLElement>('.track')?.clientHeight ?? 120),
  });

  get control(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.slot');
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
    const lo = Math.min(n, o);
    const hi = Math.max(n, o);
    return html`
      <span class="label" part="label">${label}</span>
      <div
        class="slot"
        part="slot"
        role="slider"
        tabindex="0"
        aria-orientation="vertical"
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
        <div class="track">
          <div class="fill" style="bottom:${lo * 100}%;top:${(1 - hi) * 100}%"></div>
          <div class="thumb" style="bottom:${n * 100}%"></div>
        </div>
      </div>
      ${edit.render(param.text, label)}
    `;
  }
}
