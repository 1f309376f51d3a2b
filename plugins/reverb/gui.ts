/** Varnish Reverb GUI entry (loaded on demand by createGui). */
import type { ParamHost } from '../../shared-ui/param-host.js';
import { defineScoped, registerKit, scopedTag } from '../../shared-ui/index.js';
import { REVERB_DECAY_TAG, ReverbDecayView } from './gui/decay-view.js';
import { ReverbEditor } from './gui/reverb-editor.js';

export function createGui(host: ParamHost, baseUrl: string): HTMLElement {
  registerKit();
  defineScoped(REVERB_DECAY_TAG, ReverbDecayView);
  defineScoped('vn-reverb', ReverbEditor);
  const el = document.createElement(scopedTag('vn-reverb')) as ReverbEditor;
  el.host = host;
  el.baseUrl = baseUrl;
  return el;
}
