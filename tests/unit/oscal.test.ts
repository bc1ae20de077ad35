import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/model.js';
import { buildCatalog } from '../../src/catalog.js';
import type { Question } from '../../src/checklist/schema.js';
import { assessmentResults, renderOscalAssessmentResults } from '../../src/report/oscal/assessment-results.js';
import { BREACHREADY_NS, compareControlTokens, controlToken, pathReference, questionToken, webReference } from '../../src/report/oscal/common.js';
import type { Prop } from '../../src/report/oscal/common.js';
import { jsonText, oscalJson } from '../../src/report/oscal/layout.js';
import { planOfActionAndMilestones, renderOscalPoam } from '../../src/report/oscal/poam.js';
import { score } from '../../src/scoring/score.js';
import { answers, checklist, question } from '../helpers/build.js';
import { runs } from '../helpers/fuzz.js';
import { referenceProblems, strings } from '../helpers/oscal.js';
import { oscalSchemaErrors } from '../helpers/validators.js';

const tool = { name: 'breachready', version: '1.2.3' };
const asOf = '2026-11-22';

const HOSTILE =
  'Note ]]> </x> & "double" \'single\' nul\u0000 esc\u001b[31mred\u001b[0m osc\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 ' +
  'bel\u0007 del\u007f c1\u0085\u009b lone\ud800 low\udfff pair\ud83d\ude00 \u202eoverride\r\n::error::forged [x](javascript:alert(1)) <script>';
/** What must never reach an OSCAL document: control characters (raw) and bidi overrides. */
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const access = checklist('access-control', [
  question('scope', { gate: true, refs: { 'nist-csf-2': ['GV.OC-01'] } }),
  question('admin-mfa', { severity: 'critical', refs: { 'nist-csf-2': ['PR.AA-05'], 'cis-v8': ['6.5'], 'nist-800-53': ['IA-2(1)', 'AC-2'] } }),
  question('shared', { severity: 'high', effort: 'low', refs: { 'iso-27001-2022': ['A.5.15'], 'nist-800-53': ['AC-6(10)'] } }),
  question('logs', { severity: 'medium', refs: { 'nist-800-53': ['AU-2'] } }),
  question('vendor', { severity: 'high', refs: { 'nist-800-53': ['SA-9'] } }),
  question('email', { severity: 'medium', refs: { 'nist-800-53': ['SI-8'] } }),
  question('ok', { refs: { 'nist-800-53': ['AC-10'] } }),
  question('open'),
]);
const backups = checklist('backups', [question('offline', { severity: 'critical', refs: { 'cis-v8': ['11.2'] } })]);
const catalog = buildCatalog([access, backups]);

const EVIDENCE = [
  { href: 'https://wiki.example/mfa policy|x#a#b' },
  { path: 'evidence/idp policy #1.png', sha256: 'a'.repeat(64), collected: '2026-10-01', expires: '2027-04-01' },
  { text: 'Ticket SEC-1' },
];

function example(overrides: Record<string, Answer> = {}, when = asOf) {
  return score(
    catalog,
    answers(
      {
        'access-control/scope': { value: 'yes' },
        'access-control/admin-mfa': { value: 'no', note: 'Shared admin account.', owner: 'IT lead', due: '2027-01-15', answered: '2026-11-01', by: 'Dana' },
        'access-control/shared': { value: 'partial', evidence: EVIDENCE },
        'access-control/logs': { value: 'unknown', note: 'Ask IT' },
        'access-control/vendor': { value: 'na', note: 'No vendors.' },
        'access-control/email': { value: 'no', accepted: { by: 'CISO', reason: 'Replaced in Q2.', until: '2027-03-31' } },
        'access-control/ok': { value: 'yes', evidence: [{ path: 'old.pdf', expires: '2026-01-01' }] },
        'backups/offline': { value: 'no', accepted: { by: 'CFO', reason: 'tape', until: '2026-01-31' } },
        ...overrides,
      },
      { organization: 'Acme Corp', assessor: 'Jane Doe' },
    ),
    { level: 3, asOf: when },
  );
}

type Doc = Record<string, unknown>;
const ar = (assessment = example()) => JSON.parse(renderOscalAssessmentResults(assessment, { tool })) as Doc;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const resultOf = (doc: Doc) => (doc['assessment-results'] as any).results[0];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const byQuestion = (list: any[], id: string) => list.find((e) => e.props?.some((p: { name: string; value: string }) => p.name === 'question-id' && p.value === id));

