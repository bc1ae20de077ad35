/**
 * Property-based tests (fast-check) of the pieces that read untrusted text and the renderers that
 * print it: random and mutated YAML never makes the readers throw, every problem is located in
 * the text, nothing reaches Object.prototype, and arbitrary strings in checklists and answers
 * never put control characters into the terminal report nor change the Markdown report's shape.
 */
import { runs } from '../helpers/fuzz.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnswersText, resolveAnswers } from '../../src/answers/file.js';
import type { Answer } from '../../src/answers/model.js';
import { buildCatalog } from '../../src/catalog.js';
import { parseChecklist } from '../../src/checklist/load.js';
import type { Checklist } from '../../src/checklist/schema.js';
import type { Problem } from '../../src/problems.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { score } from '../../src/scoring/score.js';
import { decodeUtf8, readTextFile } from '../../src/input/text-file.js';
import { answers, checklist, question } from '../helpers/build.js';
import { cellSeparators, markdownStructure } from '../helpers/markdown.js';

const RUNS = runs(200);
const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

// ---------------------------------------------------------------------------------------------
// Arbitraries.

/** Pieces of hostile text: YAML syntax, Markdown/HTML, workflow commands, control characters. */
const FRAGMENTS = [
  '\n', '\r', '\r\n', '\t', ' ', '  ', '    ', ': ', '- ', '? ', '[', ']', '{', '}', ',', '"', "'", '#', '# ', '## ', '|', '| ', ' | ', '|\n', '>\n',
  '&a ', '*a', '&b [*a, *a, *a]', '!!js/function ', '!foo ', '!!binary ', '!!set ', '---\n', '...\n', '%YAML 1.1\n', '%TAG ! tag:x,2000:\n', '<<: *a\n',
  '__proto__: { polluted: yes }\n', '__proto__:\n  polluted: yes\n', 'constructor:\n  prototype:\n    polluted: yes\n', 'prototype: {polluted: yes}',
  'yes', 'no', 'null', '~', 'true', '0x1F', '1e3', '.inf', '.nan', '2014-11-24', '1.0.0', 'id: ', 'questions:\n', 'answers:\n', 'breachready: 1\n',
  '    when: { question: has-vendors, is: yes }\n', '  - id: has-vendors\n', 'social-media/unique-credentials: no\n',
  '---', '===', '```', '~~~', '> ', '* ', '+ ', '1. ', '1) ', '\\', '`', '*', '_', '~', '&amp;', '&', '<', '>', '(', ')', '!', '$$', '$', '[^1]', '[x]: http://y.example',
  '<img src=x onerror=alert(1)>', '<b>', '</b>', '<!--', '-->', '[a](http://x.example)', '![i](p.gif)', 'https://x.example', 'www.x.example', 'a@b.example', 'mailto:a@b.example',
  '::error::FORGED', '::add-mask::FORGED', '::', '\n::error::FORGED', '_www.x.example',
  '\u001b', '\u001b[2J', '\u001b[31m', '\u001b]8;;http://e.example\u0007', '\u001b]52;c;YQ==\u0007', '\u001b]0;t\u001b\\', '\u001bP1$r\u001b\\', '\u001b\\', '\u001b(0', '\u0007', '\b', '\u007f',
  '\u009b', '\u009b2J', '\u009d', '\u009d8;;http://c1.example\u009c', '\u009c', '\u0085', '\u0090', '\u009f', '\u00a0', '\u2028', '\u2029', '\u202e', '\u2066', '\u200b', '\uFEFF', '\u0000',
  '\uD800', '\uDC00', 'а', 'о', '😀', 'a', 'x y', 'word',
];

const fragment = fc.constantFrom(...FRAGMENTS);

/** Arbitrary text, weighted towards the fragments above. */
const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof(fragment, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 24 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
);

type Edit = { kind: 'insert' | 'delete' | 'replace' | 'duplicate-line'; at: number; length: number; text: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate-line'),
  at: fc.nat(),
  length: fc.nat({ max: 40 }),
  text: fc.oneof(fragment, hostileText),
});

