/** The bounce dialog: format, rate, range and loudness target; progress and cancel; report and download. */
import type { HostApp } from '../app.js';
import { measure, TARGETS, type LoudnessReport } from '../bounce/report.js';
import { encodeWav } from '../bounce/wav.js';
import { slug } from '../session/file.js';
import { $, fmtDb, h } from '../util/dom.js';

export function setupBounce(app: HostApp): { open: () => void } {
  const dialog = $<HTMLDialogElement>('#bounce-dialog');
  const bits = $<HTMLSelectElement>('#bounce-bits');
  const rate = $<HTMLSelectElement>('#bounce-rate');
  const range = $<HTMLSelectElement>('#bounce-range');
  const target = $<HTMLSelectElement>('#bounce-target');
  const progress = $<HTMLProgressElement>('#bounce-progress');
  const report = $('#bounce-report');
  const link = $<HTMLAnchorElement>('#bounce-download');
  const start = $<HTMLButtonElement>('#bounce-start');
  const cancel = $<HTMLButtonElement>('#bounce-cancel');
  TARGETS.forEach((t, i) => target.append(h('option', { value: String(i) }, t.name)));
  let abort: AbortController | null = null;
  let url = '';

  const idle = (running: boolean) => {
    start.disabled = running;
    cancel.disabled = !running;
  };
  idle(false);

  start.onclick = async () => {
    const l = app.transport.loop;
    const useLoop = range.value === 'loop' && l.end - l.start > 0.05;
    const sampleRate = Number(rate.value);
    const depth = Number(bits.value) as 16 | 24;
    abort = new AbortController();
    idle(true);
    link.hidden = true;
    report.replaceChildren();
    progress.value = 0;
    try {
      const t0 = performance.now();
      const res = await app.bounce({
        sampleRate,
        start: useLoop ? l.start : 0,
        end: useLoop ? l.end : app.mixer.length,
        tail: useLoop ? 0 : 2,
        onProgress: (f) => (progress.value = f),
        signal: abort.signal,
      });
      const wav = encodeWav(res.channels, sampleRate, depth);
      const r = measure(res.channels, sampleRate, TARGETS[Number(target.value)]);
      showReport(report, r, res.channels[0].length / sampleRate, (performance.now() - t0) / 1000);
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([wav], { type: 'audio/wav' }));
      link.href = url;
      link.download = `${slug(app.name)}-${sampleRate / 1000}k-${depth}bit.wav`;
      link.hidden = false;
      app.status(`bounced: integrated ${fmtDb(r.integrated)} LUFS, true peak ${fmtDb(r.truePeak)} dBTP`);
    } catch (e) {
      const cancelled = (e as Error).name === 'AbortError';
      progress.value = 0;
      report.replaceChildren(h('span', { className: cancelled ? '' : 'bad' }, cancelled ? 'Cancelled.' : `Error: ${(e as Error).message}`));
      app.status(cancelled ? 'bounce cancelled' : `error: ${(e as Error).message}`);
    } finally {
      abort = null;
      idle(false);
    }
  };
  cancel.onclick = () => abort?.abort();
  $('#bounce-close').onclick = () => {
    abort?.abort();
    dialog.close();
  };
  return {
    open: () => {
      if (!dialog.open) dialog.showModal();
    },
  };
}

function showReport(root: HTMLElement, r: LoudnessReport, seconds: number, took: number): void {
  const row = (k: string, v: string, cls = '') => [h('span', {}, k), h('span', { className: cls }, v)];
  const off = Math.abs(r.offset) <= 1;
  root.dataset.integrated = String(r.integrated);
  root.dataset.truePeak = String(r.truePeak);
  root.dataset.range = String(r.range);
  root.replaceChildren(
    ...row('Integrated', `${fmtDb(r.integrated)} LUFS`),
    ...row('Loudness range', `${r.range.toFixed(1)} LU`),
    ...row('True peak', `${fmtDb(r.truePeak)} dBTP`, r.peakOk ? 'ok' : 'bad'),
    ...row('Max momentary', `${fmtDb(r.maxMomentary)} LUFS`),
    ...row('Max short-term', `${fmtDb(r.maxShortTerm)} LUFS`),
    ...row('Target', r.target.name),
    ...row('Against target', `${fmtDb(r.offset)} LU${off ? ' ✓' : r.offset > 0 ? ' (louder)' : ' (quieter)'}`, off ? 'ok' : 'bad'),
    ...row('Length', `${seconds.toFixed(2)} s, rendered in ${took.toFixed(1)} s`),
  );
}
