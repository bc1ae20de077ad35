/** The first sitting on a new answers file: who is assessed, by whom, at which level. */
import version from 'breachready:version';
import type { AnswersDocument } from '../answers/document.js';
import { schemaRef } from '../answers/schema-ref.js';
import type { Catalog } from '../catalog.js';
import type { Level } from '../checklist/schema.js';
import { plural } from '../plural.js';
import { wrap } from '../report/common.js';
import { terminalWidth } from '../terminal.js';
import { applicableQuestions } from './interview.js';
import type { Prompter } from './prompter.js';

const SECONDS_PER_QUESTION = 25;

export interface FirstRun {
  document: AnswersDocument;
  organization: string;
  assessor: string;
  level: Level;
}

/** Asks the opening questions and makes the new answers document (not yet saved). */
export async function firstRun(
  prompter: Prompter,
  catalog: Catalog,
  start: { file: string; asOf: string; level?: Level; checklists?: string[] },
): Promise<FirstRun> {
  const { file } = start;
  const intro = `breachready ${version}: a security-readiness interview drawn from the 2014 Sony Pictures breach. Your answers are saved to ${file} after every question: stop any time with Ctrl-C and resume later.`;
  prompter.print(`${wrap(intro, terminalWidth() - 1).join('\n')}\n\n`);
  const organization = (await prompter.input('Organisation name')).trim();
  const assessor = (await prompter.input('Your name (the assessor)')).trim();
  const level = start.level ?? (await askLevel(prompter, catalog));
  const { AnswersDocument } = await import('../answers/document.js');
  const document = AnswersDocument.create({
    organization: organization || undefined,
    assessor: assessor || undefined,
    date: start.asOf,
    level,
    checklists: start.checklists,
    versions: Object.fromEntries(catalog.checklists.map((c) => [c.id, c.version])),
    schemaRef: schemaRef(file),
  });
  return { document, organization, assessor, level };
}

async function askLevel(prompter: Prompter, catalog: Catalog): Promise<Level> {
  const count = (level: Level) => applicableQuestions(catalog, { answers: new Map() }, level).length;
  const minutes = (level: Level) => Math.max(1, Math.round((count(level) * SECONDS_PER_QUESTION) / 60));
  const describe = (level: Level, label: string) => `${level} ${label}: ${plural(count(level), 'question')}, about ${minutes(level)} min`;
  return prompter.select<Level>(
    'Which level?',
    [
      { name: describe(1, 'essentials, for any organisation'), value: 1 },
      { name: describe(2, 'standard, for an organisation with an IT team'), value: 2 },
      { name: describe(3, 'advanced, every question'), value: 3 },
    ],
    1,
  );
}
