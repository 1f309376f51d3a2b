/** Varnish Limiter GUI entry (loaded on demand by createGui). */
import type { ParamHost } from '../../shared-ui/param-host.js';
import { defineScoped, registerKit, scopedTag } from '../../shared-ui/index.js';
import { EDITOR_TAG, GR_HISTORY_TAG, LOUDNESS_PANEL_TAG, LimiterEditor, TARGET_PANEL_TAG } from './gui/limiter-editor.js';
import { LimGrHistory } from './gui/gr-history.js';
import { LimLoudnessGraph } from './gui/loudness-graph.js';
import { LOUDNESS_GRAPH_TAG, LimLoudnessPanel } from './gui/loudness-panel.js';
import { LimTargetPanel } from './gui/target-panel.js';

export function createGui(host: ParamHost, baseUrl: string): HTMLElement {
  registerKit();
  defineScoped(GR_HISTORY_TAG, LimGrHistory);
  defineScoped(LOUDNESS_GRAPH_TAG, LimLoudnessGraph);
  defineScoped(LOUDNESS_PANEL_TAG, LimLoudnessPanel);
  defineScoped(TARGET_PANEL_TAG, LimTargetPanel);
  defineScoped(EDITOR_TAG, LimiterEditor);
  const el = document.createElement(scopedTag(EDITOR_TAG)) as LimiterEditor;
  el.host = host;
  el.baseUrl = baseUrl;
  return el;
}
