/**
 * The report formats: their names drive `--format` and their extensions drive `-o`. Each renderer
 * is imported only when used, so a JSON run never loads the Markdown code and vice versa.
 */
import type { Comparison } from '../scoring/compare.js';
import type { Assessment } from '../scoring/model.js';
import type { ToolInfo } from './json.js';
import type { NextStep } from './text.js';

export interface RenderContext {
  tool: ToolInfo;
  color: boolean;
  next?: NextStep[];
  /** Line of `answers:` in the answers file, where locations of unanswered questions point. */
  answersLine?: number;
  /** With `--baseline`: the comparison, shown in the human formats and in JSON. */
  comparison?: Comparison;
}

type Renderer = (assessment: Assessment, context: RenderContext) => Promise<string>;

export const FORMATS = {
  text: {
    extensions: ['.txt'],
    render: (async (a, c) => (await import('./text.js')).renderText(a, { color: c.color, next: c.next })) as Renderer,
  },
  markdown: {
    extensions: ['.md', '.markdown'],
    render: (async (a, c) => (await import('./markdown.js')).renderMarkdown(a, { tool: c.tool, comparison: c.comparison })) as Renderer,
  },
  json: {
    extensions: ['.json'],
    render: (async (a, c) => (await import('./json.js')).renderJson(a, c.tool, c.comparison)) as Renderer,
  },
  junit: {
    extensions: ['.xml'],
    render: (async (a, c) => (await import('./junit.js')).renderJunit(a, { tool: c.tool })) as Renderer,
  },
  sarif: {
    extensions: ['.sarif'],
    render: (async (a, c) => (await import('./sarif.js')).renderSarif(a, { tool: c.tool, answersLine: c.answersLine })) as Renderer,
  },
} as const;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

/** The format a file name asks for by its extension (`.sarif.json` is SARIF), or undefined. */
export function formatForFile(file: string): FormatName | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.sarif.json')) return 'sarif';
  return FORMAT_NAMES.find((name) => FORMATS[name].extensions.some((ext) => lower.endsWith(ext)));
}
