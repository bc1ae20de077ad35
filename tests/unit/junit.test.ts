import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { buildCatalog } from '../../src/catalog.js';
import { renderJunit } from '../../src/report/junit.js';
import { score } from '../../src/scoring/score.js';
import { answers, checklist, question } from '../helpers/build.js';

const XSD = readFileSync(new URL('../fixtures/schemas/junit-10.xsd', import.meta.url), 'utf8');
const tool = { name: 'breachready', version: '9.9.9' };
const asOf = '2026-11-22';

/** Everything a note can do to an XML report. */
const HOSTILE =
  ']]> </testcase><testcase name="forged"/></testsuite> <![CDATA[x]]> & &amp; "double" \'single\' <!-- c --> ' +
  'nul\u0000 esc\u001b[31mred\u001b[0m bel\u0007 bs\u0008 vt\u000b ff\u000c del\u007f c1\u0085\u009b ' +
  'lone\ud800 low\udfff pair\ud83d\ude00 nonchar\ufffe\uffff\r\ncr\rline';

const access = checklist('access', [
  question('mfa', { severity: 'critical', refs: { 'nist-csf-2': ['PR.AA-05'], 'cis-v8': ['6.5'] } }),
  question('shared', { severity: 'high' }),
  question('logs', { severity: 'medium' }),
  question('audit', { severity: 'low' }),
  question('vendor', { severity: 'high' }),
  question('email', { severity: 'medium' }),
  question('ok'),
]);
const backups = checklist('backups', [question('offline', { severity: 'critical' }), question('advanced', { level: 3 })]);
const advancedOnly = checklist('advanced-only', [question('deep', { level: 3 })]);
const catalog = buildCatalog([access, backups, advancedOnly]);

function assess(note = 'Shared admin account on the NAS.', file: string | null = 'answers/acme.yaml') {
  return score(
    catalog,
    answers(
      {
        'access/mfa': { value: 'no', note, evidence: [{ text: 'screenshot' }], line: 7 },
        'access/shared': { value: 'partial', line: 9 },
        'access/logs': { value: 'unknown', line: 10 },
        'access/vendor': { value: 'na', note, line: 11 },
        'access/email': { value: 'no', line: 12, accepted: { by: `CISO ${note}`, reason: note, until: '2027-03-31' } },
        'access/ok': { value: 'yes', line: 13 },
        'backups/offline': { value: 'no', line: 15, accepted: { by: 'CFO', reason: 'tape in Q1', until: '2026-01-31' } },
      },
      { file: file ?? undefined },
    ),
    { level: 2, asOf },
  );
}

async function validate(xml: string) {
  return validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit-10.xsd', contents: XSD }] });
}

const count = (text: string, what: string) => text.split(what).length - 1;

