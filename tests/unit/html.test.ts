/**
 * The HTML report and its charts, as pure functions: escaping (with a property test), the order of
 * the sections, in-page links that resolve, each fix printed once, no markup from input, and the
 * chart geometry. The browser checks (rendering, accessibility, print) are in tests/e2e/browser.test.ts.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Answers } from '../../src/answers/model.js';
import { buildCatalog } from '../../src/catalog.js';
import type { Checklist, Question, Severity } from '../../src/checklist/schema.js';
import { barChart } from '../../src/report/charts/bar.js';
import { gaugeChart } from '../../src/report/charts/gauge.js';
import { heatMapChart } from '../../src/report/charts/heatmap.js';
import { lineChart } from '../../src/report/charts/line.js';
import { radarChart } from '../../src/report/charts/radar.js';
import { renderHtml } from '../../src/report/html/render.js';
import { FULL_DETAIL_GAPS, condensedNote } from '../../src/report/condense.js';
import { gapIndex } from '../../src/report/html/gaps.js';
import { RADAR_MAX_AXES, WEAKEST_SHOWN } from '../../src/report/html/summary.js';
import { anchor } from '../../src/report/html/markup.js';
import { fixPdfDates } from '../../src/report/pdf.js';
import type { Assessment } from '../../src/scoring/model.js';
import { score } from '../../src/scoring/score.js';
import { escapeHtml, stripControl } from '../../src/text.js';

const TOOL = { tool: { name: 'breachready', version: '0.1.0' } };
const AS_OF = '2026-06-30';
const ESC = '\u001b';

/** Text that tries every way out of HTML text, attributes, `<style>` and SVG. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '</style><script>alert(2)</script><style>',
  '"><img src=x onerror=alert(3)>',
  "'><svg onload=alert(4)><a xlink:href='javascript:alert(5)'>x</a></svg>",
  '<a href="javascript:alert(6)">click</a> javascript:alert(7) https://evil.example/',
  '&lt;script&gt; &#x3C;img src=x&#x3E; &amp;lt;b&amp;gt; &#0; &#xD800;',
  ']]><!-- <![CDATA[ --> </title></desc></text></svg>',
  `<math><mi xlink:href="data:text/html,<script>alert(8)</script>">m</mi></math> ${ESC}[31mred${ESC}[0m \u202eevil\u202c`,
  '\n::error file=app.js::FORGED\r::add-mask::FORGED',
].join(' ');

function question(id: string, severity: Severity, text: (s: string) => string, extra: Partial<Question> = {}): Question {
  return {
    id,
    ask: text(`Is ${id} in place?`),
    help: text('What good looks like.'),
    severity,
    level: 1,
    why: text(`Because ${id} matters.`),
    fix: text(`Put ${id} in place.`),
    effort: 'low',
    refs: { 'cis-v8': ['5.2'] },
    ...extra,
  };
}

/** The same checklists and answers, with every free-text field either plain or hostile. */
function fixture(text: (s: string) => string): Assessment {
  const checklist = (id: string, questions: Question[]): Checklist => ({
    id,
    title: text(`Checklist ${id}`),
    version: '1.0.0',
    summary: text('Summary.'),
    lesson: text('What went wrong.'),
    sources: [{ publication: text('Publication'), title: text('Title'), date: '2014-12' }],
    questions,
  });
  const checklists = [
    checklist('alpha', [question('one', 'critical', text), question('two', 'high', text), question('three', 'medium', text)]),
    checklist('beta', [question('four', 'high', text), question('five', 'low', text)]),
    checklist('gamma', [question('six', 'medium', text), question('seven', 'critical', text)]),
  ];
  const entries: Record<string, Answer> = {
    'alpha/one': { value: 'no', note: text('Not yet.'), evidence: [{ text: text('Ticket 12') }], owner: text('IT lead'), due: '2026-07-15' },
    'alpha/two': { value: 'partial', note: text('Partly.') },
    'alpha/three': { value: 'yes' },
    'beta/four': { value: 'no', accepted: { by: text('CFO'), reason: text('Budget.'), until: '2027-01-01' } },
    'beta/five': { value: 'na', note: text('No such system.') },
    'gamma/six': { value: 'unknown' },
  };
  const answers: Answers = { answers: new Map(Object.entries(entries)), organization: text('Acme Films'), assessor: text('Mallory'), date: '2026-06-01', file: text('answers.yaml') };
  return score(buildCatalog(checklists), answers, { level: 3, asOf: AS_OF });
}

