/** The full YAML reader on hostile input: alias amplification, core tags that cannot apply, deep nesting. */
import { describe, expect, it } from 'vitest';
import { parseAnswersText } from '../../src/answers/file.js';
import { parseChecklist } from '../../src/checklist/load.js';
import { parseYaml } from '../../src/input/yaml-source.js';

const problemsOf = (text: string) => parseYaml(text, 'x.yaml').problems.map((p) => `${p.line}:${p.col}: ${p.message}`);

describe('aliases: the expanded size is bounded', () => {
  const note = 'x'.repeat(100_000);
  const amplified = (aliases: number) =>
    `breachready: 1\nanswers:\n  a/one:\n    answer: no\n    note: &big "${note}"\n${Array.from({ length: aliases }, (_, i) => `  a/q${i}: { answer: no, note: *big }\n`).join('')}`;

  it('96 aliases of one large note are refused at the alias that goes over the bound', () => {
    const problems = problemsOf(amplified(96));
    expect(problems).toHaveLength(1);
    // 100,000 characters each: the tenth alias takes the expansion past 1,000,000.
    expect(problems[0]).toMatch(/^15:29: YAML aliases expand to over 1000000 characters \(an alias amplification\?\)/);
  });

  it('the answers reader refuses it with that problem and no data', async () => {
    const parsed = await parseAnswersText(amplified(96), 'a.yaml');
    expect(parsed.problems.map((p) => `${p.line}:${p.col}`)).toEqual(['15:29']);
    expect(parsed.data).toBeUndefined();
  });

  it('a few aliases of a large note, and small aliases, are fine', async () => {
    expect(problemsOf(amplified(5))).toEqual([]);
    const small = await parseAnswersText('breachready: 1\nanswers:\n  a/one: &x no\n  a/two: *x\n', 'a.yaml');
    expect(small.problems).toEqual([]);
    expect(small.data?.answers).toEqual({ 'a/one': 'no', 'a/two': 'no' });
  });

  it('the alias bomb is still refused as such', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(problemsOf(bomb).join('\n')).toMatch(/too many YAML aliases/);
  });
});

describe('core tags that cannot apply to their value', () => {
  it.each([
    ['level: !!int abc\n', '1:8: the tag !!int does not fit its value: remove the tag or fix the value'],
    ['answers:\n  a/b: !!bool yes\n', '2:8: the tag !!bool does not fit its value: remove the tag or fix the value'],
    ['a: !!null x\n', '1:4: the tag !!null does not fit its value: remove the tag or fix the value'],
    ['a: !!map [1]\n', '1:4: the tag !!map does not fit its value: remove the tag or fix the value'],
  ])('%j is reported at the tag', (text, problem) => {
    expect(problemsOf(`breachready: 1\n${text}`).map((p) => p.replace(/^(\d+)/, (n) => String(Number(n) - 1)))).toEqual([problem]);
  });

  it('never as an empty file', async () => {
    const parsed = await parseAnswersText('breachready: 1\nlevel: !!int abc\n', 'a.yaml');
    expect(parsed.problems.map((p) => p.message).join('\n')).not.toMatch(/empty/);
    const checklist = await parseChecklist('id: x\ntitle: !!float t\n', 'c.yaml');
    expect(checklist.problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual(['2:8: the tag !!float does not fit its value: remove the tag or fix the value']);
  });
});

describe('deep nesting', () => {
  it.each([
    ['flow sequences', (d: number) => `breachready: 1\nanswers: ${'['.repeat(d)}${']'.repeat(d)}\n`],
    ['flow mappings', (d: number) => `breachready: 1\nanswers: ${'{a: '.repeat(d)}1${'}'.repeat(d)}\n`],
    ['block mappings', (d: number) => `breachready: 1\nanswers:\n${Array.from({ length: d }, (_, i) => `${'  '.repeat(i + 1)}k${i}:\n`).join('')}`],
  ])('%s too deep to read: said so at a position in the file, never "call stack"', (_what, make) => {
    // A depth the parser reads without trouble is refused all the same: the same verdict on every machine.
    const shallowEnough = parseYaml(make(150), 'x.yaml').problems;
    expect(shallowEnough.map((p) => p.message)).toEqual(['the YAML is nested too deeply to read']);
    expect(shallowEnough[0]!.line).toBeGreaterThanOrEqual(2);
    for (const depth of [1_000, 3_000]) {
      const text = make(depth);
      const problems = parseYaml(text, 'x.yaml').problems;
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.map((p) => p.message).join('\n')).not.toMatch(/call stack/i);
      const deep = problems.find((p) => /nested too deeply/.test(p.message));
      expect(deep, JSON.stringify(problems)).toBeDefined();
      expect(deep!.line).toBeGreaterThanOrEqual(2);
      expect(deep!.line).toBeLessThanOrEqual(text.split('\n').length);
    }
  });
});
