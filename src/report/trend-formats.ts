/** The formats `trend` writes, each a renderer of the one trend model (scoring/trend.ts). */
import { modelFormats } from './model-formats.js';
import type { ModelContext } from './model-formats.js';

export type TrendContext = ModelContext;

const TREND_FORMATS = modelFormats({
  text: async () => (await import('./trend-text.js')).renderTrendText,
  markdown: async () => (await import('./trend-markdown.js')).renderTrendMarkdown,
  json: async () => (await import('./trend-json.js')).renderTrendJson,
  html: async () => (await import('./html/trend.js')).renderTrendHtml,
});

export const TREND_FORMAT_NAMES = TREND_FORMATS.names;
export type TrendFormatName = (typeof TREND_FORMAT_NAMES)[number];
export const renderTrend = TREND_FORMATS.render;
