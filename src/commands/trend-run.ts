/** `breachready trend`: scores of one organisation's sittings over time, from files or a file's git history. */
import version from 'breachready:version';
import type { ParsedAnswersFile } from '../answers/file.js';
import { loadAnswers, loadEach, parseAnswersFile } from '../answers-load.js';
import type { Level } from '../checklist/schema.js';
import { HIGHEST_LEVEL } from '../checklist/vocabulary.js';
import type { Globals } from '../cli/command.js';
import { useColor } from '../color.js';
import { CliError, ProblemsError } from '../errors.js';
import { plural } from '../plural.js';
import { pseudonym } from '../redact.js';
import { checkRedactFlags } from '../cli/options.js';
import { sharedScopeLine } from '../report/comparison.js';
import { TREND_FORMAT_NAMES, renderTrend } from '../report/trend-formats.js';
import { outputFiles, renderAndWrite } from '../cli/outputs.js';
import { sharedScope } from '../scoring/comparison-scope.js';
import { buildTrend, byDate } from '../scoring/trend.js';
import { write } from '../std-streams.js';
import { stderrLine } from '../text.js';
import type { TrendOptions } from './trend-options.js';

/** One sitting before it is loaded: the parsed file, and where and when it comes from. */
interface Sitting {
  parsed: ParsedAnswersFile;
  file: string;
  commit?: string;
  date: string;
}

export async function runTrend(files: string[], options: TrendOptions, globals: Globals): Promise<void> {
  checkRedactFlags(options);
  const outputs = outputFiles(options.output, TREND_FORMAT_NAMES);
  if (options.git && files.length !== 1) throw new CliError(`--git reads one file's history: name one file (got ${files.length})`);
  const sittings = byDate(options.git ? await fromGit(files[0]!) : await fromFiles(files));
  if (sittings.length < 2) {
    throw new CliError(`a trend needs at least two sittings: ${options.git ? `${files[0]} has one commit` : 'name two or more answers files'}`);
  }
  const said = (line: string) => write('stderr', `${stderrLine(line)}\n`);
  const dated = options.git ? "each file's date: field, else its commit date" : "each file's date: field";
  said(`note: ${plural(sittings.length, 'sitting')} ordered by ${dated}; the same date keeps the order ${options.git ? 'of the commits' : 'given'}`);

  // Each organisation named gets its own pseudonym, in date order.
  const organisations = [...new Set(sittings.map((s) => s.parsed.data?.organization ?? ''))];
  if (organisations.length > 1) said(`warning: the sittings name ${organisations.length} different organisations: a trend follows one`);
  const cap = options.level ?? HIGHEST_LEVEL;
  const loaded = await loadEach(sittings, async (sitting, index) => {
    const redact = options.redact ? { pseudonym: pseudonym(organisations.indexOf(sitting.parsed.data?.organization ?? '')), keepNames: options.keepNames } : undefined;
    // Older sittings may answer questions a checklist update has since removed: only the latest is held to today's checklists.
    const { answers, catalog } = await loadAnswers(sitting.parsed, { checklist: options.checklist, ignoreUnknown: index < sittings.length - 1, redact });
    const reach = { level: Math.min(answers.level ?? HIGHEST_LEVEL, cap) as Level, checklists: catalog.checklists };
    return { input: { date: sitting.date, file: options.redact || options.git ? undefined : sitting.file, commit: sitting.commit, answers }, reach };
  });
  const scope = sharedScope(loaded.map((l) => l.reach));
  if (!scope.checklists.length) throw new CliError('nothing to compare: the sittings have no checklist in common');
  if (scope.levels.length || scope.otherChecklists) said(`note: ${sharedScopeLine(scope, 'sitting', 'sittings')}`);

  const trend = buildTrend(
    loaded.map((l) => l.input),
    scope,
  );
  const tool = { name: 'breachready', version };
  await renderAndWrite(outputs, options.format, (format, color) => renderTrend(format, trend, { tool, color }), useColor('stdout', globals.color));
}

async function fromFiles(files: string[]): Promise<Sitting[]> {
  const sittings = await loadEach(files, async (file) => {
    const parsed = await parseAnswersFile(file);
    if (parsed.problems.length) throw new ProblemsError(parsed.problems);
    const date = parsed.data!.date;
    // A file's modification time says when it was last touched, not when the answers were given.
    if (!date) throw new ProblemsError([{ file: parsed.source.file, line: 1, col: 1, message: 'no `date:`: a trend orders sittings by the date the answers were given; add it' }]);
    return { parsed, file, date };
  });
  return sittings;
}

async function fromGit(file: string): Promise<Sitting[]> {
  const { fileHistory } = await import('../git-history.js');
  const { parseAnswersText } = await import('../answers/file.js');
  const history = await fileHistory(file);
  return loadEach(history, async (revision) => {
    const parsed = await parseAnswersText(revision.text, `${file}@${revision.commit.slice(0, 7)}`);
    if (parsed.problems.length) throw new ProblemsError(parsed.problems);
    return { parsed, file, commit: revision.commit, date: parsed.data!.date ?? revision.date };
  });
}
