/** The formats `rollup` writes, each a renderer of the one roll-up model (scoring/rollup.ts). */
import { modelFormats } from './model-formats.js';
import type { ModelContext } from './model-formats.js';

export type RollupContext = ModelContext;

const ROLLUP_FORMATS = modelFormats({
  text: async () => (await import('./rollup-text.js')).renderRollupText,
  markdown: async () => (await import('./rollup-markdown.js')).renderRollupMarkdown,
  json: async () => (await import('./rollup-json.js')).renderRollupJson,
  html: async () => (await import('./html/rollup.js')).renderRollupHtml,
});

export const ROLLUP_FORMAT_NAMES = ROLLUP_FORMATS.names;
export type RollupFormatName = (typeof ROLLUP_FORMAT_NAMES)[number];
export const renderRollup = ROLLUP_FORMATS.render;
