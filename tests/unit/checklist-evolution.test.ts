import { describe, expect, it } from 'vitest';
import { parseAnswersText, resolveAnswers } from '../../src/answers/file.js';
import { buildCatalog } from '../../src/catalog.js';
import { parseChecklist } from '../../src/checklist/load.js';
import type { Checklist } from '../../src/checklist/schema.js';

// Checklists change between versions: questions are renamed, merged, moved and re-levelled.
// Answers files written before keep working, and a re-levelled question never hangs on one asked later.

function question(id: string, extra: string): string {
  return `  - id: ${id}
    ask: Is ${id} done?
    help: Yes when ${id} is done.
    severity: high
    why: Because.
    fix: Do ${id}.
    effort: low
    refs: { nist-csf-2: [PR.AA-01], cis-v8: ["5.1"] }
${extra}`;
}

function checklistText(id: string, questions: string[]): string {
  return `id: ${id}
title: ${id}
version: 2.0.0
summary: Test.
lesson: Test, after The Hollywood Reporter.
sources: [{ publication: The Hollywood Reporter, title: T, date: 2014-11-24 }]
questions:
${questions.join('')}`;
}

describe('a question that depends on a higher-level question', () => {
  it('is reported where its when names the target', async () => {
    const text = checklistText('levels', [
      question('has-thing', '    level: 2\n    gate: true\n'),
      question('thing-done', '    level: 1\n    when: { question: has-thing, is: yes }\n'),
    ]);
    const result = await parseChecklist(text, 'levels.yaml');
    expect(result.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '27: level-1 question "thing-done" depends on "has-thing", which is only asked at level 2',
    ]);
  });

  it('is fine at the same or a lower level', async () => {
    const text = checklistText('levels', [
      question('has-thing', '    level: 1\n    gate: true\n'),
      question('thing-done', '    level: 2\n    when: { question: has-thing, is: yes }\n'),
    ]);
    expect((await parseChecklist(text, 'levels.yaml')).problems).toEqual([]);
  });
});

describe('former question ids', () => {
  const checklists = async () => {
    const a = await parseChecklist(
      checklistText('alpha', [question('vault-access', '    level: 1\n    formerly: [password-vault, beta/moved-away]\n')]),
      'alpha.yaml',
    );
    const b = await parseChecklist(checklistText('beta', [question('kept', '    level: 1\n')]), 'beta.yaml');
    expect([...a.problems, ...b.problems]).toEqual([]);
    return buildCatalog([a.checklist as Checklist, b.checklist as Checklist]);
  };
  const resolve = async (answers: string) => {
    const parsed = await parseAnswersText(`breachready: 1\nlevel: 1\nanswers:\n${answers}`, 'old.yaml');
    return resolveAnswers(parsed, await checklists());
  };

  it('read an old answer as the answer to the question that replaced it, in its checklist or another', async () => {
    const { answers, problems } = await resolve('  alpha/password-vault: partial\n  beta/kept: yes\n');
    expect(problems).toEqual([]);
    expect(answers.answers.get('alpha/vault-access')?.value).toBe('partial');
    expect(answers.answers.has('alpha/password-vault')).toBe(false);
    const moved = await resolve('  beta/moved-away: no\n');
    expect(moved.answers.answers.get('alpha/vault-access')?.value).toBe('no');
  });

  it('give way to an answer under the current id', async () => {
    const { answers, problems } = await resolve('  alpha/vault-access: yes\n  alpha/password-vault: no\n');
    expect(problems).toEqual([]);
    expect(answers.answers.get('alpha/vault-access')?.value).toBe('yes');
  });

  it('may not repeat a current id of the checklist', async () => {
    const text = checklistText('alpha', [question('one', '    level: 1\n    formerly: [two]\n'), question('two', '    level: 1\n')]);
    const result = await parseChecklist(text, 'alpha.yaml');
    expect(result.problems.map((p) => p.message)).toEqual(['former id "two" is the id of a current question']);
  });
});

describe('a built-in question moved to another checklist', () => {
  it('is set aside, not an error, when the assessment does not select its new checklist', async () => {
    const { builtinChecklists } = await import('../../src/checklist/builtin.js');
    const governance = builtinChecklists().filter((c) => c.id === 'governance');
    const parsed = await parseAnswersText('breachready: 1\nlevel: 2\nanswers:\n  governance/supplier-security-oversight: no\n', 'old.yaml');
    const { answers, problems, notSelected } = resolveAnswers(parsed, buildCatalog(governance));
    expect(problems).toEqual([]);
    expect(notSelected).toBe(1);
    expect(answers.answers.size).toBe(0);
    const all = resolveAnswers(parsed, buildCatalog(builtinChecklists()));
    expect(all.answers.answers.get('third-party-access/supplier-security-oversight')?.value).toBe('no');
  });
});
