import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadChecklistFile } from '../../src/checklist/load.js';
import type { Checklist } from '../../src/checklist/schema.js';
import { hasReferences, seedTexts, validControlIds, WITHOUT_REFERENCES } from '../helpers/references.js';

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
  it('has at least 11 checklists and 80 questions with unique ids', () => {
    const checklists = files.map((f) => loadedFiles.get(f)!.checklist as Checklist);
    expect(checklists.length).toBeGreaterThanOrEqual(11);
    expect(checklists.reduce((n, c) => n + c.questions.length, 0)).toBeGreaterThanOrEqual(80);
    expect(new Set(checklists.map((c) => c.id)).size).toBe(checklists.length);
  });
});
