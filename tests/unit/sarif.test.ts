import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog.js';
import {
  DEFAULT_INFORMATION_URI,
  FINGERPRINT_KEY,
  MAX_RESULTS,
  SARIF_SCHEMA,
  artifactUri,
  fingerprint,
  pascalCase,
  renderSarif,
  sarifLog,
} from '../../src/report/sarif.js';
import type { SarifLog } from '../../src/report/sarif.js';
import { score } from '../../src/scoring/score.js';
import { answers, checklist, question } from '../helpers/build.js';
import { multitoolResults, sarifSchemaErrors } from '../helpers/validators.js';
import type { MultitoolResult } from '../helpers/validators.js';

const tool = { name: 'breachready', version: '1.2.3' };
const asOf = '2026-11-22';

const HOSTILE =
  'Note ]]> </x> & "double" \'single\' nul\u0000 esc\u001b[31mred\u001b[0m osc\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 ' +
  'bel\u0007 del\u007f c1\u0085\u009b lone\ud800 low\udfff pair\ud83d\ude00 \u202eoverride\r\n::error::forged';

const access = checklist('access-control', [
  question('admin-mfa', { severity: 'critical', refs: { 'nist-csf-2': ['PR.AA-05', 'PR.AA-03'], 'cis-v8': ['6.5'] } }),
  question('shared', { severity: 'high' }),
  question('logs', { severity: 'medium' }),
  question('audit', { severity: 'low' }),
  question('vendor', { severity: 'high' }),
  question('email', { severity: 'medium' }),
  question('ok'),
]);
const backups = checklist('backups', [question('offline', { severity: 'critical' })]);
const catalog = buildCatalog([access, backups]);

function assess(note = 'Shared admin account.', file: string | null = 'answers/acme.yaml') {
  return score(
    catalog,
    answers(
      {
        'access-control/admin-mfa': { value: 'no', note, line: 7 },
        'access-control/shared': { value: 'partial', line: 9 },
        'access-control/logs': { value: 'unknown', note: 'Ask IT', line: 10 },
        'access-control/vendor': { value: 'na', note, line: 11 },
        'access-control/email': { value: 'no', line: 12, accepted: { by: 'CISO', reason: note, until: '2027-03-31' } },
        'access-control/ok': { value: 'yes', line: 13 },
        'backups/offline': { value: 'no', line: 15, accepted: { by: `CFO ${note}`, reason: 'tape', until: '2026-01-31' } },
      },
      { file: file ?? undefined },
    ),
    { level: 3, asOf },
  );
}

const schemaErrors = sarifSchemaErrors;

