/**
 * IndexedDB storage (database "varnish-host"): the autosaved session, and the bytes of every
 * audio file added to a track, keyed by content hash, so a reload restores everything.
 */
const DB = 'varnish-host';
const AUDIO = 'audio';
const SESSION = 'session';

export interface StoredAudio {
  key: string;
  name: string;
  type: string;
  bytes: ArrayBuffer;
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (!opening) {
    opening = new Promise((ok, fail) => {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(AUDIO)) db.createObjectStore(AUDIO, { keyPath: 'key' });
        if (!db.objectStoreNames.contains(SESSION)) db.createObjectStore(SESSION);
      };
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    opening.catch(() => (opening = null));
  }
  return opening;
}

function run<T>(store: string, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((ok, fail) => {
        const tx = db.transaction(store, mode);
        const req = fn(tx.objectStore(store));
        tx.oncomplete = () => ok(req.result as T);
        tx.onerror = () => fail(tx.error);
        tx.onabort = () => fail(tx.error);
      }),
  );
}

export const putAudio = (a: StoredAudio) => run<IDBValidKey>(AUDIO, 'readwrite', (s) => s.put(a));
export const getAudio = (key: string) => run<StoredAudio | undefined>(AUDIO, 'readonly', (s) => s.get(key));
export const allAudio = () => run<StoredAudio[]>(AUDIO, 'readonly', (s) => s.getAll());
export const saveAutosave = (json: string) => run<IDBValidKey>(SESSION, 'readwrite', (s) => s.put({ json, savedAt: Date.now() }, 'autosave'));
export const loadAutosave = () => run<{ json: string; savedAt: number } | undefined>(SESSION, 'readonly', (s) => s.get('autosave'));
export const clearAutosave = () => run<undefined>(SESSION, 'readwrite', (s) => s.delete('autosave'));

/** 'sha256:<first 32 hex digits>' of the file's bytes */
export async function contentKey(bytes: ArrayBuffer): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `sha256:${Array.from(d.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
