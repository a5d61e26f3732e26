import { code } from './code.js';
import { composer } from './composer.js';
import { markdown } from './markdown.js';
import { math } from './math.js';
import { messages } from './messages.js';
import { surface } from './surface.js';
import { tokens } from './tokens.js';

/** The element's styles, region by region, in cascade order. */
export const styles = [tokens, surface, messages, markdown, math, code, composer];
