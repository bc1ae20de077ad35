/** `breachready trend FILE...`: declaration (the work is in trend-run.ts, loaded when it runs). */
import type { Command } from 'commander';
import type { CommandContext } from '../cli/command.js';
import { addOptions } from '../cli/options.js';
import { OPTIONS } from './trend-options.js';
import type { TrendOptions } from './trend-options.js';

export const name = 'trend';

export { OPTIONS };

export function declare(program: Command, context: CommandContext): void {
  addOptions(
    program
      .command(name)
      .description('scores over time: several dated answers files, or one file through its git history')
      .argument('<files...>', 'answers files of the same organisation (any order), or one file with --git'),
    OPTIONS,
  )
    .addHelpText(
      'after',
      `
    Sittings are ordered by the file's date: (with --git, the commit date when a file has none; a
    file given by name must have one). Every sitting is scored as of its own date, on the lowest
    level and the checklists all of them cover.

    Examples:
      $ breachready trend 2026-05.yaml 2026-08.yaml 2026-11.yaml
      $ breachready trend --git breachready-answers.yaml -f markdown > trend.md
      $ breachready trend --git answers.yaml --redact -f json
      $ breachready trend 2026-*.yaml -o trend.html -o trend.json`,
    )
    .action(async (files: string[], options: TrendOptions) => (await import('./trend-run.js')).runTrend(files, options, context.globals()));
}
