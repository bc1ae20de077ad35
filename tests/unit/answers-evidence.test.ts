import { describe, expect, it } from 'vitest';
import { parseAnswersText, resolveAnswers } from '../../src/answers/file.js';
import { answerOf } from '../../src/answers/model.js';
import { answerRuleProblems } from '../../src/answers/rules.js';
import type { AnswerEntry } from '../../src/answers/schema.js';
import { renderTemplate } from '../../src/answers/template.js';
import { buildCatalog } from '../../src/catalog.js';
import { checklist, question } from '../helpers/build.js';
import { RECORDED_SHA, fullEntryLines } from '../helpers/evidence-entry.js';

const SHA = RECORDED_SHA;

/** An answers file with one answer whose entry lines are `entry` (indented under the id). */
const fileWith = (...entry: string[]) => ['breachready: 1', 'answers:', '  s/a:', ...entry.map((l) => `    ${l}`), ''].join('\n');

async function problemsOf(text: string): Promise<string[]> {
  const parsed = await parseAnswersText(text, 'a.yaml');
  return parsed.problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
}

describe('evidence, owners and dates in the answers file', () => {
  // The name with spaces around it: the model trims them.
  const example = fileWith(...fullEntryLines({ by: '" Jane Doe "' }));

  it('accepts the full form and the model carries it normalised', async () => {
    const parsed = await parseAnswersText(example, 'a.yaml');
    expect(parsed.problems).toEqual([]);
    const entry = parsed.data!.answers!['s/a'] as AnswerEntry;
    expect(answerOf(entry, 3)).toStrictEqual({
      value: 'no',
      answered: '2026-11-22',
      by: 'Jane Doe',
      owner: 'IT manager',
      due: '2027-03-31',
      evidence: [
        { href: 'https://wiki.example/mfa-policy', expires: '2027-11-20' },
        { path: 'evidence/conditional-access.pdf', sha256: SHA, collected: '2026-11-20' },
      ],
      line: 3,
    });
  });

  it('keeps `evidence: text` as shorthand: one text item, blank is none', async () => {
    const parsed = await parseAnswersText(fileWith('answer: yes', 'evidence: " ticket SEC-12 "'), 'a.yaml');
    expect(parsed.problems).toEqual([]);
    expect(answerOf(parsed.data!.answers!['s/a'] as AnswerEntry, 3).evidence).toEqual([{ text: 'ticket SEC-12' }]);
    expect(answerOf({ answer: 'yes', evidence: '  ' }, 3).evidence).toBeUndefined();
    expect(answerOf({ answer: 'yes', evidence: [] }, 3).evidence).toBeUndefined();
  });

  it.each([
    [['evidence:', '  - href: https://a.example', '    path: a.pdf'], '6:9: answers.s/a.evidence[0]: evidence item needs exactly one of href or path'],
    [['evidence:', '  - sha256: ' + SHA], '6:9: answers.s/a.evidence[0]: evidence item needs exactly one of href or path'],
    [['evidence:', '  - href: wiki/page'], '6:15: answers.s/a.evidence[0].href: href must be an http or https URL'],
    [['evidence:', '  - href: ftp://files.example/a'], '6:15: answers.s/a.evidence[0].href: href must be an http or https URL'],
    [['evidence:', '  - path: ""'], '6:15: answers.s/a.evidence[0].path: path must not be empty'],
    [['evidence:', '  - path: "a\\0b"'], '6:15: answers.s/a.evidence[0].path: path must not contain a NUL character'],
    [['evidence:', '  - path: a.pdf', '    sha256: 3B1F'], '7:17: answers.s/a.evidence[0].sha256: sha256 must be 64 lowercase hex characters'],
    [['evidence:', '  - path: a.pdf', '    collected: 20 Nov 2026'], '7:20: answers.s/a.evidence[0].collected: collected must be a date, YYYY-MM-DD'],
    [['evidence:', '  - href: https://a.example', '    expires: 2027-02-30'], '7:18: answers.s/a.evidence[0].expires: expires is not a real calendar date'],
    [['evidence:', '  - path: a.pdf', '    sha265: x'], '7:9: unknown field "sha265" (did you mean "sha256"?)'],
    [['evidence:', '  - a.pdf'], '6:9: answers.s/a.evidence[0]: each evidence item must be a mapping with href or path'],
    [['evidence: 5'], '5:15: answers.s/a.evidence: evidence must be text or a list of evidence items'],
    [['answered: 2026-11-31'], '5:15: answers.s/a.answered: answered is not a real calendar date'],
    [['due: next week'], '5:10: answers.s/a.due: due must be a date, YYYY-MM-DD'],
    [['owner: [a, b]'], '5:12: answers.s/a.owner: owner must be text'],
    [['by: 3'], '5:9: answers.s/a.by: by must be text'],
  ])('rejects %j with one located message', async (entry, message) => {
    expect(await problemsOf(fileWith('answer: no', ...entry))).toEqual([message]);
  });
});

