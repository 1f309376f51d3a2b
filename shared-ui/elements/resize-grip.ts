/**
 * vn-resize-grip: a small corner handle that resizes the GUI when the host page does not
 * size it. GUI roots fill their host box (width/height 100 %, see theme `panel`), so most
 * hosts resize the GUI by resizing its container; put the grip in the root's bottom-right
 * corner for hosts that do not.
 *
 *   <${resizeGripTag} min-width="480" min-height="300"></${resizeGripTag}>
 *
 * Dragging sets inline width/height (px) on `target` (default: the shadow host of the root
 * the grip is rendered in, i.e. the GUI element) and dispatches `vn-resize` (bubbles,
 * composed; detail { width, height }). Double-click clears the inline size. Keyboard: arrows
 * resize by 10 px (Shift: 50 px).
 */
import { LitElement, css, svg } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import { scopedTag } from '../define.js';
import { tokens } from '../theme.js';

export const RESIZE_GRIP_TAG = scopedTag('vn-resize-grip');
export const resizeGripTag = unsafeStatic(RESIZE_GRIP_TAG);

export interface ResizeDetail {
  width: number;
  height: number;
}

export class VnResizeGrip extends LitElement {
  static override properties = {
    target: { attribute: false },
    minWidth: { type: Number, attribute: 'min-width' },
    minHeight: { type: Number, attribute: 'min-height' },
    maxWidth: { type: Number, attribute: 'max-width' },
    maxHeight: { type: Number, attribute: 'max-height' },
  };

  static override styles = [
    tokens,
    css`
      :host {
        position: absolute;
        right: 0;
        bottom: 0;
        width: 14px;
        height: 14px;
        cursor: nwse-resize;
        touch-action: none;
        color: var(--_dim);
        opacity: 0.6;
        z-index: 1;
      }
      :host(:hover),
      :host(:focus-visible) {
        opacity: 1;
        outline: none;
      }
      svg {
        display: block;
        width: 100%;
        height: 100%;
      }
    `,
  ];

  declare target: HTMLElement | undefined;
  declare minWidth: number;
  declare minHeight: number;
  declare maxWidth: number;
  declare maxHeight: number;

  private pointerId = -1;
  private startX = 0;
  private startY = 0;
  private startW = 0;
  private startH = 0;

  constructor() {
    super();
    this.minWidth = 200;
    this.minHeight = 120;
    this.maxWidth = 4096;
    this.maxHeight = 4096;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'button');
    this.setAttribute('aria-label', 'Resize');
    if (!this.hasAttribute('tabindex')) this.setAttribute('tabindex', '0');
    this.addEventListener('pointerdown', this.onDown);
    this.addEventListener('dblclick', this.onDblClick);
    this.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pointerdown', this.onDown);
    this.removeEventListener('dblclick', this.onDblClick);
    this.removeEventListener('keydown', this.onKey);
    this.endDrag();
  }

  private get resized(): HTMLElement | null {
    if (this.target) return this.target;
    const root = this.getRootNode();
    return root instanceof ShadowRoot ? (root.host as HTMLElement) : this.parentElement;
  }

  private apply(w: number, h: number): void {
    const t = this.resized;
    if (!t) return;
    const width = Math.round(Math.min(this.maxWidth, Math.max(this.minWidth, w)));
    const height = Math.round(Math.min(this.maxHeight, Math.max(this.minHeight, h)));
    t.style.width = `${width}px`;
    t.style.height = `${height}px`;
    this.dispatchEvent(new CustomEvent<ResizeDetail>('vn-resize', { detail: { width, height }, bubbles: true, composed: true }));
  }

  private readonly onDown = (e: PointerEvent): void => {
    const t = this.resized;
    if (e.button !== 0 || !t || this.pointerId !== -1) return;
    const r = t.getBoundingClientRect();
    this.pointerId = e.pointerId;
    this.startX = e.clientX;
    this.startY = e.clientY;
    this.startW = r.width;
    this.startH = r.height;
    try {
      this.setPointerCapture(e.pointerId);
    } catch {
      // synthetic event
    }
    this.addEventListener('pointermove', this.onMove);
    this.addEventListener('pointerup', this.onUp);
    this.addEventListener('pointercancel', this.onUp);
    e.preventDefault();
  };

  private readonly onMove = (e: PointerEvent): void => {
    if (e.pointerId !== this.pointerId) return;
    this.apply(this.startW + e.clientX - this.startX, this.startH + e.clientY - this.startY);
  };

  private readonly onUp = (e: PointerEvent): void => {
    if (e.pointerId === this.pointerId) this.endDrag();
  };

  private endDrag(): void {
    if (this.pointerId === -1) return;
    if (this.hasPointerCapture(this.pointerId)) this.releasePointerCapture(this.pointerId);
    this.pointerId = -1;
    this.removeEventListener('pointermove', this.onMove);
    this.removeEventListener('pointerup', this.onUp);
    this.removeEventListener('pointercancel', this.onUp);
  }

  private readonly onDblClick = (): void => {
    const t = this.resized;
    if (!t) return;
    t.style.width = '';
    t.style.height = '';
    const r = t.getBoundingClientRect();
    this.dispatchEvent(
      new CustomEvent<ResizeDetail>('vn-resize', { detail: { width: r.width, height: r.height }, bubbles: true, composed: true }),
    );
  };

  private readonly onKey = (e: KeyboardEvent): void => {
    const t = this.resized;
    if (!t) return;
    const d = e.shiftKey ? 50 : 10;
    const dx = e.key === 'ArrowRight' ? d : e.key === 'ArrowLeft' ? -d : 0;
    const dy = e.key === 'ArrowDown' ? d : e.key === 'ArrowUp' ? -d : 0;
    if (!dx && !dy) return;
    e.preventDefault();
    const r = t.getBoundingClientRect();
    this.apply(r.width + dx, r.height + dy);
  };

  override render() {
    return html`<svg viewBox="0 0 14 14" aria-hidden="true">
      ${svg`<path d="M13 5 L5 13 M13 9 L9 13" stroke="currentColor" stroke-width="1.2" stroke-linecap="round" fill="none" />`}
    </svg>`;
  }
}
