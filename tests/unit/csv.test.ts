import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/model.js';
import { buildCatalog } from '../../src/catalog.js';
import { ANSWER_COLUMNS, PLAN_COLUMNS, columnTable, csvCell, renderAnswersCsv, renderPlanCsv } from '../../src/report/csv.js';
import { score } from '../../src/scoring/score.js';
import { stripForMachines } from '../../src/text.js';
import { answers, checklist, question } from '../helpers/build.js';
import { runs } from '../helpers/fuzz.js';

const asOf = '2026-11-22';
const FORMULAS = ['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', ' =cmd|" /C calc"!A0', '=1,2\n=3'];
const HOSTILE = 'esc\u001b[31mred\u001b[0m bel\u0007 c1\u0085\u009b lone\ud800 \u202eoverride "quoted", comma\r\nnext line';
/** What a spreadsheet would run as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\ud800-\udfff]/;

/** The rows a real CSV parser reads, with the byte-order mark and CRLF records the format promises. */
function read(csv: string): string[][] {
  expect(csv.startsWith('\ufeff')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  // One line per record, each ending in CRLF: no other line break anywhere.
  expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u2028\u2029]/);
  return parse(csv, { bom: true, relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
}

function example(texts: string[] = ['Shared admin account.']) {
  const list = texts.map((text, index) =>
    question(`q${index}`, { ask: `${text} ask`, fix: text, severity: index % 2 ? 'high' : 'critical', refs: { 'nist-csf-2': ['PR.AA-05'], 'cis-v8': ['6.5'] } }),
  );
  const given: Record<string, Answer> = Object.fromEntries(
    texts.map((text, index) => [
      `c/q${index}`,
      { value: index % 3 === 0 ? 'no' : 'partial', note: text, owner: text, by: text, due: '2027-01-15', evidence: [{ text }, { path: `${text}.pdf` }] } as Answer,
    ]),
  );
  return score(buildCatalog([checklist('c', [...list, question('fine')])]), answers({ ...given, 'c/fine': 'yes' }), { level: 3, asOf });
}

describe('csvCell()', () => {
  it('neutralises every cell a spreadsheet would run as a formula, with a leading single quote (OWASP)', () => {
    for (const formula of FORMULAS) {
      const cell = (parse(csvCell(formula)) as string[][])[0]![0];
      expect(cell, formula).not.toMatch(FORMULA_START);
      expect(cell!.replace(/^'/, '')).toBe(stripForMachines(formula).replace(/\s+/g, ' ').trim());
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-')).toBe("'-");
    expect(csvCell('a - b = c')).toBe('a - b = c');
  });

  it('quotes as RFC 4180 asks (commas, quotes doubled) and keeps each record on one line', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\n::error::two\r\n\tthree')).toBe('one ::error::two three');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(3)).toBe('3');
  });
});

describe('CSV reports', () => {
  it('the plan: one header row, then each open gap in priority order, with the roadmap window and target', () => {
    const rows = read(renderPlanCsv(example(['First', 'Second', 'Third'])));
    expect(rows[0]).toEqual(PLAN_COLUMNS.map((c) => c.header));
    expect(rows.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ['1', 'c/q0'],
      ['2', 'c/q2'],
      ['3', 'c/q1'],
    ]);
    const row = Object.fromEntries(PLAN_COLUMNS.map((c, index) => [c.header, rows[1]![index]]));
    expect(row).toMatchObject({ severity: 'critical', answer: 'no', note: 'First', owner: 'First', due: '2027-01-15', window: 'Within 30 days', target: '2027-01-15', fix: 'First', refs: 'nist-csf-2: PR.AA-05; cis-v8: 6.5' });
  });

  it('the answers: every applicable question, unanswered too, with its evidence', () => {
    const rows = read(renderAnswersCsv(example(['First'])));
    expect(rows[0]).toEqual(ANSWER_COLUMNS.map((c) => c.header));
    expect(rows.slice(1).map((r) => [r[0], r[5]])).toEqual([
      ['c/q0', 'no'],
      ['c/fine', 'yes'],
    ]);
    expect(rows[1]![ANSWER_COLUMNS.findIndex((c) => c.header === 'evidence')]).toBe('First; First.pdf');
  });

  it('no cell of either file starts a formula or keeps a control character, whatever the input', () => {
    for (const csv of [renderPlanCsv(example([...FORMULAS, HOSTILE])), renderAnswersCsv(example([...FORMULAS, HOSTILE]))]) {
      const rows = read(csv);
      expect(new Set(rows.map((r) => r.length)).size).toBe(1);
      for (const cell of rows.flat()) {
        expect(cell).not.toMatch(FORMULA_START);
        expect(cell).not.toMatch(CONTROL);
      }
    }
  });

  it('reads back what went in, on random text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { minLength: 1, maxLength: 4 }), (texts) => {
        const rows = read(renderPlanCsv(example(texts)));
        const notes = rows.slice(1).map((r) => r[PLAN_COLUMNS.findIndex((c) => c.header === 'note')]!);
        for (const cell of rows.flat()) expect(cell).not.toMatch(FORMULA_START);
        const expected = (text: string) => {
          const clean = stripForMachines(text).replace(/\s+/g, ' ').trim();
          return FORMULA_START.test(clean) ? `'${clean}` : clean;
        };
        expect([...notes].sort()).toEqual(texts.map(expected).sort());
      }),
      runs(40),
    );
  });

  it("the README documents both files' columns, as declared", () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(`\n${columnTable(PLAN_COLUMNS as never)}\n`);
    expect(readme).toContain(`\n${columnTable(ANSWER_COLUMNS as never)}\n`);
  });
});
