/** `breachready list`: the checklists and their question counts, or everything as JSON. */
import { HIGHEST_LEVEL } from '../checklist/vocabulary.js';
import type { Checklist } from '../checklist/schema.js';
import { plural } from '../plural.js';
import { fit, stdoutChalk } from '../terminal.js';
import { safeJson, terminalLine } from '../text.js';
import { loadSelection } from '../checklist/select.js';
import { write } from '../std-streams.js';
import type { Globals } from '../cli/command.js';
import type { ListOptions } from './list-options.js';

export async function runList(options: ListOptions, globals: Globals): Promise<void> {
  const level = options.level ?? HIGHEST_LEVEL;
  const checklists = (await loadSelection(options.checklist ?? [])).map((l) => ({
    ...l.checklist,
    questions: l.checklist.questions.filter((q) => q.level <= level),
  }));
  write('stdout', options.json ? safeJson({ checklists }) : renderList(checklists, level, globals.color));
}

function renderList(checklists: Checklist[], level: number, colorFlag: boolean | undefined): string {
  const chalk = stdoutChalk(colorFlag);
  const total = checklists.reduce((n, c) => n + c.questions.length, 0);
  const count = (c: Checklist, l: number) => String(c.questions.filter((q) => q.level === l).length).padStart(3);
  const idWidth = Math.min(26, Math.max(9, ...checklists.map((c) => c.id.length)));
  const lines = [
    chalk.bold(`${plural(checklists.length, 'checklist')}, ${plural(total, 'question')}`) +
      (level < 3 ? chalk.dim(` (level ${level} and below)`) : ''),
    '',
    chalk.dim(`${fit('CHECKLIST', idWidth)}  QUESTIONS  L1  L2  L3  TITLE`),
    ...checklists.map(
      (c) =>
        `${fit(terminalLine(c.id), idWidth)}  ${String(c.questions.length).padStart(9)} ${count(c, 1)} ${count(c, 2)} ${count(c, 3)}  ${fit(terminalLine(c.title), Math.max(10, 79 - idWidth - 27)).trimEnd()}`,
    ),
    '',
    chalk.dim('Start an interview: npx breachready   Details: breachready list --json'),
  ];
  return `${lines.join('\n')}\n`;
}
