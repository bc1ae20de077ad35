/** `breachready rollup FILE|DIR...`: declaration (the work is in rollup-run.ts, loaded when it runs). */
import type { Command } from 'commander';
import type { CommandContext } from '../cli/command.js';
import { addOptions } from '../cli/options.js';
import { OPTIONS } from './rollup-options.js';
import type { RollupOptions } from './rollup-options.js';

export const name = 'rollup';

export { OPTIONS };

export function declare(program: Command, context: CommandContext): void {
  addOptions(
    program
      .command(name)
      .description("a group report across units' answers files: group score, heat map, weakest units, common gaps")
      .argument('<paths...>', 'answers files, or directories whose *.yaml answers files are read (not their subdirectories)'),
    OPTIONS,
  )
    .addHelpText(
      'after',
      `
    Every unit is scored as of one date on the lowest level and the checklists all units cover.
    The group score is the mean of the unit scores, each weighted by its file's weight: (1 when none).
    --fail-on and --min-unit-score apply to every unit, --min-score to the group.

    Exit codes: 0 pass, 1 policy failed (one line per reason on stderr), 2 usage or input error.

    Examples:
      $ breachready rollup units/
      $ breachready rollup units/ -f markdown --as-of 2026-11-22 > group.md
      $ breachready rollup units/ --fail-on critical --min-score 70 --min-unit-score 50
      $ breachready rollup units/ --redact -f json > for-the-insurer.json
      $ breachready rollup units/ -o group.html -o group.md --fail-on high`,
    )
    .action(async (paths: string[], options: RollupOptions) => (await import('./rollup-run.js')).runRollup(paths, options, context.globals()));
}
