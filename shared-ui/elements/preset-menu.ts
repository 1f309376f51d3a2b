/**
 * vn-preset-menu: the factory presets of a plugin, loaded from its own folder
 * (`<base-url>presets/index.json` and the files it lists), validated with parsePreset and
 * applied through the host. Shows the current preset's name, with a "modified" mark once a
 * parameter moves away from it.
 *
 *   <${presetMenuTag} .host=${host} base-url=${baseUrl}></${presetMenuTag}>
 */
import { LitElement, css } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { ParamHost } from '../param-host.js';
import { scopedTag } from '../define.js';
import { tokens } from '../theme.js';
import { parsePreset, type ValidatedPreset } from '../../shared-wam/presets.js';

export const PRESET_MENU_TAG = scopedTag('vn-preset-menu');
export const presetMenuTag = unsafeStatic(PRESET_MENU_TAG);

export class VnPresetMenu extends LitElement {
  static override properties = {
    host: { attribute: false },
    baseUrl: { type: String, attribute: 'base-url' },
    presets: { state: true },
    current: { state: true },
    modified: { state: true },
    error: { state: true },
  };

  static override styles = [
    tokens,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        font: 12px var(--_font);
        color: var(--_text);
      }
      select {
        background: var(--_panel);
        color: var(--_text);
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
        padding: 3px 6px;
        font: inherit;
        max-width: 220px;
      }
      .mark {
        color: var(--_accent);
        width: 1ch;
      }
      .error {
        color: var(--_clip);
      }
    `,
  ];

  declare host: ParamHost | undefined;
  declare baseUrl: string | undefined;
  declare presets: ValidatedPreset[];
  declare current: number;
  declare modified: boolean;
  declare error: string;
  private unsubscribe: (() => void) | undefined;
  private applying = false;
  private loadedFrom = '';

  constructor() {
    super();
    this.presets = [];
    this.current = -1;
    this.modified = false;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.host?.subscribe(this.onParam);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private readonly onParam = (id: string, value: number): void => {
    if (this.applying || this.current < 0) return;
    const want = this.presets[this.current]?.values[id];
    if (want !== undefined && want !== value) this.modified = true;
  };

  private async load(): Promise<void> {
    const host = this.host;
    if (!host || !this.baseUrl || this.loadedFrom === this.baseUrl) return;
    this.loadedFrom = this.baseUrl;
    try {
      const base = new URL('presets/', this.baseUrl);
      const files: string[] = await (await fetch(new URL('index.json', base))).json();
      const loaded: ValidatedPreset[] = [];
      for (const f of files) {
        const text = await (await fetch(new URL(f, base))).text();
        loaded.push(parsePreset(host.params, host.identifier, text));
      }
      this.presets = loaded;
    } catch (e) {
      this.error = `presets unavailable: ${(e as Error).message}`;
    }
  }

  private async choose(e: Event): Promise<void> {
    const i = Number((e.target as HTMLSelectElement).value);
    const p = this.presets[i];
    if (!p || !this.host) return;
    this.applying = true;
    try {
      await this.host.applyValues(p.values);
    } finally {
      this.applying = false;
    }
    this.current = i;
    this.modified = false;
  }

  protected override render() {
    if (this.error) return html`<span class="error" title=${this.error}>presets ⚠</span>`;
    return html`<select aria-label="Factory presets" @change=${this.choose}>
        <option value="-1" ?selected=${this.current < 0}>${this.current < 0 ? 'Presets…' : ''}</option>
        ${this.presets.map((p, i) => html`<option value=${i} ?selected=${i === this.current}>${p.preset.name}</option>`)}
      </select>
      <span class="mark" title=${this.modified ? 'modified' : ''}>${this.modified ? '*' : ''}</span>`;
  }
}
