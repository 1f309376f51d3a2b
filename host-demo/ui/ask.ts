/** A one-line question in the #url-dialog (plugin URL, chain code); resolves to the text or null. */
import { $ } from '../util/dom.js';

export function ask(title: string, placeholder: string, type: 'url' | 'text' = 'url'): Promise<string | null> {
  const dialog = $<HTMLDialogElement>('#url-dialog');
  const input = $<HTMLInputElement>('#url-input');
  $('#url-dialog h2').textContent = title;
  input.type = type;
  input.placeholder = placeholder;
  input.value = '';
  dialog.returnValue = '';
  dialog.showModal();
  input.focus();
  return new Promise((ok) => {
    dialog.addEventListener('close', () => ok(dialog.returnValue === 'ok' && input.value.trim() ? input.value.trim() : null), { once: true });
  });
}