describe('renderJunit()', () => {
  it('has one testsuite per checklist with applicable questions and one testcase per applicable question', () => {
    const xml = renderJunit(assess(), { tool });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="breachready" tests="8" failures="5" errors="0" time="0">\n')).toBe(true);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
    expect(count(xml, '<testsuite ')).toBe(2);
    expect(xml).not.toContain('advanced-only');
    expect(xml).toContain(
      '<testsuite name="access" tests="7" failures="4" errors="0" skipped="2" time="0" file="answers/acme.yaml">',
    );
    expect(xml).toContain('<testsuite name="backups" tests="1" failures="1" errors="0" skipped="0" time="0" file="answers/acme.yaml">');
    expect(count(xml, '<testcase ')).toBe(8);
    expect(xml).toContain('<testcase name="ok: Is ok in place?" classname="access" time="0"/>');
    expect(xml).toContain('<property name="tool" value="breachready 9.9.9"/>');
  });

  it('fails open gaps with the severity, the answer, the fix, the note and where the answer is', () => {
    const xml = renderJunit(assess(), { tool });
    expect(xml).toContain(
      '<testcase name="mfa: Is mfa in place?" classname="access" time="0">\n' +
        '      <failure message="critical: answered no" type="critical">Fix: Put mfa in place.\n\n' +
        'Note: Shared admin account on the NAS.\n\nEvidence: screenshot\n\nAnswer: answers/acme.yaml:7</failure>\n' +
        '    </testcase>',
    );
    expect(xml).toContain('<failure message="high: answered partial" type="high">');
    expect(xml).toContain('<failure message="medium: answered unknown" type="medium">');
    expect(xml).toContain('<failure message="low: not answered" type="low">Fix: Put audit in place.\n\nAnswer: answers/acme.yaml</failure>');
    // An acceptance that ran out is an open gap again, and says so.
    expect(xml).toContain('Risk acceptance by CFO expired on 2026-01-31: tape in Q1');
  });

  it('skips not-applicable questions with the justification and gaps covered by an acceptance in force', () => {
    const xml = renderJunit(assess(), { tool });
    expect(xml).toContain('<testcase name="vendor: Is vendor in place?" classname="access" time="0">\n      <skipped message="Shared admin account on the NAS."/>');
    expect(xml).toContain(
      '<skipped message="accepted by CISO Shared admin account on the NAS. until 2027-03-31: Shared admin account on the NAS." type="accepted"/>',
    );
  });

  it('is valid against the Jenkins junit-10.xsd', async () => {
    const result = await validate(renderJunit(assess(), { tool }));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the XSD check is real: it rejects what the schema does not allow (file on testcase)', async () => {
    const xml = renderJunit(assess(), { tool }).replace('classname="access" time="0"/>', 'classname="access" time="0" file="x"/>');
    const result = await validate(xml);
    expect(result.valid).toBe(false);
    expect(result.errors[0]!.message).toMatch(/file/);
  });

  it('keeps hostile notes as text: well-formed, valid, no forged elements, no forbidden characters', async () => {
    const assessment = assess(HOSTILE, `answers/"evil" & <co>.yaml`);
    const xml = renderJunit(assessment, { tool });
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(count(xml, '<testcase ')).toBe(8);
    expect(count(xml, '</testsuite>')).toBe(2);
    expect(xml).not.toContain('forged"');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain('<![CDATA[');
    expect(xml).not.toContain('<!--');
    expect(xml).toContain('&lt;/testcase&gt;&lt;testcase name=&quot;forged&quot;/&gt;');
    expect(xml).toContain('&amp;amp; &quot;double&quot; &apos;single&apos;');
    expect(xml).toContain('file="answers/&quot;evil&quot; &amp; &lt;co&gt;.yaml"');
    // No C0/C1 control characters but tab and newline, no lone surrogates, no U+FFFE/U+FFFF.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/);
    expect(xml).not.toMatch(/[\ud800-\udfff]/u);
    expect(xml).not.toContain('[31m');
    // Valid pairs survive.
    expect(xml).toContain('pair\ud83d\ude00');
    // Attribute values stay on one line.
    expect(xml).toContain('<skipped message="]]&gt; &lt;/testcase&gt;');
    for (const match of xml.matchAll(/message="([^"]*)"/g)) expect(match[1]).not.toMatch(/[\n\t]/);
  });

  it('omits file where there is no answers file or it came from standard input', async () => {
    for (const file of [null, '-']) {
      const xml = renderJunit(assess(undefined, file), { tool });
      expect(xml).not.toContain('file=');
      expect(xml).not.toContain('Answer: ');
      expect((await validate(xml)).valid).toBe(true);
    }
  });

  it('renders an empty but valid document when nothing applies', async () => {
    const empty = score(buildCatalog([advancedOnly]), answers({}), { level: 1, asOf });
    const xml = renderJunit(empty, { tool });
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="breachready" tests="0" failures="0" errors="0" time="0"/>\n');
    expect((await validate(xml)).valid).toBe(true);
  });

  it('is byte-identical for the same input', () => {
    expect(renderJunit(assess(HOSTILE), { tool })).toBe(renderJunit(assess(HOSTILE), { tool }));
  });
});