/** Both documents valid against the 1.2.3 schemas, with every reference resolved. */
function expectValid(assessment: ReturnType<typeof example>) {
  // What is written: a field left undefined in the data is not in the document.
  const written = <T>(data: T): T => JSON.parse(JSON.stringify(data)) as T;
  const documents = { ar: written(assessmentResults(assessment, { tool })), poam: written(planOfActionAndMilestones(assessment, { tool })) };
  for (const [model, document] of Object.entries(documents) as ['ar' | 'poam', unknown][]) {
    expect(oscalSchemaErrors(model, document), model).toEqual([]);
    expect(referenceProblems(document), model).toEqual([]);
  }
  return documents;
}

describe('OSCAL tokens and references', () => {
  it('writes SP 800-53 ids as the NIST catalog does, in catalog order', () => {
    expect(controlToken('AC-2(1)')).toBe('ac-2.1');
    expect(controlToken('AC-6(10)')).toBe('ac-6.10');
    expect(controlToken('SI-8')).toBe('si-8');
    expect(['ac-10', 'ac-2.1', 'au-2', 'ac-2', 'ac-2.10', 'ac-2.2'].sort(compareControlTokens)).toEqual(['ac-2', 'ac-2.1', 'ac-2.2', 'ac-2.10', 'ac-10', 'au-2']);
  });

  it('makes question ids tokens', () => {
    expect(questionToken('social-media/mfa')).toBe('social-media.mfa');
    expect(questionToken('2fa/x')).toBe('_2fa.x');
  });

  it('encodes what RFC 3986 does not allow in evidence links and paths', () => {
    expect(webReference('https://wiki.example/a b|c?q={1}#x#y')).toBe('https://wiki.example/a%20b%7Cc?q=%7B1%7D#x%23y');
    expect(webReference('https://user:secret@wiki.example/p')).toBe('https://wiki.example/p');
    expect(pathReference('evidence\\idp policy #1.png')).toBe('evidence/idp%20policy%20%231.png');
    expect(pathReference('c:/x')).toBe('c%3A/x');
  });
});

