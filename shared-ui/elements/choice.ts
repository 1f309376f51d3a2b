/**
 * vn-choice: picks one of a choice parameter's names, as a dropdown or a segmented row.
 *
 *   <${choiceTag} .host=${host} param="b1_type" variant="dropdown"></${choiceTag}>
 *
 * variant: "segmented" | "dropdown" | "auto" (default: segmented up to 3 choices).
 * Both are role=slider with aria-valuetext = the choice name. Drag (dropdown: vertical, up =
 * next; segmented: horizontal, follows the pointer), wheel, arrows / PageUp / PageDown /
 * Home / End, double-click and Alt-click reset. Segmented: click a segment. Dropdown: click,
 * Enter or Space opens the list (a popover: light dismiss, Escape closes); in the open list
 * arrows move the highlight and Enter picks it.
 */
import { LitElement, css, nothing } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { ParamHost } from '../param-host.js';
import { scopedTag } from '../define.js';
import { controlStyles, tokens } from '../theme.js';
import { createControlSet, paramProperties } from '../controllers/control-set.js';

export const CHOICE_TAG = scopedTag('vn-choice');
export const choiceTag = unsafeStatic(CHOICE_TAG);

export type ChoiceVariant = 'auto' | 'segmented' | 'dropdown';

export class VnChoice extends LitElement {
  static override properties = {
    ...paramProperties,
    variant: { type: String, reflect: true },
    open: { type: Boolean, state: true },
    active: { type: Number, state: true },
  };

