/** `breachready report`: scores an answers file and writes the gap report in one or more formats. */
import { isStdin } from '../answers/stdin.js';
import { checklistArgs, commandLine, shellQuote } from '../invocation.js';
import { existsSync } from 'node:fs';
import version from 'breachready:version';
import { DEFAULT_ANSWERS_FILE } from '../answers/default-file.js';
import { asOfDate } from '../clock.js';
import { useColor } from '../color.js';
import { CliError, EXIT } from '../errors.js';
import { stderrLine } from '../text.js';
import { writeCiOutputs } from '../github-actions.js';
import { evaluatePolicy } from '../policy.js';
import { outputFiles, writeOutputs } from '../cli/outputs.js';
import { FORMAT_NAMES, render as renderFormat, FORMATS } from '../report/formats.js';
import type { Format, FormatName, RenderContext } from '../report/formats.js';
import type { NextStep } from '../report/text.js';
import { DEFAULT_PAPER } from '../report/paper.js';
import type { Assessment } from '../scoring/model.js';
import { assess, compareWithBaseline } from '../assessment.js';
import { regressionReason, renderComparisonText } from '../report/comparison.js';
import type { Globals } from '../cli/command.js';
import type { ReportOptions } from './report-options.js';
import { write } from '../std-streams.js';
import { plural } from '../plural.js';
import { REDACTED } from '../redact.js';
import { checkRedactFlags } from '../cli/options.js';
import { formatProblem } from '../problems.js';
import { reviewAnswersEvidence } from '../evidence/review-answers.js';
import { evidencePolicyReasons } from '../evidence/review.js';
import type { EvidenceReview } from '../evidence/review.js';

export async function runReport(given: ReportOptions, globals: Globals, file?: string): Promise<void> {
  const options = { ...given, answers: answersFileOf(given.answers, file) };
  const outputs = outputFiles(options.output, FORMAT_NAMES);
  const stdoutFormat = options.format ?? (outputs.length ? undefined : 'text');
  if (stdoutFormat && FORMATS[stdoutFormat].print) throw new CliError(`${stdoutFormat} is written to a file, not printed: use -o report.${stdoutFormat}`);

  const asOf = asOfDate(options.asOf);
  if (options.failOnRegression && !options.baseline) throw new CliError('--fail-on-regression needs --baseline <old answers file>');
  checkRedactFlags(options);
  const assessed = await assess({ ...options, asOf });
  const { assessment, answers } = assessed;
  for (const notice of assessed.notices) write('stderr', `${stderrLine(notice)}\n`);
  const review = reviewAnswersEvidence(answers, assessment, options);
  // Redacted answers keep no paths, so their files are checked on the answers as written: --redact
  // changes what a report shows, never the verdict (its findings then name no file).
  const verdict = options.redact ? redactedFindings(reviewAnswersEvidence(assessed.asWritten, assessment, options)) : review;
  if (options.paper && !outputs.some((o) => FORMATS[o.format].print)) write('stderr', `${stderrLine('note: --paper sets the page size of a PDF: ignored without -o report.pdf')}\n`);
  if (options.failOnStale && (options.failOn ?? 'none') === 'none') {
    write('stderr', `${stderrLine('warning: --fail-on-stale fails nothing with --fail-on none: give --fail-on a severity')}\n`);
  }
  const compared = options.baseline ? await compareWithBaseline(options.baseline, assessed, options) : undefined;
  const comparison = compared?.comparison;
  const failOn = options.failOn ?? 'none';
  const context: RenderContext = { tool: { name: 'breachready', version }, color: false, answersLine: answers.answersLine, comparison, failOn, failOnRegression: options.failOnRegression, review };

  // Render everything first, so a failure leaves no output half-written; each format once.
  // Keyed by renderer: the HTML and the PDF it is printed from are rendered once.
  const cache = new Map<Format['renderer'], Promise<string>>();
  const render = (format: FormatName) => {
    const key = FORMATS[format].renderer;
    if (!cache.has(key)) cache.set(key, renderFormat(format, assessment, { ...context, color: false }));
    return cache.get(key)!;
  };
  const rendered = [];
  for (const o of outputs) {
    const text = await render(o.format);
    const print = FORMATS[o.format].print;
    rendered.push({ ...o, data: print ? await (await print())(text, assessment.asOf, options.paper ?? DEFAULT_PAPER) : text });
  }
  // Next steps name the command as it was invoked, so they go to the person, never into a report
  // file, which stays the same bytes however it was made.
  const stdoutText =
    stdoutFormat === 'text'
      ? await renderFormat('text', assessment, { ...context, color: useColor('stdout', globals.color), next: nextSteps(assessment, options, outputs.map((o) => o.format)) })
      : stdoutFormat && (await render(stdoutFormat));
  writeOutputs(rendered);
  if (stdoutText !== undefined) write('stdout', stdoutText);
  if (stdoutFormat !== 'text') {
    for (const stale of assessment.stale) {
      const note = `note: checklist ${stale.checklist.id} was updated (${stale.answeredVersion} -> ${stale.checklist.version}) since the answers were given: ${stale.unanswered.length} unanswered`;
      write('stderr', `${stderrLine(note)}\n`);
    }
  }
  if (compared?.note) write('stderr', `${stderrLine(compared.note)}\n`);
  const formatNotes = new Set([...outputs.map((o) => o.format), ...(stdoutFormat ? [stdoutFormat] : [])].map((format) => FORMATS[format].note?.(assessment)));
  for (const note of formatNotes) if (note) write('stderr', `${stderrLine(note)}\n`);
  // The text report has no room for it; say it on stderr so stdout data stays clean.
  if (comparison && !(stdoutFormat && FORMATS[stdoutFormat].showsComparison)) write('stderr', renderComparisonText(comparison));

  await writeCiOutputs(assessment, context);

  const policy = evaluatePolicy(assessment, { failOn, minScore: options.minScore, requireComplete: options.requireComplete ?? false });
  const reasons = [...policy.reasons, ...evidencePolicyReasons(verdict, { failOn, failOnStale: options.failOnStale ?? false })];
  // Any integrity finding fails: a file that no longer matches what was recorded proves nothing.
  for (const finding of verdict.integrity) reasons.push(formatProblem(finding));
  if (options.failOnRegression && comparison?.regressed.length) {
    reasons.push(regressionReason(comparison, options.baseline!));
  }
  if (reasons.length) throw new CliError(`policy failed:\n  ${reasons.join('\n  ')}`, EXIT.policy);
}

