/**
 * Varnish shared-ui: the Lit 3 UI kit of the five plugins.
 *
 * A GUI calls registerKit() once before rendering, then writes its templates with `html`
 * from 'lit/static-html.js' and the exported static tags:
 *
 *   import { html } from 'lit/static-html.js';
 *   import { registerKit, paramTag, levelMeterTag, tokens, panel } from '../../shared-ui/index.js';
 *   registerKit();
 *   html`<${paramTag} .host=${host} param="threshold"></${paramTag}>`
 *
 * Tag names are scoped per copy of the kit (see define.ts), so never write "vn-knob" literally.
 */
import { defineScoped } from './define.js';
import { VnChoice } from './elements/choice.js';
import { VnFader } from './elements/fader.js';
import { VnGraph } from './elements/graph.js';
import { VnGrMeter } from './elements/gr-meter.js';
import { VnKnob } from './elements/knob.js';
import { VnLevelMeter } from './elements/level-meter.js';
import { VnNumber } from './elements/number-field.js';
import { VnParam } from './elements/param.js';
import { VnResizeGrip } from './elements/resize-grip.js';
import { VnPresetBar } from './elements/preset-bar.js';
import { VnToggle } from './elements/toggle.js';

export type { ParamHost, ParamListener, MeterListener } from './param-host.js';
export { scopedTag, defineScoped, scopeFor, KIT_SCOPE, KIT_SCOPE_SALT } from './define.js';
export { tokens, controlStyles, panel, canvasPanel, ACCENTS } from './theme.js';
export { editorFrame, editorSections, editorCompact } from './editor-styles.js';

export { ParamController, type ParamBound } from './controllers/param-controller.js';
export { DragController, type DragOptions } from './controllers/drag-controller.js';
export { KeyboardStepController } from './controllers/keyboard-step-controller.js';
export { WheelController } from './controllers/wheel-controller.js';
export { InlineEditController } from './controllers/inline-edit-controller.js';
export { RafController, type FrameCallback } from './controllers/raf-controller.js';
export { VisibilityController } from './controllers/visibility-controller.js';
export { HostSubscription } from './controllers/host-subscription.js';
export { MeterController } from './controllers/meter-controller.js';
export { ParamWatchController, type ParamWatch } from './controllers/param-watch-controller.js';
export { InOutMeters, type InOutMeterOptions } from './controllers/in-out-meters.js';
export { CanvasController, type GraphContext, type GraphColors } from './controllers/canvas-controller.js';
export { createControlSet, paramProperties, type ControlSet } from './controllers/control-set.js';

export { drawFreqGrid, drawCurve } from './graph-grid.js';
export * from './logic/axes.js';
export * from './logic/meter-scale.js';
export * from './logic/steps.js';
export { PeakFrames } from './logic/peak-frames.js';
export { HistoryRing } from './logic/history-ring.js';

export { VnKnob, KNOB_TAG, knobTag } from './elements/knob.js';
export { VnFader, FADER_TAG, faderTag } from './elements/fader.js';
export { VnToggle, TOGGLE_TAG, toggleTag } from './elements/toggle.js';
export { VnChoice, CHOICE_TAG, choiceTag, type ChoiceVariant } from './elements/choice.js';
export { VnNumber, NUMBER_TAG, numberTag } from './elements/number-field.js';
export { VnLevelMeter, LEVEL_METER_TAG, levelMeterTag } from './elements/level-meter.js';
export { VnGrMeter, GR_METER_TAG, grMeterTag } from './elements/gr-meter.js';
export { VnGraph, GRAPH_TAG, graphTag, type GraphDrawContext } from './elements/graph.js';
export { VnParam, PARAM_TAG, paramTag, type ParamKind } from './elements/param.js';
export { VnResizeGrip, RESIZE_GRIP_TAG, resizeGripTag, type ResizeDetail } from './elements/resize-grip.js';
export { VnPresetBar, PRESET_BAR_TAG, presetBarTag } from './elements/preset-bar.js';
export { UndoController, undoShortcut, type UndoControllerOptions } from './controllers/undo-controller.js';
export { UndoHistory, type UndoChange, type UndoStep, type UndoOptions } from './logic/undo-history.js';
export { ABSlots, type Slot } from './logic/ab-slots.js';
export { MemoryPresetStore, PresetExistsError, checkPresetName, type UserPresetStore } from './logic/preset-store.js';
export { IndexedDbPresetStore, openUserPresetStore, PRESET_DB_NAME, PRESET_STORE_NAME } from './logic/idb-preset-store.js';
export { sessionFor, currentValues, type CurrentPreset, type PresetSession } from './logic/preset-session.js';
export * from './logic/preset-list.js';

/** Define every kit element under this copy's scoped names (idempotent). */
export function registerKit(): void {
  defineScoped('vn-knob', VnKnob);
  defineScoped('vn-fader', VnFader);
  defineScoped('vn-toggle', VnToggle);
  defineScoped('vn-choice', VnChoice);
  defineScoped('vn-number', VnNumber);
  defineScoped('vn-level-meter', VnLevelMeter);
  defineScoped('vn-gr-meter', VnGrMeter);
  defineScoped('vn-graph', VnGraph);
  defineScoped('vn-param', VnParam);
  defineScoped('vn-resize-grip', VnResizeGrip);
  defineScoped('vn-preset-bar', VnPresetBar);
}