  static override styles = [
    tokens,
    controlStyles,
    css`
      .select {
        display: inline-flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
        min-width: 84px;
        height: 24px;
        padding: 0 8px 0 10px;
        box-sizing: border-box;
        background: var(--_panel-2);
        border: 1px solid var(--_line);
        border-radius: 4px;
        font: 500 11px/1 var(--_font);
        color: var(--_text);
        cursor: pointer;
        white-space: nowrap;
      }
      .select[aria-expanded='true'] {
        border-color: var(--_accent);
      }
      .caret {
        color: var(--_dim);
        font-size: 9px;
      }
      .menu {
        position: fixed;
        inset: auto;
        margin: 0;
        padding: 3px;
        border: 1px solid var(--_line);
        border-radius: 5px;
        background: var(--_panel);
        color: var(--_text);
        box-shadow: 0 8px 24px #000c;
        font: 500 11px/1 var(--_font);
        max-height: 260px;
        overflow: auto;
      }
      .opt {
        padding: 6px 10px;
        border-radius: 3px;
        cursor: pointer;
        white-space: nowrap;
      }
      .opt[aria-selected='true'] {
        color: var(--_accent);
      }
      .opt.active,
      .opt:hover {
        background: var(--_panel-2);
      }
      .segments {
        display: inline-flex;
        background: var(--_well);
        border: 1px solid var(--_line);
        border-radius: 4px;
        padding: 2px;
        gap: 2px;
        cursor: pointer;
      }
      .seg {
        padding: 4px 9px;
        border-radius: 3px;
        font: 500 11px/1 var(--_font);
        color: var(--_dim);
        white-space: nowrap;
      }
      .seg.on {
        background: var(--_panel-2);
        color: var(--_text);
        box-shadow: inset 0 -2px 0 var(--_accent);
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare param: string | undefined;
  declare label: string | undefined;
  declare hideLabel: boolean;
  declare variant: ChoiceVariant;
  declare open: boolean;
  declare active: number;

  constructor() {
    super();
    this.variant = 'auto';
    this.open = false;
    this.active = 0;
  }

  private readonly c = createControlSet(this, {
    focus: () => this.control,
    noEdit: true,
    orientation: () => (this.resolvedVariant === 'segmented' ? 'horizontal' : 'vertical'),
    pixels: () => {
      const p = this.c.param.decl;
      if (this.resolvedVariant === 'segmented') {
        // the pointer travels one segment per unit
        const w = this.control?.clientWidth ?? 0;
        return p && w > 0 ? (w * (p.max - p.min)) / (p.max - p.min + 1) : 120;
      }
      return p ? Math.max(60, (p.max - p.min) * 24) : 100;
    },
    tap: (e) => this.onTap(e),
    keys: (e) => this.onKey(e),
  });

  get control(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[role="slider"]');
  }

  override focus(options?: FocusOptions): void {
    this.control?.focus(options);
  }

  private get resolvedVariant(): 'segmented' | 'dropdown' {
    if (this.variant === 'segmented' || this.variant === 'dropdown') return this.variant;
    const p = this.c.param.decl;
    return p && p.max - p.min + 1 <= 3 ? 'segmented' : 'dropdown';
  }

  private get menu(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.menu');
  }

  /** whether the list was open when the press began (light dismiss may close it before the tap) */
  private openAtPress = false;

  private readonly onTriggerDown = (e: PointerEvent): void => {
    this.openAtPress = this.open;
    this.c.drag.onPointerDown(e);
  };

  /**
   * The dropdown opens on click, not on the pointerup tap: the popover's light dismiss runs
   * on pointerup and would close a list opened there.
   */
  private readonly onTriggerClick = (e: MouseEvent): void => {
    if (this.c.drag.lastWasDrag || e.altKey || e.button !== 0) return;
    this.setOpen(!this.openAtPress);
  };

  private onTap(e: PointerEvent): void {
    if (this.resolvedVariant === 'dropdown') return;
    const segs = this.renderRoot.querySelectorAll<HTMLElement>('.seg');
    for (const s of segs) {
      const r = s.getBoundingClientRect();
      if (e.clientX >= r.left && e.clientX <= r.right) {
        this.c.param.commit(Number(s.dataset.i));
        return;
      }
    }
  }

  private onKey(e: KeyboardEvent): boolean {
    if (this.resolvedVariant !== 'dropdown') return false;
    const p = this.c.param.decl;
    if (!p) return false;
    if (!this.open) {
      if (e.key === 'Enter' || e.key === ' ') {
        this.setOpen(true);
        return true;
      }
      return false;
    }
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        this.active = Math.min(p.max, this.active + 1);
        return true;
      case 'ArrowUp':
      case 'ArrowLeft':
        this.active = Math.max(p.min, this.active - 1);
        return true;
      case 'Home':
        this.active = p.min;
        return true;
      case 'End':
        this.active = p.max;
        return true;
      case 'Enter':
      case ' ':
        this.pick(this.active);
        return true;
      case 'Escape':
      case 'Tab':
        this.setOpen(false);
        return e.key === 'Escape';
      default:
        return false;
    }
  }

  private pick(i: number): void {
    this.c.param.commit(i);
    this.setOpen(false);
    this.control?.focus({ preventScroll: true });
  }

  private setOpen(open: boolean): void {
    const menu = this.menu as (HTMLElement & { showPopover?(): void; hidePopover?(): void }) | null;
    const shown = !!menu?.matches?.(':popover-open');
    if (open === this.open && open === shown) return;
    this.open = open;
    this.active = Math.round(this.c.param.value);
    if (!menu?.showPopover) return;
    if (open && !shown) {
      const r = this.control!.getBoundingClientRect();
      menu.style.left = `${r.left}px`;
      menu.style.top = `${r.bottom + 2}px`;
      menu.style.minWidth = `${r.width}px`;
      menu.showPopover();
    } else if (!open && shown) menu.hidePopover?.();
  }

  /** keeps `open` true to the popover's state after light dismiss (outside click, Escape) */
  private readonly onToggle = (e: Event): void => {
    const state = (e as Event & { newState?: string }).newState;
    if (state === 'closed' && this.open) this.open = false;
  };

  private readonly onOptionClick = (e: MouseEvent): void => {
    const i = Number((e.currentTarget as HTMLElement).dataset.i);
    if (i === i) this.pick(i);
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.open = false;
  }

  override render() {
    const { param, drag, keys, wheel, onDblClick } = this.c;
    const p = param.decl;
    if (!p) return html`<span class="label">${this.label ?? this.param ?? ''}</span>`;
    const label = this.label ?? p.label;
    const value = Math.round(param.value);
    const names = p.choices ?? Array.from({ length: p.max - p.min + 1 }, (_, i) => param.textOf(p.min + i));
    const common = {
      label,
      min: p.min,
      max: p.max,
      value,
      text: param.text,
    };
    if (this.resolvedVariant === 'segmented') {
      return html`
        <span class="label" part="label">${label}</span>
        <div
          class="segments"
          part="segments"
          role="slider"
          tabindex="0"
          aria-label=${p.label}
          aria-valuemin=${common.min}
          aria-valuemax=${common.max}
          aria-valuenow=${common.value}
          aria-valuetext=${common.text}
          @pointerdown=${drag.onPointerDown}
          @dblclick=${onDblClick}
          @wheel=${wheel.onWheel}
          @keydown=${keys.onKeyDown}
        >
          ${names.map((n, i) => html`<span class="seg ${p.min + i === value ? 'on' : ''}" data-i=${p.min + i}>${n}</span>`)}
        </div>
      `;
    }
    return html`
      <span class="label" part="label">${label}</span>
      <div
        class="select"
        part="select"
        role="slider"
        tabindex="0"
        aria-haspopup="listbox"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-label=${p.label}
        aria-valuemin=${common.min}
        aria-valuemax=${common.max}
        aria-valuenow=${common.value}
        aria-valuetext=${common.text}
        aria-activedescendant=${this.open ? `opt-${this.active}` : nothing}
        @pointerdown=${this.onTriggerDown}
        @click=${this.onTriggerClick}
        @dblclick=${onDblClick}
        @wheel=${wheel.onWheel}
        @keydown=${keys.onKeyDown}
      >
        <span class="current">${param.text}</span><span class="caret" aria-hidden="true">▾</span>
      </div>
      <div class="menu" part="menu" popover="auto" role="listbox" aria-label=${label} @toggle=${this.onToggle}>
        ${names.map(
          (n, i) =>
            html`<div
              id=${`opt-${p.min + i}`}
              class="opt ${p.min + i === this.active ? 'active' : ''}"
              role="option"
              aria-selected=${p.min + i === value ? 'true' : 'false'}
              data-i=${p.min + i}
              @click=${this.onOptionClick}
            >
              ${n}
            </div>`,
        )}
      </div>
    `;
  }
}
