/**
 * The report formats, one entry each: its name, the file extensions `-o` recognises, one help
 * line, its renderer and, when `diff` can print a comparison in it, the comparison renderer. The
 * CLI's `--format` choices, `-o` inference, help text and the README's table all come from here.
 * Renderers are imported only when used, so a JSON run never loads the Markdown code.
 */
import type { EvidenceReview } from '../evidence/review.js';
import type { FailOn } from '../policy.js';
import type { Comparison } from '../scoring/compare.js';
import type { Assessment } from '../scoring/model.js';
import type { ComparisonContext } from './comparison.js';
import { condensedNote } from './condense.js';
import type { Paper } from './paper.js';
import type { ToolInfo } from './json.js';
import type { NextStep } from './text.js';

/** Everything a renderer may use besides the assessment; each takes the part it needs. */
export interface RenderContext {
  tool: ToolInfo;
  color: boolean;
  next?: NextStep[];
  /** Line of `answers:` in the answers file, where locations of unanswered questions point. */
  answersLine?: number;
  /** The answers file as the output's reader sees it (in CI: relative to the repository). */
  answersPath?: string;
  /** With `--baseline`: the comparison, shown in the formats that say `showsComparison`. */
  comparison?: Comparison;
  /** The policy's `--fail-on`: what CI annotations mark. */
  failOn?: FailOn;
  /** `--fail-on-regression`: CI annotations mark the regressions too. */
  failOnRegression?: boolean;
  /** The evidence register, what needs re-confirmation and what is unverified (report only). */
  review?: EvidenceReview;
}

/** The one shape of every renderer: pure, data in, string out. */
export type Renderer = (assessment: Assessment, context: RenderContext) => string;
export type ComparisonRenderer = (comparison: Comparison, context: ComparisonContext) => string;

export interface Format {
  /** What it is for, in one line (help and README). */
  help: string;
  /** File extensions `-o` recognises, lower case; the longest match wins (`.sarif.json` is SARIF, `.oscal-ar.json` OSCAL). */
  extensions: readonly string[];
  renderer: () => Promise<Renderer>;
  /** The report includes `--baseline`'s comparison itself (otherwise it is printed on stderr). */
  showsComparison?: boolean;
  /** `diff` can print a comparison in this format. */
  comparison?: () => Promise<ComparisonRenderer>;
  /** A binary format made from the rendered text (a PDF printed from the HTML): only written to a file. */
  print?: () => Promise<Printer>;
  /** The one stderr line saying what this format leaves out of this assessment (a condensed large report), if anything. */
  note?: (assessment: Assessment) => string | undefined;
}

/** Turns a renderer's text into the file's bytes; the as-of date stands in for the dates a printer stamps. */
export type Printer = (rendered: string, asOf: string, paper: Paper) => Promise<Uint8Array>;

/** The HTML report's renderer: the page itself, and the page a PDF is printed from. */
const htmlRenderer = async () => (await import('./html/render.js')).renderHtml;

