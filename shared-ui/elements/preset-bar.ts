/**
 * vn-preset-bar: everything about presets in one strip for a plugin GUI's header.
 *
 *   <${presetBarTag} .host=${host} base-url=${baseUrl} .migrations=${migrations}></${presetBarTag}>
 *
 * - the current preset's name, with a "modified" mark (●) while the values differ from it;
 * - previous/next, and a browser (click the name) with tag filters: factory presets (from
 *   `<base-url>presets/`) and user presets, which can be renamed and deleted;
 * - A/B slots with a copy of the live slot into the other;
 * - undo/redo (also Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y anywhere in the GUI);
 * - the ⋯ menu: save as a user preset (IndexedDB on the page's origin), import a .json (also by
 *   dropping it onto the bar), export a .json, share code (copy / paste `vrn1.<id>.…`).
 *
 * Every preset, whatever its source (file, share code, storage, factory), goes through
 * shared-wam/presets.ts validation before anything is applied, so a bad one changes nothing
 * and says why in the status line. Names are text (Lit escapes them). `migrations` is the
 * plugin's table (plugins/<id>/migrations.ts) for presets of older versions.
 */
import { LitElement, nothing } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { ParamHost } from '../param-host.js';
import { scopedTag } from '../define.js';
import { tokens } from '../theme.js';
import { presetBarStyles } from './preset-bar-styles.js';
import { UndoController } from '../controllers/undo-controller.js';
import { ParamWatchController } from '../controllers/param-watch-controller.js';
import type { MigrationStep } from '../../shared-wam/migrations.js';
import {
  MAX_PRESET_BYTES,
  makePreset,
  parsePreset,
  presetFileName,
  presetToJson,
  validatePreset,
  type Preset,
  type ValidatedPreset,
} from '../../shared-wam/presets.js';
import { decodePresetCode, encodePresetCode } from '../../shared-wam/share-code.js';
import { allTags, combine, entryKey, filterByTag, findMatching, sameValues, stepEntry, type PresetEntry } from '../logic/preset-list.js';
import { currentValues, sessionFor, type CurrentPreset, type PresetSession } from '../logic/preset-session.js';
import { PresetExistsError, checkPresetName, type UserPresetStore } from '../logic/preset-store.js';
import { openUserPresetStore } from '../logic/idb-preset-store.js';
import { loadFactoryPresets } from '../logic/factory-presets.js';
import type { Slot } from '../logic/ab-slots.js';

export const PRESET_BAR_TAG = scopedTag('vn-preset-bar');
export const presetBarTag = unsafeStatic(PRESET_BAR_TAG);

type Panel = 'browse' | 'menu' | 'save' | 'share';
type PopoverEl = HTMLElement & { showPopover?(): void; hidePopover?(): void };

interface Message {
  text: string;
  error: boolean;
  /** an info message hides itself after a few seconds (its text stays for assistive tech) */
  faded?: boolean;
}

const INFO_SHOWN_MS = 6000;

export class VnPresetBar extends LitElement {
  static override properties = {
    host: { attribute: false },
    baseUrl: { type: String, attribute: 'base-url' },
    migrations: { attribute: false },
    factory: { state: true },
    user: { state: true },
    tag: { state: true },
    panel: { state: true },
    message: { state: true },
    modified: { state: true },
    renaming: { state: true },
    deleting: { state: true },
    shareText: { state: true },
    replaceName: { state: true },
    dragging: { state: true },
  };

  static override styles = [tokens, presetBarStyles];

  declare host: ParamHost | undefined;
  declare baseUrl: string | undefined;
  declare migrations: readonly MigrationStep[] | undefined;
  declare factory: PresetEntry[];
  declare user: PresetEntry[];
  declare tag: string;
  declare panel: Panel | '';
  declare message: Message;
  declare modified: boolean;
  declare renaming: string;
  declare deleting: string;
  declare shareText: string;
  declare replaceName: string;
  declare dragging: boolean;