function applyEdits(source: string, edits: readonly Edit[]): string {
  let text = source;
  for (const e of edits) {
    const at = text.length === 0 ? 0 : e.at % (text.length + 1);
    if (e.kind === 'insert') text = text.slice(0, at) + e.text + text.slice(at);
    else if (e.kind === 'delete') text = text.slice(0, at) + text.slice(at + e.length);
    else if (e.kind === 'replace') text = text.slice(0, at) + e.text + text.slice(at + Math.max(1, e.length % 8));
    else {
      const start = text.lastIndexOf('\n', at - 1) + 1;
      const end = text.indexOf('\n', at);
      const line = text.slice(start, end < 0 ? text.length : end + 1);
      text = text.slice(0, start) + line + (line.endsWith('\n') ? '' : '\n') + text.slice(start);
    }
  }
  return text;
}

/** A valid document, then a few random edits. */
const mutated = (seeds: readonly string[]) =>
  fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([seed, edits]) => applyEdits(seed, edits));

const CHECKLIST_SEEDS = [fixture('checklists/valid-vendors.yaml'), fixture('hostile/checklists/control-chars.yaml'), fixture('hostile/checklists/when-cycle.yaml'), fixture('hostile/checklists/markup-injection.yaml')];
const ANSWERS_SEEDS = [fixture('answers/minimal.yaml'), fixture('hostile/answers/control-chars.yaml'), fixture('hostile/answers/markup-injection.yaml'), fixture('hostile/answers/wrong-types.yaml')];

const checklistText = fc.oneof(hostileText, mutated(CHECKLIST_SEEDS), mutated([fixture('hostile/checklists/bom.yaml'), fixture('hostile/checklists/crlf.yaml')]));
const answersText = fc.oneof(hostileText, mutated(ANSWERS_SEEDS), mutated([fixture('hostile/answers/bom.yaml'), fixture('hostile/answers/crlf.yaml')]));

// ---------------------------------------------------------------------------------------------
// Checks.

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

function prototypeIntact(): boolean {
  return (
    JSON.stringify(Object.getOwnPropertyNames(Object.prototype).sort()) === JSON.stringify(PROTOTYPE_KEYS) &&
    (({}) as Record<string, unknown>).polluted === undefined &&
    (({}) as Record<string, unknown>).breachready === undefined &&
    (({}) as Record<string, unknown>).gate === undefined
  );
}

