/**
 * Autosave: every two seconds the session (with every plugin's getState()) is serialised and,
 * when it differs from the last save, written to IndexedDB. Audio files are stored once, when
 * added (session/audio-library.ts), so a reload restores everything.
 */
import type { HostApp } from '../app.js';
import { clearAutosave, loadAutosave, saveAutosave } from './store.js';

const EVERY_MS = 2000;

export class Autosave {
  private last = '';
  private queue: Promise<boolean> = Promise.resolve(false);
  private pending = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly app: HostApp) {}

  start(): void {
    if (!this.timer) this.timer = setInterval(() => void (this.pending || this.flush()), EVERY_MS);
  }

  /** Save now if anything changed (after any save under way); resolves when written. */
  flush(): Promise<boolean> {
    this.pending = true;
    this.queue = this.queue.then(() => this.save()).finally(() => (this.pending = false));
    return this.queue;
  }

  private async save(): Promise<boolean> {
    if (this.app.loading || !this.app.mixer) return false;
    try {
      const json = JSON.stringify(await this.app.session());
      if (json === this.last) return false;
      await saveAutosave(json);
      this.last = json;
      return true;
    } catch {
      return false;
    }
  }

  async restore(): Promise<unknown | null> {
    try {
      const saved = await loadAutosave();
      return saved ? JSON.parse(saved.json) : null;
    } catch {
      return null;
    }
  }

  async clear(): Promise<void> {
    this.last = '';
    await clearAutosave().catch(() => undefined);
  }
}