  /** undo/redo of this GUI (public: plugin GUIs may offer their own buttons) */
  readonly undo = new UndoController(this);
  /** any change, from any source, may make the values differ from the preset's (or match again) */
  private readonly watch = new ParamWatchController(
    this,
    () => true,
    () => this.refreshModified(),
    () => this.refreshModified(),
  );
  private store: UserPresetStore | undefined;
  private version = '';
  private loadedFor = '';
  private loadSerial = 0;
  /** the open panel when a trigger was pressed (see openPanel) */
  private pressPanel: Panel | '' | undefined;
  private readonly onTriggerDown = (): void => {
    this.pressPanel = this.panel;
  };

  constructor() {
    super();
    this.factory = [];
    this.user = [];
    this.tag = '';
    this.panel = '';
    this.message = { text: '', error: false };
    this.modified = false;
    this.renaming = '';
    this.deleting = '';
    this.shareText = '';
    this.replaceName = '';
    this.dragging = false;
  }

  // ---- binding -----------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.loadedFor) void this.loadUser(); // another view may have changed them
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.panel = '';
    clearTimeout(this.fadeTimer);
    this.fadeTimer = undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('baseUrl') || changed.has('migrations') || changed.has('host')) void this.loadLists();
  }

  private get session(): PresetSession | undefined {
    return this.host ? sessionFor(this.host) : undefined;
  }

  private get options() {
    return { migrations: this.migrations ?? [] };
  }

  private refreshModified(): void {
    const host = this.host;
    if (!host) return;
    const m = !sameValues(host.params, sessionFor(host).current.values, currentValues(host));
    if (m !== this.modified) this.modified = m;
  }

  // ---- lists -------------------------------------------------------------------------------

  private async loadLists(): Promise<void> {
    const host = this.host;
    if (!host) return;
    const key = `${this.baseUrl ?? ''}|${host.identifier}`;
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    const serial = ++this.loadSerial;
    if (this.baseUrl) {
      try {
        const f = await loadFactoryPresets(this.baseUrl, host.params, host.identifier, this.options);
        if (serial !== this.loadSerial) return;
        this.factory = f.entries;
        this.version = f.version;
        if (f.rejected.length) this.say(`${f.rejected.length} factory preset(s) rejected: ${f.rejected[0].error}`, true);
      } catch (e) {
        if (serial === this.loadSerial) this.say(`factory presets unavailable: ${(e as Error).message}`, true);
      }
    }
    await this.loadUser();
    this.nameRestoredState();
  }

  private async loadUser(): Promise<void> {
    const host = this.host;
    if (!host) return;
    try {
      this.store ??= await openUserPresetStore();
      const rows = await this.store.list(host.identifier);
      const user: PresetEntry[] = [];
      for (const row of rows) {
        try {
          const v = validatePreset(host.params, host.identifier, row, this.options);
          user.push({ source: 'user', preset: v.preset, values: v.values });
        } catch {
          // a stored record this version cannot read: left in storage, not listed
        }
      }
      this.user = user;
    } catch (e) {
      this.say(`user presets unavailable: ${(e as Error).message}`, true);
    }
  }

  /** a host that restored a state gets the name of the preset it equals, if any */
  private nameRestoredState(): void {
    const host = this.host;
    const s = this.session;
    if (!host || !s || s.current.source !== 'initial') return;
    const now = currentValues(host);
    const match = findMatching(host.params, this.entries, now);
    if (match) this.setCurrent(this.currentFrom(match));
  }

  private get entries(): PresetEntry[] {
    return combine(this.factory, this.user);
  }

  private get visible(): PresetEntry[] {
    return filterByTag(this.entries, this.tag);
  }

  private get currentKey(): string | undefined {
    const c = this.session?.current;
    return c && (c.source === 'factory' || c.source === 'user') ? entryKey({ source: c.source, preset: c }) : undefined;
  }

  private currentFrom(e: { source: CurrentPreset['source']; preset: Preset; values: Record<string, number> }): CurrentPreset {
    return { name: e.preset.name, source: e.source, values: { ...e.values }, tags: [...e.preset.tags], author: e.preset.author };
  }

  private setCurrent(c: CurrentPreset): void {
    const s = this.session;
    if (!s) return;
    s.current = c;
    this.refreshModified();
    this.requestUpdate();
  }

  private fadeTimer: ReturnType<typeof setTimeout> | undefined;

  private say(text: string, error = false): void {
    clearTimeout(this.fadeTimer);
    this.fadeTimer = undefined;
    const message: Message = { text, error };
    this.message = message;
    if (text && !error) {
      this.fadeTimer = setTimeout(() => {
        if (this.message === message) this.message = { ...message, faded: true };
      }, INFO_SHOWN_MS);
    }
  }

  // ---- actions -----------------------------------------------------------------------------

  /** apply a validated preset as one undo step and make it current */
  private async applyPreset(current: CurrentPreset, label: string): Promise<void> {
    await this.undo.applyRecorded(label, current.values);
    this.setCurrent(current);
  }

  async loadEntry(e: PresetEntry): Promise<void> {
    await this.applyPreset(this.currentFrom(e), `load "${e.preset.name}"`);
    this.say('');
  }

  async step(dir: 1 | -1): Promise<void> {
    const next = stepEntry(this.visible, this.currentKey, dir);
    if (next) await this.loadEntry(next);
  }

  async switchSlot(slot: Slot): Promise<void> {
    const host = this.host;
    const s = this.session;
    if (!host || !s) return;
    const next = s.ab.switchTo(slot, { values: currentValues(host), current: s.current });
    if (next) {
      await this.undo.applyRecorded(`A/B: ${slot}`, next.values);
      this.setCurrent(next.current);
    }
    this.requestUpdate();
  }

  copySlot(): void {
    const host = this.host;
    const s = this.session;
    if (!host || !s) return;
    s.ab.copyToOther({ values: currentValues(host), current: s.current });
    this.say(`copied ${s.ab.active} to ${s.ab.other}`);
    this.requestUpdate();
  }

  private presetOfCurrent(name?: string, tags?: string[]): Preset {
    const host = this.host!;
    const c = this.session!.current;
    return makePreset(host.identifier, this.version, name ?? c.name, currentValues(host), tags ?? c.tags, c.author);
  }

  async savePreset(nameInput: string, tagsInput: string, overwrite = false): Promise<boolean> {
    const host = this.host;
    if (!host) return false;
    try {
      const name = checkPresetName(nameInput);
      const tags = tagsInput
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const v = validatePreset(host.params, host.identifier, this.presetOfCurrent(name, tags), this.options);
      this.store ??= await openUserPresetStore();
      await this.store.put(v.preset, { overwrite });
      await this.loadUser();
      this.setCurrent(this.currentFrom({ source: 'user', preset: v.preset, values: v.values }));
      this.replaceName = '';
      this.say(`saved "${name}"${this.store.persistent ? '' : ' (for this session only: no storage on this page)'}`);
      this.closePanel();
      return true;
    } catch (e) {
      if (e instanceof PresetExistsError) {
        this.replaceName = nameInput.trim();
        this.say(`${e.message}: replace it?`, true);
      } else this.say((e as Error).message, true);
      return false;
    }
  }

  async renamePreset(e: PresetEntry, to: string): Promise<void> {
    const host = this.host;
    if (!host || !this.store) return;
    try {
      const name = checkPresetName(to);
      const wasCurrent = this.currentKey === entryKey(e);
      await this.store.rename(host.identifier, e.preset.name, name);
      await this.loadUser();
      if (wasCurrent) this.setCurrent({ ...this.session!.current, name });
      this.renaming = '';
      this.say(`renamed to "${name}"`);
    } catch (err) {
      this.say((err as Error).message, true);
    }
  }

  async deletePreset(e: PresetEntry): Promise<void> {
    const host = this.host;
    if (!host || !this.store) return;
    try {
      const wasCurrent = this.currentKey === entryKey(e);
      await this.store.remove(host.identifier, e.preset.name);
      await this.loadUser();
      if (wasCurrent) this.setCurrent({ ...this.session!.current, source: 'unsaved' });
      this.deleting = '';
      this.say(`deleted "${e.preset.name}"`);
    } catch (err) {
      this.say((err as Error).message, true);
    }
  }

  /** Import preset text (a file): validated whole, applied, and kept as a user preset. */
  async importText(text: string): Promise<boolean> {
    const host = this.host;
    if (!host) return false;
    let v: ValidatedPreset;
    try {
      v = parsePreset(host.params, host.identifier, text, this.options);
    } catch (e) {
      this.say(`not loaded: ${(e as Error).message}`, true);
      return false;
    }
    await this.applyPreset(this.currentFrom({ source: 'unsaved', preset: v.preset, values: v.values }), `import "${v.preset.name}"`);
    const kept = await this.keepImported(v);
    this.say(`imported "${kept ?? v.preset.name}"${this.notes(v)}`);
    return true;
  }

  /** store an imported preset under its name, or "name 2", ... when another preset has it */
  private async keepImported(v: ValidatedPreset): Promise<string | undefined> {
    const host = this.host;
    if (!host) return undefined;
    try {
      this.store ??= await openUserPresetStore();
      const base = checkPresetName(v.preset.name || 'Imported');
      for (let k = 1; k < 100; k++) {
        const name = k === 1 ? base : `${base.slice(0, 190)} ${k}`;
        const same = this.user.find((u) => u.preset.name === name);
        if (same && sameValues(host.params, same.values, v.values)) {
          this.setCurrent(this.currentFrom(same));
          return name;
        }
        if (same) continue;
        const preset = { ...v.preset, name };
        await this.store.put(preset);
        await this.loadUser();
        this.setCurrent(this.currentFrom({ source: 'user', preset, values: v.values }));
        return name;
      }
    } catch {
      // not kept: the preset is loaded all the same
    }
    return undefined;
  }

  private notes(v: ValidatedPreset): string {
    const parts: string[] = [];
    if (v.migrated.length) parts.push(`updated from version ${v.preset.pluginVersion}`);
    if (v.unknown.length) parts.push(`ignored ${v.unknown.length} unknown parameter(s): ${v.unknown.slice(0, 4).join(', ')}`);
    return parts.length ? ` (${parts.join('; ')})` : '';
  }

  async importFile(file: File): Promise<boolean> {
    if (file.size > MAX_PRESET_BYTES) {
      this.say(`not loaded: ${file.name} is larger than ${MAX_PRESET_BYTES / 1024} KB`, true);
      return false;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      this.say(`not loaded: ${(e as Error).message}`, true);
      return false;
    }
    return this.importText(text);
  }

  exportPreset(): void {
    const host = this.host;
    if (!host) return;
    const preset = this.presetOfCurrent();
    const blob = new Blob([presetToJson(host.params, preset)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = presetFileName(host.identifier, preset.name);
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.say(`exported ${a.download}`);
    this.closePanel();
  }

  /** the share code of the current state */
  async shareCode(): Promise<string> {
    const host = this.host;
    if (!host) return '';
    return encodePresetCode(host.params, this.presetOfCurrent());
  }

  async copyShareCode(): Promise<void> {
    const code = (this.shareText = await this.shareCode());
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('input.code');
    input?.select();
    try {
      await navigator.clipboard.writeText(code);
      this.say(`share code copied (${code.length} characters)`);
    } catch {
      this.say('select the code and copy it');
    }
  }

  /** Load a pasted share code: validated whole before anything changes. */
  async loadShareCode(code: string): Promise<boolean> {
    const host = this.host;
    if (!host) return false;
    let v: ValidatedPreset;
    try {
      v = await decodePresetCode(host.params, host.identifier, code, this.options);
    } catch (e) {
      this.say(`not loaded: ${(e as Error).message}`, true);
      return false;
    }
    await this.applyPreset(this.currentFrom({ source: 'unsaved', preset: v.preset, values: v.values }), `share code "${v.preset.name}"`);
    this.say(`loaded "${v.preset.name}" from a share code${this.notes(v)}`);
    return true;
  }

  // ---- panels ------------------------------------------------------------------------------

  private pop(which: Panel): PopoverEl | null {
    return this.renderRoot.querySelector<PopoverEl>(`.pop[data-panel="${which}"]`);
  }

  private async openPanel(which: Panel, anchor: HTMLElement): Promise<void> {
    // a press on the trigger of an open panel: light dismiss closed it on pointerup already
    const was = this.pressPanel !== undefined ? this.pressPanel : this.panel;
    this.pressPanel = undefined;
    if (was === which) {
      this.closePanel();
      return;
    }
    this.closePanel();
    this.panel = which;
    this.renaming = '';
    this.deleting = '';
    await this.updateComplete;
    const el = this.pop(which);
    if (!el) return;
    const r = anchor.getBoundingClientRect();
    el.style.left = `${Math.max(4, Math.min(r.left, innerWidth - 364))}px`;
    el.style.top = `${r.bottom + 4}px`;
    if (el.showPopover && !el.matches(':popover-open')) el.showPopover();
    if (which === 'share') {
      this.shareText = await this.shareCode();
    }
    const first = el.querySelector<HTMLElement>('input, button');
    first?.focus({ preventScroll: true });
  }

  private closePanel(): void {
    const which = this.panel;
    if (!which) return;
    this.panel = '';
    const el = this.pop(which);
    if (el?.hidePopover && el.matches(':popover-open')) el.hidePopover();
  }

  private readonly onToggle = (e: Event): void => {
    const state = (e as Event & { newState?: string }).newState;
    const which = (e.currentTarget as HTMLElement).dataset.panel;
    if (state === 'closed' && this.panel === which) this.panel = '';
  };

  // ---- drag and drop -----------------------------------------------------------------------

  private readonly onDragOver = (e: DragEvent): void => {
    if (!e.dataTransfer || ![...e.dataTransfer.types].includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  };

  private readonly onDragLeave = (): void => {
    this.dragging = false;
  };

  private readonly onDrop = (e: DragEvent): void => {
    this.dragging = false;
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    void this.importFile(file);
  };

  private readonly onFilePicked = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.importFile(file);
  };

  // ---- render ------------------------------------------------------------------------------

  protected override render() {
    const host = this.host;
    const s = this.session;
    if (!host || !s) return nothing;
    const cur = s.current;
    const ab = s.ab;
    const h = s.history;
    return html`
      <div
        class="bar ${this.dragging ? 'drop' : ''}"
        role="toolbar"
        aria-label="Presets"
        @dragover=${this.onDragOver}
        @dragleave=${this.onDragLeave}
        @drop=${this.onDrop}
      >
        <button aria-label="Previous preset" title="Previous preset" @click=${() => this.step(-1)}>‹</button>
        <button
          class="name"
          aria-label="Browse presets"
          aria-haspopup="dialog"
          aria-expanded=${this.panel === 'browse' ? 'true' : 'false'}
          @pointerdown=${this.onTriggerDown}
          title=${`${cur.name}${this.modified ? ' (modified)' : ''}`}
          @click=${(e: Event) => this.openPanel('browse', e.currentTarget as HTMLElement)}
        >
          <span class="text" data-t="preset-name">${cur.name}</span>
          <span class="mark" data-t="preset-modified" title="modified" ?hidden=${!this.modified}>●</span>
          <span class="caret" aria-hidden="true">▾</span>
        </button>
        <button aria-label="Next preset" title="Next preset" @click=${() => this.step(1)}>›</button>
        <span class="sep"></span>
        <button class="slot" aria-label="Slot A" aria-pressed=${ab.active === 'A' ? 'true' : 'false'} title="Slot A" @click=${() => this.switchSlot('A')}>A</button>
        <button
          class="copy"
          aria-label=${`Copy ${ab.active} to ${ab.other}`}
          title=${`Copy ${ab.active} to ${ab.other}`}
          @click=${() => this.copySlot()}
        >${ab.active === 'A' ? '→' : '←'}</button>
        <button class="slot" aria-label="Slot B" aria-pressed=${ab.active === 'B' ? 'true' : 'false'} title="Slot B" @click=${() => this.switchSlot('B')}>B</button>
        <span class="sep"></span>
        <button aria-label="Undo" title=${h.canUndo ? `Undo ${h.undoLabel} (Ctrl/Cmd+Z)` : 'Undo'} ?disabled=${!h.canUndo} @click=${() => this.undo.undo()}>↶</button>
        <button aria-label="Redo" title=${h.canRedo ? `Redo ${h.redoLabel} (Shift+Ctrl/Cmd+Z)` : 'Redo'} ?disabled=${!h.canRedo} @click=${() => this.undo.redo()}>↷</button>
        <button
          aria-label="Preset actions"
          title="Save, import, export, share"
          aria-haspopup="menu"
          aria-expanded=${this.panel === 'menu' ? 'true' : 'false'}
          @pointerdown=${this.onTriggerDown}
          @click=${(e: Event) => this.openPanel('menu', e.currentTarget as HTMLElement)}
        >
          ⋯
        </button>
      </div>
      <div class="status ${this.message.error ? 'error' : ''} ${this.message.faded ? 'faded' : ''}" role="status">${this.message.text
        ? html`<span data-t="preset-status">${this.message.text}</span><button aria-label="Dismiss message" @click=${() => this.say('')}>✕</button>`
        : nothing}</div>
      <input class="hidden" type="file" accept=".json,application/json" aria-label="Import preset file" @change=${this.onFilePicked} />
      ${this.renderBrowse()} ${this.renderMenu()} ${this.renderSave()} ${this.renderShare()}
    `;
  }

  private popAttrs(which: Panel) {
    return this.panel === which ? '' : nothing;
  }

  private renderMsg() {
    return this.message.text ? html`<div class="msg ${this.message.error ? 'error' : ''}">${this.message.text}</div>` : nothing;
  }

  private renderBrowse() {
    const open = this.panel === 'browse';
    const tags = open ? allTags(this.entries) : [];
    const list = open ? this.visible : [];
    const factory = list.filter((e) => e.source === 'factory');
    const user = list.filter((e) => e.source === 'user');
    return html`<div class="pop" popover="auto" data-panel="browse" data-open=${this.popAttrs('browse')} role="dialog" aria-label="Preset browser" @toggle=${this.onToggle}>
      ${open
        ? html`
            <div class="tags" role="group" aria-label="Filter by tag">
              <button aria-pressed=${this.tag ? 'false' : 'true'} @click=${() => (this.tag = '')}>all</button>
              ${tags.map((t) => html`<button aria-pressed=${this.tag === t ? 'true' : 'false'} @click=${() => (this.tag = this.tag === t ? '' : t)}>${t}</button>`)}
            </div>
            <div class="section">factory</div>
            ${factory.length ? factory.map((e) => this.renderRow(e)) : html`<div class="empty">none</div>`}
            <div class="section">user</div>
            ${user.length ? user.map((e) => this.renderRow(e)) : html`<div class="empty">${this.tag ? 'none with this tag' : 'none yet: ⋯ → Save'}</div>`}
          `
        : nothing}
    </div>`;
  }

  private renderRow(e: PresetEntry) {
    const key = entryKey(e);
    const current = key === this.currentKey;
    if (this.renaming === key) {
      return html`<div class="row">
        <input
          type="text"
          aria-label=${`New name for ${e.preset.name}`}
          .value=${e.preset.name}
          @keydown=${(ev: KeyboardEvent) => {
            if (ev.key === 'Enter') void this.renamePreset(e, (ev.target as HTMLInputElement).value);
            if (ev.key === 'Escape') {
              ev.stopPropagation();
              this.renaming = '';
            }
          }}
        />
        <button class="small" aria-label="Confirm rename" @click=${(ev: Event) => this.renamePreset(e, ((ev.currentTarget as HTMLElement).previousElementSibling as HTMLInputElement).value)}>✓</button>
      </div>`;
    }
    if (this.deleting === key) {
      return html`<div class="row">
        <span class="load">delete "${e.preset.name}"?</span>
        <button class="small" aria-label=${`Confirm delete ${e.preset.name}`} @click=${() => this.deletePreset(e)}>yes</button>
        <button class="small" aria-label="Keep it" @click=${() => (this.deleting = '')}>no</button>
      </div>`;
    }
    return html`<div class="row">
      <button class="load" aria-current=${current ? 'true' : 'false'} title=${e.preset.tags.join(', ')} @click=${() => this.loadEntry(e)}>${e.preset.name}</button>
      ${e.source === 'user'
        ? html`<button class="small" aria-label=${`Rename ${e.preset.name}`} title="Rename" @click=${() => (this.renaming = key)}>✎</button>
            <button class="small" aria-label=${`Delete ${e.preset.name}`} title="Delete" @click=${() => (this.deleting = key)}>✕</button>`
        : nothing}
    </div>`;
  }

  private renderMenu() {
    const anchor = () => this.renderRoot.querySelector<HTMLElement>('.name')!;
    return html`<div class="pop" popover="auto" data-panel="menu" data-open=${this.popAttrs('menu')} role="menu" aria-label="Preset actions" @toggle=${this.onToggle}>
      <button class="item" role="menuitem" @click=${() => this.openPanel('save', anchor())}>Save as user preset…</button>
      <button
        class="item"
        role="menuitem"
        @click=${() => {
          this.closePanel();
          this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
        }}
      >
        Import .json…
      </button>
      <button class="item" role="menuitem" @click=${() => this.exportPreset()}>Export .json</button>
      <button class="item" role="menuitem" @click=${() => this.openPanel('share', anchor())}>Share code…</button>
    </div>`;
  }

  private renderSave() {
    const open = this.panel === 'save';
    const cur = this.session?.current;
    const submit = (overwrite: boolean) => {
      const root = this.pop('save');
      const name = root?.querySelector<HTMLInputElement>('input[name=name]')?.value ?? '';
      const tags = root?.querySelector<HTMLInputElement>('input[name=tags]')?.value ?? '';
      void this.savePreset(name, tags, overwrite);
    };
    return html`<div class="pop" popover="auto" data-panel="save" data-open=${this.popAttrs('save')} role="dialog" aria-label="Save preset" @toggle=${this.onToggle}>
      ${open
        ? html`<label class="field"
              >name
              <input type="text" name="name" aria-label="Preset name" maxlength="200" .value=${cur?.source === 'factory' || cur?.source === 'initial' ? '' : (cur?.name ?? '')} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && submit(false)}
            /></label>
            <label class="field"
              >tags (comma separated)
              <input type="text" name="tags" aria-label="Tags" .value=${cur?.tags.join(', ') ?? ''} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && submit(false)}
            /></label>
            <div class="actions">
              ${this.replaceName ? html`<button @click=${() => submit(true)}>Replace</button>` : nothing}
              <button @click=${() => submit(false)}>Save</button>
            </div>
            ${this.renderMsg()}`
        : nothing}
    </div>`;
  }

  private renderShare() {
    const open = this.panel === 'share';
    const field = () => this.pop('share')?.querySelector<HTMLInputElement>('input.code');
    return html`<div class="pop" popover="auto" data-panel="share" data-open=${this.popAttrs('share')} role="dialog" aria-label="Share code" @toggle=${this.onToggle}>
      ${open
        ? html`<label class="field"
              >share code: copy it, or paste one and load it
              <input
                class="code"
                type="text"
                aria-label="Share code"
                spellcheck="false"
                autocomplete="off"
                .value=${this.shareText}
                @input=${(e: Event) => (this.shareText = (e.target as HTMLInputElement).value)}
                @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.loadShareCode(field()?.value ?? '')}
            /></label>
            <div class="actions">
              <button @click=${() => this.copyShareCode()}>Copy</button>
              <button @click=${() => this.loadShareCode(field()?.value ?? '')}>Load code</button>
            </div>
            ${this.renderMsg()}`
        : nothing}
    </div>`;
  }
}
