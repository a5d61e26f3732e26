import { codeBlockStyles } from '../markdown/code-block/styles.js';
import { imagePlaceholderStyles } from '../markdown/image-placeholder/styles.js';
import { composer } from './composer.js';
import { markdown } from './markdown.js';
import { math } from './math.js';
import { messages } from './messages.js';
import { surface } from './surface.js';
import { tokens } from './tokens.js';

/** The element's styles, region by region, in cascade order (rich parts bring their own). */
export const styles = [tokens, surface, messages, markdown, imagePlaceholderStyles, math, codeBlockStyles, composer];
