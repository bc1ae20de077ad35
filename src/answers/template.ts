/** The answers-file template: every applicable question, commented, ready to fill in by hand. */
import type { Catalog } from '../catalog.js';
import type { Level } from '../checklist/vocabulary.js';
import { ANSWER_VALUES } from '../checklist/vocabulary.js';
import { terminalLine } from '../text.js';
import { FORMAT_VERSION } from './format.js';
import { ANSWER_ENTRY_EXAMPLE, HAND_SET_FIELD_EXAMPLE, META_FIELDS } from './schema.js';

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
    '# Longer form, with dates, owner, a note, evidence or an accepted risk:',
    '#   some-checklist/some-question:',
    ...Object.entries(ANSWER_ENTRY_EXAMPLE).map(([field, example]) => `#     ${field}: ${example}`),
    `breachready: ${FORMAT_VERSION}`,
    // The assessment fields, to fill in; the level is the one chosen.
    ...META_FIELDS.map((field) => (field === 'level' ? `level: ${options.level}` : `${field}:`)),
    ...Object.entries(HAND_SET_FIELD_EXAMPLE).map(([field, example]) => `# ${field}: ${example}`),
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
