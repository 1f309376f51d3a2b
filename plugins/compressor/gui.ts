/** Varnish Compressor GUI entry (loaded on demand by createGui). */
import type { ParamHost } from '../../shared-ui/param-host.js';
import { defineScoped, registerKit, scopedTag } from '../../shared-ui/index.js';
import { CompEditor } from './gui/comp-editor.js';
import { CompHistoryView } from './gui/history-view.js';
import { CompRatioKnob } from './gui/ratio-knob.js';
import { CompTransferCurve } from './gui/transfer-curve.js';

export function createGui(host: ParamHost, baseUrl: string): HTMLElement {
  registerKit();
  defineScoped('vn-comp-transfer', CompTransferCurve);
  defineScoped('vn-comp-history', CompHistoryView);
  defineScoped('vn-comp-ratio', CompRatioKnob);
  defineScoped('vn-comp', CompEditor);
  const el = document.createElement(scopedTag('vn-comp')) as CompEditor;
  el.host = host;
  el.baseUrl = baseUrl;
  return el;
}
