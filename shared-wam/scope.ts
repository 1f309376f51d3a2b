/**
 * Names that must not collide when one plugin is loaded from two URLs on one page:
 * AudioWorklet processor names and custom element names get a short tag derived from the
 * URL of the code that registers them (FNV-1a, 32 bit, base 36).
 */
export function hashTag(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
