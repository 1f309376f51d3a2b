/** The Varnish plugins on offer: dist/plugins/index.json, read at start (any list works). */
export interface CatalogEntry {
  id: string;
  identifier: string;
  name: string;
  description: string;
  /** absolute URL of the plugin's index.js */
  url: string;
}

export async function loadCatalog(base = new URL('../plugins/', location.href)): Promise<CatalogEntry[]> {
  const res = await fetch(new URL('index.json', base));
  if (!res.ok) throw new Error(`plugins/index.json: HTTP ${res.status}`);
  const index = await res.json();
  const list: CatalogEntry[] = [];
  for (const p of Array.isArray(index?.plugins) ? index.plugins : []) {
    if (typeof p?.url !== 'string' || typeof p?.id !== 'string') continue;
    list.push({ id: p.id, identifier: String(p.identifier ?? ''), name: String(p.name ?? p.id), description: String(p.description ?? ''), url: new URL(p.url, base).href });
  }
  return list;
}

/** A URL as stored in a session: relative to this page when on the same origin. */
export function storableUrl(url: string): string {
  const u = new URL(url, location.href);
  if (u.origin !== location.origin) return u.href;
  const here = new URL('.', location.href).pathname.split('/').filter(Boolean);
  const there = u.pathname.split('/').filter(Boolean);
  let i = 0;
  while (i < here.length && i < there.length - 1 && here[i] === there[i]) i++;
  return '../'.repeat(here.length - i) + there.slice(i).join('/') + u.search;
}

export const resolveUrl = (url: string) => new URL(url, location.href).href;
