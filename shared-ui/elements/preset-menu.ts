/**
 * The former factory-preset menu, now the preset bar (elements/preset-bar.ts). These aliases
 * keep GUIs written against `presetMenuTag` building and working: they render the bar, which
 * takes the same `.host` and `base-url`. New code uses `presetBarTag`.
 */
import { PRESET_BAR_TAG, VnPresetBar, presetBarTag } from './preset-bar.js';

/** @deprecated use PRESET_BAR_TAG */
export const PRESET_MENU_TAG = PRESET_BAR_TAG;
/** @deprecated use presetBarTag */
export const presetMenuTag = presetBarTag;
/** @deprecated use VnPresetBar */
export const VnPresetMenu = VnPresetBar;
