import { readdirSync } from 'node:fs';
import { getVersion } from 'markdownlint';
import type { Configuration } from 'markdownlint';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import type { Answer, Answers } from '../../src/answers/model.js';
import { buildCatalog } from '../../src/catalog.js';
import { loadChecklistFile } from '../../src/checklist/load.js';
import type { Checklist, Question, Severity } from '../../src/checklist/schema.js';
import { SEVERITY_LABEL, formatGrade } from '../../src/report/common.js';
import { SONY_LESSONS, lessonStatus } from '../../src/scoring/lessons.js';
import { compareControlIds, renderMarkdown } from '../../src/report/markdown.js';
import { FULL_DETAIL_GAPS } from '../../src/report/condense.js';
import type { Assessment } from '../../src/scoring/model.js';
import { SEVERITY_WEIGHT, score } from '../../src/scoring/score.js';
import { escapeMarkdownCell } from '../../src/text.js';
import { cellSeparators, emptyStructure, structureRule } from '../helpers/markdown.js';
import type { MarkdownStructure } from '../helpers/markdown.js';

const TOOL = { tool: { name: 'breachready', version: '0.1.0' } };
const AS_OF = '2026-06-30';

const SECTIONS = [
  'Executive summary',
  'Lessons from the Sony Pictures breach',
  'Scores by checklist',
  'Roadmap',
  'Remediation plan',
  'Gap details',
  'Accepted risks',
  'Not applicable',
  'Unanswered',
  'Coverage by framework',
  'Appendix: every answer',
  'Methodology',
];

// Hostile text: forged table cells, a heading, HTML, a javascript: link, code, ANSI colour and an
// OSC 8 terminal hyperlink.
const ESC = '\u001b';
const HOSTILE = [
  '| x | y |',
  'line one\n# Heading',
  '<img src=x onerror=alert(1)>',
  '[link](javascript:alert(1))',
  '![pixel](https://tracker.example/p.gif) www.tracker.example mallory@evil.example mailto:mallory@evil.example',
  '`rm -rf` and ```fence```',
  `${ESC}[31mred${ESC}[0m`,
  `${ESC}]8;;https://osc.example/${ESC}\\click me${ESC}]8;;${ESC}\\`,
  `${ESC}]8;;https://osc.example/\u0007bell link${ESC}]8;;\u0007`,
  '\n\n| a | b |\n| --- | --- |\n| c | d |\n\n---\n\n- item\n> quote\n\tindented',
].join(' ');

function question(id: string, severity: Severity, extra: Partial<Question> = {}): Question {
  return {
    id,
    ask: `Is ${id.replace(/-/g, ' ')} in place?`,
    help: 'What good looks like.',
    severity,
    level: 1,
    why: `Because ${id} matters.`,
    fix: `Put ${id} in place.`,
    effort: 'low',
    refs: { 'nist-csf-2': ['PR.AA-05'], 'cis-v8': ['5.2'], 'nist-800-53': ['IA-5(1)'] },
    ...extra,
  };
}

function checklist(id: string, title: string, questions: Question[], extra: Partial<Checklist> = {}): Checklist {
  return {
    id,
    title,
    version: '1.0.0',
    summary: `About ${title}.`,
    lesson: `What went wrong at Sony with ${title}.`,
    sources: [{ publication: 'The Hollywood Reporter', title: 'Sony Pictures Targeted by Widespread Hack', date: '2014-11-24' }],
    questions,
    ...extra,
  };
}

