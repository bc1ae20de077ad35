/** The answers-file template: every applicable question, commented, ready to fill in by hand. */
import type { Catalog } from '../catalog.js';
import type { Level } from '../checklist/vocabulary.js';
import { ANSWER_VALUES } from '../checklist/vocabulary.js';
import { terminalLine } from '../text.js';

export interface TemplateOptions {
  level: Level;
  /** `checklists:` entries to write (when the user chose checklists explicitly). */
  checklistSpecs?: string[];
  /** Relative path or URL of schema/answers.schema.json for editors. */
  schemaRef?: string;
}

/** Comment text: one line, no control characters, safe to put after `#`. */
const comment = (text: string) => terminalLine(text);

/** Renders the template. Pure: the same catalog and options give the same text. */
export function renderTemplate(catalog: Catalog, options: TemplateOptions): string {
  const lines: string[] = [];
  if (options.schemaRef) lines.push(`# yaml-language-server: $schema=${options.schemaRef}`);
  lines.push(
    '# breachready answers file. Fill in each answer, then run:',
    '#   breachready report --answers <this file>',
    `# Answers: ${ANSWER_VALUES.join(' | ')}   (empty = unanswered; na needs a note)`,
    '# Longer form, with a note, evidence or an accepted risk:',
    '#   some-checklist/some-question:',
    '#     answer: partial',
    '#     note: what is in place and what is missing',
    '#     evidence: where to see it (link, document, ticket)',
    '#     accepted: { by: who, reason: why, until: YYYY-MM-DD }',
    'breachready: 1',
    'organization:',
    'assessor:',
    'date:',
    `level: ${options.level}`,
  );
  if (options.checklistSpecs?.length) {
    lines.push(`checklists: [${options.checklistSpecs.map((s) => JSON.stringify(s)).join(', ')}]`);
  }
  lines.push('answers:');
  let current: string | undefined;
  for (const entry of catalog.entries) {
    if (entry.question.level > options.level) continue;
    if (entry.checklist.id !== current) {
      current = entry.checklist.id;
      lines.push(`  # ---- ${comment(entry.checklist.title)} (${entry.checklist.id}) ----`);
    }
    const q = entry.question;
    const when = q.when ? `  (only if ${entry.checklist.id}/${q.when.question} is ${[q.when.is].flat().join(' or ')})` : '';
    lines.push(`  # [${q.severity.toUpperCase()}] ${comment(q.ask)}${when}`);
    lines.push(`  ${entry.globalId}:`);
  }
  return `${lines.join('\n')}\n`;
}
