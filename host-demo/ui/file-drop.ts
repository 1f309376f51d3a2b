/** Audio files dropped anywhere on the page, or picked with "+ Track", become tracks (or re-link missing ones). */
import type { HostApp } from '../app.js';
import { AUDIO_ACCEPT } from '../session/audio-library.js';
import { $ } from '../util/dom.js';

export function setupFileDrop(app: HostApp): void {
  const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
  let depth = 0;
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    document.body.classList.add('dropping');
  });
  window.addEventListener('dragleave', (e) => {
    if (!hasFiles(e)) return;
    if (--depth <= 0) {
      depth = 0;
      document.body.classList.remove('dropping');
    }
  });
  window.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    document.body.classList.remove('dropping');
    const files = Array.from(e.dataTransfer!.files);
    if (files.length) void app.addAudioFiles(files);
  });
  const input = $<HTMLInputElement>('#file-input');
  input.accept = AUDIO_ACCEPT;
  $('#add-track').onclick = () => input.click();
  input.onchange = () => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length) void app.addAudioFiles(files);
  };
}
