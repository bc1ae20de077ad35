import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, hasStackTrace, run } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const fixture = (name: string) => `tests/fixtures/checklists/${name}`;
const LOCATED = /^[^:\n]+:\d+:\d+: .+$/;

describe('breachready --version and --help', () => {
  it('prints the package version', () => {
    const result = run(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it.each(['', 'list', 'validate', 'schema'])('shows help with examples for "%s"', (command) => {
    const result = run([...(command ? [command] : []), '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: breachready');
    expect(result.stdout).toContain('Examples:');
  });

  it('rejects an unknown command with exit 2 on stderr', () => {
    const result = run(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/unknown command/);
  });
});

describe('breachready list', () => {
  it('prints every domain with question counts', () => {
    const result = run(['list']);
    expect(result.status).toBe(0);
    for (const id of ['social-media', 'privileged-access', 'backup-recovery', 'email-security', 'incident-response']) {
      expect(result.stdout).toContain(id);
    }
    expect(result.stdout).toMatch(/\d+ checklists, \d+ questions/);
    for (const line of result.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('--json holds at least 11 checklists and 80 questions with every field filled', () => {
    const result = run(['list', '--json']);
    expect(result.status).toBe(0);
    const { checklists } = JSON.parse(result.stdout) as { checklists: Record<string, unknown>[] };
    expect(checklists.length).toBeGreaterThanOrEqual(11);
    const questions = checklists.flatMap((c) => c.questions as Record<string, unknown>[]);
    expect(questions.length).toBeGreaterThanOrEqual(80);
    for (const checklist of checklists) {
      for (const field of ['id', 'title', 'version', 'summary', 'lesson', 'sources', 'questions']) expect(checklist[field], field).toBeTruthy();
    }
    for (const question of questions) {
      for (const field of ['id', 'ask', 'help', 'severity', 'level', 'why', 'fix', 'effort', 'refs']) {
        expect(question[field], `${String(question.id)}.${field}`).toBeTruthy();
      }
    }
  });

  it('--level 1 keeps only the essential questions', () => {
    const all = JSON.parse(run(['list', '--json']).stdout) as { checklists: { questions: { level: number }[] }[] };
    const essential = JSON.parse(run(['list', '--json', '--level', '1']).stdout) as typeof all;
    const count = (data: typeof all) => data.checklists.reduce((n, c) => n + c.questions.length, 0);
    expect(count(essential)).toBeGreaterThan(0);
    expect(count(essential)).toBeLessThan(count(all));
    expect(essential.checklists.every((c) => c.questions.every((q) => q.level === 1))).toBe(true);
  });

  it('--checklist selects exactly the named checklists, built-in or file', () => {
    const result = run(['list', '--json', '--checklist', 'social-media', '--checklist', fixture('valid-vendors.yaml')]);
    expect(result.status).toBe(0);
    const ids = (JSON.parse(result.stdout) as { checklists: { id: string }[] }).checklists.map((c) => c.id);
    expect(ids).toEqual(['social-media', 'our-vendors']);
  });

  it('counts in the singular when there is one checklist, question or answer', () => {
    const result = run(['list', '--checklist', fixture('valid-vendors.yaml')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^1 checklist, 2 questions\n/);
    const dir = mkdtempSync(join(tmpdir(), 'breachready-singular-'));
    const checklist = join(dir, 'one.yaml');
    writeFileSync(checklist, readFileSync(fixture('valid-vendors.yaml'), 'utf8').split('  - id: vendor-mfa')[0]!);
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, `breachready: 1\nchecklists: [one.yaml]\nanswers:\n  our-vendors/has-vendors: yes\n`);
    const validated = run(['validate', checklist, answers]);
    expect(validated.status).toBe(0);
    expect(validated.stdout).toContain('one.yaml: checklist "our-vendors", 1 question\n');
    expect(validated.stdout).toContain('answers.yaml: answers file, 1 answer\n');
    rmSync(dir, { recursive: true, force: true });
  });

  it('suggests the closest id for a mistyped checklist', () => {
    const result = run(['list', '--checklist', 'social-medai']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('did you mean "social-media"');
  });

  it('refuses a custom checklist that takes a built-in id', () => {
    const result = run(['list', '--checklist', fixture('redefines-builtin.yaml')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/redefines-builtin\.yaml:1:5: checklist id "social-media" is a built-in id/);
  });
});

describe('breachready validate', () => {
  it('accepts a valid custom checklist and the built-in sources', () => {
    const result = run(['validate', fixture('valid-vendors.yaml'), 'checklists']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('our-vendors');
    expect(result.stderr).toBe('');
  });

  it('reports every problem of a broken checklist as file:line:col, exit 2, no stack trace', () => {
    const result = run(['validate', fixture('broken-many.yaml')]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(hasStackTrace(result.stderr)).toBe(false);
    const lines = result.stderr.trim().split('\n');
    const problems = lines.filter((l) => LOCATED.test(l));
    expect(lines.at(-1)).toBe(`breachready: ${problems.length} problems found`);
    const expected = [
      [1, 'checklist id must be ASCII kebab-case'],
      [3, 'version must be semver'],
      [14, 'severity must be one of critical, high, medium, low'],
      [15, 'level must be 1, 2 or 3'],
      [19, '"PR.AA-99X" is not a nist-csf-2 control id'],
      [20, 'unknown field "colour"'],
      [21, 'duplicate question id "first"'],
      [30, '"when" names a missing question "missing-one"'],
      [31, 'missing field "id"'],
    ] as const;
    for (const [line, message] of expected) {
      expect(problems.some((p) => p.startsWith(`tests/fixtures/checklists/broken-many.yaml:${line}:`) && p.includes(message)), `${line}: ${message}`).toBe(true);
    }
  });

  it.each([
    ['broken-syntax.yaml', /broken-syntax\.yaml:6:1: YAML syntax error/],
    ['broken-dupkey.yaml', /broken-dupkey\.yaml:2:1: duplicate key "id"/],
    ['broken-cycle.yaml', /broken-cycle\.yaml:8:\d+: "when" forms a cycle: a -> b -> a/],
  ])('locates the problem in %s', (name, pattern) => {
    const result = run(['validate', fixture(name)]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('reports a missing file and a directory without YAML', () => {
    const result = run(['validate', 'no-such-file.yaml', 'tests/e2e']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no-such-file.yaml:1:1: no such file');
    expect(result.stderr).toContain('tests/e2e:1:1: no .yaml or .yml files');
  });
});

describe('breachready schema', () => {
  it('prints the checklist JSON Schema', () => {
    const result = run(['schema', 'checklist']);
    expect(result.status).toBe(0);
    const schema = JSON.parse(result.stdout) as { $schema: string; required: string[] };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'version', 'questions']));
  });

  it('rejects an unknown kind', () => {
    expect(run(['schema', 'nope']).status).toBe(2);
  });

  it('prints each shipped schema file, read from schema/ when asked for: the bundle every run parses does not carry them', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8');
    for (const kind of ['checklist', 'answers', 'report']) {
      const file = JSON.parse(readFileSync(join(ROOT, 'schema', `${kind}.schema.json`), 'utf8')) as { $id: string };
      expect(run(['schema', kind]).stdout, kind).toBe(`${JSON.stringify(file, null, 2)}\n`);
      expect(bundle, kind).not.toContain(file.$id);
    }
  });
});
