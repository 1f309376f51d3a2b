/** Varnish Imager GUI entry (loaded on demand by createGui). */
import type { ParamHost } from '../../shared-ui/param-host.js';
import { defineScoped, registerKit, scopedTag } from '../../shared-ui/index.js';
import { ImagerBandStrip } from './gui/band-strip.js';
import { IMAGER_BAR_TAG, IMAGER_SCOPE_TAG, IMAGER_STRIP_TAG, ImagerEditor } from './gui/imager-editor.js';
import { ImagerStereoBar } from './gui/stereo-bar.js';
import { ImagerVectorscope } from './gui/vectorscope.js';

export function createGui(host: ParamHost, baseUrl: string): HTMLElement {
  registerKit();
  defineScoped(IMAGER_SCOPE_TAG, ImagerVectorscope);
  defineScoped(IMAGER_BAR_TAG, ImagerStereoBar);
  defineScoped(IMAGER_STRIP_TAG, ImagerBandStrip);
  defineScoped('vn-imager', ImagerEditor);
  const el = document.createElement(scopedTag('vn-imager')) as ImagerEditor;
  el.host = host;
  el.baseUrl = baseUrl;
  return el;
}
