/**
 * The quick path for answers files (yaml-lite.ts) must never disagree with the full path (the
 * `yaml` parser): whatever the quick reader returns equals what `yaml` makes, positions included,
 * so the one schema (answers/schema.ts) gives the same verdict and messages on either. Checked on
 * every YAML file of the project and on generated documents.
 */
import { runs } from '../helpers/fuzz.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersFromSource, parseAnswersText } from '../../src/answers/file.js';
import { normaliseYamlText } from '../../src/input/source-position.js';
import type { PathSegment, PositionedSource } from '../../src/input/source-position.js';
import { parseYamlLite, readPlainYaml } from '../../src/input/yaml-lite.js';
import { parseYaml } from '../../src/input/yaml-source.js';

const ROOT = new URL('../../', import.meta.url).pathname;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Every path to a node of `data`, plus a few that lead nowhere. */
function pathsOf(data: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const paths: PathSegment[][] = [prefix, [...prefix, 'missing'], [...prefix, 0]];
  if (Array.isArray(data)) data.forEach((item, i) => paths.push(...pathsOf(item, [...prefix, i])));
  else if (data && typeof data === 'object') for (const [key, value] of Object.entries(data)) paths.push(...pathsOf(value, [...prefix, key]), [...prefix, String(key)]);
  return paths;
}

/** The quick reader's result, checked against the full parser's; undefined when it declined. */
function compareReaders(text: string): PositionedSource | undefined {
  const normalised = normaliseYamlText(text);
  const quick = parseYamlLite(normalised, 'x.yaml');
  if (!quick) return undefined;
  const full = parseYaml(text, 'x.yaml');
  expect(full.problems, `the quick reader took a file the full parser rejects:\n${text}`).toEqual([]);
  expect(JSON.stringify(quick.data), text).toBe(JSON.stringify(full.data));
  expect(quick.data).toStrictEqual(full.data);
  for (const path of pathsOf(full.data)) {
    expect(quick.offsetOf(path), `offset of ${JSON.stringify(path)} in:\n${text}`).toBe(full.offsetOf(path));
    const parent = path.slice(0, -1);
    const last = path[path.length - 1];
    if (last !== undefined) expect(quick.offsetOf(parent, String(last)), `key ${JSON.stringify(path)} in:\n${text}`).toBe(full.offsetOf(parent, String(last)));
    // A key is looked for in the mapping at the path only, also when the path leads nowhere.
    for (const key of ['a', 'id']) expect(quick.offsetOf(path, key), `key ${key} at ${JSON.stringify(path)} in:\n${text}`).toBe(full.offsetOf(path, key));
  }
  return quick;
}

