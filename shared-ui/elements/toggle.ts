/**
 * vn-toggle: an on/off switch for a boolean parameter (or any parameter: off = min, on = max).
 *
 *   <${toggleTag} .host=${host} param="phase"></${toggleTag}>
 *
 * role=switch with aria-checked (the ARIA role for two-state controls). Click, Space or
 * Enter toggles; vertical drag and wheel (up = on), arrows / Home / End, double-click and
 * Alt-click reset to the default. There is no typed value: two states need none.
 */
import { LitElement, css } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { ParamHost } from '../param-host.js';
import { scopedTag } from '../define.js';
import { controlStyles, tokens } from '../theme.js';
import { createControlSet, paramProperties } from '../controllers/control-set.js';

export const TOGGLE_TAG = scopedTag('vn-toggle');
export const toggleTag = unsafeStatic(TOGGLE_TAG);

export class VnToggle extends LitElement {
  static override properties = { ...paramProperties };

  static override styles = [
    tokens,
    controlStyles,
    css`
      .switch {
        display: inline-flex;
        align-items: center;
        gap: 7px;
        height: 24px;
        padding: 0 10px 0 8px;
        border-radius: 12px;
        background: var(--_panel-2);
        border: 1px solid var(--_line);
        cursor: pointer;
        font: 500 11px/1 var(--_font);
        letter-spacing: 0.04em;
        color: var(--_dim);
        box-sizing: border-box;
        min-width: 52px;
        justify-content: center;
      }
      .led {
        width: 7px;
        height: 7px;
        border-radius: 50%;
        background: var(--_well);
        box-shadow: inset 0 0 1px #000;
        flex: none;
      }
      .switch[aria-checked='true'] {
        color: var(--_text);
        border-color: color-mix(in srgb, var(--_accent) 55%, var(--_line));
      }
      .switch[aria-checked='true'] .led {
        background: var(--_accent);
        box-shadow: 0 0 6px var(--_accent);
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare param: string | undefined;
  declare label: string | undefined;
  declare hideLabel: boolean;

  private readonly c = createControlSet(this, {
    focus: () => this.control,
    pixels: () => 60,
    noEdit: true,
    tap: () => this.flip(),
    keys: (e) => {
      if (e.key === ' ' || e.key === 'Enter') {
        this.flip();
        return true;
      }
      return false;
    },
  });

  get control(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.switch');
  }

  override focus(options?: FocusOptions): void {
    this.control?.focus(options);
  }

  private get on(): boolean {
    const p = this.c.param.decl;
    return !!p && this.c.param.value > (p.min + p.max) / 2;
  }

  private flip(): void {
    const p = this.c.param.decl;
    if (p) this.c.param.commit(this.on ? p.min : p.max);
  }

  override render() {
    const { param, drag, keys, wheel, onDblClick } = this.c;
    const p = param.decl;
    if (!p) return html`<span class="label">${this.label ?? this.param ?? ''}</span>`;
    const label = this.label ?? p.label;
    const on = this.on;
    return html`
      <span class="label" part="label">${label}</span>
      <div
        class="switch"
        part="switch"
        role="switch"
        tabindex="0"
        aria-label=${p.label}
        aria-checked=${on ? 'true' : 'false'}
        @pointerdown=${drag.onPointerDown}
        @dblclick=${onDblClick}
        @wheel=${wheel.onWheel}
        @keydown=${keys.onKeyDown}
      >
        <span class="led"></span><span class="state">${param.text}</span>
      </div>
    `;
  }
}
