import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formerGlobalIds } from '../../src/catalog.js';
import { loadChecklistFile } from '../../src/checklist/load.js';
import type { Checklist } from '../../src/checklist/schema.js';
import { cisIg1Safeguards, hasReferences, seedTexts, validControlIds, WITHOUT_REFERENCES } from '../helpers/references.js';

// The built-in content is the product: every file loads cleanly, every question is complete and
// mapped to at least two frameworks with ids that exist, and the prose is our own.
const files = readdirSync('checklists').filter((f) => f.endsWith('.yaml')).sort();
const valid = hasReferences ? validControlIds() : undefined;
const seedWindows = hasReferences ? wordWindows(seedTexts().join(' '), 8) : new Set<string>();

function words(text: string): string[] {
  return text.toLowerCase().replace(/[^a-z0-9\s]/g, ' ').split(/\s+/).filter(Boolean);
}
function wordWindows(text: string, size: number): Set<string> {
  const w = words(text);
  const windows = new Set<string>();
  for (let i = 0; i + size <= w.length; i++) windows.add(w.slice(i, i + size).join(' '));
  return windows;
}

const loadedFiles = new Map(await Promise.all(files.map(async (file) => [file, await loadChecklistFile(`checklists/${file}`)] as const)));

describe.each(files)('checklists/%s', (file) => {
  const result = loadedFiles.get(file)!;
  const checklist = result.checklist as Checklist;

  it('loads without problems', () => {
    expect(result.problems).toEqual([]);
  });

  it('has level-1 questions for small shops', () => {
    expect(checklist.questions.filter((q) => q.level === 1).length).toBeGreaterThanOrEqual(2);
  });

  it('maps every question to at least two frameworks', () => {
    for (const q of checklist.questions) expect(Object.keys(q.refs).length, `${q.id} refs`).toBeGreaterThanOrEqual(2);
  });

  it('uses framework control ids that exist (NIST CSF, CIS, ISO 27001, OSCAL SP 800-53)', (context) => {
    if (!valid) return context.skip(WITHOUT_REFERENCES);
    for (const q of checklist.questions) {
      for (const [framework, ids] of Object.entries(q.refs)) {
        for (const id of ids ?? []) expect(valid[framework]?.has(id), `${q.id}: ${framework} ${id}`).toBe(true);
      }
    }
  });

  it('cites its sources in the lesson', () => {
    const cited = checklist.sources.some((s) => checklist.lesson.includes(s.publication));
    expect(cited, 'the lesson names at least one source publication').toBe(true);
  });

  it('is written in its own words (no 8-word run from the seed articles)', (context) => {
    if (!hasReferences) return context.skip(WITHOUT_REFERENCES);
    const texts = [checklist.summary, checklist.lesson, ...checklist.questions.flatMap((q) => [q.ask, q.help, q.why, q.fix])];
    const copied = texts.flatMap((t) => [...wordWindows(t, 8)].filter((w) => seedWindows.has(w)));
    expect(copied).toEqual([]);
  });
});

describe('the built-in catalogue', () => {
  const checklists = files.map((f) => loadedFiles.get(f)!.checklist as Checklist);
  const questions = checklists.flatMap((c) => c.questions.map((q) => ({ checklist: c, q })));

  it('has at least 14 checklists and 120 questions with unique ids', () => {
    expect(checklists.length).toBeGreaterThanOrEqual(14);
    expect(questions.length).toBeGreaterThanOrEqual(120);
    expect(new Set(checklists.map((c) => c.id)).size).toBe(checklists.length);
  });

  it('keeps level 1 to what a ten-person firm can answer in about 25 minutes: at most 60 questions, scoping included', () => {
    expect(questions.filter(({ q }) => q.level === 1).length).toBeLessThanOrEqual(60);
  });

  it('never makes a question depend on one asked only at a higher level', () => {
    const levelOf = new Map(questions.map(({ checklist, q }) => [`${checklist.id}/${q.id}`, q.level]));
    const inverted = questions.filter(({ checklist, q }) => q.when && levelOf.get(`${checklist.id}/${q.when.question}`)! > q.level);
    expect(inverted.map(({ checklist, q }) => `${checklist.id}/${q.id}`)).toEqual([]);
  });

  it('reserves critical for a handful of level-1 practices that apply to every organisation', () => {
    const critical = questions.filter(({ q }) => q.severity === 'critical');
    expect(critical.length).toBeLessThanOrEqual(8);
    for (const { checklist, q } of critical) expect({ id: `${checklist.id}/${q.id}`, level: q.level, when: q.when }).toEqual({ id: `${checklist.id}/${q.id}`, level: 1, when: undefined });
  });

  it('maps every CIS IG1 safeguard to at least one question', (context) => {
    if (!hasReferences) return context.skip(WITHOUT_REFERENCES);
    const mapped = new Set(questions.flatMap(({ q }) => q.refs['cis-v8'] ?? []));
    expect(cisIg1Safeguards().filter((id) => !mapped.has(id))).toEqual([]);
  });

  it('asks about MFA for every staff account at level 1 as a critical practice', () => {
    const staffMfa = questions.find(({ checklist, q }) => checklist.id === 'identity-access' && q.id === 'staff-mfa')?.q;
    expect(staffMfa).toMatchObject({ level: 1, severity: 'critical' });
    expect(staffMfa?.refs['cis-v8']).toEqual(expect.arrayContaining(['6.3', '6.4']));
  });

  it('scopes with questions instead of asking for "na" when the organisation lacks the thing', () => {
    const asksForNa = questions.filter(({ q }) => /not applicable|answer na\b/i.test(q.help));
    expect(asksForNa.map(({ checklist, q }) => `${checklist.id}/${q.id}`)).toEqual([]);
  });

  it('keeps every former id unique across the catalogue and distinct from the current ids', () => {
    const current = new Set(questions.map(({ checklist, q }) => `${checklist.id}/${q.id}`));
    const former = questions.flatMap(({ checklist, q }) => formerGlobalIds(checklist.id, q));
    expect(former.filter((id) => current.has(id))).toEqual([]);
    expect(new Set(former).size).toBe(former.length);
  });
});