describe('the template', () => {
  it('shows the new fields of the longer form, in schema order', () => {
    const text = renderTemplate(buildCatalog([checklist('s', [question('a')])]), { level: 3 });
    const fields = [...text.matchAll(/^# {5}(\w+):/gm)].map((m) => m[1]);
    expect(fields).toEqual(['answer', 'answered', 'by', 'owner', 'due', 'note', 'evidence', 'accepted']);
    expect(text).toContain('#     evidence: where to see it (link, document, ticket), or a list of { href: URL } or { path: file, sha256: hash }\n');
  });
});

describe('evidence rules', () => {
  it('an item that expires before it was collected is a problem at `expires`', () => {
    const answer = answerOf({ answer: 'yes', evidence: [{ path: 'a.pdf', collected: '2026-11-20', expires: '2026-11-19' }] }, 1);
    expect(answerRuleProblems(answer)).toEqual([
      { path: ['evidence', 0, 'expires'], message: 'evidence expires (2026-11-19) before it was collected (2026-11-20)' },
    ]);
    const sameDay = answerOf({ answer: 'yes', evidence: [{ path: 'a.pdf', collected: '2026-11-20', expires: '2026-11-20' }] }, 1);
    expect(answerRuleProblems(sameDay)).toEqual([]);
  });

  it.each(['/etc/passwd', '../secret.pdf', 'evidence/../../x.pdf', 'C:\\evidence\\a.pdf', '\\\\server\\share\\a.pdf', '..\\x.pdf'])(
    'a path outside the answers file folder is a problem at it: %s',
    (path) => {
      const answer = answerOf({ answer: 'yes', evidence: [{ href: 'https://a.example' }, { path }] }, 1);
      expect(answerRuleProblems(answer)).toEqual([{ path: ['evidence', 1, 'path'], message: "evidence path must stay inside the answers file's folder" }]);
    },
  );

  it('a path inside the folder, or a due date on a yes, breaks no rule', () => {
    const answer = answerOf({ answer: 'yes', due: '2027-01-01', evidence: [{ path: 'evidence/../evidence/a.pdf' }, { path: './b.pdf' }] }, 1);
    expect(answerRuleProblems(answer)).toEqual([]);
  });
});

describe('max-age in the answers file', () => {
  const catalog = buildCatalog([checklist('s', [question('a')])]);
  it('reads a valid maximum age into the model', async () => {
    const parsed = await parseAnswersText('breachready: 1\nmax-age: 12m\nanswers:\n  s/a: yes\n', 'a.yaml');
    expect(parsed.problems).toEqual([]);
    expect(resolveAnswers(parsed, catalog).answers.maxAge).toMatchObject({ amount: 12, unit: 'm' });
  });

  it.each(['12', '0d', '1w', '12 months'])('refuses max-age %j at its line and column', async (value) => {
    expect(await problemsOf(`breachready: 1\nmax-age: ${value}\n`)).toEqual([
      '2:10: max-age: must be a whole number of days, months or years, e.g. 90d, 12m or 1y',
    ]);
  });
});
