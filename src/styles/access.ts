import { forcedColorStyles } from './forced-colors.js';
import { panelStyles } from './panel.js';
import { stateStyles } from './states.js';
import { targetStyles } from './targets.js';

/** The launcher's panel, states, target sizes and forced colours (the last, as it overrides the others). */
export const accessStyles = [panelStyles, stateStyles, targetStyles, forcedColorStyles];