describe('the quick YAML reader', () => {
  const files = [...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'checklists')), ...yamlFiles(join(ROOT, 'tests/fixtures'))];

  it('agrees with the full parser on every YAML file of the project (or declines)', () => {
    let taken = 0;
    for (const file of files) if (compareReaders(readFileSync(file, 'utf8'))) taken++;
    expect(files.length).toBeGreaterThan(50);
    expect(taken).toBeGreaterThan(5);
  });

  it('takes the example answers files and templates: the quick path is the common path', async () => {
    for (const name of ['northlight-pictures.yaml', 'ci-pass.yaml', 'ci-fail.yaml']) {
      const text = readFileSync(join(ROOT, 'examples', name), 'utf8');
      expect(readPlainYaml(text, name), name).toBeDefined();
      expect((await parseAnswersText(text, name)).data).toStrictEqual(answersFromSource(parseYaml(text, name)).data);
    }
  });

  it('declines what it does not read exactly', () => {
    const declined = [
      'a: [1, 2.5]', 'a: [x, ]', 'a: [x\n  ]', 'a: [a: b]', 'a: [x, [y]]', 'a: {b: {c: 1}}', 'a: {b: 1, b: 2}', 'a: {"b": 1}', 'a: {b}', 'a: {b:c}', 'a: {b: 1}}',
      'a: {b: c d: e}', 'a: {__proto__: x}', 'a: {__proto__: 1, __proto__: 2}', 'a: 1\n... x: y', '... a: v', 'a:\n  b: 1\n... c: d', 'a: &x 1\nb: *x', 'a: !!str 1', 'a: 1.5', 'a: 0x1F', 'a: -1', 'a: .inf', 'a:\n  - {b: 1}', 'a:\n  - "k": v', 'a:\n  - b: 1\n   c: 2',
      'a: multi\n  line', 'a: "open', "a: 'open", 'a: b: c', 'a: x\na: y', '- a', '? a\n: b', 'a: |+\n  x\n',
      'a: |2\n  x\n', 'a:\n\tb: 1', '%YAML 1.2\n---\na: 1', 'a: 1\n...\n', '1: a', 'null: a', '"a": 1', '__proto__: 1', 'a: x\n  # deeper',
      'a: >\n\n  x\n', 'a: >\n  x\n   more\n', 'a: "\\q"', 'a:b', '',
    ];
    for (const text of declined) expect(parseYamlLite(normaliseYamlText(text), 'x.yaml'), JSON.stringify(text)).toBeUndefined();
  });

  it('reads booleans, nulls, flow collections and sequences of mappings as the full parser does', () => {
    const text = 'a: true\nb: ~\nc: {}\nd: { q: x, is: [yes, partial] }\ne: ["5.1", \'A.5\', PR.AA-01]\nf:\n  - id: x\n    g: FALSE\n  - id: y\n    h:\n      - z\n';
    const quick = compareReaders(text);
    expect(quick?.data).toEqual({ a: true, b: null, c: {}, d: { q: 'x', is: ['yes', 'partial'] }, e: ['5.1', 'A.5', 'PR.AA-01'], f: [{ id: 'x', g: false }, { id: 'y', h: ['z'] }] });
  });

  it('takes the built-in checklists: a large custom catalog skips the full parser too', () => {
    const checklists = yamlFiles(join(ROOT, 'checklists'));
    expect(checklists.length).toBeGreaterThan(5);
    for (const file of checklists) expect(compareReaders(readFileSync(file, 'utf8')), file).toBeDefined();
  });

  it('agrees with the full parser on generated block YAML', () => {
    // Mostly what the quick reader takes, some of what it must decline.
    const word = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'id', 'social-media/x', 'note', 'yes', 'no', 'x y', 'C#', 'a#b', 'k.v', 'é', '😀') },
      { weight: 1, arbitrary: fc.constantFrom('null', 'true', '1', '-a', 'a:b', '"q"') },
    );
    const plain = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('yes', 'no', 'partial', 'text with words', 'it\'s "quoted"', 'a:b', 'x#not', 'http://x.example/a#b', '2026-11-22', '1.0.0', '0', '7', '42', '007', 'nbsp\u00a0', '\u00a0lead', 'x y z') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'a: b', 'x # comment', '123456789012345678', '-1', '+1', '1.5', '1e3', '.5', '0x1F', '0o17', 'true', 'False', 'null', '~', 'NULL', '.inf', '.NaN',
          'trailing   ', '- item', '? q', ': c', '[a]', '{a}', '&a', '*a', '!t', '|', '>', '%', '@', '`', ',', '#',
        ),
      },
    );
    const quoted = fc.oneof(
      plain.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`),
      plain.map((s) => `'${s.replace(/'/g, "''")}'`),
      fc.constantFrom('"a\\nb"', '"tab\\there"', '"\\u00e9"', '"\\x41"', '"\\/"', "''", '""', "'it''s'", '"unterminated', '"a" b'),
    );
    const comment = fc.constantFrom('', ' # c', '  #c', ' #');
    const blockLine = fc.constantFrom('line one', 'line two.', '# not a comment', '  more indented', 'key: value', '', '', '- dash', 'trailing ');
    const block = fc.tuple(fc.constantFrom('|', '|-', '>', '>-', '|+', '>2'), comment, fc.array(blockLine, { minLength: 0, maxLength: 5 }));
    type Tree = { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: (string | Tree)[] } | { kind: 'flow'; text: string } | { kind: 'scalar'; text: string } | { kind: 'block'; header: string; lines: string[] };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.oneof(plain, quoted, fc.constant('')).chain((text) => comment.map((c) => ({ kind: 'scalar' as const, text: text + c }))),
        block.map(([header, c, lines]) => ({ kind: 'block' as const, header: header + c, lines })),
        fc.array(fc.oneof(plain, quoted), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'seq' as const, items })),
        fc
          .array(fc.array(fc.tuple(word, tie('node')), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
          .map((maps) => ({ kind: 'seq' as const, items: maps.map((entries) => ({ kind: 'map' as const, entries })) })),
        fc
          .constantFrom(
            '{}', '{ }', '{a: 1}', '{ }x', '{}}', '{ question: x, is: yes }', '{q: "1.5", is: [yes, partial]}', '{ a: [ ], b: c }', '{a: 1, a: 2}', '{ a: {b: 1} }',
            '{"a": 1}', '{a: b, }', '{a: true, b: ~}', '{a: x # y}', '["5.1", x]', "['a', \"b\"]", '[ "a,b" , \'c]\' ]', '["x" y]', '[true, null, 7]',
          )
          .chain((text) => comment.map((c) => ({ kind: 'flow' as const, text: text + c }))),
        fc
          .tuple(fc.array(fc.oneof(plain, fc.constantFrom('', ' ', 'a b', '../x.yaml', 'x]')), { maxLength: 4 }), fc.constantFrom(',', ', ', ' , '), comment)
          .map(([items, separator, c]) => ({ kind: 'flow' as const, text: `[${items.join(separator)}]${c}` })),
        fc.array(fc.tuple(word, tie('node')), { minLength: 1, maxLength: 4 }).map((entries) => ({ kind: 'map' as const, entries })),
      ),
    })).node;
    const noise = fc.constantFrom('', '', '', '\n', '# comment\n', '   # indented comment\n', '  \n');

    const render = (node: Tree, indent: number, noiseAt: (n: number) => string, sameLineDash: boolean): string[] => {
      const pad = ' '.repeat(indent);
      if (node.kind !== 'map') return [];
      const lines: string[] = [];
      node.entries.forEach(([key, value], i) => {
        const extra = noiseAt(i);
        if (extra) lines.push(extra.replace(/\n$/, ''));
        if (value.kind === 'scalar' || value.kind === 'flow') lines.push(`${pad}${key}:${value.text ? ` ${value.text}` : ''}`);
        else if (value.kind === 'block') lines.push(`${pad}${key}: ${value.header}`, ...value.lines.map((l) => (l ? `${pad}  ${l}` : '')));
        else if (value.kind === 'seq') {
          lines.push(`${pad}${key}:`);
          const dash = `${pad}${sameLineDash ? '' : '  '}- `;
          for (const item of value.items) {
            if (typeof item === 'string') lines.push(`${dash}${item}`);
            else {
              // A mapping item: its first key on the dash line, the rest under it.
              const [first = '', ...rest] = render(item, dash.length, (n) => (n === 0 ? '' : noiseAt(n)), sameLineDash);
              lines.push(`${dash}${first.slice(dash.length)}`, ...rest);
            }
          }
        }
        else lines.push(`${pad}${key}:`, ...render(value, indent + 2, noiseAt, sameLineDash));
      });
      return lines;
    };

    let taken = 0;
    let takenWithMappingItems = 0;
    let takenWithFlowMappings = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, tree), { minLength: 1, maxLength: 5 }),
        fc.array(noise, { minLength: 8, maxLength: 8 }),
        fc.boolean(),
        fc.constantFrom('', '---\n', '# head\n'),
        fc.constantFrom('\n', '\r\n'),
        (entries, noises, sameLineDash, head, eol) => {
          const lines = render({ kind: 'map', entries }, 0, (n) => noises[n % noises.length]!, sameLineDash);
          const text = head + lines.join('\n').replace(/\n/g, eol) + eol;
          let full;
          try {
            full = parseYaml(text, 'x.yaml');
          } catch {
            return; // the full parser's own limits: nothing to compare
          }
          const quick = parseYamlLite(normaliseYamlText(text), 'x.yaml');
          if (quick === undefined) return;
          expect(full.problems, text).toEqual([]);
          compareReaders(text);
          taken++;
          if (/^ *- [^\s:]+:(?: |$)/m.test(text)) takenWithMappingItems++;
          if (/: \{ ?\w/.test(text)) takenWithFlowMappings++;
        },
      ),
      runs(3000),
    );
    // The generator must reach the quick reader often, or the comparison proves little.
    expect(taken).toBeGreaterThan(250);
    expect(takenWithMappingItems).toBeGreaterThan(5);
    expect(takenWithFlowMappings).toBeGreaterThan(20);
  });
});