const CHECKLISTS: Checklist[] = [
  checklist('social-media', 'Social-media accounts', [
    question('has-social-accounts', 'low'),
    question('unique-credentials', 'critical', { when: { question: 'has-social-accounts', is: 'yes' }, refs: { 'cis-v8': ['5.2', '15.1', '4.10', '4.2'] } }),
    question('mfa-on-accounts', 'critical', { when: { question: 'has-social-accounts', is: 'yes' }, effort: 'medium' }),
    question('password-manager', 'high', { level: 2 }),
    question('third-party-app-review', 'medium', { level: 3 }),
  ]),
  checklist('privileged-access', 'Privileged access', [
    question('admin-mfa', 'critical'),
    question('dedicated-admin-accounts', 'high', { refs: { 'nist-800-53': ['AC-17', 'AC-2(9)', 'AC-2'] } }),
  ]),
  checklist('email-security', 'E-mail security', [question('tls-in-transit', 'medium'), question('encrypt-external', 'high')]),
  checklist('backup-recovery', 'Backups', [
    question('offline-immutable-copy', 'critical'),
    question('restore-tests', 'high'),
    question('out-of-band-communications', 'high', { level: 3 }),
  ]),
  checklist(
    'hostile',
    `Hostile | title\n# Not a heading ${ESC}[2J`,
    [
      question('evil', 'medium', { ask: `Evil ask ${HOSTILE}?`, why: `Why ${HOSTILE}`, fix: `Fix ${HOSTILE}` }),
      question('evil-too', 'low', { ask: '# Heading ask\n===' }),
    ],
    {
      lesson: `Lesson ${HOSTILE}`,
      sources: [{ publication: `Pub ${HOSTILE}`, title: '*Title* [x](y)', date: '2014-12' }],
    },
  ),
];

function answers(entries: Record<string, Answer>, meta: Partial<Answers> = {}): Answers {
  return { answers: new Map(Object.entries(entries)), ...meta };
}

const HOSTILE_ANSWERS = answers(
  {
    'social-media/has-social-accounts': { value: 'yes' },
    'social-media/unique-credentials': { value: 'no', note: HOSTILE, evidence: [{ text: HOSTILE }] },
    'social-media/mfa-on-accounts': { value: 'partial', note: 'Only on the main account.' },
    'privileged-access/admin-mfa': { value: 'no', note: HOSTILE, accepted: { by: `CFO ${HOSTILE}`, reason: HOSTILE, until: '2027-01-01' } },
    'privileged-access/dedicated-admin-accounts': { value: 'no', accepted: { by: 'CIO', reason: 'Legacy tooling.', until: '2026-01-01' } },
    'email-security/tls-in-transit': { value: 'yes' },
    'email-security/encrypt-external': { value: 'unknown', accepted: { by: 'CEO', reason: 'Vendor selection under way.', until: '2026-12-31' } },
    'backup-recovery/offline-immutable-copy': { value: 'yes', note: 'Immutable bucket.' },
    'backup-recovery/restore-tests': { value: 'na', note: HOSTILE },
    'hostile/evil': { value: 'no', note: HOSTILE, evidence: [{ text: HOSTILE }] },
  },
  {
    file: `answers | ${HOSTILE}.yaml`,
    organization: `Acme | Films\n# Pwned ${HOSTILE}`,
    assessor: `<b>Mallory</b> ${HOSTILE}`,
    date: '2026-06-01',
  },
);

async function builtinChecklists(): Promise<Checklist[]> {
  const files = readdirSync('checklists')
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return (await Promise.all(files.map((f) => loadChecklistFile(`checklists/${f}`)))).map((r) => r.checklist).filter((c): c is Checklist => c !== undefined);
}

function assess(checklists: Checklist[], given: Answers, level: 1 | 2 | 3 = 2): Assessment {
  return score(buildCatalog(checklists), given, { level, asOf: AS_OF });
}

// --- markdownlint -------------------------------------------------------------------------------

// Every rule on, except those about style rather than validity:
const LINT_CONFIG: Configuration = {
  default: true,
  // Line length is a source-formatting preference; paragraphs and table rows carry the client's
  // text and cannot be wrapped without changing a table row into several.
  MD013: false,
  // Gap headings quote the checklist's question verbatim, which ends in "?" or sometimes ".".
  MD026: false,
  // Every heading is unique (the appendix says "Answers: <checklist>"), so every anchor is stable.
  MD024: true,
};

/** Lints with markdownlint and reads the document structure from its micromark (GFM) parse. */
function lintMarkdown(markdown: string): { errors: string[]; structure: MarkdownStructure } {
  const structure = emptyStructure();
  const inspect = structureRule(structure);
  const results = lint({ strings: { report: markdown }, config: LINT_CONFIG, customRules: [inspect] });
  const errors = (results.report ?? []).map((e) => `line ${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription}${e.errorDetail ? ` (${e.errorDetail})` : ''}`);
  return { errors, structure };
}

