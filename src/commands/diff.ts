/** `breachready diff OLD NEW`: declaration (the work is in diff-run.ts, loaded when it runs). */
import type { Command } from 'commander';
import { addOptions } from '../cli/options.js';
import { OPTIONS } from './diff-options.js';
import type { DiffOptions } from './diff-options.js';

export const name = 'diff';

export { OPTIONS };

export function declare(program: Command): void {
  addOptions(
    program
      .command(name)
      .description('compare two answers files: what improved and what regressed')
      .argument('<old>', 'the baseline answers file (e.g. from the main branch)')
      .argument('<new>', 'the current answers file'),
    OPTIONS,
  )
    .addHelpText(
      'after',
      `
    Examples:
      $ breachready diff baseline.yaml breachready-answers.yaml
      $ git show main:answers.yaml > /tmp/base.yaml && breachready diff /tmp/base.yaml answers.yaml --fail-on-regression`,
    )
    .action(async (oldFile: string, newFile: string, options: DiffOptions) => (await import('./diff-run.js')).runDiff(oldFile, newFile, options));
}
