/**
 * User presets in IndexedDB, on the origin of the page that shows the plugin (so they also work
 * when a third-party host loads the plugin from our server). Database "varnish-presets", object
 * store "user-presets" keyed by [plugin identifier, name], with an index on the plugin.
 */
import type { Preset } from '../../shared-wam/presets.js';
import { MemoryPresetStore, PresetExistsError, byName, checkPresetName, type UserPresetStore } from './preset-store.js';

export const PRESET_DB_NAME = 'varnish-presets';
export const PRESET_DB_VERSION = 1;
export const PRESET_STORE_NAME = 'user-presets';
const BY_PLUGIN = 'by-plugin';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => fail(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export class IndexedDbPresetStore implements UserPresetStore {
  readonly persistent = true;
  private db: Promise<IDBDatabase> | undefined;

  constructor(
    private readonly factory: IDBFactory,
    readonly dbName = PRESET_DB_NAME,
  ) {}

  /** open (and create) the database; rejects where IndexedDB is refused (some sandboxes) */
  open(): Promise<IDBDatabase> {
    if (!this.db) {
      const req = this.factory.open(this.dbName, PRESET_DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(PRESET_STORE_NAME)) {
          const store = db.createObjectStore(PRESET_STORE_NAME, { keyPath: ['plugin', 'name'] });
          store.createIndex(BY_PLUGIN, 'plugin', { unique: false });
        }
      };
      this.db = request(req).then((db) => {
        // another page upgrading the database: step aside, reopen on next use
        db.onversionchange = () => {
          db.close();
          this.db = undefined;
        };
        db.onclose = () => (this.db = undefined);
        return db;
      });
      this.db.catch(() => (this.db = undefined));
    }
    return this.db;
  }

  async list(plugin: string): Promise<unknown[]> {
    const db = await this.open();
    const tx = db.transaction(PRESET_STORE_NAME, 'readonly');
    const rows = await request(tx.objectStore(PRESET_STORE_NAME).index(BY_PLUGIN).getAll(IDBKeyRange.only(plugin)));
    return rows.sort(byName);
  }

  async put(preset: Preset, options: { overwrite?: boolean } = {}): Promise<void> {
    const name = checkPresetName(preset.name);
    const db = await this.open();
    const tx = db.transaction(PRESET_STORE_NAME, 'readwrite');
    const store = tx.objectStore(PRESET_STORE_NAME);
    const record = JSON.parse(JSON.stringify({ ...preset, name }));
    const req = options.overwrite ? store.put(record) : store.add(record);
    try {
      await done(tx);
    } catch (e) {
      if ((e as DOMException)?.name === 'ConstraintError' || req.error?.name === 'ConstraintError') throw new PresetExistsError(name);
      throw e;
    }
  }

  async remove(plugin: string, name: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(PRESET_STORE_NAME, 'readwrite');
    tx.objectStore(PRESET_STORE_NAME).delete([plugin, name]);
    await done(tx);
  }

  async rename(plugin: string, from: string, to: string): Promise<void> {
    const name = checkPresetName(to);
    if (name === from) return;
    const db = await this.open();
    const tx = db.transaction(PRESET_STORE_NAME, 'readwrite');
    const store = tx.objectStore(PRESET_STORE_NAME);
    const [rec, clash] = await Promise.all([request(store.get([plugin, from])), request(store.count([plugin, name]))]);
    if (!rec) {
      tx.abort();
      throw new Error(`no user preset named "${from}"`);
    }
    if (clash) {
      tx.abort();
      throw new PresetExistsError(name);
    }
    store.delete([plugin, from]);
    store.put({ ...(rec as object), name });
    await done(tx);
  }
}

/**
 * The page's user-preset store: IndexedDB when the page may use it, otherwise an in-memory
 * store (presets then last until the page closes; `persistent` says which).
 */
let shared: Promise<UserPresetStore> | undefined;
export function openUserPresetStore(): Promise<UserPresetStore> {
  if (!shared) {
    shared = (async () => {
      try {
        if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
        const store = new IndexedDbPresetStore(indexedDB);
        await store.open();
        return store;
      } catch {
        return new MemoryPresetStore();
      }
    })();
  }
  return shared;
}
