/**
 * The adversarial pass: every file of the hostile corpus (tests/fixtures/hostile/, plus the big,
 * binary and odd ones generated below into a temp dir) goes through the built CLI, and the output
 * is checked for what must never happen, whatever the input:
 *
 * - a crash: an exit code other than 0, 1 or 2, a signal, a stack trace, an "internal error";
 * - a slow or unbounded run on a big file (it must be refused or handled quickly);
 * - a rejection line that is not `file:line:col: message` about the right file and a real position;
 * - a control character from the input on stdout or stderr (ESC, C1, BEL, BS, CR, ...);
 * - a GitHub workflow command (`::error::...`) that the tool did not write itself;
 * - a Markdown report whose structure the input changed (a heading, a table row, HTML, a link).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpectStatic } from 'vitest';
import { BIN, ROOT, hasStackTrace } from '../helpers/cli.js';
import { markdownStructure } from '../helpers/markdown.js';
import { FORMAT_NAMES, FORMATS } from '../../src/report/formats.js';

// ---------------------------------------------------------------------------------------------
// Running the CLI: like tests/helpers/cli.ts run(), but with the signal and the run time, and a
// time limit per case (the big files must be handled quickly, not within the helper's minute).

interface Result {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** What a big file may take, refused or handled: "quickly". */
const BIG_FILE_BUDGET_MS = 30_000;

function execEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, GITHUB_STEP_SUMMARY: undefined, ...extra };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env;
}

/** Runs the CLI without blocking, so that small cases can run side by side. */
function exec(args: string[], options: { env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {}): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: execEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => {}); // a CLI that exits before reading its input
    child.stdin.end(options.input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), ms: Date.now() - started });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The checks. Each returns what it found wrong (empty = fine), so a failure names the evidence.

/** Control characters that must never reach a terminal: C0 but tab and newline (ESC, BEL, BS, CR...), and C1. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u0080-\u009f]/g;

function controlCharacters(text: string): string[] {
  return [...text.matchAll(CONTROL)].map((m) => `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${JSON.stringify(text.slice(Math.max(0, m.index - 20), m.index + 20))}`);
}

/**
 * Lines a GitHub Actions runner would execute as workflow commands: after leading whitespace,
 * `::name[ properties]::data` (the runner's ActionCommand.TryParseV2 trims the line first).
 */
function workflowCommands(text: string): { name: string; properties: string; line: string }[] {
  const commands: { name: string; properties: string; line: string }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trimStart();
    if (!line.startsWith('::')) continue;
    const end = line.indexOf('::', 2);
    if (end < 0) continue;
    const info = line.slice(2, end);
    const space = info.indexOf(' ');
    commands.push({ name: space < 0 ? info : info.slice(0, space), properties: space < 0 ? '' : info.slice(space + 1), line: raw });
  }
  return commands;
}

/** Workflow commands the tool may write itself: annotations on stderr, in GitHub Actions only. */
function forgedWorkflowCommands(result: Result, githubActions: boolean): string[] {
  const forged = workflowCommands(result.stdout).map((c) => `stdout: ${c.line}`);
  for (const command of workflowCommands(result.stderr)) {
    const legit =
      githubActions &&
      ['error', 'warning', 'notice'].includes(command.name) &&
      /^(file=[^,]+,line=\d+,)?title=[^,]+$/.test(command.properties) &&
      !/FORGED|INJECTED/.test(command.properties);
    if (!legit) forged.push(`stderr: ${command.line}`);
  }
  return forged;
}

// Non-greedy: a message may quote text that itself looks like `file:1:1:` (escaped, on the same line).
const LOCATED = /^(.*?):(\d+):(\d+): (.*)$/;

/** Lines of a text file as the YAML line counter sees them (BOM dropped, lines end at \n). */
const fileLines = new Map<string, string[] | null>();
function linesOf(file: string): string[] | null {
  if (!fileLines.has(file)) {
    let lines: string[] | null = null;
    try {
      const path = file.startsWith('/') ? file : join(ROOT, file);
      if (statSync(path).isFile() && statSync(path).size < 5_000_000) {
        // Lines as an editor counts them: a file with no LF at all breaks lines at CR (classic Mac).
        const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
        lines = text.includes('\n') ? text.split('\n') : text.split('\r');
      }
    } catch {
      lines = null;
    }
    fileLines.set(file, lines);
  }
  return fileLines.get(file)!;
}

/**
 * A rejection: stderr is one `file:line:col: message` line per problem, about one of `files`, at a
 * position that exists in that file, then `breachready: N problem(s) found` with the right N.
 */
function rejectionProblems(stderr: string, files: readonly string[]): string[] {
  const wrong: string[] = [];
  const lines = stderr.replace(/\n$/, '').split('\n');
  const summary = lines.pop() ?? '';
  // Long lists are cut: `... and N more (the first 200 are shown)` stands before the summary.
  const more = /^\.\.\. and (\d+) more \(the first (\d+) are shown\)$/.exec(lines.at(-1) ?? '');
  if (more) lines.pop();
  const count = /^breachready: (\d+) problems? found$/.exec(summary);
  const listed = lines.length + (more ? Number(more[1]) : 0);
  if (more && Number(more[2]) !== lines.length) wrong.push(`says the first ${more[2]} are shown, but ${lines.length} are`);
  if (!count) wrong.push(`last line is not "breachready: N problems found": ${JSON.stringify(summary)}`);
  else if (Number(count[1]) !== listed) wrong.push(`the summary counts ${count[1]} problems but ${listed} are accounted for`);
  for (const line of lines) {
    const m = LOCATED.exec(line);
    if (!m) {
      wrong.push(`not file:line:col: message: ${JSON.stringify(line)}`);
      continue;
    }
    const [, file, lineText, colText, message] = m as unknown as [string, string, string, string, string];
    const lineNo = Number(lineText);
    const col = Number(colText);
    if (!files.includes(file)) wrong.push(`names ${JSON.stringify(file)}, expected one of ${JSON.stringify(files)}: ${JSON.stringify(line)}`);
    if (lineNo < 1 || col < 1) wrong.push(`position below 1:1: ${JSON.stringify(line)}`);
    if (message.trim() === '') wrong.push(`empty message: ${JSON.stringify(line)}`);
    const content = files.includes(file) ? linesOf(file) : null;
    if (content && lineNo >= 1) {
      if (lineNo > content.length) wrong.push(`line ${lineNo} is past the end of ${file} (${content.length} lines): ${JSON.stringify(line)}`);
      else if (col > content[lineNo - 1]!.length + 1) wrong.push(`column ${col} is past the end of line ${lineNo} of ${file}: ${JSON.stringify(line)}`);
    }
  }
  return wrong;
}

// Markdown: the document structure from markdownlint's micromark (GFM) parse, as in
// tests/unit/markdown.test.ts.

