/** Session files: download the session as JSON, and read one back. */
import type { SessionData } from './model.js';

export function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const slug = (name: string) => name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'session';

export function saveSessionFile(session: SessionData): void {
  download(`${slug(session.name)}.varnish-session.json`, JSON.stringify(session, null, 2) + '\n', 'application/json');
}

export async function readSessionFile(file: File): Promise<unknown> {
  if (file.size > 32 * 1024 * 1024) throw new Error(`${file.name}: larger than 32 MB`);
  try {
    return JSON.parse(await file.text());
  } catch (e) {
    throw new Error(`${file.name}: not a session file (${(e as Error).message})`);
  }
}