const REGISTRY = {
  text: {
    help: 'plain text for a terminal, in colour when it is one',
    extensions: ['.txt'],
    renderer: async () => (await import('./text.js')).renderText,
    comparison: async () => (await import('./comparison.js')).renderComparisonText,
  },
  markdown: {
    help: 'a report to hand to a client, or a job summary',
    extensions: ['.md', '.markdown'],
    renderer: async () => (await import('./markdown.js')).renderMarkdown,
    showsComparison: true,
    note: condensedNote,
    comparison: async () => (await import('./comparison.js')).renderComparisonMarkdown,
  },
  json: {
    help: 'every result as data, for scripts and dashboards',
    extensions: ['.json'],
    renderer: async () => (await import('./json.js')).renderJson,
    showsComparison: true,
    comparison: async () => (await import('./comparison.js')).renderComparisonJson,
  },
  junit: {
    help: 'JUnit XML: one test case per question, for CI test views',
    extensions: ['.xml'],
    renderer: async () => (await import('./junit.js')).renderJunit,
  },
  sarif: {
    help: 'SARIF 2.1.0, for code-scanning alerts (GitHub, Azure DevOps)',
    extensions: ['.sarif', '.sarif.json'],
    renderer: async () => (await import('./sarif.js')).renderSarif,
  },
  summary: {
    help: 'a short Markdown summary for a pull request: what changed since --baseline, the failing gaps',
    extensions: ['.summary.md'],
    renderer: async () => (await import('./summary.js')).renderSummary,
    showsComparison: true,
  },
  'oscal-ar': {
    help: 'OSCAL 1.2.3 assessment results, for GRC tools (findings, risks, evidence)',
    extensions: ['.oscal-ar.json'],
    renderer: async () => (await import('./oscal/assessment-results.js')).renderOscalAssessmentResults,
  },
  'oscal-poam': {
    help: 'OSCAL 1.2.3 plan of action and milestones: one item per open gap',
    extensions: ['.oscal-poam.json'],
    renderer: async () => (await import('./oscal/poam.js')).renderOscalPoam,
  },
  csv: {
    help: 'the remediation plan as CSV, for spreadsheets and trackers',
    extensions: ['.csv'],
    renderer: async () => (await import('./csv.js')).renderPlanCsv,
  },
  'answers-csv': {
    help: 'every answer as CSV, for spreadsheets',
    extensions: ['.answers.csv'],
    renderer: async () => (await import('./csv.js')).renderAnswersCsv,
  },
  html: {
    help: 'one self-contained page with charts, to hand over or print (no script, no requests)',
    extensions: ['.html', '.htm'],
    renderer: htmlRenderer,
    showsComparison: true,
    note: condensedNote,
  },
  pdf: {
    help: 'the HTML report printed to PDF by a Chromium or Chrome on this machine',
    extensions: ['.pdf'],
    renderer: htmlRenderer,
    showsComparison: true,
    print: async () => (await import('./pdf.js')).printPdf,
    note: condensedNote,
  },
} satisfies Record<string, Format>;

export type FormatName = keyof typeof REGISTRY;
export const FORMATS: Readonly<Record<FormatName, Format>> = REGISTRY;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
/** The formats `diff` prints a comparison in. */
export const COMPARISON_FORMAT_NAMES = FORMAT_NAMES.filter((name) => FORMATS[name].comparison);

/** Renders the assessment in a format (loading its renderer on first use). */
export async function render(format: FormatName, assessment: Assessment, context: RenderContext): Promise<string> {
  return (await FORMATS[format].renderer())(assessment, context);
}

/** Renders a comparison in a format that has a comparison renderer. */
export async function renderComparison(format: FormatName, comparison: Comparison, context: ComparisonContext): Promise<string> {
  const renderer = FORMATS[format].comparison;
  if (!renderer) throw new Error(`no comparison renderer for ${format}`);
  return (await renderer())(comparison, context);
}

/**
 * The format a file name asks for by its extension, or undefined. A file named after a format
 * (`readiness.junit`) is that format too, so a script can name a report from a format name alone.
 */
export function formatForFile(file: string, names: readonly FormatName[] = FORMAT_NAMES): FormatName | undefined {
  const lower = file.toLowerCase();
  const matches = names.flatMap((name) => [...FORMATS[name].extensions, `.${name}`].filter((ext) => lower.endsWith(ext)).map((ext) => ({ name, ext })));
  return matches.sort((a, b) => b.ext.length - a.ext.length)[0]?.name;
}

/** Every extension `-o` recognises (for these formats), in registry order. */
export function knownExtensions(names: readonly FormatName[] = FORMAT_NAMES): string[] {
  return names.flatMap((name) => FORMATS[name].extensions);
}

/** One row per format: name, extensions, help line (for help text and the README table). */
export function formatRows(names: readonly FormatName[] = FORMAT_NAMES): { name: FormatName; extensions: string; help: string }[] {
  return names.map((name) => ({ name, extensions: FORMATS[name].extensions.join(' '), help: FORMATS[name].help }));
}
