/**
 * vn-knob: a rotary control for one parameter.
 *
 *   <${knobTag} .host=${host} param="b1_gain"></${knobTag}>
 *
 * Label above, dial, value text below. Vertical drag (Shift: fine), wheel, double-click on
 * the dial resets, double-click on the value (or Enter) types a value, slider keys.
 * Size: --vn-knob-size (default 52px) or size="s" | "l".
 */
import { LitElement, css, svg } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { ParamHost } from '../param-host.js';
import { scopedTag } from '../define.js';
import { controlStyles, tokens } from '../theme.js';
import { createControlSet, paramProperties } from '../controllers/control-set.js';
import { angleFor, arcOrigin, arcPath, polar } from '../logic/knob-geometry.js';
import { SWEEP_DEG, START_DEG } from '../logic/knob-geometry.js';

export const KNOB_TAG = scopedTag('vn-knob');
export const knobTag = unsafeStatic(KNOB_TAG);

export class VnKnob extends LitElement {
  static override properties = { ...paramProperties, size: { type: String, reflect: true } };

  static override styles = [
    tokens,
    controlStyles,
    css`
      :host {
        --_size: var(--vn-knob-size, 52px);
      }
      :host([size='s']) {
        --_size: var(--vn-knob-size, 38px);
      }
      :host([size='l']) {
        --_size: var(--vn-knob-size, 72px);
      }
      .dial {
        width: var(--_size);
        height: var(--_size);
        border-radius: 50%;
        cursor: ns-resize;
        flex: none;
      }
      svg {
        display: block;
        width: 100%;
        height: 100%;
        overflow: visible;
      }
      .track {
        fill: none;
        stroke: var(--_well);
        stroke-width: 7;
        stroke-linecap: round;
      }
      .fill {
        fill: none;
        stroke: var(--_accent);
        stroke-width: 7;
        stroke-linecap: round;
      }
      .body {
        fill: url(#body);
        stroke: #000;
        stroke-opacity: 0.6;
        stroke-width: 1;
      }
      .rim {
        fill: none;
        stroke: #fff;
        stroke-opacity: 0.07;
        stroke-width: 1;
      }
      .pointer {
        stroke: var(--_text);
        stroke-width: 4.5;
        stroke-linecap: round;
      }
      .dial:hover .fill,
      .dial:focus-visible .fill {
        filter: brightness(1.15);
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare param: string | undefined;
  declare label: string | undefined;
  declare hideLabel: boolean;
  declare size: string | undefined;

  private readonly c = createControlSet(this, {
    focus: () => this.renderRoot.querySelector<HTMLElement>('.dial'),
    input: () => this.renderRoot.querySelector<HTMLInputElement>('input.edit'),
  });

  /** the focusable part (role=slider) */
  get control(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.dial');
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
    const a = angleFor(n);
    const a0 = angleFor(arcOrigin(p));
    const [x0, y0] = polar(50, 50, 14, a);
    const [x1, y1] = polar(50, 50, 31, a);
    return html`
      <span class="label" part="label">${label}</span>
      <div
        class="dial"
        part="dial"
        role="slider"
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
        <svg viewBox="0 0 100 100" aria-hidden="true">
          ${svg`
            <defs>
              <radialGradient id="body" cx="40%" cy="30%" r="75%">
                <stop offset="0%" stop-color="#3a3e45" />
                <stop offset="100%" stop-color="#1b1d21" />
              </radialGradient>
            </defs>
            <path class="track" d=${arcPath(50, 50, 42, START_DEG, START_DEG + SWEEP_DEG)} />
            <path class="fill" d=${arcPath(50, 50, 42, a0, a)} />
            <circle class="body" cx="50" cy="50" r="33" />
            <circle class="rim" cx="50" cy="50" r="32" />
            <line class="pointer" x1=${x0} y1=${y0} x2=${x1} y2=${y1} />
          `}
        </svg>
      </div>
      ${edit.render(param.text, label)}
    `;
  }
}