/** What input text must not have done to a Markdown report. */
function markdownInjections(markdown: string): string[] {
  const found: string[] = [];
  const structure = markdownStructure(markdown);
  found.push(...structure.forbidden);
  for (const heading of structure.headings) {
    if (/^\s*#*\s*INJECTED/.test(heading)) found.push(`heading from input: ${heading}`);
  }
  structure.tables.forEach((rows, i) => {
    if (rows.some((n) => n !== rows[0])) found.push(`table ${i + 1} has rows of ${[...new Set(rows)].join(' and ')} cells`);
  });
  markdown.split('\n').forEach((line, i) => {
    const at = `line ${i + 1}: ${line.slice(0, 160)}`;
    if (/^\s{0,3}#{1,6}\s+\\?INJECTED/.test(line) || /^\s{0,3}#{1,6}\s+INJECTED/.test(line)) found.push(`heading line from input: ${at}`);
    if (/^\s{0,3}\|\s*INJECTED/.test(line)) found.push(`table row from input: ${at}`);
    if (/<img/i.test(line)) found.push(`raw <img: ${at}`);
    if (/<(script|iframe|a |b>|details|summary)/i.test(line)) found.push(`raw HTML: ${at}`);
    // The report's own in-page links (contents, gap numbers) are `](#anchor)`; input's `](` is always escaped.
    if (/(?<!\\)\]\((?!#[a-z0-9-]+\))/.test(line)) found.push(`unescaped "](" link: ${at}`);
  });
  return found;
}

const REPORT_SECTIONS = ['Executive summary', 'Scores by checklist', 'Remediation plan', 'Gap details', 'Appendix: every answer', 'Methodology'];

// ---------------------------------------------------------------------------------------------
// The corpus.

const HOSTILE = 'tests/fixtures/hostile';
const checklistFile = (name: string) => `${HOSTILE}/checklists/${name}`;
const answersFile = (name: string) => `${HOSTILE}/answers/${name}`;

/** Generated at test time: big, binary and odd files that should not be committed. */
const GEN = mkdtempSync(join(tmpdir(), 'breachready-hostile-'));
const gen = (name: string) => join(GEN, name);
const MB = 1024 * 1024;

function writeBig(file: string, head: string, unit: string, bytes: number, tail = ''): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, head);
    const chunk = unit.repeat(Math.max(1, Math.floor((1 * MB) / unit.length)));
    let written = Buffer.byteLength(head);
    while (written < bytes) {
      writeSync(fd, chunk);
      written += Buffer.byteLength(chunk);
    }
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
}

const VALID_QUESTION = `  - id: one
    ask: One?
    help: Help.
    severity: low
    level: 1
    why: Why.
    fix: Fix.
    effort: low
    refs: { nist-csf-2: [GV.SC-04] }
`;
const VALID_HEAD = `id: hostile-generated
title: Generated
version: 1.0.0
summary: Generated at test time.
lesson: None.
sources:
  - publication: Example
    title: Example
    date: 2014-11-24
`;

/** The built-in question ids, as the CLI lists them. */
const BUILTIN_IDS = (
  JSON.parse(spawnSync(process.execPath, [BIN, 'list', '--json'], { cwd: ROOT, encoding: 'utf8' }).stdout) as { checklists: { id: string; questions: { id: string }[] }[] }
).checklists.flatMap((c) => c.questions.map((q) => `${c.id}/${q.id}`));

/** A file name with terminal controls in it (never created: a missing file). */
const CONTROL_NAME = gen('\u001b[2Jmissing\u009b31m\u0007.yaml');
const CONTROL_NAME_SHOWN = gen('missing.yaml');

function generateCorpus(): void {
  // Invalid UTF-8, each at a known position.
  writeFileSync(gen('invalid-utf8.yaml'), Buffer.concat([Buffer.from(`${VALID_HEAD}questions:\n  - id: caf`), Buffer.from([0xff]), Buffer.from('e\n')]));
  writeFileSync(gen('overlong-utf8.yaml'), Buffer.concat([Buffer.from('id: x\ntitle: a'), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]));
  writeFileSync(gen('surrogate-utf8.yaml'), Buffer.concat([Buffer.from('id: x\n\ntitle: ab'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]));
  writeFileSync(gen('truncated-utf8.yaml'), Buffer.concat([Buffer.from('id: x\ntitle: euro '), Buffer.from([0xe2, 0x82])]));
  writeFileSync(gen('utf16le.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${VALID_HEAD}`, 'utf16le')]));
  writeFileSync(gen('invalid-utf8-answers.yaml'), Buffer.concat([Buffer.from('breachready: 1\norganization: Acme '), Buffer.from([0x80, 0x80]), Buffer.from('\n')]));
  writeFileSync(gen('nul-bytes.yaml'), `id: a\u0000b\ntitle: x\u0000\n`);
  // Deep nesting: 10,000 levels, flow and block.
  writeFileSync(gen('deep-flow-seq.yaml'), `${'['.repeat(10_000)}\n`);
  writeFileSync(gen('deep-flow-map.yaml'), `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`);
  writeFileSync(gen('deep-block-seq.yaml'), `${'- '.repeat(10_000)}x\n`);
  writeFileSync(gen('deep-answers.yaml'), `breachready: 1\nanswers: ${'['.repeat(10_000)}\n`);
  // 50 MB files, within the default 64 MB limit: they must be refused or handled quickly.
  writeBig(gen('big-comments.yaml'), 'breachready: 1\nanswers:\n  social-media/unique-credentials: no\n', `# ${'x'.repeat(97)}\n`, 50 * MB);
  writeBig(gen('big-string.yaml'), `${VALID_HEAD}questions:\n${VALID_QUESTION}note: "`, 'x', 50 * MB, '"\n');
  writeBig(gen('big-sequence.yaml'), `${VALID_HEAD}questions:\n`, '  - a\n', 50 * MB);
  // The same string folded over 500,000 lines: outside the quick reader, so the full parser's turn.
  writeBig(gen('big-folded-string.yaml'), `${VALID_HEAD}questions:\n${VALID_QUESTION}note: "`, `${'x'.repeat(99)}\n      `, 50 * MB, '"\n');
  const random = Buffer.alloc(50 * MB);
  for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24; // deterministic noise
  writeFileSync(gen('big-binary.yaml'), random);
  // Over the limit: a sparse file, refused from its size alone.
  writeFileSync(gen('over-limit.yaml'), '');
  truncateSync(gen('over-limit.yaml'), 65 * MB);
  // Many problems from a small file: 150,000 wrong questions (300 KB).
  writeFileSync(gen('many-problems.yaml'), `questions: [${Array(150_000).fill('1').join(',')}]\n`);
  // Many unknown question ids (each one suggests and locates): 20,000 lines, 500 KB.
  writeFileSync(gen('many-unknown-ids.yaml'), `breachready: 1\nanswers:\n${Array.from({ length: 20_000 }, (_, i) => `  social-media/no-such-question-${i}: yes\n`).join('')}`);
  // A directory where a file is expected.
  mkdirSync(gen('directory.yaml'));
  // Alias amplification: a 1 MB note on one built-in question and aliases of it on 96 others
  // (1.1 MB that would expand to 100 MB).
  const [first, ...others] = BUILTIN_IDS;
  writeFileSync(
    gen('alias-amplification.yaml'),
    `breachready: 1\nanswers:\n  ${first}:\n    answer: no\n    note: &big "${'x'.repeat(MB)}"\n${others.slice(0, 96).map((id) => `  ${id}: { answer: no, note: *big }\n`).join('')}`,
  );
  // A chain of 20,000 questions, each asking only when the one before was answered.
  writeFileSync(
    gen('when-chain.yaml'),
    `${VALID_HEAD}questions:\n${Array.from({ length: 20_000 }, (_, i) => VALID_QUESTION.replace('id: one', `id: q${i}`) + (i ? `    when: { question: q${i - 1}, is: yes }\n` : '')).join('')}`,
  );
  // A million `checklists:` entries, each one a problem, in 2 MB.
  writeFileSync(gen('many-checklists.yaml'), `breachready: 1\nchecklists: [${Array(1_000_000).fill('1').join(',')}]\n`);
  // Nesting past what the parser's stack can take, in an answers file and a checklist.
  writeFileSync(gen('deep-1000.yaml'), `breachready: 1\nanswers: ${'['.repeat(1_000)}${']'.repeat(1_000)}\n`);
  writeFileSync(gen('deep-block.yaml'), `${VALID_HEAD}questions:\n${Array.from({ length: 1_500 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:\n`).join('')}`);
}

// ---------------------------------------------------------------------------------------------
// The table: per corpus file, the commands it goes through and what must come out.

type Outcome = 'accept' | 'reject' | 'policy';

interface Case {
  /** The command, for the test title. */
  title: string;
  args: string[];
  outcome: Outcome;
  /** Files a problem may name (rejections). */
  files?: string[];
  /** Problems that must be reported: [file, line, col, message]. */
  located?: [string, number, number, RegExp][];
  env?: Record<string, string>;
  input?: string;
  /** stdout is a Markdown report (or the comparison section). */
  markdown?: 'report' | 'fragment';
  json?: boolean;
  /** stdout is CSV, whose records end in CRLF (RFC 4180): those CRs are the format's own. */
  crlf?: boolean;
  /** The run must finish within this (big files). */
  budgetMs?: number;
  /** Extra checks on the result (with the running test's expect). */
  check?: (result: Result, expect: ExpectStatic) => void;
}

interface CorpusEntry {
  file: string;
  what: string;
  cases: Case[];
}

const AS_OF = ['--as-of', '2026-11-22'];

/** An accepted checklist: validate, list, list --json, template. */
function acceptedChecklist(file: string): Case[] {
  return [
    { title: 'validate', args: ['validate', file], outcome: 'accept' },
    { title: 'list --checklist', args: ['list', '--checklist', file], outcome: 'accept' },
    { title: 'list --json --checklist', args: ['list', '--json', '--checklist', file], outcome: 'accept', json: true },
    { title: 'template --checklist', args: ['template', '--checklist', file], outcome: 'accept' },
  ];
}

/** A rejected checklist: validate and list --checklist both reject it, with located problems. */
function rejectedChecklist(file: string, located: [number, number, RegExp][] = [], files = [file]): Case[] {
  const at = located.map(([line, col, message]) => [file, line, col, message] as [string, number, number, RegExp]);
  return [
    { title: 'validate', args: ['validate', file], outcome: 'reject', files, located: at },
    { title: 'list --checklist', args: ['list', '--checklist', file], outcome: 'reject', files, located: at },
  ];
}

/** An accepted answers file: report in every format, and validate. */
function acceptedAnswers(file: string, extra: string[] = []): Case[] {
  return [
    ...FORMAT_NAMES.filter((format) => !FORMATS[format].print).map(
      (format): Case => ({
        title: `report -f ${format}`,
        args: ['report', '--answers', file, '-f', format, ...AS_OF, ...extra],
        outcome: 'accept',
        markdown: format === 'markdown' ? 'report' : undefined,
        json: format === 'json' || format === 'sarif' || format.startsWith('oscal-'),
        crlf: format.endsWith('csv'),
      }),
    ),
    { title: 'validate', args: ['validate', file], outcome: 'accept' },
  ];
}

/** A rejected answers file: report and validate both reject it, with located problems. */
function rejectedAnswers(file: string, located: [number, number, RegExp][] = [], files = [file]): Case[] {
  const at = located.map(([line, col, message]) => [file, line, col, message] as [string, number, number, RegExp]);
  return [
    { title: 'report', args: ['report', '--answers', file, ...AS_OF], outcome: 'reject', files, located: at },
    { title: 'validate', args: ['validate', file], outcome: 'reject', files, located: at },
  ];
}

const big = (cases: Case[]): Case[] => cases.map((c) => ({ ...c, budgetMs: BIG_FILE_BUDGET_MS }));

const CORPUS: CorpusEntry[] = [
  // --- checklists: accepted, with hostile text -----------------------------------------------
  { file: checklistFile('control-chars.yaml'), what: 'control sequences (escaped) in every text field', cases: acceptedChecklist(checklistFile('control-chars.yaml')) },
  { file: checklistFile('control-raw.yaml'), what: 'raw control bytes in every text field', cases: acceptedChecklist(checklistFile('control-raw.yaml')) },
  { file: checklistFile('markup-injection.yaml'), what: 'Markdown, HTML and workflow commands in every text field', cases: acceptedChecklist(checklistFile('markup-injection.yaml')) },
  { file: checklistFile('bom.yaml'), what: 'a UTF-8 byte order mark', cases: acceptedChecklist(checklistFile('bom.yaml')) },
  { file: checklistFile('crlf.yaml'), what: 'CRLF line endings', cases: acceptedChecklist(checklistFile('crlf.yaml')) },
  { file: checklistFile('checklist.json'), what: 'JSON instead of YAML', cases: acceptedChecklist(checklistFile('checklist.json')) },
  // --- checklists: rejected ---------------------------------------------------------------------
  { file: checklistFile('syntax-error.yaml'), what: 'an unclosed bracket', cases: rejectedChecklist(checklistFile('syntax-error.yaml'), [[20, 35, /YAML syntax error/]]) },
  { file: checklistFile('tabs.yaml'), what: 'tabs for indentation', cases: rejectedChecklist(checklistFile('tabs.yaml'), [[8, 1, /Tabs are not allowed/]]) },
  { file: checklistFile('bom-error.yaml'), what: 'a BOM, then errors (columns must not shift)', cases: rejectedChecklist(checklistFile('bom-error.yaml'), [[2, 5, /checklist id must be ASCII kebab-case/], [26, 15, /severity must be one of/]]) },
  { file: checklistFile('crlf-error.yaml'), what: 'CRLF, then errors (columns must not shift)', cases: rejectedChecklist(checklistFile('crlf-error.yaml'), [[2, 5, /checklist id must be ASCII kebab-case/], [26, 15, /severity must be one of/]]) },
  {
    file: checklistFile('stray-line.yaml'),
    what: 'a stray first line, then a folded block scalar (positions after it must not shift)',
    cases: rejectedChecklist(checklistFile('stray-line.yaml'), [[4, 1, /Unexpected scalar token in YAML stream: "id"/], [12, 1, /"sources"/], [13, 3, /seq-item-ind/], [16, 1, /"questions"/]]),
  },
  { file: checklistFile('cr-only.yaml'), what: 'classic Mac CR-only line endings', cases: rejectedChecklist(checklistFile('cr-only.yaml')) },
  { file: checklistFile('empty.yaml'), what: 'an empty file', cases: rejectedChecklist(checklistFile('empty.yaml'), [[1, 1, /empty/]]) },
  { file: checklistFile('whitespace.yaml'), what: 'whitespace only', cases: rejectedChecklist(checklistFile('whitespace.yaml'), [[1, 1, /empty/]]) },
  { file: checklistFile('alias-bomb.yaml'), what: 'billion laughs', cases: rejectedChecklist(checklistFile('alias-bomb.yaml'), [[1, 1, /too many YAML aliases/]]) },
  {
    file: checklistFile('duplicate-keys.yaml'),
    what: 'duplicate keys',
    cases: rejectedChecklist(checklistFile('duplicate-keys.yaml'), [[16, 5, /duplicate key "severity"/], [21, 37, /duplicate key "nist-csf-2"/], [22, 1, /duplicate key "title"/]]),
  },
  {
    file: checklistFile('proto-keys.yaml'),
    what: '__proto__, constructor and prototype in every mapping',
    cases: [
      ...rejectedChecklist(checklistFile('proto-keys.yaml'), [[4, 1, /unknown field "__proto__"/], [5, 1, /unknown field "constructor"/], [6, 1, /unknown field "prototype"/], [16, 5, /unknown field "__proto__"/], [26, 37, /unknown field "__proto__"/], [27, 37, /unknown field "__proto__"/], [28, 5, /unknown field "__proto__"/], [29, 5, /unknown field "constructor"/]]),
      {
        // If the payload reached Object.prototype, the valid checklist after it would be read as an
        // answers file (`'breachready' in data`) or lose its questions; it must still be fine.
        title: 'validate, then a valid checklist in the same process',
        args: ['validate', checklistFile('proto-keys.yaml'), 'tests/fixtures/checklists/valid-vendors.yaml', checklistFile('when-cycle.yaml')],
        outcome: 'reject',
        files: [checklistFile('proto-keys.yaml'), checklistFile('when-cycle.yaml')],
        located: [[checklistFile('when-cycle.yaml'), 21, 23, /"when" forms a cycle: a -> b -> c -> a/]],
        check: (result, expect) => expect(result.stderr).not.toMatch(/polluted|valid-vendors/),
      },
    ],
  },
  {
    file: checklistFile('custom-tags.yaml'),
    what: '!!js/function, !foo and other tags',
    cases: rejectedChecklist(checklistFile('custom-tags.yaml'), [[2, 5, /custom YAML tags are not allowed/], [3, 8, /custom YAML tags are not allowed/], [4, 10, /custom YAML tags/], [5, 10, /custom YAML tags/]]),
  },
  {
    file: checklistFile('wrong-types.yaml'),
    what: 'numbers, booleans and lists where text belongs',
    cases: rejectedChecklist(checklistFile('wrong-types.yaml'), [[2, 5, /id must be text/], [3, 8, /title must be text/], [4, 10, /version must be text/], [16, 15, /severity must be one of/], [21, 26, /control ids must be text/], [22, 11, /gate must be true or false/]]),
  },
  {
    file: checklistFile('cyrillic-id.yaml'),
    what: 'ids with Unicode look-alikes',
    cases: rejectedChecklist(checklistFile('cyrillic-id.yaml'), [[3, 5, /checklist id must be ASCII kebab-case/], [13, 9, /question id must be ASCII kebab-case/], [22, 9, /question id must be ASCII kebab-case/], [31, 23, /when\.question must be ASCII kebab-case/]]),
  },
  {
    file: checklistFile('when-cycle.yaml'),
    what: '"when" cycles',
    cases: rejectedChecklist(checklistFile('when-cycle.yaml'), [[21, 23, /"when" forms a cycle: a -> b -> c -> a/], [51, 23, /"when" of "d" names the question itself/]]),
  },
  {
    file: checklistFile('redefines-builtin.yaml'),
    what: 'a built-in id',
    cases: rejectedChecklist(checklistFile('redefines-builtin.yaml'), [[3, 5, /checklist id "social-media" is a built-in id/]]),
  },
  { file: checklistFile('multi-document.yaml'), what: 'two YAML documents', cases: rejectedChecklist(checklistFile('multi-document.yaml'), [[21, 1, /multiple documents/]]) },
  {
    file: checklistFile('control-chars-rejected.yaml'),
    what: 'control sequences in what problems quote back',
    cases: rejectedChecklist(checklistFile('control-chars-rejected.yaml'), [[3, 5, /checklist id must be ASCII kebab-case/], [8, 1, /unknown field "unknown/], [18, 15, /severity must be one of/], [23, 26, /is not a nist-csf-2 control id/], [34, 5, /unknown field "colour/]]),
  },
  {
    file: checklistFile('newline-in-key.yaml'),
    what: 'field names with line breaks (forged problem lines)',
    cases: rejectedChecklist(checklistFile('newline-in-key.yaml'), [[22, 5, /unknown field "colour/], [23, 5, /unknown field "shade/]]),
  },
  {
    file: answersFile('control-chars.yaml'),
    what: 'an answers file passed as a checklist',
    cases: [
      {
        title: 'list --checklist <answers file>',
        args: ['list', '--checklist', answersFile('control-chars.yaml')],
        outcome: 'reject',
        files: [answersFile('control-chars.yaml')],
        located: [[answersFile('control-chars.yaml'), 3, 1, /missing field "id"/], [answersFile('control-chars.yaml'), 9, 1, /unknown field "answers"/]],
      },
    ],
  },
  // --- answers files: accepted, with hostile text ---------------------------------------------
  { file: answersFile('control-chars.yaml'), what: 'control sequences (escaped) in every text field', cases: acceptedAnswers(answersFile('control-chars.yaml')) },
  { file: answersFile('control-raw.yaml'), what: 'raw control bytes in every text field', cases: acceptedAnswers(answersFile('control-raw.yaml')) },
  {
    file: answersFile('markup-injection.yaml'),
    what: 'Markdown, HTML and workflow commands in every text field',
    cases: [
      ...acceptedAnswers(answersFile('markup-injection.yaml')),
      {
        title: 'report --fail-on low in GitHub Actions (annotations and job summary)',
        args: ['report', '--answers', answersFile('markup-injection.yaml'), '--fail-on', 'low', '-f', 'json', ...AS_OF],
        outcome: 'policy',
        env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: gen('step-summary.md'), GITHUB_WORKSPACE: ROOT },
        json: true,
        check: (result, expect) => {
          expect(workflowCommands(result.stderr).length, 'annotations were written').toBeGreaterThan(0);
          const summary = readFileSync(gen('step-summary.md'), 'utf8');
          expect(controlCharacters(summary)).toEqual([]);
          expect(markdownInjections(summary)).toEqual([]);
        },
      },
      {
        title: 'report -f markdown --baseline (comparison section)',
        args: ['report', '--answers', answersFile('markup-injection.yaml'), '--baseline', answersFile('markup-baseline.yaml'), '-f', 'markdown', ...AS_OF],
        outcome: 'accept',
        markdown: 'report',
      },
      {
        title: 'diff -f markdown',
        args: ['diff', answersFile('markup-baseline.yaml'), answersFile('markup-injection.yaml'), '-f', 'markdown', ...AS_OF],
        outcome: 'accept',
        markdown: 'fragment',
      },
      { title: 'diff (text)', args: ['diff', answersFile('markup-baseline.yaml'), answersFile('markup-injection.yaml'), ...AS_OF], outcome: 'accept' },
    ],
  },
  { file: answersFile('versions-controls.yaml'), what: 'control sequences and a workflow command in `versions:`', cases: acceptedAnswers(answersFile('versions-controls.yaml')) },
  { file: answersFile('bom.yaml'), what: 'a UTF-8 byte order mark', cases: acceptedAnswers(answersFile('bom.yaml')) },
  { file: answersFile('crlf.yaml'), what: 'CRLF line endings', cases: acceptedAnswers(answersFile('crlf.yaml')) },
  { file: answersFile('answers.json'), what: 'JSON instead of YAML', cases: acceptedAnswers(answersFile('answers.json')) },
  {
    file: '<stdin>',
    what: 'control sequences on standard input',
    cases: [
      {
        title: 'report --answers -',
        args: ['report', '--answers', '-', ...AS_OF],
        outcome: 'accept',
        input: readFileSync(join(ROOT, answersFile('control-chars.yaml')), 'utf8').replace('../checklists/control-chars.yaml', checklistFile('control-chars.yaml')),
      },
      {
        title: 'report --answers - -f markdown',
        args: ['report', '--answers', '-', '-f', 'markdown', ...AS_OF],
        outcome: 'accept',
        markdown: 'report',
        input: readFileSync(join(ROOT, answersFile('markup-injection.yaml')), 'utf8').replace('../checklists/markup-injection.yaml', checklistFile('markup-injection.yaml')),
      },
    ],
  },
  // --- answers files: rejected ------------------------------------------------------------------
  { file: answersFile('syntax-error.yaml'), what: 'an unterminated string', cases: rejectedAnswers(answersFile('syntax-error.yaml'), [[6, 1, /Missing closing "quote/]]) },
  { file: answersFile('tabs.yaml'), what: 'tabs for indentation', cases: rejectedAnswers(answersFile('tabs.yaml'), [[4, 1, /Tabs are not allowed/], [5, 1, /Tabs are not allowed/]]) },
  { file: answersFile('bom-error.yaml'), what: 'a BOM, then errors', cases: rejectedAnswers(answersFile('bom-error.yaml'), [[8, 36, /unknown answer "nope"/], [11, 5, /unknown field "evidense" \(did you mean "evidence"\?\)/]]) },
  { file: answersFile('crlf-error.yaml'), what: 'CRLF, then errors', cases: rejectedAnswers(answersFile('crlf-error.yaml'), [[8, 36, /unknown answer "nope"/], [11, 5, /unknown field "evidense"/]]) },
  { file: answersFile('empty.yaml'), what: 'an empty file', cases: rejectedAnswers(answersFile('empty.yaml'), [[1, 1, /empty/]]) },
  { file: answersFile('whitespace.yaml'), what: 'whitespace only', cases: rejectedAnswers(answersFile('whitespace.yaml'), [[1, 1, /empty/]]) },
  { file: answersFile('alias-bomb.yaml'), what: 'billion laughs', cases: rejectedAnswers(answersFile('alias-bomb.yaml'), [[1, 1, /too many YAML aliases/]]) },
  { file: answersFile('duplicate-keys.yaml'), what: 'a question answered twice', cases: rejectedAnswers(answersFile('duplicate-keys.yaml'), [[8, 5, /duplicate key "answer"/], [9, 3, /duplicate key "social-media\/unique-credentials"/]]) },
  {
    file: answersFile('proto-keys.yaml'),
    what: '__proto__, constructor and prototype in every mapping',
    cases: rejectedAnswers(answersFile('proto-keys.yaml'), [[3, 1, /unknown field "__proto__"/], [4, 1, /unknown field "constructor"/], [5, 1, /unknown field "prototype"/], [8, 3, /unknown question id "__proto__"/], [9, 3, /unknown question id "constructor"/], [13, 5, /unknown field "__proto__"/], [14, 54, /unknown field "__proto__"/]]),
  },
  { file: answersFile('custom-tags.yaml'), what: 'custom tags', cases: rejectedAnswers(answersFile('custom-tags.yaml'), [[2, 14, /custom YAML tags/], [3, 15, /custom YAML tags/], [4, 11, /custom YAML tags/], [6, 36, /custom YAML tags/], [8, 13, /custom YAML tags/]]) },
  {
    file: answersFile('wrong-types.yaml'),
    what: 'numbers, booleans and lists where text belongs',
    cases: rejectedAnswers(answersFile('wrong-types.yaml'), [[2, 14, /breachready must be 1/], [3, 15, /organization must be text/], [6, 8, /level must be 1, 2 or 3/], [10, 37, /not true or false/], [14, 11, /note must be text/], [21, 14, /not a real calendar date/]]),
  },
  {
    file: answersFile('cyrillic-ids.yaml'),
    what: 'question ids with Unicode look-alikes',
    cases: rejectedAnswers(answersFile('cyrillic-ids.yaml'), [[5, 3, /did you mean "social-media\/unique-credentials"/], [6, 3, /did you mean "social-media\/unique-credentials"/], [7, 3, /did you mean "social-media\/mfa-on-accounts"/], [8, 3, /did you mean "social-media\/account-inventory"/], [9, 3, /did you mean "social-media\/has-social-accounts"/]]),
  },
  { file: answersFile('multi-document.yaml'), what: 'two YAML documents', cases: rejectedAnswers(answersFile('multi-document.yaml'), [[5, 1, /multiple documents/]]) },
  {
    file: answersFile('control-chars-rejected.yaml'),
    what: 'control sequences in what problems quote back',
    cases: rejectedAnswers(answersFile('control-chars-rejected.yaml'), [[4, 7, /date must be a date/], [6, 1, /unknown field "unknown/], [8, 3, /unknown question/], [10, 35, /unknown answer "maybe/], [13, 5, /unknown field "colour/]]),
  },
  {
    file: answersFile('newline-in-id.yaml'),
    what: 'question ids and field names with line breaks (forged problem lines)',
    cases: rejectedAnswers(answersFile('newline-in-id.yaml'), [[5, 3, /unknown question/], [6, 3, /unknown question/], [9, 5, /unknown field "colour/]]),
  },
  {
    file: answersFile('checklist-spec-controls.yaml'),
    what: '`checklists:` entries with control sequences and a line break',
    cases: [{ title: 'report', args: ['report', '--answers', answersFile('checklist-spec-controls.yaml'), ...AS_OF], outcome: 'reject', files: [answersFile('checklist-spec-controls.yaml')], located: [[answersFile('checklist-spec-controls.yaml'), 4, 5, /checklist file not found/], [answersFile('checklist-spec-controls.yaml'), 6, 5, /checklist file not found/]] }],
  },
  {
    file: checklistFile('control-chars.yaml'),
    what: 'a checklist passed as an answers file',
    cases: [
      {
        title: 'report --answers <checklist>',
        args: ['report', '--answers', checklistFile('control-chars.yaml'), ...AS_OF],
        outcome: 'reject',
        files: [checklistFile('control-chars.yaml')],
        located: [[checklistFile('control-chars.yaml'), 1, 1, /not a breachready answers file \(no `breachready: 1`\)/]],
      },
    ],
  },
  // --- generated: encodings, odd files, deep and big ------------------------------------------
  { file: gen('invalid-utf8.yaml'), what: 'an invalid UTF-8 byte', cases: rejectedChecklist(gen('invalid-utf8.yaml'), [[11, 12, /invalid UTF-8/]]) },
  { file: gen('overlong-utf8.yaml'), what: 'an overlong UTF-8 sequence', cases: rejectedChecklist(gen('overlong-utf8.yaml'), [[2, 9, /invalid UTF-8/]]) },
  { file: gen('surrogate-utf8.yaml'), what: 'a UTF-8-encoded surrogate', cases: rejectedChecklist(gen('surrogate-utf8.yaml'), [[3, 10, /invalid UTF-8/]]) },
  { file: gen('truncated-utf8.yaml'), what: 'a UTF-8 sequence cut by the end of the file', cases: rejectedChecklist(gen('truncated-utf8.yaml'), [[2, 13, /invalid UTF-8/]]) },
  { file: gen('utf16le.yaml'), what: 'UTF-16 instead of UTF-8', cases: rejectedChecklist(gen('utf16le.yaml'), [[1, 1, /invalid UTF-8/]]) },
  { file: gen('invalid-utf8-answers.yaml'), what: 'an invalid UTF-8 byte in an answers file', cases: rejectedAnswers(gen('invalid-utf8-answers.yaml'), [[2, 20, /invalid UTF-8/]]) },
  { file: gen('nul-bytes.yaml'), what: 'NUL bytes', cases: rejectedChecklist(gen('nul-bytes.yaml'), [[1, 5, /checklist id must be ASCII kebab-case/]]) },
  { file: gen('deep-flow-seq.yaml'), what: '10,000 nested [', cases: rejectedChecklist(gen('deep-flow-seq.yaml')) },
  { file: gen('deep-flow-map.yaml'), what: '10,000 nested {', cases: rejectedChecklist(gen('deep-flow-map.yaml')) },
  { file: gen('deep-block-seq.yaml'), what: '10,000 nested block sequences', cases: rejectedChecklist(gen('deep-block-seq.yaml')) },
  { file: gen('deep-answers.yaml'), what: '10,000 nested [ in an answers file', cases: rejectedAnswers(gen('deep-answers.yaml')) },
  { file: gen('directory.yaml'), what: 'a directory where a file is expected', cases: [
    { title: 'report --answers <dir>', args: ['report', '--answers', gen('directory.yaml')], outcome: 'reject', files: [gen('directory.yaml')], located: [[gen('directory.yaml'), 1, 1, /is a directory/]] },
    { title: 'list --checklist <dir>', args: ['list', '--checklist', gen('directory.yaml')], outcome: 'reject', files: ['<command line>'], located: [['<command line>', 1, 1, /no \.yaml or \.yml files/]] },
    { title: 'validate <dir>', args: ['validate', gen('directory.yaml')], outcome: 'reject', files: [gen('directory.yaml')], located: [[gen('directory.yaml'), 1, 1, /no \.yaml or \.yml files/]] },
  ] },
  { file: gen('missing.yaml'), what: 'a missing file', cases: [
    { title: 'report --answers <missing>', args: ['report', '--answers', gen('missing.yaml')], outcome: 'reject', files: [gen('missing.yaml')], located: [[gen('missing.yaml'), 1, 1, /no such file/]] },
    { title: 'list --checklist <missing>', args: ['list', '--checklist', gen('missing.yaml')], outcome: 'reject', files: ['<command line>'], located: [['<command line>', 1, 1, /not found/]] },
    { title: 'validate <missing>', args: ['validate', gen('missing.yaml')], outcome: 'reject', files: [gen('missing.yaml')], located: [[gen('missing.yaml'), 1, 1, /no such file/]] },
  ] },
  // Problems name it with the controls stripped.
  { file: CONTROL_NAME, what: 'a missing file whose name has terminal controls', cases: [
    { title: 'validate', args: ['validate', CONTROL_NAME], outcome: 'reject', files: [CONTROL_NAME_SHOWN], located: [[CONTROL_NAME_SHOWN, 1, 1, /no such file/]] },
    { title: 'report --answers', args: ['report', '--answers', CONTROL_NAME], outcome: 'reject', files: [CONTROL_NAME_SHOWN], located: [[CONTROL_NAME_SHOWN, 1, 1, /no such file/]] },
  ] },
  { file: '/dev/null', what: 'a device, not a regular file', cases: [
    { title: 'report --answers /dev/null', args: ['report', '--answers', '/dev/null'], outcome: 'reject', files: ['/dev/null'], located: [['/dev/null', 1, 1, /not a regular file/]] },
    { title: 'validate /dev/null', args: ['validate', '/dev/null'], outcome: 'reject', files: ['/dev/null'], located: [['/dev/null', 1, 1, /not a regular file/]] },
  ] },
  { file: gen('big-binary.yaml'), what: '50 MB of binary noise', cases: big(rejectedChecklist(gen('big-binary.yaml'))) },
  { file: gen('over-limit.yaml'), what: 'a 65 MB file (over the size limit)', cases: big(rejectedChecklist(gen('over-limit.yaml'), [[1, 1, /over the 64 MB limit/]])) },
  { file: gen('big-comments.yaml'), what: '50 MB of comments in an answers file', cases: big([{ title: 'report -f json', args: ['report', '--answers', gen('big-comments.yaml'), '-f', 'json', ...AS_OF], outcome: 'accept', json: true }]) },
  { file: gen('big-string.yaml'), what: 'a 50 MB string', cases: big([{ title: 'validate', args: ['validate', gen('big-string.yaml')], outcome: 'reject', files: [gen('big-string.yaml')] }]) },
  { file: gen('big-folded-string.yaml'), what: 'a 50 MB quoted string over many lines', cases: big(rejectedChecklist(gen('big-folded-string.yaml'), [[20, 7, /a value of over 4000000 characters: not parsed/]])) },
  { file: gen('big-sequence.yaml'), what: 'a 50 MB sequence (8.7 million items)', cases: big([{ title: 'validate', args: ['validate', gen('big-sequence.yaml')], outcome: 'reject', files: [gen('big-sequence.yaml')] }]) },
  { file: gen('many-problems.yaml'), what: '150,000 wrong questions in 300 KB', cases: big(rejectedChecklist(gen('many-problems.yaml'))) },
  { file: gen('many-unknown-ids.yaml'), what: '20,000 unknown question ids in 500 KB', cases: big([{ title: 'report', args: ['report', '--answers', gen('many-unknown-ids.yaml')], outcome: 'reject', files: [gen('many-unknown-ids.yaml')] }]) },
  // --- round two ------------------------------------------------------------------------------
  {
    file: gen('alias-amplification.yaml'),
    what: '96 aliases of one 1 MB note',
    cases: big(rejectedAnswers(gen('alias-amplification.yaml'), [[6, BUILTIN_IDS[1]!.length + 25, /YAML aliases expand to over 1000000 characters/]])),
  },
  { file: gen('when-chain.yaml'), what: 'a chain of 20,000 "when" questions', cases: big([{ title: 'validate', args: ['validate', gen('when-chain.yaml')], outcome: 'accept' }]) },
  {
    file: gen('many-checklists.yaml'),
    what: 'a million bad `checklists:` entries',
    cases: big(rejectedAnswers(gen('many-checklists.yaml'), [[2, 1, /1000000 entries in "checklists", over the limit of 1000/]])),
  },
  { file: gen('deep-1000.yaml'), what: '1,000 nested [ in an answers file', cases: rejectedAnswers(gen('deep-1000.yaml'), [[2, 109, /^the YAML is nested too deeply to read$/]]) },
  { file: gen('deep-block.yaml'), what: '1,500 nested block mappings in a checklist', cases: rejectedChecklist(gen('deep-block.yaml')).map((c) => ({ ...c, check: (r: Result, expect: ExpectStatic) => expect(r.stderr).toMatch(/: the YAML is nested too deeply to read\n/) })) },
  {
    file: answersFile('core-tags.yaml'),
    what: 'core tags that cannot apply (!!int abc, !!bool yes)',
    cases: rejectedAnswers(answersFile('core-tags.yaml'), [[3, 8, /the tag !!int does not fit its value/], [5, 36, /the tag !!bool does not fit its value/]]),
  },
  { file: answersFile('anchors.yaml'), what: 'anchored shorthand answers and their aliases', cases: acceptedAnswers(answersFile('anchors.yaml')) },
  {
    file: answersFile('invisible-ids.yaml'),
    what: 'ids with zero-width, soft-hyphen, no-break and word-joiner characters',
    cases: rejectedAnswers(answersFile('invisible-ids.yaml'), [
      [5, 3, /^unknown question "unique\\u200b-credentials" .*\(did you mean "social-media\/unique-credentials"\?\)$/],
      [6, 3, /^unknown question "mfa-on\\u00ad-accounts"/],
      [7, 3, /^unknown question "has-social\\u00a0accounts"/],
      [8, 3, /^unknown question "\\u2060unique-credentials"/],
    ]).map((c) => ({ ...c, check: (r: Result, expect: ExpectStatic) => expect(r.stderr).not.toMatch(/[\u00a0\u00ad\u200b\u2060]/) })),
  },
];

// ---------------------------------------------------------------------------------------------

beforeAll(generateCorpus, 120_000);
afterAll(() => rmSync(GEN, { recursive: true, force: true }));

/** Every check that holds for any input and any command (`expect`: the running test's, as cases run side by side). */
function checkResult(c: Case, result: Result, expect: ExpectStatic): void {
  const context = `${c.args.join(' ')}\nstderr (${result.stderr.length} chars): ${result.stderr.slice(0, 1500)}`;
  // Never a crash: 0, 1 or 2, never a signal, no stack trace, no internal error.
  expect(result.signal, `killed by ${result.signal} after ${result.ms} ms\n${context}`).toBeNull();
  expect([0, 1, 2], `exit code ${result.status}\n${context}`).toContain(result.status);
  expect(hasStackTrace(result.stderr), context).toBe(false);
  expect(/internal error|heap out of memory|FATAL ERROR/.exec(result.stderr)?.[0], context).toBeUndefined();
  if (c.budgetMs !== undefined) expect(result.ms, `took ${result.ms} ms\n${context}`).toBeLessThanOrEqual(c.budgetMs);
  // The expected outcome.
  const expected = { accept: 0, policy: 1, reject: 2 }[c.outcome];
  expect(result.status, context).toBe(expected);
  // Nothing leaks: no control character, no workflow command the tool did not write. (Soft, so
  // that one run shows every leak at once.)
  expect.soft(controlCharacters(c.crlf ? result.stdout.replace(/\r\n/g, '\n') : result.stdout), `stdout of ${c.args.join(' ')}`).toEqual([]);
  expect.soft(controlCharacters(result.stderr), `stderr of ${c.args.join(' ')}`).toEqual([]);
  expect.soft(forgedWorkflowCommands(result, c.env?.GITHUB_ACTIONS === 'true'), `workflow commands from ${c.args.join(' ')}`).toEqual([]);
  // Rejections: located, about the right file.
  if (c.outcome === 'reject') {
    expect.soft(result.stdout.slice(0, 500), context).toBe('');
    expect.soft(rejectionProblems(result.stderr, c.files ?? []), context).toEqual([]);
    for (const [file, line, col, message] of c.located ?? []) {
      const prefix = `${file}:${line}:${col}: `;
      const hit = result.stderr.split('\n').some((l) => l.startsWith(prefix) && message.test(l.slice(prefix.length)));
      expect.soft(hit, `expected ${prefix}${message}\n${context}`).toBe(true);
    }
  }
  if (c.json) expect.soft(() => JSON.parse(result.stdout), context).not.toThrow();
  if (c.markdown) {
    expect.soft(markdownInjections(result.stdout), `Markdown from ${c.args.join(' ')}`).toEqual([]);
    if (c.markdown === 'report') {
      const headings = markdownStructure(result.stdout).headings;
      expect.soft(headings.filter((h) => /^# /.test(h)), 'one title').toHaveLength(1);
      for (const section of REPORT_SECTIONS) expect.soft(headings, section).toContain(`## ${section}`);
    }
  }
  c.check?.(result, expect);
}

// Small cases run side by side (each is a short CLI run); big ones alone, so their time budget is theirs.
const CASES = CORPUS.flatMap((entry) => entry.cases.map((c) => ({ ...c, name: `${entry.file} (${entry.what}): ${c.title}` })));

describe.concurrent('hostile input', () => {
  it.for(CASES.filter((c) => c.budgetMs === undefined))('$name', { timeout: 120_000 }, async (c, { expect }) => {
    checkResult(c, await exec(c.args, { env: c.env, input: c.input }), expect);
  });
});

describe('hostile input, big', () => {
  it.for(CASES.filter((c) => c.budgetMs !== undefined))('$name', { timeout: 120_000 }, async (c, { expect }) => {
    checkResult(c, await exec(c.args, { env: c.env, input: c.input, timeoutMs: c.budgetMs! + 5_000 }), expect);
  });
});

describe('faults of the output and input streams', () => {
  const fullDisk = (format: string) => {
    const full = openSync('/dev/full', 'w');
    try {
      return spawnSync(process.execPath, [BIN, 'report', '--answers', 'examples/ci-pass.yaml', '--format', format, ...AS_OF], {
        cwd: ROOT,
        env: execEnv(),
        encoding: 'utf8',
        stdio: ['ignore', full, 'pipe'],
      });
    } finally {
      closeSync(full);
    }
  };

  it.each(['json', 'sarif', 'text'])('report --format %s > /dev/full: one line, exit 2 (never a pass on a truncated report)', (format) => {
    const result = fullDisk(format);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('breachready: cannot write to standard output: no space left on the device\n');
  });

  it('a reader that stops early (EPIPE) stays quiet, with the exit code of the run', () => {
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" report --answers examples/ci-pass.yaml --format json | true; exit \${PIPESTATUS[0]}`], {
      cwd: ROOT,
      env: execEnv(),
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('--answers - on an endless input stops reading at the size limit', () => {
    const result = spawnSync('bash', ['-c', `yes 'social-media/unique-credentials: yes' | "${process.execPath}" "${BIN}" report --answers -; exit \${PIPESTATUS[1]}`], {
      cwd: ROOT,
      env: execEnv({ BREACHREADY_MAX_FILE_MB: '1' }),
      encoding: 'utf8',
      timeout: 20_000,
      killSignal: 'SIGKILL',
    });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^<stdin>:1:1: input is over the 1 MB limit/);
  });

  it('report -o removes the temp files that killed runs writing the same report left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-report-o-'));
    try {
      const stale = ['.r.md.999999999.m1.tmp', '.r.md.999999998.m2.tmp'];
      for (const name of stale) writeFileSync(join(dir, name), 'half a report');
      writeFileSync(join(dir, '.other.md.999999999.m1.tmp'), 'not ours');
      const result = spawnSync(process.execPath, [BIN, 'report', '--answers', 'examples/ci-pass.yaml', '-o', join(dir, 'r.md'), ...AS_OF], { cwd: ROOT, env: execEnv(), encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(['.other.md.999999999.m1.tmp', 'r.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the corpus is what it claims to be', () => {
  const bytes = (name: string) => readFileSync(join(ROOT, HOSTILE, name));
  it.each(['checklists/bom.yaml', 'checklists/bom-error.yaml', 'answers/bom.yaml', 'answers/bom-error.yaml'])('%s starts with a UTF-8 BOM', (name) => {
    expect([...bytes(name).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
  it.each(['checklists/crlf.yaml', 'checklists/crlf-error.yaml', 'answers/crlf.yaml', 'answers/crlf-error.yaml'])('%s has CRLF line endings only', (name) => {
    const text = bytes(name).toString('utf8');
    expect(text).toContain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
  it('cr-only.yaml has CR line endings only', () => {
    const text = bytes('checklists/cr-only.yaml').toString('utf8');
    expect(text.split('\r').length).toBeGreaterThan(20);
    expect(text).not.toContain('\n');
  });
  it.each(['checklists/control-raw.yaml', 'answers/control-raw.yaml'])('%s holds raw ESC, BEL and C1 bytes', (name) => {
    const text = bytes(name).toString('utf8');
    for (const c of ['\u001b', '\u0007', '\u009b']) expect(text).toContain(c);
  });
  it('empty.yaml is empty', () => {
    expect(bytes('checklists/empty.yaml').length).toBe(0);
    expect(bytes('answers/empty.yaml').length).toBe(0);
  });
  it('the generated big files are 50 MB', () => {
    for (const name of ['big-comments.yaml', 'big-string.yaml', 'big-folded-string.yaml', 'big-sequence.yaml', 'big-binary.yaml']) {
      expect(statSync(gen(name)).size).toBeGreaterThanOrEqual(50 * MB);
      expect(statSync(gen(name)).size).toBeLessThan(64 * MB);
    }
  });
});

describe('the checks catch what they look for', () => {
  const ok: Result = { status: 0, signal: null, stdout: '', stderr: '', ms: 1 };
  it('control characters', () => {
    expect(controlCharacters('plain\ttext\n')).toEqual([]);
    for (const c of ['\u001b[2J', '\u009b2J', '\u0007', '\b', '\r', '\u0085']) expect(controlCharacters(`a${c}b`)).toHaveLength(1);
  });
  it('workflow commands, indented or not; legit annotations only on stderr in GitHub Actions', () => {
    expect(workflowCommands('     ::error file=x,line=1::boom\n  Note: ::error::not a command\n::add-mask::x\n::nope')).toHaveLength(2);
    expect(forgedWorkflowCommands({ ...ok, stdout: '  ::error::x' }, true)).toHaveLength(1);
    expect(forgedWorkflowCommands({ ...ok, stderr: '::error file=a.yaml,line=3,title=critical%3A x/y::text' }, true)).toEqual([]);
    expect(forgedWorkflowCommands({ ...ok, stderr: '::error file=a.yaml,line=3,title=critical%3A x/y::text' }, false)).toHaveLength(1);
    expect(forgedWorkflowCommands({ ...ok, stderr: '::add-mask::FORGED' }, true)).toHaveLength(1);
  });
  it('rejection lines: form, file, position and count', () => {
    const file = checklistFile('when-cycle.yaml');
    expect(rejectionProblems(`${file}:21:23: x\nbreachready: 1 problem found\n`, [file])).toEqual([]);
    expect(rejectionProblems(`${file}:21:23: x\nsrc/forged.ts:1:1: y\nbreachready: 2 problems found\n`, [file])).toHaveLength(1);
    expect(rejectionProblems(`${file}:21:23: x\ncontinued\nbreachready: 2 problems found\n`, [file])).toHaveLength(1);
    expect(rejectionProblems(`${file}:99:1: past the end\nbreachready: 1 problem found\n`, [file])).toHaveLength(1);
    expect(rejectionProblems(`${file}:21:99: past the line\nbreachready: 1 problem found\n`, [file])).toHaveLength(1);
    expect(rejectionProblems(`${file}:0:1: x\nbreachready: 1 problem found\n`, [file])).toHaveLength(1);
    expect(rejectionProblems(`${file}:21:23: x\nbreachready: 2 problems found\n`, [file])).toHaveLength(1);
  });
  it('Markdown injections', () => {
    expect(markdownInjections('# T\n\n## Section\n\n| a | b |\n| --- | --- |\n| \\| c | d |\n\nText \\[x\\](y) &lt;img&gt;\n')).toEqual([]);
    for (const bad of ['# INJECTED', '<img src=x>', '[a](http://x)', 'see https://x.example', '| a | b |\n| --- | --- |\n| c | d | e |', '> quote', 'x\n===', '```\ncode\n```']) {
      expect(markdownInjections(`# T\n\n${bad}\n`), bad).not.toEqual([]);
    }
  });
});

describe('the YAML items limit', () => {
  const report = (limit: string) =>
    spawnSync(process.execPath, [BIN, 'report', '--answers', 'examples/ci-pass.yaml', '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', BREACHREADY_MAX_YAML_ITEMS: limit },
    });

  it('refuses a file with more lines and commas than BREACHREADY_MAX_YAML_ITEMS before parsing it', () => {
    const refused = report('10');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^examples\/ci-pass\.yaml:1:1: too many YAML lines and items \(over 10\): not parsed/);
    expect(hasStackTrace(refused.stderr)).toBe(false);
    expect(refused.stdout).toBe('');
  });

  it('reads a file within the limit, also one only just within it', () => {
    const text = readFileSync(join(ROOT, 'examples/ci-pass.yaml'), 'utf8');
    const items = (text.match(/[\n,]/g) ?? []).length;
    expect(report(String(items)).status).toBe(0);
    expect(report(String(items - 1)).status).toBe(2);
    expect(report('1000000').status).toBe(0);
  });
});
