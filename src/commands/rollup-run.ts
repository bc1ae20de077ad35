/** `breachready rollup`: many units' answers files summed up as a group, with the report's policy on each. */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import version from 'breachready:version';
import { loadAnswers, loadEach, parseAnswersFile } from '../answers-load.js';
import type { Level } from '../checklist/schema.js';
import { HIGHEST_LEVEL } from '../checklist/vocabulary.js';
import type { Globals } from '../cli/command.js';
import { asOfDate } from '../clock.js';
import { useColor } from '../color.js';
import { CliError, EXIT } from '../errors.js';
import { evaluatePolicy } from '../policy.js';
import { pseudonym } from '../redact.js';
import { checkRedactFlags } from '../cli/options.js';
import { formatScore, oneDecimal } from '../report/common.js';
import { sharedScopeLine } from '../report/comparison.js';
import { ROLLUP_FORMAT_NAMES, renderRollup } from '../report/rollup-formats.js';
import { outputFiles, renderAndWrite } from '../cli/outputs.js';
import { sharedScope } from '../scoring/comparison-scope.js';
import { buildRollup } from '../scoring/rollup.js';
import type { Rollup } from '../scoring/rollup.js';
import { write } from '../std-streams.js';
import { oneLine, quote, stderrLine } from '../text.js';
import type { RollupOptions } from './rollup-options.js';

export async function runRollup(paths: string[], options: RollupOptions, globals: Globals): Promise<void> {
  checkRedactFlags(options);
  const outputs = outputFiles(options.output, ROLLUP_FORMAT_NAMES);
  const asOf = asOfDate(options.asOf);
  const files = paths.flatMap(unitFiles);
  const cap = options.level ?? HIGHEST_LEVEL;
  const loaded = await loadEach(files, async (file, index) => {
    const redact = options.redact ? { pseudonym: pseudonym(index), keepNames: options.keepNames } : undefined;
    const { answers, catalog } = await loadAnswers(await parseAnswersFile(file), { checklist: options.checklist, redact });
    return { file, answers, reach: { level: Math.min(answers.level ?? HIGHEST_LEVEL, cap) as Level, checklists: catalog.checklists } };
  });
  const scope = sharedScope(loaded.map((l) => l.reach));
  if (!scope.checklists.length) throw new CliError('nothing to compare: the units have no checklist in common');
  if (scope.levels.length || scope.otherChecklists) write('stderr', `${stderrLine(`note: ${sharedScopeLine(scope, 'unit', 'units')}`)}\n`);

  const names = unitNames(loaded.map((l) => ({ file: l.file, organization: l.answers.organization })));
  const rollup = buildRollup(
    loaded.map((l, i) => ({ name: names[i]!, answers: l.answers })),
    scope,
    asOf,
  );
  const tool = { name: 'breachready', version };
  await renderAndWrite(outputs, options.format, (format, color) => renderRollup(format, rollup, { tool, color }), useColor('stdout', globals.color));

  const reasons = policyReasons(rollup, options);
  if (reasons.length) throw new CliError(`policy failed:\n  ${reasons.join('\n  ')}`, EXIT.policy);
}

/** The answers files a path stands for: itself, or a directory's `*.yaml` files (not its subdirectories), sorted. */
function unitFiles(path: string): string[] {
  let directory = false;
  try {
    directory = statSync(path).isDirectory();
  } catch {
    return [path]; // reading it reports the problem, at its name
  }
  if (!directory) return [path];
  const files = readdirSync(path)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(path, name))
    .filter((file) => statSync(file).isFile());
  if (!files.length) throw new CliError(`${quote(path)} has no *.yaml answers files`);
  return files;
}

/** Each unit's name: its (possibly pseudonymous) organisation, else its file's name; the file tells apart units that share one. */
function unitNames(units: readonly { file: string; organization?: string }[]): string[] {
  const plain = units.map((u) => u.organization ?? basename(u.file).replace(/\.yaml$/, ''));
  const count = new Map<string, number>();
  for (const name of plain) count.set(name, (count.get(name) ?? 0) + 1);
  return plain.map((name, i) => (count.get(name)! > 1 ? `${name} (${basename(units[i]!.file)})` : name));
}

/** One line per broken rule: the group's --min-score, then each unit's --fail-on and --min-unit-score. */
function policyReasons(rollup: Rollup, options: RollupOptions): string[] {
  const reasons: string[] = [];
  if (options.minScore !== undefined && (oneDecimal(rollup.score) ?? 0) < options.minScore) {
    reasons.push(`--min-score ${options.minScore}: the group score is ${formatScore(rollup.score)}`);
  }
  for (const unit of rollup.units) {
    // One line each: a unit's name must not break the list into lines of its own.
    const name = oneLine(unit.name);
    for (const reason of evaluatePolicy(unit.assessment, { failOn: options.failOn ?? 'none', requireComplete: false }).reasons) reasons.push(`${name}: ${reason}`);
    if (options.minUnitScore !== undefined && (oneDecimal(unit.assessment.score) ?? 0) < options.minUnitScore) {
      reasons.push(`${name}: --min-unit-score ${options.minUnitScore}: the score is ${formatScore(unit.assessment.score)}`);
    }
  }
  return reasons;
}
