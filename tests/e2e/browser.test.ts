/**
 * The HTML report in a real headless Chromium (see tests/helpers/browser.ts): the example renders
 * with no console message and no request, is not blank, draws one radar axis per checklist, passes
 * axe-core, prints with the summary on page one and each section on a new page; the hostile corpus
 * adds no element or attribute. Also the CLI side of `-o report.pdf`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from 'vitest';
import { ROOT, run } from '../helpers/cli.js';
import { BROWSER_PATH, BROWSER_REQUIRED, HAS_PDFTOTEXT, NO_BROWSER, domShape, launch, openLogged, pixelDeviation } from '../helpers/browser.js';

const AS_OF = ['--as-of', '2026-11-22'];
const EXAMPLE = join(ROOT, 'examples/northlight-pictures.yaml');
const SECTION_HEADINGS = [
  'Lessons from the Sony Pictures breach',
  'Heat map',
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

/** No browser: skip and say why, unless the run requires one (CI, .ci/run), where a missing browser fails. */
function needBrowser(context: TestContext): void {
  if (!BROWSER_PATH && !BROWSER_REQUIRED) context.skip(NO_BROWSER);
}

let dir: string;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'breachready-browser-'));
  if (BROWSER_PATH || BROWSER_REQUIRED) browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** axe-core's serious and critical findings on a page (axe is injected by the test; the page's own CSP, no script, keeps it out otherwise). */
