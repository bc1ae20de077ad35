/** Saving answers files: the edited document (aliases included) and the file's own style on disk. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnswersDocument } from '../../src/answers/document.js';
import { parseAnswersText } from '../../src/answers/file.js';
import { AnswersStore } from '../../src/answers/store.js';
import { writeFileAtomic } from '../../src/fs-atomic.js';

const dir = mkdtempSync(join(tmpdir(), 'breachready-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('AnswersDocument with anchors and aliases (accepted by validate)', () => {
  const text = 'breachready: 1\nanswers:\n  s/a: &x no\n  s/b: *x\n  s/c: &m { answer: partial, note: shared }\n  s/d: *m\n';

  it.each([
    ['the anchored answer gets a note', 's/a', { value: 'yes' as const, note: 'done' }, { 's/a': { answer: 'yes', note: 'done' }, 's/b': 'no' }],
    ['the alias gets a note', 's/b', { value: 'yes' as const, note: 'done' }, { 's/a': 'no', 's/b': { answer: 'yes', note: 'done' } }],
    ['the anchored answer changes', 's/a', { value: 'unknown' as const }, { 's/a': 'unknown', 's/b': 'no' }],
    ['the anchored mapping changes', 's/c', { value: 'yes' as const }, { 's/c': { answer: 'yes' }, 's/d': { answer: 'partial', note: 'shared' } }],
    ['the aliased mapping changes', 's/d', { value: 'no' as const, note: 'own' }, { 's/c': { answer: 'partial', note: 'shared' }, 's/d': { answer: 'no', note: 'own' } }],
  ])('%s: the others keep their answers', async (_what, id, update, expected) => {
    const document = AnswersDocument.fromText(text);
    document.setAnswer(id, update);
    const saved = await parseAnswersText(document.toString(), 'a.yaml');
    expect(saved.problems).toEqual([]);
    expect(saved.data?.answers).toMatchObject(expected);
  });
});

describe('AnswersStore keeps an existing file as it is written', () => {
  const lines = ['# answers', 'breachready: 1', 'answers:', '  s/a: no', ''];

  it('CRLF line ends, a byte order mark and mode 0644 stay', async () => {
    const file = join(dir, 'crlf.yaml');
    const original = `\ufeff${lines.join('\r\n')}`;
    writeFileSync(file, original);
    chmodSync(file, 0o644);
    const store = new AnswersStore(file, { text: original.slice(1) });
    await store.update((doc) => doc.setAnswer('s/b', { value: 'yes' }));
    await store.update((doc) => doc.setAnswer('s/c', { value: 'no', note: 'two\nlines' }));
    const saved = readFileSync(file, 'utf8');
    expect(saved.startsWith('\ufeff# answers\r\n')).toBe(true);
    expect(saved.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(saved).toContain('  s/b: yes\r\n');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect((await parseAnswersText(saved.slice(1), file)).data?.answers).toMatchObject({ 's/a': 'no', 's/b': 'yes', 's/c': { answer: 'no', note: 'two\nlines' } });
  });

  it('LF without a BOM stays so, and a 0640 file keeps its mode', async () => {
    const file = join(dir, 'lf.yaml');
    writeFileSync(file, lines.join('\n'));
    chmodSync(file, 0o640);
    const store = new AnswersStore(file, { text: lines.join('\n') });
    await store.update((doc) => doc.setAnswer('s/b', { value: 'yes' }));
    const saved = readFileSync(file, 'utf8');
    expect(saved).not.toMatch(/\r|\ufeff/);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('a new file is 0600', async () => {
    const file = join(dir, 'new.yaml');
    const store = new AnswersStore(file, { document: AnswersDocument.create({ level: 1 }) });
    await store.update((doc) => doc.setAnswer('s/b', { value: 'yes' }));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('writeFileAtomic', () => {
  it('removes temp files that killed writers of the same target left, and no others', () => {
    const target = join(dir, 'report.md');
    const dead = `.report.md.999999999.abc.tmp`;
    const live = `.report.md.${process.pid}.def.tmp`;
    const other = `.other.md.999999999.abc.tmp`;
    for (const name of [dead, live, other]) writeFileSync(join(dir, name), 'partial');
    writeFileAtomic(target, 'report\n');
    const left = readdirSync(dir);
    expect(left).not.toContain(dead);
    expect(left).toContain(live);
    expect(left).toContain(other);
    expect(readFileSync(target, 'utf8')).toBe('report\n');
  });
});

describe('AnswersDocument stamps when and by whom an answer was given', () => {
  const stamp = { answered: '2026-11-22', by: 'Ann' };

  it('a shorthand answer becomes a mapping in schema order, its comment kept (after it, as with a note)', async () => {
    const document = AnswersDocument.fromText('breachready: 1\nanswers:\n  s/a: no # asked in June\n');
    document.setAnswer('s/a', { value: 'yes', ...stamp });
    expect(document.toString()).toBe('breachready: 1\nanswers:\n  s/a:\n    answer: yes\n    answered: 2026-11-22\n    by: Ann\n    # asked in June\n');
    expect((await parseAnswersText(document.toString(), 'a.yaml')).problems).toEqual([]);
  });

  it('a mapping gets the stamps after `answer`, its other fields and order kept', () => {
    const text = 'breachready: 1\nanswers:\n  s/a:\n    answer: no\n    note: later\n    evidence: [{ href: "https://a.example" }]\n    owner: IT\n';
    const document = AnswersDocument.fromText(text);
    document.setAnswer('s/a', { value: 'partial', note: 'half', ...stamp });
    expect(document.toString()).toBe(
      'breachready: 1\nanswers:\n  s/a:\n    answer: partial\n    answered: 2026-11-22\n    by: Ann\n    note: half\n    evidence: [ { href: "https://a.example" } ]\n    owner: IT\n',
    );
  });

  it('a re-confirmation moves the date on; without an assessor an old `by` goes, as it no longer says who answered', () => {
    const document = AnswersDocument.fromText('breachready: 1\nanswers:\n  s/a:\n    answer: no\n    answered: 2025-01-02\n    by: Bob\n');
    document.setAnswer('s/a', { value: 'no', answered: '2026-11-22' });
    expect(document.toString()).toBe('breachready: 1\nanswers:\n  s/a:\n    answer: no\n    answered: 2026-11-22\n');
  });
});
