/**
 * The SARIF 2.1.0 report, for GitHub code scanning: one rule per applicable question, one result
 * per open gap (priority order) pointing at the answer's line in the answers file.
 *
 * Pure: the same assessment always gives byte-identical output (no clock, no I/O). Text from
 * checklists and answers files has terminal control sequences and unpaired surrogates removed.
 */
import { answersFileName } from '../answers/stdin.js';
import { createHash } from 'node:crypto';
import type { Refs, Severity } from '../checklist/schema.js';
import type { Assessment, QuestionResult } from '../scoring/model.js';
import { safeJson, stripForMachines } from '../text.js';
import { answerSentence } from './common.js';
import type { ToolInfo } from './json.js';
import type { EvidenceReview } from '../evidence/review.js';
import { evidenceWarnings } from './evidence-text.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const DEFAULT_INFORMATION_URI = 'https://github.com/breachready/breachready';
/** GitHub code scanning accepts at most 25,000 results (and 25,000 rules) per run. */
export const MAX_RESULTS = 25_000;
/** GitHub code scanning keeps at most 20 tags per rule. */
const MAX_TAGS = 20;
/** Where results point when the answers came from standard input or from no file. */
const STDIN_URI = 'stdin';
export const FINGERPRINT_KEY = 'breachready/v1';

type SarifLevel = 'error' | 'warning' | 'note';

const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };
const SARIF_LEVEL: Record<Severity, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

export interface SarifOptions {
  tool: ToolInfo;
  informationUri?: string;
  /** Line of the `answers:` key: where results for unanswered questions point (else line 1). */
  answersLine?: number;
  /** Results kept at most (default and ceiling MAX_RESULTS); for tests of the truncation. */
  maxResults?: number;
  /** Stale and unverified answers: warnings at their lines, after the open gaps. */
  review?: EvidenceReview;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { 'security-severity': string; tags: string[] };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: [{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }];
  partialFingerprints: Record<string, string>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: SarifRule[] } };
      results: SarifResult[];
      properties?: Record<string, unknown>;
    },
  ];
}

/** Untrusted text for JSON consumers: control sequences and unpaired surrogates removed. */
function clean(text: string): string {
  return stripForMachines(text).trim();
}

/** `social-media/unique-credentials` -> `SocialMediaUniqueCredentials`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/**
 * The answers file as a relative URI reference with forward slashes. Absolute paths become their
 * base name (code scanning wants paths relative to the repository root); stdin becomes `stdin`.
 */
export function artifactUri(file: string | undefined): string {
  const named = answersFileName(file);
  if (named === undefined) return STDIN_URI;
  let path = named.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[A-Za-z]:\//.test(path) || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(path)) {
    path = path.split('/').filter(Boolean).pop() ?? STDIN_URI;
    path = path.replace(/^[A-Za-z]:$/, STDIN_URI);
  }
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  return segments.length ? segments.map((segment) => encodeURIComponent(segment)).join('/') : STDIN_URI;
}

/** A stable fingerprint of a question: the first 32 hex digits of the SHA-256 of its global id. */
export function fingerprint(globalId: string): string {
  return createHash('sha256').update(globalId, 'utf8').digest('hex').slice(0, 32);
}

function tags(result: QuestionResult): string[] {
  const refs: Refs = result.question.refs;
  const list = ['security', result.checklist.id];
  for (const [framework, ids] of Object.entries(refs) as [string, string[] | undefined][]) {
    for (const id of ids ?? []) list.push(`${framework}:${id}`);
  }
  return [...new Set(list)].slice(0, MAX_TAGS);
}

function rule(result: QuestionResult): SarifRule {
  const severity = result.question.severity;
  return {
    id: result.globalId,
    name: pascalCase(result.globalId),
    shortDescription: { text: clean(result.question.ask) },
    fullDescription: { text: clean(result.question.why) },
    help: { text: clean(result.question.fix) },
    defaultConfiguration: { level: SARIF_LEVEL[severity] },
    properties: { 'security-severity': SECURITY_SEVERITY[severity], tags: tags(result) },
  };
}

/** `<question> Answered: <answer>. <note>` plus an expired acceptance, if any. */
function message(result: QuestionResult): string {
  const parts = [clean(result.question.ask)];
  parts.push(answerSentence(result));
  const note = clean(result.answer?.note ?? '');
  if (note) parts.push(/[.!?]$/.test(note) ? note : `${note}.`);
  const acceptance = result.answer?.accepted;
  if (result.expired && acceptance) {
    parts.push(`Risk acceptance by ${clean(acceptance.by)} expired on ${acceptance.until}.`);
  }
  return parts.join(' ');
}

/** Builds the SARIF log as data. */
export function sarifLog(assessment: Assessment, options: SarifOptions): SarifLog {
  const max = Math.min(options.maxResults ?? MAX_RESULTS, MAX_RESULTS);
  const open = assessment.openGaps;
  const emitted = open.slice(0, max);
  // Rules: every applicable question, unless that is over the limit: then those of the results.
  const ruleResults = assessment.results.length <= MAX_RESULTS ? assessment.results : emitted;
  const rules = ruleResults.map(rule);
  const ruleIndex = new Map(rules.map((r, index) => [r.id, index]));
  const uri = artifactUri(assessment.answersFile);
  const fallbackLine = options.answersLine !== undefined && options.answersLine >= 1 ? options.answersLine : 1;

  const result = (r: QuestionResult, level: SarifLevel, text: string, line: number | undefined, key: string): SarifResult => ({
    ruleId: r.globalId,
    ruleIndex: ruleIndex.get(r.globalId)!,
    level,
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: line !== undefined && line >= 1 ? line : fallbackLine } } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(key) },
  });
  const results = emitted.map((gap) => result(gap, SARIF_LEVEL[gap.question.severity], message(gap), gap.answer?.line, gap.globalId));
  // Stale and unverified answers are warnings of their question's rule, fingerprinted apart from its gap.
  const warnings = evidenceWarnings(options.review).filter((w) => ruleIndex.has(w.result.globalId));
  for (const w of warnings.slice(0, max - results.length)) results.push(result(w.result, 'warning', clean(w.message), w.line, `${w.result.globalId}#${w.kind}`));

  const run: SarifLog['runs'][0] = {
    tool: {
      driver: {
        name: options.tool.name,
        version: options.tool.version,
        semanticVersion: options.tool.version,
        informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
        rules,
      },
    },
    results,
  };
  if (emitted.length < open.length) {
    run.properties = { 'breachready/truncated': true, 'breachready/openGaps': open.length, 'breachready/results': emitted.length };
  }
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

/** Renders the SARIF log (2-space indent, trailing newline). */
export function renderSarif(assessment: Assessment, options: SarifOptions): string {
  return safeJson(sarifLog(assessment, options));
}