const plain = fixture((s) => s);
const hostile = fixture((s) => `${s} ${HOSTILE}`);

/** Every tag name and attribute name in a document, and every link target. */
function markup(html: string): { tags: Set<string>; attributes: Set<string>; hrefs: string[] } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const [, tag, attrs] of html.matchAll(/<\/?([a-zA-Z][^\s/>]*)([^>]*)>/g)) {
    tags.add(tag!.toLowerCase());
    for (const [, name] of attrs!.matchAll(/([^\s="'/]+)\s*=/g)) attributes.add(`${tag!.toLowerCase()}[${name!.toLowerCase()}]`);
  }
  const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);
  return { tags, attributes, hrefs };
}

describe('escapeHtml', () => {
  const decode = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);

  it('leaves no markup character and loses nothing but control characters (property)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(HOSTILE, '&amp;', '&#60;', '</style>', '\u0000<\u001b[2J>'));
    fc.assert(
      fc.property(text, (s) => {
        const escaped = escapeHtml(s);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped).not.toMatch(/&(?!(?:lt|gt|quot|apos|amp);)/);
        expect(escaped).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        // Decoding gives back the text with only control characters and lone surrogates gone.
        const kept = stripControl(s).replace(/\r\n?/g, '\n').replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
        expect(decode(escaped)).toBe(kept);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('renderHtml', () => {
  const html = renderHtml(plain, TOOL);

  it('is one self-contained page: a CSP forbidding scripts and requests, no script, nothing loaded', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:[^"]*">/);
    const { tags, attributes } = markup(html);
    for (const tag of ['script', 'link', 'iframe', 'img', 'object', 'embed', 'base', 'form']) expect(tags).not.toContain(tag);
    expect([...attributes].filter((a) => /\[(src|on\w+|srcset|xlink:href)\]/.test(a))).toEqual([]);
    expect(html).not.toMatch(/url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
  });

  it('is byte-identical for the same assessment', () => {
    expect(renderHtml(fixture((s) => s), TOOL)).toBe(html);
  });

  it('has its sections in the order of the issue, and a contents list linking each', () => {
    const ids = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['summary', 'lessons', 'heat-map', 'roadmap', 'plan', 'details', 'accepted', 'not-applicable', 'unanswered', 'coverage', 'answers', 'methodology']);
    const toc = /<nav class="toc"[^>]*>(.*?)<\/nav>/s.exec(html)![1]!;
    expect([...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual(ids);
  });

  it('every link is in-page and lands on an id; ids are unique', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    const { hrefs } = markup(html);
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) {
      expect(href).toMatch(/^#[a-z][a-z0-9-]*$/);
      expect(ids).toContain(href.slice(1));
    }
  });

  it('prints each fix once, linked from the summary, the roadmap and the plan', () => {
    for (const [i, gap] of plain.openGaps.entries()) {
      expect(html.split(escapeHtml(gap.question.fix)).length - 1).toBe(1);
      expect(html.split(`href="#gap-${i + 1}"`).length - 1).toBeGreaterThanOrEqual(i < 5 ? 3 : 2);
    }
  });

  it('has a roadmap with the owner and due date from the answers file', () => {
    const roadmap = /<section id="roadmap".*?<\/section>/s.exec(html)![0];
    expect(roadmap).toContain('<td>IT lead</td><td><span class="date">2026-07-15</span></td>');
    expect(roadmap).toContain('Within 30 days');
  });

  it('hostile text from checklists and answers adds no element, attribute or link', () => {
    const evil = renderHtml(hostile, TOOL);
    const clean = markup(html);
    const forged = markup(evil);
    expect([...forged.tags].filter((t) => !clean.tags.has(t))).toEqual([]);
    expect([...forged.attributes].filter((a) => !clean.attributes.has(a))).toEqual([]);
    expect(forged.hrefs).toEqual(clean.hrefs);
    // The words are all there, as text.
    expect(evil).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(evil).toContain('&lt;/style&gt;');
    // A CI log would run a line starting with `::` as a workflow command.
    expect(evil).not.toMatch(/^\s*::/m);
    expect(evil).toContain('&#58;:error file=app.js::FORGED');
  });

  it('shows a comparison with --baseline: the score before and after, and the lists', () => {
    const checklistScores = [
      { id: 'alpha', title: 'Alpha <b>checks</b>', before: 10, after: 42.5 },
      { id: 'beta', title: 'Beta', before: null, after: 80 },
    ];
    const comparison = { regressed: [], improved: [], firstAssessed: [], scoreBefore: 20, scoreAfter: plain.score, gradeBefore: 'F' as const, gradeAfter: plain.grade, level: 3 as const, checklists: ['alpha', 'beta'], checklistScores };
    const withBaseline = renderHtml(plain, { ...TOOL, comparison });
    expect(withBaseline).toContain('<section id="baseline"');
    expect(withBaseline.indexOf('id="baseline"')).toBeGreaterThan(withBaseline.indexOf('id="roadmap"'));
    expect(withBaseline).toContain('id="chart-trend"');
    // A chart per checklist, before and after, with the same numbers in a table; titles escaped.
    expect(withBaseline).toContain('id="chart-trend-1"');
    expect(withBaseline).toContain('id="chart-trend-2"');
    expect(withBaseline).not.toContain('id="chart-trend-3"');
    expect(withBaseline).toContain('Alpha &lt;b&gt;checks&lt;/b&gt;: 10.0 then 42.5');
    expect(withBaseline).not.toContain('<b>checks');
    expect(withBaseline).toMatch(/<td[^>]*>10\.0<\/td><td[^>]*>42\.5<\/td><td[^>]*>\+32\.5<\/td>/);
    expect(withBaseline).toMatch(/<td[^>]*>n\/a<\/td><td[^>]*>80\.0<\/td><td[^>]*>n\/a<\/td>/);
  });
});

describe('a large report (more than FULL_DETAIL_GAPS open gaps)', () => {
  /** One checklist per hundred questions; every third answered yes, the rest no or not answered. */
  function large(questions: number): Assessment {
    const checklists: Checklist[] = [];
    const entries: Record<string, Answer> = {};
    for (let c = 0; c * 100 < questions; c++) {
      const qs = Array.from({ length: Math.min(100, questions - c * 100) }, (_, i) => question(`q${c * 100 + i}`, (['critical', 'high', 'medium', 'low'] as const)[i % 4]!, (s) => s));
      checklists.push({ id: `c${c}`, title: `Checklist ${c}`, version: '1.0.0', summary: 'S.', lesson: 'L.', sources: [{ publication: 'P', title: 'T', date: '2014-12' }], questions: qs });
      qs.forEach((q, i) => {
        if (i % 3 === 0) entries[`c${c}/${q.id}`] = { value: 'yes' };
        else if (i % 3 === 1) entries[`c${c}/${q.id}`] = { value: 'no', note: `Note ${q.id}.`, owner: 'Ops', due: '2026-09-01' };
      });
    }
    const answers: Answers = { answers: new Map(Object.entries(entries)), organization: 'Big Co', date: '2026-06-01' };
    return score(buildCatalog(checklists), answers, { level: 3, asOf: AS_OF });
  }
  const count = (html: string, needle: string) => html.split(needle).length - 1;
  const sectionOf = (html: string, id: string) => new RegExp(`<section id="${id}".*?</section>`, 's').exec(html)![0];

  it('is condensed above FULL_DETAIL_GAPS open gaps, and whole at or below it', () => {
    const gapsAt = (n: number) => ({ openGaps: Array.from({ length: n }, () => plain.openGaps[0]!) });
    expect(gapIndex(gapsAt(FULL_DETAIL_GAPS)).condensed).toBe(false);
    expect(condensedNote(gapsAt(FULL_DETAIL_GAPS))).toBeUndefined();
    expect(gapIndex(gapsAt(FULL_DETAIL_GAPS + 1)).condensed).toBe(true);
    // The README says where the line is.
    expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain(`(more than ${FULL_DETAIL_GAPS} open gaps)`);
    expect(condensedNote(gapsAt(FULL_DETAIL_GAPS + 1))).toMatch(/^note: 501 open gaps: the HTML and Markdown reports .* 500 most urgent .* other 1 in their plan; the CSV and JSON reports have every fix$/);
  });

  const big = large(1200);
  const html = renderHtml(big, TOOL);
  const open = big.openGaps.length;

  it('has every gap once as a link target: a details article for the most urgent, a plan row for the rest', () => {
    expect(open).toBe(792); // two in three of 1,200: no or not answered
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    const gapNumbers = ids.flatMap((id) => /^gap-(\d+)$/.exec(id)?.[1] ?? []).map(Number);
    expect(gapNumbers.sort((a, b) => a - b)).toEqual(big.openGaps.map((_, i) => i + 1));
    expect(count(html, '<article class="gap"')).toBe(FULL_DETAIL_GAPS);
    expect(count(sectionOf(html, 'plan'), '<tr id="gap-')).toBe(open - FULL_DETAIL_GAPS);
    for (const href of markup(html).hrefs) expect(ids).toContain(href.slice(1));
  });

  it('writes every open gap’s question, the fix of the most urgent once, and says what it left out', () => {
    for (const [i, gap] of big.openGaps.entries()) {
      expect(count(html, escapeHtml(gap.question.ask))).toBeGreaterThanOrEqual(1);
      expect(count(html, escapeHtml(gap.question.fix))).toBe(i < FULL_DETAIL_GAPS ? 1 : 0);
    }
    const notice = `with ${open} open gaps, the why and fix of the ${FULL_DETAIL_GAPS} most urgent are in the gap details`;
    for (const id of ['summary', 'plan', 'details']) expect(sectionOf(html, id)).toContain(notice);
    expect(renderHtml(plain, TOOL)).not.toContain('A large report');
  });

  it('does not repeat the questions: the roadmap counts, the unanswered are in the plan, the appendix links by id', () => {
    const roadmap = sectionOf(html, 'roadmap');
    expect(roadmap).not.toContain('href="#gap-');
    // Each window's count, by severity, adds up to every open gap.
    const totals = [...roadmap.matchAll(/<tr><td>(?:Within \d+ days|Later)<\/td>(?:<td class="num">\d+<\/td>){4}<td class="num">(\d+)<\/td><\/tr>/g)].map((m) => Number(m[1]));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(open);
    expect(sectionOf(html, 'unanswered')).not.toContain('<table');
    for (const id of ['roadmap', 'unanswered', 'answers']) {
      for (const gap of big.openGaps) expect(sectionOf(html, id)).not.toContain(escapeHtml(gap.question.ask));
    }
    expect(sectionOf(html, 'answers')).toContain(`<a href="#gap-1"><code>${big.openGaps[0]!.globalId}</code></a>`);
    // With --baseline, the lists of changes name questions by id too.
    const regressed = big.openGaps.map((result) => ({ kind: 'new-gap' as const, result, before: 'yes' as const, after: result.status }));
    const comparison = { regressed, improved: [], firstAssessed: [], scoreBefore: 90, scoreAfter: big.score, gradeBefore: 'A' as const, gradeAfter: big.grade, level: 3 as const, checklists: [], checklistScores: [] };
    const baseline = sectionOf(renderHtml(big, { ...TOOL, comparison }), 'baseline');
    expect(baseline).toContain(`<code>${big.openGaps[0]!.globalId}</code>`);
    for (const gap of big.openGaps) expect(baseline).not.toContain(escapeHtml(gap.question.ask));
    // Far smaller than the whole layout, which writes each question three or four times.
    expect(html.length).toBeLessThan(renderHtml(large(400), TOOL).length * 2.2);
  });
});

describe('the summary with few or many checklists', () => {
  /** `n` checklists of two questions: a scoping one answered don't know, and one kept in scope by it, answered yes in every third checklist, else partial. */
  function checklists(n: number): Assessment {
    const lists: Checklist[] = Array.from({ length: n }, (_, c) => ({
      id: `c${c}`,
      title: `Domain number ${c} with a long title`,
      version: '1.0.0',
      summary: 'S.',
      lesson: 'L.',
      sources: [{ publication: 'P', title: 'T', date: '2014-12' }],
      questions: [question('scope', 'low', (s) => s, { gate: true }), question('thing', 'high', (s) => s, { when: { question: 'scope', is: 'yes' } })],
    }));
    const entries: Record<string, Answer> = {};
    lists.forEach((c, i) => {
      entries[`${c.id}/scope`] = { value: 'unknown' };
      entries[`${c.id}/thing`] = { value: i % 3 === 0 ? 'yes' : 'partial' };
    });
    return score(buildCatalog(lists), { answers: new Map(Object.entries(entries)) }, { level: 3, asOf: AS_OF });
  }
  const summaryOf = (a: Assessment) => /<section id="summary".*?<\/section>/s.exec(renderHtml(a, TOOL))![0];

  it('draws a radar from 3 to RADAR_MAX_AXES checklists, and bars otherwise: all of them, or the weakest when there are many', () => {
    for (const n of [3, RADAR_MAX_AXES]) {
      const summary = summaryOf(checklists(n));
      expect(summary.match(/class="radar-axis"/g)).toHaveLength(n);
      expect(summary).not.toContain('chart-checklists');
    }
    const barsOf = (summary: string) => /<svg[^>]*id="chart-checklists".*?<\/svg>/s.exec(summary)![0];
    for (const n of [1, 2]) {
      const summary = summaryOf(checklists(n));
      expect(summary).not.toContain('radar-axis');
      expect(barsOf(summary).match(/<g class="bar">/g)).toHaveLength(n);
    }
    const summary = summaryOf(checklists(RADAR_MAX_AXES + 1));
    expect(summary).not.toContain('radar-axis');
    const chart = barsOf(summary);
    expect(chart.match(/<g class="bar">/g)).toHaveLength(WEAKEST_SHOWN);
    expect(summary).toContain(`The ${WEAKEST_SHOWN} lowest scores of ${RADAR_MAX_AXES + 1} checklists`);
    // The weakest are the partial ones (50.0), never a full score.
    expect(chart).not.toContain('>100.0<');
    expect(chart.match(/>50\.0</g)).toHaveLength(WEAKEST_SHOWN);
    expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ')).toContain(`for more than ${RADAR_MAX_AXES} the bars of the ${WEAKEST_SHOWN} lowest`);
  });

  it('keeps the scope statement short: three "kept in scope" sentences, then a count', () => {
    const scope = /<div class="scope">.*?<\/div>/s.exec(summaryOf(checklists(RADAR_MAX_AXES + 1)))![0];
    expect(scope.match(/which does not rule it out/g)).toHaveLength(3);
    expect(scope).toContain(`${RADAR_MAX_AXES + 1 - 3} more scoping questions are answered the same way`);
  });
});

describe('anchor', () => {
  it('refuses anything but our own lower-case names and numbers', () => {
    expect(anchor('gap', 12)).toBe('gap-12');
    for (const bad of ['Gap', 'a"b', 'x y', '-x', 'javascript:x']) expect(() => anchor(bad)).toThrow();
  });
});

describe('charts', () => {
  const count = (svg: string, pattern: RegExp) => svg.match(pattern)?.length ?? 0;

  it('a radar has one axis per item, a title, a description and each value written on it', () => {
    const axes = ['A', 'B', 'C', 'D', 'E'].map((label, i) => ({ label, value: i * 20 }));
    const svg = radarChart(axes, { id: 'r', title: 'Scores', desc: 'One axis each' });
    expect(count(svg, /class="radar-axis"/g)).toBe(5);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="r-title r-desc"/);
    expect(svg).toContain('<title id="r-title">Scores</title><desc id="r-desc">One axis each</desc>');
    for (const v of ['0', '20', '40', '60', '80']) expect(svg).toContain(`>${v}</text>`);
  });

  it('a radar keeps every label inside the chart and clear of the values, and the values clear of each other, with few or many axes', () => {
    // Boxes at a generous 7px a character (12px text) and 7px for the bold 11px values.
    const boxes = (svg: string) =>
      [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"( class="radar-value-text")? text-anchor="(\w+)"[^>]*>([^<]*)<\/text>/g)].map((m) => {
        const w = [...m[5]!].length * 7;
        const x = Number(m[1]);
        const left = m[4] === 'start' ? x : m[4] === 'end' ? x - w : x - w / 2;
        return { value: Boolean(m[3]), left, right: left + w, top: Number(m[2]) - 11, bottom: Number(m[2]) + 2 };
      });
    const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    type Box = ReturnType<typeof boxes>[number];
    const title = (i: number) => ['Disaster recovery and business continuity', 'Privileged identity management', 'Email encryption'][i % 3]!;
    expect(radarChart([], { id: 'r', title: 't', desc: 'd' })).not.toMatch(/NaN|Infinity/);
    for (const n of [1, 2, 3, 4, 5, 7, 12]) {
      for (const value of [100, 80, 50, 0]) {
        const svg = radarChart(Array.from({ length: n }, (_, i) => ({ label: title(i), value })), { id: 'r', title: 't', desc: 'd' });
        const [, width, height] = svg.match(/viewBox="0 0 ([\d.]+) ([\d.]+)"/)!.map(Number);
        const all = boxes(svg);
        expect(all.filter((b) => b.value)).toHaveLength(n);
        for (const b of all) expect([b.left >= 0, b.right <= width!, b.top >= 0, b.bottom <= height!]).toEqual([true, true, true, true]);
        const [values, labels] = [all.filter((b) => b.value), all.filter((b) => !b.value)];
        for (const v of values) for (const l of labels) expect(overlap(v, l)).toBe(false);
        for (const [k, v] of values.entries()) for (const w of values.slice(k + 1)) expect(overlap(v, w)).toBe(false);
      }
    }
  });

  it('bars leave room for their longest label, so none runs off the left edge', () => {
    for (const labels of [['Low'], ['Critical', 'High'], ['Disaster recovery and business continuity', 'Email']]) {
      const svg = barChart(labels.map((label, i) => ({ label, value: i + 1 })), { id: 'b', title: 't', desc: 'd', max: 100 });
      for (const m of svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="end">([^<]*)<\/text>/g)) {
        expect(Number(m[1]) - [...m[2]!].length * 7).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('labels are escaped and cut short (the table beside the chart has them in full)', () => {
    const svg = barChart([{ label: '<script>x</script>', value: 3 }], { id: 'b', title: '<b>t</b>', desc: '"d"' });
    expect(svg).not.toMatch(/<script|<b>/);
    expect(svg).toContain('&lt;b&gt;t&lt;/b&gt;');
    expect(svg).toContain('>3</text>');
  });

  it('a gauge with no score draws no value arc and says n/a', () => {
    const svg = gaugeChart({ value: null, valueText: 'n/a', caption: 'Grade n/a' }, { id: 'g', title: 'Score', desc: 'None' });
    expect(svg).not.toContain('gauge-value');
    expect(svg).toContain('>n/a</text>');
  });

  it('a heat map writes every count in its cell, a line chart every series at its end', () => {
    const heat = heatMapChart({ rows: ['x', 'y'], columns: ['a', 'b'], cells: [[0, 2], [5, 1]] }, { id: 'h', title: 'Heat', desc: 'Grid' });
    expect(count(heat, /<rect /g)).toBe(4);
    for (const v of ['2', '5', '1']) expect(heat).toContain(`>${v}</text>`);
    const line = lineChart({ x: ['then', 'now'], series: [{ label: 'Score', values: [20, 45.25] }] }, { id: 'l', title: 'Trend', desc: 'Up', max: 100 });
    expect(line).toContain('>Score 45.3</text>');
    expect(count(line, /<circle /g)).toBe(2);
  });

  it("a line chart's end labels that would overlap are spread apart, in the order of their lines, inside the plot", () => {
    const series = ['A', 'B', 'C', 'D'].map((label, i) => ({ label, values: [10, i === 3 ? 0 : 50] }));
    const svg = lineChart({ x: ['then', 'now'], series }, { id: 'l', title: 'Trend', desc: 'Four lines', max: 100, height: 240 });
    expect(count(svg, /class="line-series"/g)).toBe(4);
    const ys = [...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" font-size="11">(\w)/g)].map((m) => [m[2], Number(m[1])] as const);
    expect(ys.map(([l]) => l)).toEqual(['A', 'B', 'C', 'D']);
    const [a, b, c, d] = ys.map(([, y]) => y);
    expect([b! - a!, c! - b!]).toEqual([12, 12]);
    // D ends at 0, the plot's bottom (240 - 28), its label 4 below: the lowest a label goes.
    expect(d).toBe(216);
    const pushed = lineChart({ x: ['then', 'now'], series: ['A', 'B', 'C'].map((label) => ({ label, values: [0, 0] })) }, { id: 'p', title: 't', desc: 'd', max: 100 });
    expect([...pushed.matchAll(/y="([\d.]+)" font-size="11"/g)].map((m) => Number(m[1]))).toEqual([192, 204, 216]);
  });

  it('a heat map can shade and write its cells by another scale (scores: n/a white, lower darker)', () => {
    const scale = { step: (v: number | null) => (v === null ? 0 : v < 50 ? 4 : 1), text: (v: number | null) => (v === null ? '-' : String(v)) };
    const svg = heatMapChart({ rows: ['x'], columns: ['a', 'b', 'c'], cells: [[null, 20, 90]] }, { id: 'h', title: 'Scores', desc: 'Grid', scale });
    expect(svg).toMatch(/fill="#ffffff"[^>]*\/><text [^>]*>-<\/text>/);
    expect(svg).toMatch(/fill="#a83a12"[^>]*\/><text [^>]*fill="#ffffff" font-weight="700">20<\/text>/);
    expect(svg).toMatch(/fill="#fde2d4"[^>]*\/><text [^>]*>90<\/text>/);
  });

  it('geometry is deterministic and written with at most one decimal', () => {
    const svg = radarChart([1, 2, 3].map((i) => ({ label: `L${i}`, value: 100 / 3 })), { id: 'r', title: 't', desc: 'd' });
    expect(svg).toBe(radarChart([1, 2, 3].map((i) => ({ label: `L${i}`, value: 100 / 3 })), { id: 'r', title: 't', desc: 'd' }));
    expect(svg).not.toMatch(/\d\.\d\d/);
  });
});

describe('fixPdfDates', () => {
  it('sets the dates a browser stamps to the as-of date, at the same length', () => {
    const pdf = Buffer.from("<</CreationDate (D:20261206043012+00'00')\n/ModDate (D:20261206043013+00'00')>>", 'latin1');
    const fixed = fixPdfDates(pdf, '2026-11-22').toString('latin1');
    expect(fixed).toBe("<</CreationDate (D:20261122000000+00'00')\n/ModDate (D:20261122000000+00'00')>>");
    expect(fixed.length).toBe(pdf.length);
  });
});