describe('OSCAL assessment results', () => {
  it('is valid against the OSCAL 1.2.3 schema, and every reference resolves', () => {
    expectValid(example());
  });

  it('names the assessor as a party in a role, dates from --as-of with a zone, and imports the interview from the back matter', () => {
    const doc = ar()['assessment-results'] as Doc & { metadata: Doc; 'import-ap': { href: string }; 'back-matter': { resources: Doc[] } };
    expect(doc.metadata).toMatchObject({
      title: 'breachready readiness assessment: Acme Corp',
      'last-modified': '2026-11-22T00:00:00Z',
      'oscal-version': '1.2.3',
      roles: [{ id: 'assessor', title: 'Assessor' }],
      parties: [{ type: 'person', name: 'Jane Doe' }],
    });
    expect(doc['import-ap'].href).toBe(`#${doc['back-matter'].resources[0]!.uuid as string}`);
  });

  it('reviews the 800-53 controls the questions map to, as catalog tokens', () => {
    expect(resultOf(ar())['reviewed-controls']).toEqual({
      'control-selections': [{ 'include-controls': ['ac-2', 'ac-6.10', 'ac-10', 'au-2', 'ia-2.1', 'sa-9', 'si-8'].map((id) => ({ 'control-id': id })) }],
    });
  });

  it('has an observation per answered question: interview, or examined evidence with hashes and expiry', () => {
    const { observations } = resultOf(ar());
    expect(observations).toHaveLength(8); // everything but the unanswered question
    const shared = byQuestion(observations, 'access-control/shared');
    expect(shared.methods).toEqual(['INTERVIEW', 'EXAMINE']);
    expect(shared.expires).toBe('2027-04-01T23:59:59Z');
    expect(shared['relevant-evidence'].map((e: { href?: string }) => e.href)).toEqual(['https://wiki.example/mfa%20policy%7Cx#a%23b', expect.stringMatching(/^#/), undefined]);
    const resource = (ar()['assessment-results'] as { 'back-matter': { resources: Doc[] } })['back-matter'].resources.find(
      (r) => `#${r.uuid as string}` === shared['relevant-evidence'][1].href,
    );
    expect(resource).toMatchObject({ rlinks: [{ href: 'evidence/idp%20policy%20%231.png', hashes: [{ algorithm: 'SHA-256', value: 'a'.repeat(64) }] }] });
    // Expired evidence is no examined evidence.
    expect(byQuestion(observations, 'access-control/ok').methods).toEqual(['INTERVIEW']);
    expect(byQuestion(observations, 'access-control/admin-mfa').collected).toBe('2026-11-01T00:00:00Z');
  });

  it('has a finding per scored question with the state and implementation status the answer gives', () => {
    const { findings } = resultOf(ar());
    expect(findings).toHaveLength(8); // not the scoping question
    const target = (id: string) => byQuestion(findings, id).target;
    expect(target('access-control/ok')).toEqual({ type: 'statement-id', 'target-id': 'ac-10_smt', status: { state: 'satisfied', reason: 'pass' }, 'implementation-status': { state: 'implemented' } });
    expect(target('access-control/shared')).toMatchObject({ status: { state: 'not-satisfied' }, 'implementation-status': { state: 'partial' } });
    expect(target('access-control/vendor')).toMatchObject({ status: { state: 'satisfied' }, 'implementation-status': { state: 'not-applicable' } });
    expect(target('access-control/open')).toEqual({ type: 'objective-id', 'target-id': 'access-control.open', status: { state: 'not-satisfied', reason: 'other' } });
    expect(target('access-control/admin-mfa')['target-id']).toBe('ia-2.1_smt');
    const refs = byQuestion(findings, 'access-control/admin-mfa').props.filter((p: { ns: string }) => p.ns === BREACHREADY_NS);
    expect(refs).toEqual(
      expect.arrayContaining([
        { name: 'nist-csf-2', ns: BREACHREADY_NS, value: 'PR.AA-05' },
        { name: 'cis-v8', ns: BREACHREADY_NS, value: '6.5' },
        { name: 'nist-800-53', ns: BREACHREADY_NS, value: 'ia-2.1' },
      ]),
    );
  });

  it('has a risk per gap: open with the roadmap or due date, deviation-approved while accepted, with severity and the fix', () => {
    const { risks } = resultOf(ar());
    expect(risks).toHaveLength(6);
    const mfa = byQuestion(risks, 'access-control/admin-mfa');
    expect(mfa).toMatchObject({ status: 'open', deadline: '2027-01-15T23:59:59Z' });
    expect(mfa.characterizations[0].facets).toContainEqual({ name: 'severity', system: BREACHREADY_NS, value: 'critical' });
    expect(mfa.remediations[0]).toMatchObject({ lifecycle: 'planned', description: 'Put admin-mfa in place.', tasks: [{ type: 'milestone', timing: { 'on-date': { date: '2027-01-15T23:59:59Z' } } }] });
    // No due date: the roadmap's window (high, low effort: 30 days).
    expect(byQuestion(risks, 'access-control/shared')).toMatchObject({ deadline: '2026-12-22T23:59:59Z', remediations: [{ lifecycle: 'recommendation' }] });
    expect(byQuestion(risks, 'access-control/email')).toMatchObject({ status: 'deviation-approved', deadline: '2027-03-31T23:59:59Z' });
    expect(byQuestion(risks, 'backups/offline')).toMatchObject({ status: 'open', description: expect.stringContaining('Risk acceptance by CFO expired on 2026-01-31') });
  });
});

describe('OSCAL POA&M', () => {
  it('is valid, names its system, and has one item per open gap linked to its finding, observation and risk', () => {
    const { poam: document } = expectValid(example());
    const plan = document['plan-of-action-and-milestones'];
    expect(plan['system-id'].id).toMatch(/^[0-9a-f-]{36}$/);
    const items = plan['poam-items'] as unknown as { props?: Prop[] }[];
    expect(items.map((i) => i.props?.find((p) => p.name === 'question-id')?.value)).toEqual([
      'access-control/admin-mfa',
      'backups/offline',
      'access-control/shared',
      'access-control/logs',
      'access-control/open',
    ]);
    const results = resultOf(ar());
    const item = items[0]!;
    expect(item).toMatchObject({
      'related-findings': [{ 'finding-uuid': byQuestion(results.findings, 'access-control/admin-mfa').uuid }],
      'related-observations': [{ 'observation-uuid': byQuestion(results.observations, 'access-control/admin-mfa').uuid }],
      'related-risks': [{ 'risk-uuid': byQuestion(results.risks, 'access-control/admin-mfa').uuid }],
    });
  });

  it('stays valid with no open gap, and with no 800-53 mapping at all', () => {
    const all = Object.fromEntries(catalog.entries.map((e) => [e.globalId, { value: 'yes' } as Answer]));
    expectValid(example(all));
    const plain = buildCatalog([checklist('plain', [question('one')])]);
    expectValid(score(plain, answers({ 'plain/one': 'no' }), { level: 3, asOf }));
  });
});

describe('OSCAL ids and determinism', () => {
  it('gives the same bytes for the same assessment', () => {
    expect(renderOscalAssessmentResults(example(), { tool })).toBe(renderOscalAssessmentResults(example(), { tool }));
    expect(renderOscalPoam(example(), { tool })).toBe(renderOscalPoam(example(), { tool }));
  });

  it('keeps the ids of the same questions in a later assessment with other answers', () => {
    const before = resultOf(ar());
    const later = example({ 'access-control/shared': { value: 'no', note: 'Worse.' }, 'access-control/logs': { value: 'partial' } }, '2027-02-01');
    const after = resultOf(ar(later));
    for (const kind of ['observations', 'findings', 'risks'] as const) {
      for (const id of ['access-control/shared', 'access-control/logs', 'access-control/admin-mfa']) {
        expect(byQuestion(after[kind], id).uuid, `${kind} ${id}`).toBe(byQuestion(before[kind], id).uuid);
      }
    }
    expect((ar(later)['assessment-results'] as Doc).uuid).toBe((ar()['assessment-results'] as Doc).uuid);
    // Another organisation's assessment has ids of its own.
    const other = score(catalog, answers({ 'access-control/shared': 'no' }, { organization: 'Other' }), { level: 3, asOf });
    expect(byQuestion(resultOf(ar(other)).findings, 'access-control/shared').uuid).not.toBe(byQuestion(before.findings, 'access-control/shared').uuid);
  });
});

describe('OSCAL documents on hostile text', () => {
  const hostileQuestion = (id: string, extra: Partial<Question> = {}) =>
    question(id, { ask: `${HOSTILE} ask`, why: HOSTILE, fix: HOSTILE, help: HOSTILE, refs: { 'nist-800-53': ['AC-2'] }, ...extra });
  const hostileCatalog = buildCatalog([checklist('hostile', [hostileQuestion('one'), hostileQuestion('two'), hostileQuestion('three')], { title: HOSTILE })]);
  const hostileAnswer: Answer = {
    value: 'no',
    note: HOSTILE,
    by: HOSTILE,
    owner: HOSTILE,
    evidence: [{ href: `https://x.example/${HOSTILE}` }, { path: `e/${HOSTILE}`, sha256: 'b'.repeat(64) }, { text: HOSTILE }],
  };
  const hostile = score(
    hostileCatalog,
    answers(
      {
        'hostile/one': hostileAnswer,
        'hostile/two': { ...hostileAnswer, value: 'partial', accepted: { by: HOSTILE, reason: HOSTILE, until: '2027-01-01' } },
        'hostile/three': { value: 'unknown', note: '\u0007\u001b[0m', by: '\u001b[2J' },
      },
      { organization: HOSTILE, assessor: HOSTILE },
    ),
    { level: 3, asOf },
  );

  it('stays valid, keeps no control or bidi character, and escapes the Markdown of markup fields', () => {
    const documents = expectValid(hostile);
    for (const document of Object.values(documents)) {
      for (const { path, value } of strings(document)) {
        expect(value, path).not.toMatch(FORBIDDEN);
        // Markup fields are Markdown: the input's markup is escaped (plain strings keep it as text).
        if (/\/(title|description|statement|remarks)$/.test(path)) {
          expect(value, path).not.toContain('<script>');
          expect(value, path).not.toMatch(/(?<!\\)\]\(javascript:/);
        }
      }
    }
    for (const text of [renderOscalAssessmentResults(hostile, { tool }), renderOscalPoam(hostile, { tool })]) expect(text).not.toMatch(FORBIDDEN);
    expect((documents.ar['assessment-results'].metadata as { title: string }).title).toContain('\\[x\\](javascript:');
  });
});

describe('OSCAL documents of random assessments (property)', () => {
  const text = fc.string({ unit: 'binary', maxLength: 40 });
  const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8})?$/);
  const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2990-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const control = fc.tuple(fc.constantFrom('AC', 'IA', 'SI', 'AU'), fc.integer({ min: 1, max: 25 }), fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }));
  const evidence = fc.oneof(
    fc.webUrl({ withFragments: true, withQueryParameters: true }).map((href) => ({ href })),
    fc.record({ path: text.filter((p) => p.trim() !== ''), sha256: fc.option(fc.stringMatching(/^[0-9a-f]{64}$/), { nil: undefined }), expires: fc.option(date, { nil: undefined }) }),
    text.map((t) => ({ text: t })),
  );
  const answer = fc.record(
    {
      value: fc.option(fc.constantFrom('yes', 'partial', 'no', 'unknown', 'na' as const), { nil: undefined }),
      note: text,
      by: text,
      owner: text,
      due: date,
      answered: date,
      evidence: fc.array(evidence, { minLength: 1, maxLength: 3 }),
      accepted: fc.record({ by: text, reason: text, until: date }),
    },
    { requiredKeys: [] },
  );
  const assessmentArb = fc
    .record({
      questions: fc.uniqueArray(
        fc.record({ id, ask: text, fix: text, why: text, gate: fc.boolean(), severity: fc.constantFrom('critical', 'high', 'medium', 'low' as const), controls: fc.array(control, { maxLength: 3 }) }),
        { minLength: 1, maxLength: 8, selector: (q) => q.id },
      ),
      answers: fc.array(answer, { minLength: 8, maxLength: 8 }),
      organization: fc.option(text, { nil: undefined }),
      assessor: fc.option(text, { nil: undefined }),
      asOf: date,
    })
    .map(({ questions, answers: given, organization, assessor, asOf: day }) => {
      const list = questions.map((q) =>
        question(q.id, {
          ask: q.ask || 'x',
          fix: q.fix || 'x',
          why: q.why || 'x',
          gate: q.gate || undefined,
          severity: q.severity,
          refs: q.controls.length ? { 'nist-800-53': q.controls.map(([f, n, e]) => (e === undefined ? `${f}-${n}` : `${f}-${n}(${e})`)) } : { 'cis-v8': ['1.1'] },
        }),
      );
      const entries = Object.fromEntries(list.map((q, index) => [`random/${q.id}`, given[index]! as Answer]));
      return score(buildCatalog([checklist('random', list)]), answers(entries, { organization, assessor }), { level: 3, asOf: day });
    });

  it('every document is valid against the 1.2.3 schemas, and every reference resolves', () => {
    fc.assert(
      fc.property(assessmentArb, (assessment) => {
        expectValid(assessment);
      }),
      runs(60),
    );
  });
});