// --- tests ----------------------------------------------------------------------------------------

describe('renderMarkdown', () => {
  const assessment = assess(CHECKLISTS, HOSTILE_ANSWERS);
  const md = renderMarkdown(assessment, TOOL);
  const { errors, structure } = lintMarkdown(md);

  it('uses a markdownlint that supports Node 20', () => {
    expect(getVersion()).toMatch(/^0\.40\./);
  });

  it('has a structure check that sees what it looks for', () => {
    const probe = lintMarkdown('# T\n\n<b>x</b> [a](b) https://x.example ![i](p.gif)\n\n| a | b |\n| --- | --- |\n| c | d | e |\n\n## `code`\n');
    expect(probe.structure.forbidden.map((f) => f.split(' ')[0])).toEqual(['htmlText', 'htmlText', 'link', 'literalAutolink', 'image']);
    expect(probe.structure.tables).toEqual([[2, 3]]);
    expect(probe.structure.headings).toEqual(['# T', '## `code`']);
    expect(probe.structure.codeSpans).toEqual(['`code`']);
  });

  it('passes markdownlint', () => {
    expect(errors).toEqual([]);
  });

  it('has the sections in order, with no other second-level headings', () => {
    const h2 = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(h2).toEqual(['Contents', ...SECTIONS]);
    expect(md.startsWith('# Security readiness report: Acme \\| Films \\# Pwned')).toBe(true);
  });

  it('has exactly the headings the renderer makes, each on one line', () => {
    const hostileTitle = '### Hostile \\| title \\# Not a heading';
    const expected = [
      expect.stringMatching(/^# Security readiness report: Acme \\\| Films \\# Pwned .* indented$/),
      '## Contents',
      ...SECTIONS.slice(0, 6).map((s) => `## ${s}`),
      // Gap details: a heading per checklist with open gaps, then one per gap, numbered as in the plan
      // (a stable anchor the summary, roadmap and plan link to; the question follows the heading).
      '### Social-media accounts',
      '#### Gap 1',
      '#### Gap 2',
      '#### Gap 4',
      '### Privileged access',
      '#### Gap 3',
      hostileTitle,
      '#### Gap 5',
      '#### Gap 6',
      ...SECTIONS.slice(6, 11).map((s) => `## ${s}`),
      // Appendix: a heading per checklist, named apart from the gap details' headings.
      ...['Social-media accounts', 'Privileged access', 'E-mail security', 'Backups'].map((t) => `### Answers: ${t}`),
      hostileTitle.replace('### ', '### Answers: '),
      `## ${SECTIONS[11]}`,
    ];
    expect(structure.headings).toEqual(expected);
    const lines = md.split('\n').filter((l) => /^ {0,3}#/.test(l));
    expect(lines).toEqual(structure.headings);
  });

  it('lets no hostile text create HTML, links, images, code blocks, quotes or rules', () => {
    expect(structure.forbidden).toEqual([]);
    // The only links are the report's own: the contents and the gap numbers, to headings it wrote.
    expect(structure.inPageLinks.filter((l) => !/^\[(gap \d+|[A-Z][A-Za-z :]+)\]\(#(gap-\d+|[a-z-]+)\)$/.test(l))).toEqual([]);
    expect(structure.inPageLinks.slice(0, SECTIONS.length)).toEqual(SECTIONS.map((t) => `[${t}](#${t.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')})`));
    // The only code spans are the renderer's own: ids, and `when` and `until` in the methodology.
    for (const span of structure.codeSpans) expect(span).toMatch(/^`[a-z0-9][a-z0-9/-]*`$/);
    expect(md).not.toContain('<');
    expect(md).not.toMatch(/(?<!\\)\]\((?!#)/);
  });

  it('keeps every table row to its header column count, one line per row', () => {
    expect(structure.tables.length).toBeGreaterThan(5);
    for (const rows of structure.tables) {
      expect(rows.length).toBeGreaterThan(1);
      expect(new Set(rows).size, `rows ${rows.join(',')}`).toBe(1);
    }
    // The same, read from the text: a table is a run of lines starting with `|`.
    const lines = md.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
      expect(lines[i - 1], `line ${i}`).toBe('');
      const columns = cellSeparators(lines[i]!);
      let j = i;
      while (lines[j]?.startsWith('|')) {
        expect(cellSeparators(lines[j]!), `line ${j + 1}: ${lines[j]}`).toBe(columns);
        j++;
      }
      expect(lines[j], `after the table at line ${i + 1}`).toBe('');
    }
    // Appendix of the hostile checklist: header, delimiter and one row per applicable question.
    const appendix = md.slice(md.indexOf('## Appendix: every answer'));
    const hostile = appendix.slice(appendix.indexOf('### Answers: Hostile'));
    const hostileTable = hostile.split('\n\n')[1]!.split('\n');
    expect(hostileTable).toHaveLength(2 + assessment.results.filter((r) => r.checklist.id === 'hostile').length);
  });

  it('strips control characters and terminal sequences', () => {
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(md).not.toContain('osc.example');
    expect(md).toContain('click me');
  });

  it('is valid GFM text: no trailing spaces, no tabs, no double blank lines, one final newline', () => {
    expect(md).not.toMatch(/[ \t]$/m);
    expect(md).not.toContain('\t');
    expect(md).not.toContain('\n\n\n');
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
  });

  it('is deterministic', () => {
    expect(renderMarkdown(assessment, TOOL)).toBe(md);
    expect(renderMarkdown(assess(CHECKLISTS, HOSTILE_ANSWERS), TOOL)).toBe(md);
  });

  it('shows the metadata and the summary', () => {
    expect(md).toContain('- **Assessor:** &lt;b&gt;Mallory&lt;/b&gt;');
    expect(md).toContain('- **Answers dated:** 2026-06-01');
    expect(md).toContain(`- **As of:** ${AS_OF}`);
    expect(md).toContain('- **Level:** 2 (standard)');
    expect(md).toContain('- **Generated by:** breachready 0.1.0');
    expect(md).toContain(`- **Grade:** ${formatGrade(assessment)}`);
    expect(md).toContain('- **Accepted risks:** 2 in force, 1 expired');
    expect(md).toMatch(/The 3 most urgent fixes:\n\n1\. \*\*Critical:\*\* Is unique credentials in place\? Answer: no\. What to do: \[gap 1\]\(#gap-1\)\.\n2\. /);
    expect(md).toContain('**Scope and limits.** This assessment covers 5 checklists');
  });

  it('prints each fix once (in the gap details, linked from the summary, roadmap and plan) and no empty Note or Evidence lines', () => {
    for (const [i, gap] of assessment.openGaps.entries()) {
      if (gap.checklist.id === 'hostile') continue; // its fix is escaped text, checked below by its gap link
      expect(md.split(gap.question.fix).length - 1, gap.globalId).toBe(1);
      expect(md).toContain(`#### Gap ${i + 1}`);
      expect(md.split(`(#gap-${i + 1})`).length - 1).toBeGreaterThanOrEqual(i < 3 ? 3 : 2);
    }
    expect(md).not.toMatch(/\*\*(Note|Evidence|Owner):\*\* (none|—)/);
  });

  it('has a roadmap with windows, owners and due dates from the answers file', () => {
    const given = answers({
      'social-media/has-social-accounts': { value: 'yes' },
      'social-media/unique-credentials': { value: 'no', owner: 'IT | lead', due: '2026-07-15' },
      'social-media/mfa-on-accounts': { value: 'no', due: '2026-01-01' },
    });
    const roadmap = renderMarkdown(assess(CHECKLISTS.slice(0, 1), given), TOOL);
    const section = roadmap.slice(roadmap.indexOf('## Roadmap'), roadmap.indexOf('## Remediation plan'));
    expect(section).toContain('| Within 30 days | [gap 1](#gap-1) | Critical | Is unique credentials in place? | low | IT \\| lead | 2026-07-15 |');
    expect(section).toContain('| medium | — | 2026-01-01 (overdue) |');
    expect(section).toMatch(/\| Within \d+ days \| \[gap 3\]\(#gap-3\) \| .* \| — \| 2026-\d\d-\d\d \(window end\) \|/);
  });

  it('lists the remediation plan in priority order with framework references', () => {
    const plan = md.slice(md.indexOf('## Remediation plan'), md.indexOf('## Gap details'));
    const rows = plan.split('\n').filter((l) => /^\| \[gap \d+\]\(#gap-\d+\) \|/.test(l));
    expect(rows).toHaveLength(assessment.openGaps.length);
    expect(rows[0]).toContain('`social-media/unique-credentials`');
    expect(rows[0]).toContain('| CIS 5.2, 15.1, 4.10, 4.2 |');
    expect(plan).toContain(`| ${escapeMarkdownCell('CSF PR.AA-05; CIS 5.2; 800-53 IA-5(1)')} |`);
    // The expired acceptance is open again, and says so.
    expect(plan).toContain('no, risk acceptance expired 2026-01-01');
  });

  it('shows accepted and expired risks, not-applicable justifications and unanswered questions', () => {
    const accepted = md.slice(md.indexOf('## Accepted risks'), md.indexOf('## Not applicable'));
    expect(accepted).toContain('`email-security/encrypt-external`');
    expect(accepted).toContain('| CEO | Vendor selection under way. | 2026-12-31 |');
    expect(accepted).toMatch(/\*\*Expired:\*\* 1 acceptance ran out before 2026-06-30/);
    expect(accepted).toContain('| CIO | Legacy tooling. | 2026-01-01 |');
    const na = md.slice(md.indexOf('## Not applicable'), md.indexOf('## Unanswered'));
    expect(na).toContain('`backup-recovery/restore-tests`');
    const unanswered = md.slice(md.indexOf('## Unanswered'), md.indexOf('## Coverage by framework'));
    expect(unanswered).toContain('- Is password manager in place? (`social-media/password-manager`), high');
    expect(unanswered).toContain('`hostile/evil-too`');
  });

  it('lists framework controls with open gaps in natural order', () => {
    const coverage = md.slice(md.indexOf('## Coverage by framework'), md.indexOf('## Appendix'));
    expect(coverage).toContain(`| CIS Critical Security Controls v8 (\`cis-v8\`) | 4 | 4 | ${escapeMarkdownCell('4.2, 4.10, 5.2, 15.1')} |`);
    expect(coverage).toContain(`(\`nist-800-53\`) | 4 | 4 | ${escapeMarkdownCell('AC-2, AC-2(9), AC-17, IA-5(1)')} |`);
    expect(coverage).toContain('(`iso-27001-2022`) | 0 | 0 | none |');
    expect(['15.1', '4.10', '5.2', '4.2', 'AC-2(9)', 'AC-2'].sort(compareControlIds)).toEqual(['4.2', '4.10', '5.2', '15.1', 'AC-2', 'AC-2(9)']);
  });

  it('writes the methodology from the scoring constants', () => {
    const method = md.slice(md.indexOf('## Methodology'));
    for (const s of Object.keys(SEVERITY_WEIGHT) as Severity[]) expect(method).toContain(`| ${SEVERITY_LABEL[s]} | ${SEVERITY_WEIGHT[s]} |`);
    expect(method).toContain('| partly | 0.5 |');
    expect(method).toContain('| not applicable | excluded from the score |');
    expect(method).toContain('| A | 90 or more |');
    expect(method).toContain('| F | below 60 |');
    expect(method).toContain('an open critical gap caps the grade at D; an open high gap caps the grade at B');
    expect(method).toContain('then by answer (no, don\'t know, unanswered, partly)');
    expect(method).toContain('then by effort (low, medium, high');
    expect(method).toContain("when the named question is unanswered or answered partly, don't know, not applicable");
    expect(method).toContain('Only a decisive answer (yes or no) can switch a question off');
    expect(method).toContain('they are never scored and never a gap, so they are not counted among the applicable questions');
  });
});

describe('empty and clean assessments', () => {
  it('renders no checklists and no answers gracefully', () => {
    const md = renderMarkdown(assess([], answers({})), TOOL);
    expect(lintMarkdown(md).errors).toEqual([]);
    expect(md.startsWith('# Security readiness report\n\n')).toBe(true);
    expect(md).toContain('- **Score:** n/a');
    expect(md).toContain('- **Grade:** n/a');
    expect(md).toContain('- **Organization:** not stated');
    expect(md).toContain('No open gaps.');
    expect(md).toContain('No checklists were loaded.');
    expect(md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3))).toEqual(['Contents', ...SECTIONS]);
  });

  it('renders an all-yes assessment with no gaps', () => {
    const all = Object.fromEntries(CHECKLISTS.slice(0, 4).flatMap((c) => c.questions.map((q) => [`${c.id}/${q.id}`, { value: 'yes' } as Answer])));
    const assessment = assess(CHECKLISTS.slice(0, 4), answers(all, { organization: 'Acme' }), 3);
    const md = renderMarkdown(assessment, TOOL);
    expect(lintMarkdown(md).errors).toEqual([]);
    expect(md).toContain('- **Score:** 100.0 out of 100');
    expect(md).toContain('- **Grade:** A');
    expect(md).toContain('No open gaps.');
    expect(md).toContain('No risks have been accepted.');
    expect(md).toContain('Every applicable question was answered.');
  });
});

describe('the built-in checklists', () => {
  it('render a report that passes markdownlint, half answered or not at all', async () => {
    const checklists = await builtinChecklists();
    expect(checklists.length).toBeGreaterThan(0);
    const values = ['yes', 'no', 'partial', 'unknown'] as const;
    const half = Object.fromEntries(
      checklists.flatMap((c) => c.questions.map((q, i) => [`${c.id}/${q.id}`, { value: values[i % values.length], note: `Note on ${q.id}.` } as Answer])),
    );
    for (const given of [answers({}), answers(half, { organization: 'Acme Films', assessor: 'A. Consultant', date: '2026-06-01', file: 'answers.yaml' })]) {
      const md = renderMarkdown(assess(checklists, given, 3), TOOL);
      const { errors, structure } = lintMarkdown(md);
      expect(errors).toEqual([]);
      expect(structure.forbidden).toEqual([]);
      for (const rows of structure.tables) expect(new Set(rows).size).toBe(1);
    }
  });
});

describe('lessonStatus', () => {
  const status = (assessment: Assessment) => Object.fromEntries(lessonStatus(assessment).map((s) => [s.lesson.id, s.status]));

  it('marks open, accepted, closed and not assessed lessons', () => {
    const byId = status(assess(CHECKLISTS, HOSTILE_ANSWERS));
    expect(byId['shared-social-credentials']).toBe('open');
    // admin-mfa is accepted, but dedicated-admin-accounts' acceptance expired: open again.
    expect(byId['privileged-identity']).toBe('open');
    expect(byId['unencrypted-email']).toBe('accepted');
    // yes and na only; out-of-band-communications (level 3) does not apply at level 2.
    expect(byId['no-disaster-recovery']).toBe('closed');
    expect(byId['incident-response-extortion']).toBe('not assessed');
    expect(byId['ddos']).toBe('not assessed');
  });

  it('renders the status in the lessons table', () => {
    const md = renderMarkdown(assess(CHECKLISTS, HOSTILE_ANSWERS), TOOL);
    const lessons = md.slice(md.indexOf('## Lessons'), md.indexOf('## Scores'));
    expect(lessons).toMatch(/\*\*Shared credentials on most Twitter accounts:\*\* .* \| China Topix \(2014-11-24\) \| Open \|/);
    expect(lessons).toMatch(/\*\*E-mail not encrypted:\*\* .* \| Accepted risk \|/);
    expect(lessons).toMatch(/\*\*No disaster-recovery and backup plan for business continuity:\*\* .* \| Addressed \|/);
    expect(lessons).toMatch(/\*\*Denial-of-service floods against Sony servers:\*\* .*; implied \| Not assessed \|/);
    expect(lessons.split('\n').filter((l) => l.startsWith('| **'))).toHaveLength(SONY_LESSONS.length);
  });

  it('ignores question ids the assessment does not have', () => {
    const partial = assess([checklist('social-media', 'Social', [question('unique-credentials', 'critical')])], answers({ 'social-media/unique-credentials': { value: 'yes' } }));
    const [social] = lessonStatus(partial);
    expect(social!.status).toBe('closed');
    expect(social!.assessed.map((r) => r.globalId)).toEqual(['social-media/unique-credentials']);
  });

  it('refers only to questions of the built-in checklists, and to their sources', async () => {
    const loaded = await builtinChecklists();
    const ids = new Set(loaded.flatMap((c) => c.questions.map((q) => `${c.id}/${q.id}`)));
    const sources = new Set(loaded.flatMap((c) => c.sources.map((s) => `${s.publication}|${s.title}|${s.date}`)));
    const lessonIds = new Set<string>();
    for (const lesson of SONY_LESSONS) {
      expect(lessonIds.has(lesson.id)).toBe(false);
      lessonIds.add(lesson.id);
      expect(lesson.questions.length, lesson.id).toBeGreaterThan(0);
      for (const id of lesson.questions) expect(ids.has(id), `${lesson.id}: ${id}`).toBe(true);
      for (const s of lesson.sources) expect(sources.has(`${s.publication}|${s.title}|${s.date}`), `${lesson.id}: ${s.publication}`).toBe(true);
    }
  });
});

describe('a large Markdown report (more than FULL_DETAIL_GAPS open gaps)', () => {
  // Twelve checklists of a hundred questions, two in three answered no; a scoping question in each answered don't know.
  const lists = Array.from({ length: 12 }, (_, c) =>
    checklist(`c${c}`, `Domain ${c}`, [
      question(`c${c}-scope`, 'low', { gate: true }),
      ...Array.from({ length: 99 }, (_, i) => question(`c${c}-q${i}`, (['critical', 'high', 'medium', 'low'] as const)[i % 4]!, i % 10 === 0 ? { when: { question: `c${c}-scope`, is: 'yes' } } : {})),
    ]),
  );
  const entries: Record<string, Answer> = {};
  for (const [c, list] of lists.entries()) {
    entries[`c${c}/c${c}-scope`] = { value: 'unknown' };
    list.questions.slice(1).forEach((q, i) => (entries[`c${c}/${q.id}`] = { value: i % 3 === 0 ? 'yes' : 'no', note: `Note on ${q.id}.` }));
  }
  const big = assess(lists, answers(entries), 3);
  const md = renderMarkdown(big, TOOL);
  const sectionOf = (title: string) => md.slice(md.indexOf(`\n## ${title}\n`), md.indexOf('\n## ', md.indexOf(`\n## ${title}\n`) + 4));
  const count = (text: string, needle: string) => text.split(needle).length - 1;

  it('passes markdownlint, and every gap link lands on a gap heading', () => {
    expect(big.openGaps.length).toBeGreaterThan(FULL_DETAIL_GAPS);
    const { errors, structure } = lintMarkdown(md);
    expect(errors).toEqual([]);
    const targets = new Set(structure.headings.filter((h) => /^#### Gap \d+$/.test(h)).map((h) => `#gap-${h.slice(9)}`));
    expect(targets.size).toBe(FULL_DETAIL_GAPS);
    const gapLinks = structure.inPageLinks.filter((l) => /\(#gap-\d+\)/.test(l));
    expect(gapLinks.length).toBeGreaterThan(0);
    for (const link of gapLinks) expect(targets).toContain(/\((#gap-\d+)\)/.exec(link)![1]);
  });

  it('writes each open gap’s question once in the plan, the fixes of the most urgent once, and says what it left out', () => {
    const plan = sectionOf('Remediation plan');
    for (const [i, gap] of big.openGaps.entries()) {
      expect(count(plan, gap.question.ask)).toBe(1);
      expect(count(md, gap.question.fix)).toBe(i < FULL_DETAIL_GAPS ? 1 : 0);
    }
    const notice = `**A large report:** with ${big.openGaps.length} open gaps, the why and fix of the ${FULL_DETAIL_GAPS} most urgent`;
    for (const title of ['Executive summary', 'Remediation plan', 'Gap details']) expect(sectionOf(title)).toContain(notice);
    for (const title of ['Roadmap', 'Unanswered', 'Appendix: every answer']) {
      for (const gap of big.openGaps) expect(sectionOf(title)).not.toContain(gap.question.ask);
    }
    // Three scoping questions named, the other nine counted.
    expect(count(sectionOf('Executive summary'), 'which does not rule it out')).toBe(3);
    expect(sectionOf('Executive summary')).toContain('9 more scoping questions are answered the same way');
    expect(md.length).toBeLessThan(renderMarkdown(assess(lists.slice(0, 4), answers(entries), 3), TOOL).length * 3);
  });
});

