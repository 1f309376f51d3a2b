/** Varnish EQ GUI entry (loaded on demand by createGui). */
import type { ParamHost } from '../../shared-ui/param-host.js';
import { defineScoped, registerKit, scopedTag } from '../../shared-ui/index.js';
import { EqEditor } from './gui/eq-editor.js';
import { EqGraph } from './gui/eq-graph.js';

export function createGui(host: ParamHost, baseUrl: string): HTMLElement {
  registerKit();
  defineScoped('vn-eq-graph', EqGraph);
  defineScoped('vn-eq', EqEditor);
  const el = document.createElement(scopedTag('vn-eq')) as EqEditor;
  el.host = host;
  el.baseUrl = baseUrl;
  return el;
}
