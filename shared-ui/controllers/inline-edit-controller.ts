/**
 * Typing a value: the value text of a control turns into an input (double-click on it, or
 * Enter on the focused control); Enter or leaving the field commits the text through the
 * declaration's parseValue, Escape cancels. Unreadable text keeps the editor open, marked
 * aria-invalid. After closing, focus returns to the control part (`focusBack`).
 *
 * Render with `edit.render()` where the value text belongs.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ParamController } from './param-controller.js';

export interface InlineEditOptions {
  /** the element to focus after the editor closes */
  focusBack?(): HTMLElement | null | undefined;
  /** the input, looked up after render to focus it */
  input(): HTMLInputElement | null | undefined;
}

export class InlineEditController implements ReactiveController {
  editing = false;
  invalid = false;
  private focusPending = false;
  /** the text the editor opened with (host changes while typing must not overwrite it) */
  private initial = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly param: ParamController,
    private readonly opt: InlineEditOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.editing = false;
    this.invalid = false;
  }

  hostUpdated(): void {
    if (!this.focusPending) return;
    this.focusPending = false;
    const input = this.opt.input();
    if (input) {
      input.focus();
      input.select();
    }
  }

  open = (): void => {
    if (!this.param.ready || this.editing) return;
    this.editing = true;
    this.invalid = false;
    this.initial = this.param.text;
    this.focusPending = true;
    this.host.requestUpdate();
  };

  cancel = (): void => {
    if (!this.editing) return;
    this.close();
  };

  /** commit text; returns whether it was accepted */
  commit = (text: string): boolean => {
    if (!this.editing) return false;
    if (!this.param.commitText(text)) {
      this.invalid = true;
      this.host.requestUpdate();
      return false;
    }
    this.close();
    return true;
  };

  private close(): void {
    this.editing = false;
    this.invalid = false;
    this.host.requestUpdate();
    this.opt.focusBack?.()?.focus({ preventScroll: true });
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    e.stopPropagation(); // the control's own keys (arrows, Home/End) must not act while typing
    if (e.key === 'Enter') {
      e.preventDefault();
      this.commit((e.currentTarget as HTMLInputElement).value);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.cancel();
    }
  };

  private readonly onBlur = (e: FocusEvent): void => {
    if (!this.editing) return;
    const text = (e.currentTarget as HTMLInputElement).value;
    if (!this.param.commitText(text)) {
      this.editing = false;
      this.invalid = false;
      this.host.requestUpdate();
      return;
    }
    this.editing = false;
    this.invalid = false;
    this.host.requestUpdate();
  };

  private readonly onDblClick = (e: MouseEvent): void => {
    e.stopPropagation(); // not a reset
    this.open();
  };

  private readonly stop = (e: Event): void => e.stopPropagation();

  /** the value text, or the editor while editing */
  render(text: string, label: string): TemplateResult {
    if (this.editing) {
      return html`<input
        class="edit"
        part="edit"
        type="text"
        spellcheck="false"
        autocomplete="off"
        aria-label=${`${label} value`}
        aria-invalid=${this.invalid ? 'true' : 'false'}
        .value=${this.initial}
        @keydown=${this.onKeyDown}
        @blur=${this.onBlur}
        @pointerdown=${this.stop}
        @dblclick=${this.stop}
        @wheel=${this.stop}
      />`;
    }
    return html`<span class="value" part="value" title="Double-click to type a value" @dblclick=${this.onDblClick}>${text || nothing}</span>`;
  }
}
