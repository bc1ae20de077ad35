/**
 * The formats `rollup` writes, each a renderer of the one roll-up model (scoring/rollup.ts). Keyed
 * by the report registry's names, so a format added there is one more entry here.
 */
import type { Rollup } from '../scoring/rollup.js';
import type { FormatName } from './formats.js';
import type { ToolInfo } from './json.js';

export interface RollupContext {
  tool: ToolInfo;
  color: boolean;
}

export type RollupRenderer = (rollup: Rollup, context: RollupContext) => string;

const REGISTRY = {
  text: async () => (await import('./rollup-text.js')).renderRollupText,
  markdown: async () => (await import('./rollup-markdown.js')).renderRollupMarkdown,
  json: async () => (await import('./rollup-json.js')).renderRollupJson,
  html: async () => (await import('./html/rollup.js')).renderRollupHtml,
} satisfies Partial<Record<FormatName, () => Promise<RollupRenderer>>>;

export type RollupFormatName = keyof typeof REGISTRY;
export const ROLLUP_FORMAT_NAMES = Object.keys(REGISTRY) as RollupFormatName[];

export async function renderRollup(format: RollupFormatName, rollup: Rollup, context: RollupContext): Promise<string> {
  return (await REGISTRY[format]())(rollup, context);
}