/** Problems that are not at a real position of `text` (1-based, within the YAML parser's lines). */
function misplaced(problems: readonly Problem[], text: string, file: string): string[] {
  // Lines as an editor counts them: a text with no LF at all breaks lines at CR (classic Mac).
  const unmarked = text.replace(/^\uFEFF/, '');
  const lines = unmarked.includes('\n') ? unmarked.split('\n') : unmarked.split('\r');
  return problems.flatMap((p) => {
    const where = `${p.file}:${p.line}:${p.col}: ${p.message}`;
    if (p.file !== file) return [`wrong file: ${where}`];
    if (!Number.isInteger(p.line) || !Number.isInteger(p.col) || p.line < 1 || p.col < 1) return [`below 1:1: ${where}`];
    if (p.line > lines.length) return [`past the last line (${lines.length}): ${where}`];
    if (p.col > lines[p.line - 1]!.length + 1) return [`past the end of line ${p.line} (${lines[p.line - 1]!.length} chars): ${where}`];
    if (p.message.trim() === '') return [`empty message: ${where}`];
    return [];
  });
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u0080-\u009f]/;
/** The SGR colour sequences chalk writes (the only escapes the report may contain itself). */
const SGR = /\u001b\[[0-9;]*m/g;

/** Lines a GitHub Actions runner would run as workflow commands (it trims leading whitespace). */
function workflowCommandLines(text: string): string[] {
  return text.split('\n').filter((line) => /^::[A-Za-z-]+( [^:]*)?::/.test(line.trimStart()));
}


/** Sections with no input text in them: parsed once (baseline), then skipped when unchanged. */
const STATIC_SECTIONS = ['## Contents', '## Lessons from the Sony Pictures breach', '## Methodology'];

function sections(markdown: string): string[] {
  return markdown.split(/\n(?=## )/);
}

/** The report without the static sections that are byte-identical to the baseline's (for speed). */
function withoutStaticSections(markdown: string, baseline: string): string {
  const same = new Set(sections(baseline).filter((s) => STATIC_SECTIONS.some((h) => s.startsWith(`${h}\n`))));
  return sections(markdown)
    .filter((s) => !same.has(s))
    .join('\n');
}

/** The Markdown document's shape from markdownlint's micromark (GFM) parse. */
const shapeOf = markdownStructure;

/** The heading lines, and the cell separators of each table row, read line by line. */
function markdownLines(markdown: string): { headings: string[]; tableRows: number[] } {
  const lines = markdown.split('\n');
  return {
    headings: lines.filter((l) => /^\s{0,3}#{1,6}(\s|$)/.test(l)),
    tableRows: lines.filter((l) => /^\s{0,3}\|/.test(l)).map(cellSeparators),
  };
}

// ---------------------------------------------------------------------------------------------
// An assessment built around untrusted strings (the readers would reject some of them; the
// renderers must be safe on their own).

interface Texts {
  title: string;
  summary: string;
  lesson: string;
  publication: string;
  sourceTitle: string;
  ask: string;
  help: string;
  why: string;
  fix: string;
  organization: string;
  assessor: string;
  note: string;
  naNote: string;
  evidence: string;
  by: string;
  reason: string;
}

const TEXT_KEYS = ['title', 'summary', 'lesson', 'publication', 'sourceTitle', 'ask', 'help', 'why', 'fix', 'organization', 'assessor', 'note', 'naNote', 'evidence', 'by', 'reason'] as const;
const NOTE_KEYS = ['note', 'naNote', 'evidence', 'by', 'reason'] as const;

const texts = (keys: readonly (keyof Texts)[]): fc.Arbitrary<Texts> =>
  fc.record(Object.fromEntries(keys.map((k) => [k, hostileText])) as Record<keyof Texts, fc.Arbitrary<string>>).map((given) => ({ ...plainTexts(), ...given }));

function plainTexts(): Texts {
  return Object.fromEntries(TEXT_KEYS.map((k) => [k, `Plain ${k}`])) as unknown as Texts;
}

function assessmentOf(t: Texts) {
  const list: Checklist = checklist(
    'fuzz',
    [
      question('gap-no', { severity: 'critical', ask: t.ask, help: t.help, why: t.why, fix: t.fix }),
      question('gap-partial', { severity: 'high' }),
      question('not-applicable', { severity: 'medium' }),
      question('accepted', { severity: 'low' }),
      question('expired', { severity: 'high' }),
      question('unanswered', { severity: 'low' }),
      question('fine', { severity: 'low' }),
    ],
    { title: t.title, summary: t.summary, lesson: t.lesson, sources: [{ publication: t.publication, title: t.sourceTitle, date: '2014-11-24' }] },
  );
  const given: Record<string, Answer> = {
    'fuzz/gap-no': { value: 'no', note: t.note, evidence: [{ text: t.evidence }] },
    'fuzz/gap-partial': { value: 'partial', note: t.note },
    'fuzz/not-applicable': { value: 'na', note: t.naNote },
    'fuzz/accepted': { value: 'no', note: t.note, accepted: { by: t.by, reason: t.reason, until: '2099-12-31' } },
    'fuzz/expired': { value: 'unknown', accepted: { by: t.by, reason: t.reason, until: '2000-01-01' } },
    'fuzz/fine': { value: 'yes', note: t.note },
  };
  return score(buildCatalog([list]), answers(given, { organization: t.organization, assessor: t.assessor, date: '2026-11-20', file: 'answers.yaml' }), { level: 3, asOf: '2026-11-22' });
}

const TOOL = { tool: { name: 'breachready', version: '0.0.0' } };

// ---------------------------------------------------------------------------------------------

describe('readers on random and mutated YAML', () => {
  it('parseChecklist never throws, locates every problem in the text, and leaves Object.prototype alone', async () => {
    await fc.assert(
      fc.asyncProperty(checklistText, async (text) => {
        const result = await parseChecklist(text, 'fuzz.yaml');
        expect(result.checklist !== undefined || result.problems.length > 0).toBe(true);
        expect(misplaced(result.problems, text, 'fuzz.yaml')).toEqual([]);
        expect(prototypeIntact()).toBe(true);
      }),
      RUNS,
    );
  });

  it('parseAnswersText and resolveAnswers never throw and locate every problem in the text', async () => {
    const vendors = (await parseChecklist(fixture('checklists/valid-vendors.yaml'), 'vendors.yaml')).checklist!;
    const social = (await parseChecklist(fixture('hostile/checklists/control-chars.yaml'), 'controls.yaml')).checklist!;
    const catalog = buildCatalog([{ ...social, id: 'social-media' }, vendors]);
    await fc.assert(
      fc.asyncProperty(answersText, async (text) => {
        const parsed = await parseAnswersText(text, 'answers.yaml');
        expect(misplaced(parsed.problems, text, 'answers.yaml')).toEqual([]);
        if (parsed.source.data !== undefined) {
          const resolved = resolveAnswers(parsed, catalog);
          expect(misplaced(resolved.problems, text, 'answers.yaml')).toEqual([]);
          for (const answer of resolved.answers.answers.values()) if (answer.line !== undefined) expect(answer.line).toBeGreaterThanOrEqual(1);
        }
        expect(prototypeIntact()).toBe(true);
      }),
      RUNS,
    );
  });

  it('prototype keys in every mapping are reported, never applied', async () => {
    const key = fc.constantFrom('__proto__', 'constructor', 'prototype', '"__proto__"', "'__proto__'");
    const payload = fc.constantFrom('{ polluted: yes }', '{ breachready: 1, gate: true }', '{ prototype: { polluted: yes } }', '[1]', 'yes');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHECKLIST_SEEDS.slice(0, 1), ...ANSWERS_SEEDS.slice(0, 1)), fc.array(fc.tuple(fc.nat(), key, payload), { minLength: 1, maxLength: 4 }), async (seed, inserts) => {
        // Insert `key: payload` as a new entry of a random mapping, at that line's indentation.
        const lines = seed.split('\n');
        for (const [at, k, p] of inserts) {
          const index = at % lines.length;
          const indent = /^(\s*)(- )?/.exec(lines[index]!)!;
          lines.splice(index + 1, 0, `${indent[1]}${indent[2] ? '  ' : ''}${k}: ${p}`);
        }
        const text = lines.join('\n');
        const result = seed.includes('breachready:') ? await parseAnswersText(text, 'fuzz.yaml') : await parseChecklist(text, 'fuzz.yaml');
        expect(misplaced(result.problems, text, 'fuzz.yaml')).toEqual([]);
        expect(prototypeIntact()).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('renderers on arbitrary strings', () => {
  it('the text report never contains a control character from the input (no colour)', () => {
    fc.assert(
      fc.property(texts(TEXT_KEYS), (t) => {
        const out = renderText(assessmentOf(t), { color: false });
        const bad = CONTROL.exec(out);
        expect(bad && `U+${bad[0].charCodeAt(0).toString(16)} at ${JSON.stringify(out.slice(Math.max(0, bad.index - 30), bad.index + 10))}`).toBeNull();
      }),
      RUNS,
    );
  });

  it('the coloured text report contains no escapes but its own SGR colours', () => {
    fc.assert(
      fc.property(texts(TEXT_KEYS), (t) => {
        const out = renderText(assessmentOf(t), { color: true }).replace(SGR, '');
        const bad = CONTROL.exec(out);
        expect(bad && `U+${bad[0].charCodeAt(0).toString(16)} at ${JSON.stringify(out.slice(Math.max(0, bad.index - 30), bad.index + 10))}`).toBeNull();
      }),
      RUNS,
    );
  });

  it('a note never creates a Markdown heading or table row', () => {
    const baseline = markdownLines(renderMarkdown(assessmentOf(plainTexts()), TOOL));
    fc.assert(
      fc.property(texts(NOTE_KEYS), (t) => {
        const lines = markdownLines(renderMarkdown(assessmentOf(t), TOOL));
        expect(lines.headings).toEqual(baseline.headings);
        expect(lines.tableRows).toEqual(baseline.tableRows);
      }),
      RUNS,
    );
  });

  it('no input text changes the Markdown report structure, nor adds a link, image or HTML (GFM parse)', () => {
    const baselineText = renderMarkdown(assessmentOf(plainTexts()), TOOL);
    expect(shapeOf(baselineText).forbidden).toEqual([]);
    const baseline = shapeOf(withoutStaticSections(baselineText, baselineText));
    fc.assert(
      fc.property(texts(TEXT_KEYS), (t) => {
        const shape = shapeOf(withoutStaticSections(renderMarkdown(assessmentOf(t), TOOL), baselineText));
        expect(shape.forbidden).toEqual([]);
        expect(shape.headings.map((h) => /^#+/.exec(h)?.[0])).toEqual(baseline.headings.map((h) => /^#+/.exec(h)?.[0]));
        expect(shape.tables).toEqual(baseline.tables);
      }),
      RUNS,
    );
  });

  it('no line of the text report is a GitHub workflow command', () => {
    fc.assert(
      fc.property(texts(['organization', 'assessor', 'note', 'ask', 'fix', 'by', 'reason']), (t) => {
        expect(workflowCommandLines(renderText(assessmentOf(t), { color: false }))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('no line of the Markdown report is a GitHub workflow command', () => {
    fc.assert(
      fc.property(texts(['summary', 'lesson', 'help', 'why', 'fix', 'note']), (t) => {
        expect(workflowCommandLines(renderMarkdown(assessmentOf(t), TOOL))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('the checks see what they look for', () => {
    const plain = renderMarkdown(assessmentOf(plainTexts()), TOOL);
    expect(withoutStaticSections(plain, plain).length).toBeLessThan(plain.length / 2);
    expect(withoutStaticSections(plain.replace('## Methodology\n', '## Methodology\n\n# injected\n'), plain)).toContain('# injected');
    expect(shapeOf('# T\n\n# Injected\n\n| a |\n| --- |\n| b | c |\n\n<b>x</b> [l](u)\n').forbidden.length).toBeGreaterThan(0);
    expect(workflowCommandLines('text\n     ::error::x\nNote: ::error::y')).toEqual(['     ::error::x']);
    expect(misplaced([{ file: 'f', line: 3, col: 1, message: 'm' }], 'a\nb', 'f')).toHaveLength(1);
    expect(misplaced([{ file: 'f', line: 1, col: 3, message: 'm' }], 'a\nb', 'f')).toHaveLength(1);
    expect(misplaced([{ file: 'f', line: 0, col: 1, message: 'm' }], 'a', 'f')).toHaveLength(1);
    expect(CONTROL.test(renderText(assessmentOf(plainTexts()), { color: true }))).toBe(true);
  });
});

describe('reading text files', () => {
  it('accepts exactly the bytes a strict UTF-8 decoder accepts, and locates the first bad one', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => new TextEncoder().encode(s)),
      fc.tuple(fc.string({ maxLength: 10 }), fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.string({ maxLength: 10 })).map(([a, bad, b]) => new Uint8Array([...new TextEncoder().encode(a), ...bad, ...new TextEncoder().encode(b)])),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        let valid = true;
        try {
          strict.decode(input);
        } catch {
          valid = false;
        }
        const result = decodeUtf8(input, 'x.yaml');
        expect(result.problem === undefined, JSON.stringify([...input])).toBe(valid);
        if (!valid) expect(result.problem!.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a file as the strict decoder does: a real U+FFFD is text, a bad byte is a problem at its place', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const dir = mkdtempSync(join(tmpdir(), 'breachready-read-'));
    const file = join(dir, 'x.yaml');
    const utf8 = (text: string) => [...new TextEncoder().encode(text)];
    // Pieces of text, U+FFFD itself (EF BF BD), a BOM, and bytes that break UTF-8.
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }).map(utf8),
      fc.constant(utf8('\ufffd')),
      fc.constant([0xef, 0xbb, 0xbf]),
      fc.uint8Array({ minLength: 1, maxLength: 3 }).map((b) => [...b]),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const input = new Uint8Array(pieces.flat());
        writeFileSync(file, input);
        let expected: string | undefined;
        try {
          expected = strict.decode(input);
        } catch {
          expected = undefined;
        }
        const result = readTextFile(file);
        expect(result.text, JSON.stringify([...input])).toBe(expected);
        if (expected === undefined) expect(result.problem).toEqual(decodeUtf8(input, file).problem);
      }),
      { numRuns: 1000 },
    );
    rmSync(dir, { recursive: true, force: true });
  });
});