describe('renderSarif()', () => {
  it('describes the tool and one rule per applicable question', () => {
    const log = sarifLog(assess(), { tool });
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'breachready', version: '1.2.3', semanticVersion: '1.2.3', informationUri: DEFAULT_INFORMATION_URI });
    expect(driver.rules.map((r) => r.id)).toEqual([
      'access-control/admin-mfa',
      'access-control/shared',
      'access-control/logs',
      'access-control/audit',
      'access-control/vendor',
      'access-control/email',
      'access-control/ok',
      'backups/offline',
    ]);
    expect(driver.rules[0]).toEqual({
      id: 'access-control/admin-mfa',
      name: 'AccessControlAdminMfa',
      shortDescription: { text: 'Is admin-mfa in place?' },
      fullDescription: { text: 'Why admin-mfa matters.' },
      help: { text: 'Put admin-mfa in place.' },
      defaultConfiguration: { level: 'error' },
      properties: {
        'security-severity': '9.5',
        tags: ['security', 'access-control', 'nist-csf-2:PR.AA-05', 'nist-csf-2:PR.AA-03', 'cis-v8:6.5'],
      },
    });
    const bySeverity = Object.fromEntries(driver.rules.map((r) => [r.id, [r.properties['security-severity'], r.defaultConfiguration.level]]));
    expect(bySeverity['access-control/shared']).toEqual(['8.0', 'error']);
    expect(bySeverity['access-control/logs']).toEqual(['5.5', 'warning']);
    expect(bySeverity['access-control/audit']).toEqual(['3.0', 'note']);
    expect(sarifLog(assess(), { tool, informationUri: 'https://example.org/x' }).runs[0].tool.driver.informationUri).toBe('https://example.org/x');
  });

  it('has one result per open gap, in priority order, pointing at the answer', () => {
    const log = sarifLog(assess(), { tool, answersLine: 5 });
    const { results, tool: t } = log.runs[0];
    expect(results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.region.startLine])).toEqual([
      ['access-control/admin-mfa', 'error', 7],
      ['backups/offline', 'error', 15],
      ['access-control/shared', 'error', 9],
      ['access-control/logs', 'warning', 10],
      ['access-control/audit', 'note', 5],
    ]);
    for (const r of results) {
      expect(t.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe('answers/acme.yaml');
      expect(r.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: fingerprint(r.ruleId) });
    }
    expect(results[0]!.message.text).toBe('Is admin-mfa in place? Answered: no. Shared admin account.');
    expect(results[3]!.message.text).toBe("Is logs in place? Answered: don't know. Ask IT.");
    expect(results[4]!.message.text).toBe('Is audit in place? Not answered.');
    expect(results[1]!.message.text).toBe('Is offline in place? Answered: no. Risk acceptance by CFO Shared admin account. expired on 2026-01-31.');
    // Without answersLine an unanswered question points at line 1.
    expect(sarifLog(assess(), { tool }).runs[0].results[4]!.locations[0].physicalLocation.region.startLine).toBe(1);
  });

  it('has stable, distinct fingerprints that depend only on the question', () => {
    const ids = ['access-control/admin-mfa', 'backups/offline', 'a/b'];
    const prints = ids.map(fingerprint);
    expect(new Set(prints).size).toBe(3);
    for (const p of prints) expect(p).toMatch(/^[0-9a-f]{32}$/);
    // sha256("a/b"), first 32 hex digits: fixed across runs, machines and versions.
    expect(fingerprint('a/b')).toBe('c14cddc033f64b9dea80ea675cf280a0');
    const one = sarifLog(assess('first note'), { tool }).runs[0].results;
    const two = sarifLog(assess('another note entirely', 'elsewhere/answers.yaml'), { tool }).runs[0].results;
    expect(one.map((r) => r.partialFingerprints)).toEqual(two.map((r) => r.partialFingerprints));
  });

  it.each([
    ['answers/acme.yaml', 'answers/acme.yaml'],
    ['./answers/acme.yaml', 'answers/acme.yaml'],
    ['answers\\win\\acme.yaml', 'answers/win/acme.yaml'],
    ['/home/me/repo/answers.yaml', 'answers.yaml'],
    ['C:\\work\\answers.yaml', 'answers.yaml'],
    ['file:///tmp/answers.yaml', 'answers.yaml'],
    ['my answers#1?.yaml', 'my%20answers%231%3F.yaml'],
    ['../up/answers.yaml', '../up/answers.yaml'],
    ['-', 'stdin'],
    ['<stdin>', 'stdin'],
    [undefined, 'stdin'],
  ])('artifact uri for %s is %s', (file, uri) => {
    expect(artifactUri(file)).toBe(uri);
  });

  it('names rules in PascalCase', () => {
    expect(pascalCase('social-media/unique-credentials')).toBe('SocialMediaUniqueCredentials');
  });

  it('is valid against the SARIF 2.1.0 JSON schema', () => {
    expect(schemaErrors(renderSarif(assess(), { tool }))).toEqual([]);
  });

  it('the schema check is real: it rejects an invalid level and a missing message', () => {
    const log = JSON.parse(renderSarif(assess(), { tool })) as SarifLog;
    (log.runs[0].results[0] as { level: string }).level = 'critical';
    delete (log.runs[0].results[1] as { message?: unknown }).message;
    expect(schemaErrors(JSON.stringify(log)).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps hostile notes as plain, valid text', () => {
    const text = renderSarif(assess(HOSTILE, '/abs/path/ans wers.yaml'), { tool });
    expect(schemaErrors(text)).toEqual([]);
    expect(text).not.toMatch(/\\u00(0[0-8bcef]|1[0-9a-f]|7f|8[0-9a-f]|9[0-9a-f])/i);
    expect(text).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\udc)/i);
    expect(text).not.toMatch(/[\ud800-\udfff]/u);
    const log = JSON.parse(text) as SarifLog;
    const message = log.runs[0].results[0]!.message.text;
    expect(message).toBe(
      'Is admin-mfa in place? Answered: no. Note ]]> </x> & "double" \'single\' nul escred osclink bel del c1one low pair\ud83d\ude00 override\n::error::forged.',
    );
    expect(log.runs[0].results[0]!.locations[0].physicalLocation.artifactLocation.uri).toBe('ans%20wers.yaml');
  });

  it('keeps at most the result limit and says so', () => {
    expect(MAX_RESULTS).toBe(25_000);
    const log = sarifLog(assess(), { tool, maxResults: 2 });
    expect(log.runs[0].results.map((r) => r.ruleId)).toEqual(['access-control/admin-mfa', 'backups/offline']);
    expect(log.runs[0].properties).toEqual({ 'breachready/truncated': true, 'breachready/openGaps': 5, 'breachready/results': 2 });
    expect(sarifLog(assess(), { tool }).runs[0].properties).toBeUndefined();
    expect(schemaErrors(JSON.stringify(log))).toEqual([]);
  });

  it('is byte-identical for the same input and ends with a newline', () => {
    const text = renderSarif(assess(HOSTILE), { tool });
    expect(text).toBe(renderSarif(assess(HOSTILE), { tool }));
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('SARIF Multitool validate --rule-kind "Gh;Sarif"', () => {
  const validate = (_name: string, text: string) => multitoolResults(text);
  const problems = (results: MultitoolResult[]) =>
    results.filter((r) => (r.level ?? 'warning') !== 'note').map((r) => `${r.level ?? 'warning'} ${r.ruleId}: ${JSON.stringify(r.message)}`);

  it('finds no errors or warnings in a rendered report, hostile notes included', () => {
    expect(problems(validate('plain', renderSarif(assess(), { tool, answersLine: 5 })))).toEqual([]);
    expect(problems(validate('hostile', renderSarif(assess(HOSTILE, '/abs/ans wers.yaml'), { tool })))).toEqual([]);
  });

  it('the check is real: it reports errors in a broken report', () => {
    const log = JSON.parse(renderSarif(assess(), { tool })) as SarifLog;
    log.runs[0].results[0]!.ruleIndex = 99;
    (log.runs[0].results[1]!.locations[0].physicalLocation.region as { startLine: number }).startLine = 0;
    const found = problems(validate('broken', JSON.stringify(log)));
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((p) => p.startsWith('error'))).toBe(true);
  });
});
