/**
 * The formats `trend` writes, each a renderer of the one trend model (scoring/trend.ts). Keyed by
 * the report registry's names, so a format added there is one more entry here.
 */
import type { Trend } from '../scoring/trend.js';
import type { FormatName } from './formats.js';
import type { ToolInfo } from './json.js';

export interface TrendContext {
  tool: ToolInfo;
  color: boolean;
}

export type TrendRenderer = (trend: Trend, context: TrendContext) => string;

const REGISTRY = {
  text: async () => (await import('./trend-text.js')).renderTrendText,
  markdown: async () => (await import('./trend-markdown.js')).renderTrendMarkdown,
  json: async () => (await import('./trend-json.js')).renderTrendJson,
  html: async () => (await import('./html/trend.js')).renderTrendHtml,
} satisfies Partial<Record<FormatName, () => Promise<TrendRenderer>>>;

export type TrendFormatName = keyof typeof REGISTRY;
export const TREND_FORMAT_NAMES = Object.keys(REGISTRY) as TrendFormatName[];

export async function renderTrend(format: TrendFormatName, trend: Trend, context: TrendContext): Promise<string> {
  return (await REGISTRY[format]())(trend, context);
}