/** The answers file: named once (positionally or with --answers), else the interview's default when it exists. */
function answersFileOf(option: string | undefined, positional: string | undefined): string {
  if (option !== undefined && positional !== undefined && option !== positional) {
    throw new CliError(`two answers files given ("${positional}" and --answers "${option}"): name one`);
  }
  const named = option ?? positional;
  if (named !== undefined) return named;
  if (existsSync(DEFAULT_ANSWERS_FILE)) return DEFAULT_ANSWERS_FILE;
  throw new CliError(`no answers file: name one (breachready report FILE), or run the interview to write ${DEFAULT_ANSWERS_FILE}`, EXIT.usage, 'See: breachready report --help');
}

/**
 * What to do next, as commands to paste: breachready as it was invoked, the same checklists and
 * level, and only the steps this run has not already done.
 */
function nextSteps(assessment: Assessment, options: ReportOptions & { answers: string }, written: readonly FormatName[]): NextStep[] {
  const scope = [...checklistArgs(options.checklist), ...(options.level ? ['--level', String(options.level)] : [])];
  // Standard input has no file to name: a placeholder, left unquoted so that it reads as one.
  const file = isStdin(options.answers) ? '<answers file>' : shellQuote(options.answers);
  const withFile = (before: string[], after: string[] = []) => [commandLine(...before), file, ...[...after, ...scope].map(shellQuote)].join(' ');
  const steps: NextStep[] = [];
  const open = assessment.unanswered.length;
  if (open > 0) steps.push({ what: `Answer the ${plural(open, 'open question')}`, command: withFile(['--answers']) });
  const wroteMarkdown = written.includes('markdown');
  if (!wroteMarkdown) steps.push({ what: 'Write the report for your client', command: withFile(['report'], ['-o', 'report.md']) });
  if ((options.failOn ?? 'none') === 'none') steps.push({ what: 'Gate CI on it', command: withFile(['report'], ['--fail-on', 'high']) });
  return steps;
}

/** A review whose integrity findings keep their place in the answers file but not the file's name (--redact). */
function redactedFindings(review: EvidenceReview): EvidenceReview {
  return { ...review, integrity: review.integrity.map((finding) => ({ ...finding, message: `evidence ${REDACTED} failed its check (missing, changed or refused)` })) };
}
