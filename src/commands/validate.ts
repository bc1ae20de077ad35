/** `breachready validate <path...>`: declaration (the work is in validate-run.ts, loaded when it runs). */
import type { Command } from 'commander';
import { addOptions } from '../cli/options.js';
import { OPTIONS } from './validate-options.js';
import type { ValidateOptions } from './validate-options.js';

export const name = 'validate';

export { OPTIONS };

export function declare(program: Command): void {
  addOptions(
    program
      .command(name)
      .description('check checklists and answers files; print every problem as file:line:col')
      .argument('<path...>', 'YAML files or directories of them'),
    OPTIONS,
  )
    .addHelpText('after', '\nExamples:\n  $ breachready validate checklists/\n  $ breachready validate our-vendors.yaml breachready-answers.yaml')
    .action(async (paths: string[], options: ValidateOptions) => (await import('./validate-run.js')).runValidate(paths, options));
}