async function seriousViolations(file: string): Promise<{ id: string; impact: string; nodes: number }[]> {
  const page = await browser!.newPage();
  await page.setBypassCSP(true);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await page.evaluate(readFileSync(axe, 'utf8'));
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))`)) as {
    id: string;
    impact: string;
    nodes: number;
  }[];
  await page.close();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function report(answers: string, out: string[], extra: string[] = []): void {
  const result = run(['report', '--answers', answers, ...AS_OF, ...out.flatMap((o) => ['-o', o]), ...extra], { env: { CHROME_PATH: BROWSER_PATH } });
  expect(result.stderr).toMatch(/wrote /);
  expect([0, 1]).toContain(result.status);
}

describe('the example HTML report in Chromium', () => {
  let html: string;
  let checklists: number;
  beforeAll(() => {
    html = join(dir, 'example.html');
    report(EXAMPLE, [html, join(dir, 'example.json')]);
    checklists = (JSON.parse(readFileSync(join(dir, 'example.json'), 'utf8')) as { checklists: unknown[] }).checklists.length;
  });

  it('renders with zero console messages and zero network requests', async (context) => {
    needBrowser(context);
    const { page, log } = await openLogged(browser!, pathToFileURL(html).href);
    expect(log).toEqual({ console: [], requests: [] });
    // Scripts could not run anyway: the CSP forbids them, and the page has none.
    expect(await page.$$eval('script', (s) => s.length)).toBe(0);
    await page.close();
  });

  it('shows a first screen that is not blank, with a radar axis per checklist and its links working', async (context) => {
    needBrowser(context);
    const { page } = await openLogged(browser!, pathToFileURL(html).href);
    const png = await page.screenshot({ type: 'png' });
    expect(await pixelDeviation(browser!, png)).toBeGreaterThan(20);
    expect(checklists).toBeGreaterThan(5);
    expect(await page.$$eval('#chart-radar .radar-axis', (axes) => axes.length)).toBe(checklists);
    // Every in-page link lands on an element.
    const broken = await page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href')!).filter((href) => !href.startsWith('#') || !(globalThis as unknown as { document: { getElementById(id: string): unknown } }).document.getElementById(href.slice(1))));
    expect(broken).toEqual([]);
    await page.close();
  });

  it('axe-core finds no serious or critical accessibility violation', async (context) => {
    needBrowser(context);
    expect(await seriousViolations(html)).toEqual([]);
  }, 60_000);

  it('printed to PDF: the summary on page one, each section starting a page, page numbers', (context) => {
    needBrowser(context);
    if (!HAS_PDFTOTEXT && !BROWSER_REQUIRED) context.skip('pdftotext (poppler-utils) is not installed');
    const pdf = join(dir, 'example.pdf');
    report(EXAMPLE, [pdf]);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    expect(pages.length).toBeGreaterThan(10);
    const first = pages[0]!;
    for (const words of ['Security readiness report: Northlight Pictures', 'Executive summary', 'most urgent actions', 'Scope and limits', `Page 1 of ${pages.length}`]) expect(first).toContain(words);
    const starts = pages.map((page) => page.trim().split('\n')[0]!.trim());
    for (const heading of SECTION_HEADINGS) expect(starts).toContain(heading);
  }, 120_000);
});

describe('the PDF page size', () => {
  const pageSize = (pdf: string) => /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))!.slice(1).map((n) => Math.round(Number(n)));

  it('is Letter by default and A4 with --paper a4, the summary on page one either way', (context) => {
    needBrowser(context);
    if (!HAS_PDFTOTEXT && !BROWSER_REQUIRED) context.skip('pdftotext and pdfinfo (poppler-utils) are not installed');
    const a4 = join(dir, 'a4.pdf');
    report(EXAMPLE, [a4], ['--paper', 'a4']);
    expect(pageSize(a4)).toEqual([595, 842]);
    const first = execFileSync('pdftotext', ['-layout', '-l', '1', a4, '-'], { encoding: 'utf8' });
    for (const words of ['Executive summary', 'most urgent actions', 'Scope and limits', 'Page 1 of']) expect(first).toContain(words);
    const letter = join(dir, 'letter.pdf');
    report(join(ROOT, 'examples/ci-fail.yaml'), [letter]);
    expect(pageSize(letter)).toEqual([612, 792]);
  }, 120_000);

  it('--paper without a PDF output says it is ignored, in one line', () => {
    const result = run(['report', '--answers', EXAMPLE, ...AS_OF, '--paper', 'a4', '--format', 'json']);
    expect(result.status).toBe(0);
    expect(result.stderr.split('\n').filter((line) => line.includes('--paper'))).toEqual(['note: --paper sets the page size of a PDF: ignored without -o report.pdf']);
  });
});

describe('the trend and roll-up pages in Chromium', () => {
  const SITTINGS = ['examples/trend/northlight-2026-05.yaml', 'examples/trend/northlight-2026-08.yaml', 'examples/northlight-pictures.yaml'].map((f) => join(ROOT, f));

  /** Writes what a command prints to stdout into a file of the temporary directory. */
  function page(name: string, args: string[]): string {
    const result = run(args);
    expect(result.status, result.stderr).toBe(0);
    const file = join(dir, name);
    writeFileSync(file, result.stdout);
    return file;
  }

  it('the trend loads with no console message and no request, its line chart drawing one line per area, prints the scores on page one, and passes axe-core', async (context) => {
    needBrowser(context);
    const file = page('trend.html', ['trend', ...SITTINGS, '-f', 'html']);
    const { page: tab, log } = await openLogged(browser!, pathToFileURL(file).href);
    expect(log).toEqual({ console: [], requests: [] });
    const areas = (JSON.parse(run(['trend', ...SITTINGS, '-f', 'json']).stdout) as { checklists: unknown[] }).checklists.length + 1;
    expect(await tab.$$eval('#chart-trend .line-series polyline', (lines) => lines.length)).toBe(areas);
    // The table beside the chart: a row per area.
    expect(await tab.$$eval('#scores .chart-data tbody tr', (rows) => rows.length)).toBe(areas);
    expect(await pixelDeviation(browser!, await tab.screenshot({ type: 'png' }))).toBeGreaterThan(20);
    if (HAS_PDFTOTEXT) {
      // Printed, the scores (chart and table) are on page one with the title, not after a blank page.
      writeFileSync(join(dir, 'trend.pdf'), await tab.pdf());
      const first = execFileSync('pdftotext', ['-layout', '-l', '1', join(dir, 'trend.pdf'), '-'], { encoding: 'utf8' });
      for (const words of ['Trend: Northlight Pictures', 'Scores by sitting', 'Overall 46.9']) expect(first).toContain(words);
    }
    await tab.close();
    expect(await seriousViolations(file)).toEqual([]);
  }, 60_000);

  it('the roll-up loads with no console message and no request, its heat map a row per unit and the group, and passes axe-core', async (context) => {
    needBrowser(context);
    const file = page('rollup.html', ['rollup', join(ROOT, 'examples/group'), ...AS_OF, '-f', 'html']);
    const { page: tab, log } = await openLogged(browser!, pathToFileURL(file).href);
    expect(log).toEqual({ console: [], requests: [] });
    expect(await tab.$$eval('#chart-units .heat-row', (rows) => rows.length)).toBe(4);
    expect(await tab.$$eval('script', (s) => s.length)).toBe(0);
    await tab.close();
    expect(await seriousViolations(file)).toEqual([]);
  }, 60_000);
});

describe('a large HTML report (3,000 questions)', () => {
  let html: string;
  let stderr: string;
  let open: number;
  beforeAll(() => {
    // Thirty checklists of a hundred questions with checklist-like text; two in three answered no.
    const words = 'privileged accounts backups offline restore tested encryption email patch logs alert review owner'.split(' ');
    const prose = (n: number, seed: number) => Array.from({ length: n }, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(' ');
    const answers = ['breachready: 1', 'organization: Large Co', 'level: 3', 'checklists:', '  - big', 'answers:'];
    mkdirSync(join(dir, 'big'));
    for (let c = 0; c < 30; c++) {
      const lines = [`id: big-${c}`, `title: Domain ${c}`, 'version: 1.0.0', `summary: ${prose(12, c)}.`, `lesson: ${prose(30, c)}.`, 'sources:', '  - publication: The Hollywood Reporter', '    title: Sony Pictures Targeted by Widespread Hack', '    date: 2014-11-24', 'questions:'];
      for (let i = 0; i < 100; i++) {
        const q = c * 100 + i;
        lines.push(`  - id: q${q}`, `    ask: Are ${prose(18, q)} in place?`, `    help: ${prose(20, q + 1)}.`, `    severity: ${['critical', 'high', 'medium', 'low'][q % 4]}`, '    level: 1', `    why: ${prose(30, q + 2)}.`, `    fix: ${prose(40, q + 3)}.`, '    effort: medium', '    refs:', '      cis-v8: ["5.1"]');
        answers.push(`  big-${c}/q${q}: ${q % 3 === 0 ? 'yes' : 'no'}`);
      }
      writeFileSync(join(dir, 'big', `big-${c}.yaml`), `${lines.join('\n')}\n`);
    }
    writeFileSync(join(dir, 'big.yaml'), `${answers.join('\n')}\n`);
    html = join(dir, 'big.html');
    const result = run(['report', '--answers', join(dir, 'big.yaml'), ...AS_OF, '-o', html, '-o', join(dir, 'big.csv')]);
    expect(result.status, result.stderr).toBe(0);
    stderr = result.stderr;
    open = readFileSync(join(dir, 'big.csv'), 'utf8').trim().split('\r\n').length - 1;
  }, 60_000);

  it('is condensed, says so in one line on stderr, and stays small: the plan lists every gap, the details give the most urgent', () => {
    expect(open).toBe(2000);
    const notes = stderr.split('\n').filter((line) => line.includes('open gaps: the HTML and Markdown reports'));
    expect(notes).toEqual([`note: ${open} open gaps: the HTML and Markdown reports give the why and fix of the 500 most urgent and list the other ${open - 500} in their plan; the CSV and JSON reports have every fix`]);
    const page = readFileSync(html, 'utf8');
    expect(page.split('<article class="gap"').length - 1).toBe(500);
    // The whole layout wrote every question three or four times and every fix: about 2 KB a gap here.
    expect(page.length / open).toBeLessThan(1200);
    // Without an HTML output there is nothing to say.
    expect(run(['report', '--answers', join(dir, 'big.yaml'), ...AS_OF, '--format', 'json']).stderr).not.toContain('open gaps: the HTML');
  });

  it('opens in Chromium with no console message or request, and every link lands on an element', async (context) => {
    needBrowser(context);
    const { page, log } = await openLogged(browser!, pathToFileURL(html).href);
    expect(log).toEqual({ console: [], requests: [] });
    const links = await page.$$eval('a[href]', (all) => all.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThan(open);
    const broken = await page.$$eval('a[href]', (all) => all.map((a) => a.getAttribute('href')!).filter((href) => !href.startsWith('#') || !(globalThis as unknown as { document: { getElementById(id: string): unknown } }).document.getElementById(href.slice(1))));
    expect(broken).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('hostile text in the HTML report, in Chromium', () => {
  const HOSTILE = [
    '<script>alert(1)</script>',
    '</style><script>alert(2)</script><style>',
    '"><img src=x onerror=alert(3)>',
    "'><svg onload=alert(4)><a xlink:href='javascript:alert(5)'>x</a></svg>",
    '<a href="javascript:alert(6)">click</a> javascript:alert(7) https://evil.example/x.png',
    '&lt;script&gt; &#x3C;img src=x&#x3E; &amp;lt;b&amp;gt;',
    ']]><!-- <![CDATA[ --> </title></desc></text></svg></textarea>',
    '<math><mi xlink:href="data:text/html,<script>alert(8)</script>">m</mi></math> <base href="https://evil.example/"> <meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<link rel=stylesheet href=https://evil.example/s.css> <style>@import "https://evil.example/i.css"; body{background:url(https://evil.example/b.png)}</style>',
  ].join(' ');

  /** A checklist and an answers file whose every free-text field is plain, or plain plus the hostile text. */
  function corpus(name: string, text: (s: string) => string): string {
    const q = (id: string, severity: string, level: number) => ({
      id,
      ask: text(`Is ${id} in place?`),
      help: text('What good looks like.'),
      severity,
      level,
      why: text('Why it matters.'),
      fix: text(`Put ${id} in place.`),
      effort: 'low',
      refs: { 'nist-csf-2': ['GV.SC-04'] },
    });
    const checklist = {
      id: 'hostile-html',
      title: text('Hostile checklist'),
      version: '1.0.0',
      summary: text('Summary.'),
      lesson: text('Lesson.'),
      sources: [{ publication: text('Publication'), title: text('Title'), date: '2014-11-24' }],
      questions: [q('first', 'critical', 1), q('second', 'high', 1), q('third', 'medium', 1), q('fourth', 'low', 1), q('fifth', 'high', 1)],
    };
    const answers = {
      breachready: 1,
      organization: text('Acme'),
      assessor: text('Mallory'),
      date: '2026-11-01',
      checklists: ['social-media', `${name}.checklist.yaml`],
      answers: {
        'social-media/has-social-accounts': 'yes',
        'social-media/unique-credentials': { answer: 'no', note: text('Shared.'), evidence: text('Ticket 1'), owner: text('IT'), due: '2026-12-31' },
        'hostile-html/first': { answer: 'no', note: text('No.'), evidence: text('Ticket 2'), owner: text('Ops') },
        'hostile-html/second': { answer: 'partial', note: text('Partly.') },
        'hostile-html/third': { answer: 'no', accepted: { by: text('CFO'), reason: text('Budget.'), until: '2099-12-31' } },
        'hostile-html/fourth': { answer: 'na', note: text('Not here.') },
      },
    };
    // JSON is YAML: no quoting of the hostile text to get wrong.
    writeFileSync(join(dir, `${name}.checklist.yaml`), JSON.stringify(checklist));
    writeFileSync(join(dir, `${name}.yaml`), JSON.stringify(answers));
    return join(dir, `${name}.yaml`);
  }

  it('adds no element, attribute, request or console message that the clean report does not have', async (context) => {
    needBrowser(context);
    const clean = join(dir, 'clean.html');
    const hostile = join(dir, 'hostile.html');
    report(corpus('clean', (s) => s), [clean]);
    report(corpus('hostile', (s) => `${s} ${HOSTILE}`), [hostile]);
    expect(readFileSync(hostile, 'utf8')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const a = await openLogged(browser!, pathToFileURL(clean).href);
    const b = await openLogged(browser!, pathToFileURL(hostile).href);
    expect(b.log).toEqual({ console: [], requests: [] });
    const cleanShape = new Set(await domShape(a.page));
    expect((await domShape(b.page)).filter((shape) => !cleanShape.has(shape))).toEqual([]);
    const targets = async (page: typeof a.page) => page.$$eval('a[href]', (links) => links.map((l) => l.getAttribute('href')));
    expect(await targets(b.page)).toEqual(await targets(a.page));
    await Promise.all([a.page.close(), b.page.close()]);
  }, 60_000);
});

describe('-o report.pdf without a browser', () => {
  it('says so in one line naming both ways out, exits 2 and writes nothing', () => {
    const out = join(dir, 'none.pdf');
    const html = join(dir, 'none.html');
    const result = run(['report', '--answers', EXAMPLE, ...AS_OF, '-o', html, '-o', out], { env: { CHROME_PATH: join(dir, 'no-such-browser'), PATH: '/nonexistent' } });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')[0]).toMatch(/^breachready: cannot write a PDF: no Chromium or Chrome found \(set CHROME_PATH or put chromium on PATH\); or write the HTML report \(-o report\.html\) and print it from a browser$/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(html)).toBe(false);
  });

  it('--format pdf asks for a file instead of writing binary to stdout', () => {
    const result = run(['report', '--answers', EXAMPLE, ...AS_OF, '--format', 'pdf']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/pdf is written to a file, not printed: use -o report\.pdf/);
  });

  it('the committed example HTML is what the CLI writes today (npm run examples)', () => {
    const result = run(['report', 'northlight-pictures.yaml', ...AS_OF, '--format', 'html'], { cwd: join(ROOT, 'examples') });
    expect(result.stdout).toBe(readFileSync(join(ROOT, 'examples/northlight-pictures.report.html'), 'utf8'));
  });

  it('--format html writes the page to stdout, the same bytes as -o', () => {
    const out = join(dir, 'same.html');
    const stdout = run(['report', '--answers', EXAMPLE, ...AS_OF, '--format', 'html']);
    expect(stdout.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    spawnSync(process.execPath, [join(ROOT, 'bin/breachready.cjs'), 'report', '--answers', EXAMPLE, ...AS_OF, '-o', out], { cwd: ROOT });
    expect(readFileSync(out, 'utf8')).toBe(stdout.stdout);
  });
});
