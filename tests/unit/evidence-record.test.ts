/** Recording evidence: the rules that add an item to a list, the file editor, and what input becomes. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswersDocument } from '../../src/answers/document.js';
import { evidenceFromInput } from '../../src/answers/evidence-input.js';
import { withEvidence } from '../../src/answers/evidence-list.js';
import { parseAnswersText } from '../../src/answers/file.js';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
// SHA-256 of "hello\n".
const HELLO = '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03';

describe('withEvidence(): one more item in an answer\'s list', () => {
  it('adds a new link or file at the end', () => {
    const next = withEvidence({ evidence: [{ href: 'https://a.example' }] }, { path: 'e/x.pdf', sha256: SHA_A, collected: '2026-11-20' });
    expect(next).toMatchObject({ outcome: 'added', index: 1, converted: false });
    expect(next.evidence).toEqual([{ href: 'https://a.example' }, { path: 'e/x.pdf', sha256: SHA_A, collected: '2026-11-20' }]);
  });

  it('never lists the same file twice: adding it again refreshes its hash and date and keeps its expiry', () => {
    const old = { path: './e/x.pdf', sha256: SHA_A, collected: '2025-11-20', expires: '2027-01-01' };
    const next = withEvidence({ evidence: [old] }, { path: 'e/x.pdf', sha256: SHA_B, collected: '2026-11-20' });
    expect(next.outcome).toBe('refreshed');
    expect(next.evidence).toEqual([{ path: 'e/x.pdf', sha256: SHA_B, collected: '2026-11-20', expires: '2027-01-01' }]);
    expect(withEvidence({ evidence: next.evidence }, { path: 'e/x.pdf', sha256: SHA_B, collected: '2026-11-20' }).outcome).toBe('unchanged');
  });

  it('the same link again is unchanged, or takes a new expiry', () => {
    expect(withEvidence({ evidence: [{ href: 'https://a.example' }] }, { href: 'https://a.example' }).outcome).toBe('unchanged');
    const later = withEvidence({ evidence: [{ href: 'https://a.example' }] }, { href: 'https://a.example', expires: '2027-01-01' });
    expect(later).toMatchObject({ outcome: 'refreshed', evidence: [{ href: 'https://a.example', expires: '2027-01-01' }] });
  });

  it('turns the shorthand into the list form: a link becomes an href item, other text moves to the note', () => {
    const link = withEvidence({ evidence: [{ text: 'https://wiki.example/mfa' }] }, { href: 'https://b.example' });
    expect(link).toMatchObject({ converted: true, note: undefined, evidence: [{ href: 'https://wiki.example/mfa' }, { href: 'https://b.example' }] });
    const ticket = withEvidence({ note: 'on admins only', evidence: [{ text: 'ticket SEC-12' }] }, { href: 'https://b.example' });
    expect(ticket).toMatchObject({ converted: true, note: 'on admins only\nEvidence: ticket SEC-12', evidence: [{ href: 'https://b.example' }] });
  });
});

describe('AnswersDocument.addEvidence(): the file keeps its comments and other fields', () => {
  const add = (text: string, item: Parameters<AnswersDocument['addEvidence']>[1]) => {
    const document = AnswersDocument.fromText(text);
    const outcome = document.addEvidence('s/a', item);
    return { outcome, text: document.toString() };
  };

  it('a shorthand answer becomes a mapping with the list, its comment kept', async () => {
    const { outcome, text } = add('breachready: 1\n# who asked\nanswers:\n  s/a: yes # from the CTO\n', { path: 'x.pdf', sha256: SHA_A, collected: '2026-11-20' });
    expect(outcome).toBe('added');
    expect(text).toBe(
      `breachready: 1\n# who asked\nanswers:\n  s/a:\n    answer: yes\n    evidence:\n      - path: x.pdf\n        sha256: ${SHA_A}\n        collected: 2026-11-20\n    # from the CTO\n`,
    );
    expect((await parseAnswersText(text, 'a.yaml')).problems).toEqual([]);
  });

  it('an item goes after the list, a refreshed one is changed in place with its comments', () => {
    const before = [
      'breachready: 1',
      'answers:',
      '  s/a:',
      '    answer: yes',
      '    owner: IT # the owner',
      '    evidence:',
      '      # the policy',
      `      - path: x.pdf # signed copy`,
      `        sha256: ${SHA_A}`,
      '        collected: 2025-01-01',
      '    note: fine',
      '',
    ].join('\n');
    const refreshed = add(before, { path: 'x.pdf', sha256: SHA_B, collected: '2026-11-20' });
    expect(refreshed.outcome).toBe('refreshed');
    expect(refreshed.text).toBe(before.replace(SHA_A, SHA_B).replace('2025-01-01', '2026-11-20'));
    const added = add(before, { href: 'https://a.example' });
    expect(added.text).toBe(before.replace('    note: fine', '      - href: https://a.example\n    note: fine'));
  });

  it('shorthand evidence text moves to the note, in schema order', () => {
    const { text } = add('breachready: 1\nanswers:\n  s/a:\n    answer: partial\n    evidence: binder on shelf 3\n', { href: 'https://a.example' });
    expect(text).toBe('breachready: 1\nanswers:\n  s/a:\n    answer: partial\n    note: "Evidence: binder on shelf 3"\n    evidence:\n      - href: https://a.example\n');
  });
});

describe('evidenceFromInput(): what a person types becomes an item, or one line saying why not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'breachready-evidence-input-'));
  mkdirSync(join(dir, 'audit', 'evidence'), { recursive: true });
  writeFileSync(join(dir, 'audit', 'evidence', 'policy.txt'), 'hello\n');
  writeFileSync(join(dir, 'secret.txt'), 'hello\n');
  symlinkSync(join(dir, 'secret.txt'), join(dir, 'audit', 'evidence', 'link.txt'));
  const context = { answersFile: join(dir, 'audit', 'a.yaml'), asOf: '2026-11-22' };

  it('an http(s) address is a link; a file is hashed and dated, relative to the answers file', async () => {
    expect(await evidenceFromInput(' https://wiki.example/mfa ', { ...context, expires: '2027-01-01' })).toEqual({ href: 'https://wiki.example/mfa', expires: '2027-01-01' });
    expect(await evidenceFromInput('evidence/policy.txt', context)).toEqual({ path: 'evidence/policy.txt', sha256: HELLO, collected: '2026-11-22' });
    // Absolute (as dragged into a terminal, quoted) inside the folder: stored relative.
    expect(await evidenceFromInput(`'${join(dir, 'audit', 'evidence', 'policy.txt')}'`, context)).toMatchObject({ path: 'evidence/policy.txt' });
  });

  it.each([
    ['../secret.txt', "evidence must be a file inside the answers file's folder"],
    [join(dir, 'secret.txt'), "evidence must be a file inside the answers file's folder"],
    ['evidence/link.txt', 'leads outside the answers file\'s folder through a symlink'],
    ['evidence/missing.pdf', 'evidence file not found: "evidence/missing.pdf"'],
    ['evidence', 'evidence must be a file, not a directory'],
    ['ftp://files.example/x', 'evidence links must be http or https addresses'],
    ['', 'no evidence given'],
  ])('refuses %j', async (input, message) => {
    await expect(evidenceFromInput(input, context)).rejects.toThrow(message);
  });

  it('refuses an expiry before the date it is collected on', async () => {
    await expect(evidenceFromInput('https://a.example', { ...context, expires: '2026-01-01' })).rejects.toThrow('--expires 2026-01-01 is before 2026-11-22');
  });
});