describe('the quick YAML reader on checklist-shaped documents', () => {
  it('agrees with the full parser on generated lists of questions', () => {
    const scalar = fc.constantFrom('x', 'Does it? Yes.', 'high', '1', '12', 'true', 'false', '~', '"5.1"', "'A.5'", '"a: b"', 'a #c', 'ID.AM-02', '1.0.0', '2014-11-24', '1.5', '-x', 'a: b');
    const flow = fc.constantFrom('[ID.AM-02]', '[PR.AA-01, ID.AM-02]', '["5.1", "15.1"]', '[A.5.9, A.5.16]', '[]', '[a, [b]]', '{ question: q1, is: yes }', '{ question: q2, is: [yes, partial] }', '{ a: 1 }', '{a: {b: c}}');
    const block = fc.tuple(fc.constantFrom('>-', '|', '>', '|-', '|+'), fc.array(fc.constantFrom('Some words here.', 'more words', '', 'key: value'), { minLength: 1, maxLength: 3 }));
    const value = fc.oneof(
      { weight: 4, arbitrary: scalar.map((text) => ({ text, lines: [] as string[] })) },
      { weight: 3, arbitrary: flow.map((text) => ({ text, lines: [] as string[] })) },
      { weight: 2, arbitrary: block.map(([header, lines]) => ({ text: header, lines })) },
      { weight: 2, arbitrary: fc.array(fc.tuple(fc.constantFrom('nist-csf-2', 'cis-v8', 'iso'), flow), { minLength: 1, maxLength: 3 }).map((refs) => ({ text: '', lines: refs.map(([k, v]) => `${k}: ${v}`) })) },
    );
    const question = fc.array(fc.tuple(fc.constantFrom('id', 'ask', 'help', 'severity', 'level', 'why', 'fix', 'refs', 'when', 'gate', 'id'), value), { minLength: 1, maxLength: 5 });
    let taken = 0;
    fc.assert(
      fc.property(fc.array(question, { minLength: 1, maxLength: 4 }), fc.constantFrom(0, 2), fc.constantFrom('', '  # between\n', '\n'), (questions, dashIndent, between) => {
        const dash = ' '.repeat(dashIndent);
        const pad = ' '.repeat(dashIndent + 2);
        const lines = ['id: synthetic', 'version: 1.0.0', 'questions:'];
        for (const entries of questions) {
          entries.forEach(([key, { text, lines: more }], i) => {
            lines.push(`${i === 0 ? `${dash}- ` : pad}${key}:${text ? ` ${text}` : ''}`, ...more.map((l) => (l ? `${pad}  ${l}` : '')));
          });
          if (between) lines.push(between.replace(/\n$/, ''));
        }
        const text = `${lines.join('\n')}\n`;
        try {
          parseYaml(text, 'x.yaml');
        } catch {
          return;
        }
        if (compareReaders(text)) taken++;
      }),
      runs(2000),
    );
    // About one in eight documents is in the subset (some generated values are not): well over 100.
    expect(taken).toBeGreaterThan(100);
  });
});

describe('the answers schema on either reader', () => {
  it('gives the same data and the same located problems for every YAML file the quick reader takes', () => {
    const files = [...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'tests/fixtures'))];
    let taken = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const quick = readPlainYaml(text, file);
      if (!quick) continue;
      taken++;
      const viaQuick = answersFromSource(quick);
      const viaFull = answersFromSource(parseYaml(text, file));
      expect(viaQuick.data, file).toStrictEqual(viaFull.data);
      expect(viaQuick.problems, file).toStrictEqual(viaFull.problems);
    }
    expect(taken).toBeGreaterThan(5);
  });
});
