/**
 * Keyboard shortcuts: Space play/pause, Home back to the start, L loop, Ctrl/Cmd+S save,
 * Ctrl/Cmd+B bounce. Typing in a field, or keys inside a plugin window, are left alone.
 */
import type { HostApp } from '../app.js';

export function setupKeys(app: HostApp, actions: { save: () => void; bounce: () => void; loop: () => void }): void {
  window.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement | null;
    const field = t?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], dialog') as HTMLInputElement | null;
    const typing = !!field && !(field.tagName === 'INPUT' && field.type === 'range');
    const inPlugin = !!t?.closest('.panel .body');
    if ((e.ctrlKey || e.metaKey) && !e.altKey) {
      if (e.key === 's') {
        e.preventDefault();
        actions.save();
      } else if (e.key === 'b') {
        e.preventDefault();
        actions.bounce();
      }
      return;
    }
    if (typing || inPlugin || e.altKey) return;
    if (e.code === 'Space') {
      e.preventDefault();
      app.transport.toggle();
    } else if (e.key === 'Home') {
      e.preventDefault();
      app.transport.seek(0);
    } else if (e.key === 'l' || e.key === 'L') {
      actions.loop();
    }
  });
  // a focused button would also "click" on Space: keep Space for the transport
  window.addEventListener('keyup', (e) => {
    const t = e.target as HTMLElement | null;
    if (e.code === 'Space' && t?.tagName === 'BUTTON' && !t.closest('dialog, .panel .body')) e.preventDefault();
  });
}
