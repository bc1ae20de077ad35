/**
 * The JUnit XML report, for CI test dashboards (Jenkins, GitLab, Azure DevOps): one testsuite per
 * checklist, one testcase per applicable question. Valid against the Jenkins xunit plugin's
 * junit-10.xsd, which allows `file` on testsuite but not on testcase and no `skipped` on
 * testsuites, so those are not emitted (the answer's location goes into the failure text instead).
 *
 * Pure: the same assessment always gives byte-identical output (no clock, time is always "0").
 * Every string from a checklist or an answers file goes through stripControl and escapeXml.
 */
import { evidenceText } from '../answers/model.js';
import { answersFileName } from '../answers/stdin.js';
import type { Severity } from '../checklist/schema.js';
import { byChecklist, isGap } from '../scoring/model.js';
import type { Assessment, QuestionResult, Status } from '../scoring/model.js';
import { defuseWorkflowCommands, escapeXml, stripControl, terminalLine } from '../text.js';
import type { ToolInfo } from './json.js';
import type { EvidenceReview } from '../evidence/review.js';
import { evidenceWarnings } from './evidence-text.js';
import type { EvidenceWarning } from './evidence-text.js';

export interface JunitOptions {
  tool: ToolInfo;
  /** Stale and unverified answers: warnings on their test cases. */
  review?: EvidenceReview;
}

interface Outcome {
  kind: 'passed' | 'failed' | 'skipped';
  xml: string;
}

/** XML element content: control sequences removed, then escaped. */
function text(value: string): string {
  return escapeXml(stripControl(value));
}

/** An XML attribute value on one line: control sequences removed, whitespace folded, escaped. */
function attr(value: string): string {
  return escapeXml(terminalLine(value));
}

/** `answered no`, `answered unknown`, or `not answered`. */
function answeredPhrase(status: Status): string {
  return status === 'unanswered' ? 'not answered' : `answered ${status}`;
}

/** Where an answer is: `answers.yaml:12`, or just the file. */
function location(result: QuestionResult, file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  return result.answer?.line === undefined ? file : `${file}:${result.answer.line}`;
}

function outcome(result: QuestionResult, file: string | undefined): Outcome {
  const severity: Severity = result.question.severity;
  if (result.status === 'na') {
    const note = result.answer?.note?.trim() ? result.answer.note : 'not applicable';
    return { kind: 'skipped', xml: `<skipped message="${attr(note)}"/>` };
  }
  if (!isGap(result)) return { kind: 'passed', xml: '' };
  const acceptance = result.answer?.accepted;
  if (result.accepted && acceptance) {
    const message = `accepted by ${acceptance.by} until ${acceptance.until}: ${acceptance.reason}`;
    return { kind: 'skipped', xml: `<skipped message="${attr(message)}" type="accepted"/>` };
  }
  const body = [`Fix: ${result.question.fix}`];
  if (result.answer?.note?.trim()) body.push(`Note: ${result.answer.note}`);
  const evidence = evidenceText(result.answer?.evidence);
  if (evidence) body.push(`Evidence: ${evidence}`);
  if (result.expired && acceptance) {
    body.push(`Risk acceptance by ${acceptance.by} expired on ${acceptance.until}: ${acceptance.reason}`);
  }
  const where = location(result, file);
  if (where) body.push(`Answer: ${where}`);
  const message = `${severity}: ${answeredPhrase(result.status)}`;
  return {
    kind: 'failed',
    xml: `<failure message="${attr(message)}" type="${attr(severity)}">${text(body.join('\n\n'))}</failure>`,
  };
}

/** Stale and unverified answers: JUnit has no warning state, so they go to the case's output, each at its line. */
function warningsXml(warnings: EvidenceWarning[] | undefined, file: string | undefined): string {
  if (!warnings?.length) return '';
  const at = (w: EvidenceWarning) => (file === undefined ? '' : ` (${w.line === undefined ? file : `${file}:${w.line}`})`);
  return `<system-out>${text(warnings.map((w) => `warning: ${w.message}${at(w)}`).join('\n'))}</system-out>`;
}

/** Renders the assessment as JUnit XML (2-space indent, trailing newline). */
export function renderJunit(assessment: Assessment, options: JunitOptions): string {
  const file = answersFileName(assessment.answersFile);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;

  const grouped = byChecklist(assessment.results);
  const warned = new Map<QuestionResult, EvidenceWarning[]>();
  for (const warning of evidenceWarnings(options.review)) warned.set(warning.result, [...(warned.get(warning.result) ?? []), warning]);
  for (const score of assessment.checklists) {
    const results = grouped.get(score.checklist) ?? [];
    if (results.length === 0) continue;
    const id = score.checklist.id;
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    for (const result of results) {
      const { kind, xml } = outcome(result, file);
      if (kind === 'failed') suiteFailures++;
      if (kind === 'skipped') suiteSkipped++;
      const open = `<testcase name="${attr(`${result.question.id}: ${result.question.ask}`)}" classname="${attr(id)}" time="0"`;
      const inner = [xml, warningsXml(warned.get(result), file)].filter(Boolean);
      cases.push(inner.length ? `    ${open}>\n${inner.map((x) => `      ${x}`).join('\n')}\n    </testcase>` : `    ${open}/>`);
    }
    tests += results.length;
    failures += suiteFailures;

    const properties: [string, string][] = [
      ['tool', `${options.tool.name} ${options.tool.version}`],
      ['checklist.title', score.checklist.title],
      ['checklist.version', score.checklist.version],
      ['asOf', assessment.asOf],
      ['level', String(assessment.level)],
    ];
    const suiteAttrs = [
      `name="${attr(id)}"`,
      `tests="${results.length}"`,
      `failures="${suiteFailures}"`,
      'errors="0"',
      `skipped="${suiteSkipped}"`,
      'time="0"',
      ...(file ? [`file="${attr(file)}"`] : []),
    ];
    suites.push(
      [
        `  <testsuite ${suiteAttrs.join(' ')}>`,
        '    <properties>',
        ...properties.map(([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>`),
        '    </properties>',
        ...cases,
        '  </testsuite>',
      ].join('\n'),
    );
  }

  const root = `<testsuites name="breachready" tests="${tests}" failures="${failures}" errors="0" time="0"`;
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    suites.length ? `${root}>` : `${root}/>`,
    ...(suites.length ? [...suites, '</testsuites>'] : []),
    '',
  ].join('\n');
  // Printed to a CI log, a line of input starting with `::` would run as a workflow command.
  return defuseWorkflowCommands(xml, (indent) => `${indent}&#58;:`);
}