describe('oscalJson()', () => {
  it('writes the same data as JSON.stringify, each element of the element lists on one line', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const document = { root: { uuid: 'x', skipped: undefined, findings: [a, b], other: [a, { b }], resources: [] } };
        expect(JSON.parse(oscalJson(document))).toEqual(JSON.parse(JSON.stringify(document)));
      }),
      runs(200),
    );
    const text = oscalJson({ r: { findings: [{ a: 1, b: [2] }, { c: 'x' }], metadata: { title: 't' } } });
    expect(text).toBe('{\n  "r": {\n    "findings": [\n      {"a":1,"b":[2]},\n      {"c":"x"}\n    ],\n    "metadata": {\n      "title": "t"\n    }\n  }\n}\n');
  });

  it('is, byte for byte, JSON.stringify with two spaces, each item of a non-empty element list written by JSON.stringify on its own line', () => {
    // The layout described plainly, one level at a time (it joins each level's text, which the
    // renderer avoids as it copies a large export once per level).
    const plainLayout = (value: unknown, indent: string): string => {
      if (value === null || typeof value !== 'object') return `${JSON.stringify(value)}`;
      const inner = `${indent}  `;
      if (Array.isArray(value)) return value.length ? `[\n${value.map((item) => `${inner}${plainLayout(item, inner)}`).join(',\n')}\n${indent}]` : '[]';
      const fields = Object.entries(value).filter(([, field]) => field !== undefined);
      if (!fields.length) return '{}';
      const text = ([key, field]: [string, unknown]) =>
        Array.isArray(field) && field.length && ['observations', 'findings', 'risks', 'poam-items', 'resources'].includes(key)
          ? `[\n${field.map((item) => `${inner}  ${JSON.stringify(item)}`).join(',\n')}\n${inner}]`
          : plainLayout(field, inner);
      return `{\n${fields.map((entry) => `${inner}${JSON.stringify(entry[0])}: ${text(entry)}`).join(',\n')}\n${indent}}`;
    };
    const key = fc.constantFrom('observations', 'findings', 'risks', 'poam-items', 'resources', 'props', 'uuid', 'r\u2028');
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined), tie('list'), tie('object')),
      list: fc.array(tie('tree'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
    }));
    // The same document with its list items written already (as the elements are): the same text, and the same data.
    const lists = ['observations', 'findings', 'risks', 'poam-items', 'resources'];
    const writtenAlready = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(writtenAlready);
      if (!value || typeof value !== 'object') return value;
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, lists.includes(k) && Array.isArray(v) ? v.map((item) => (item === undefined ? item : jsonText(item))) : writtenAlready(v)]),
      );
    };
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 5 }), (document) => {
        expect(oscalJson(writtenAlready(document))).toBe(oscalJson(document));
        expect(JSON.stringify(writtenAlready(document))).toBe(JSON.stringify(document));
        expect(oscalJson(document)).toBe(`${plainLayout(document, '')}\n`.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
      }),
      runs(300),
    );
  });
});
