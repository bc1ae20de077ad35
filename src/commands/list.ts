/** `breachready list`: declaration (the work is in list-run.ts, loaded when it runs). */
import type { Command } from 'commander';
import type { CommandContext } from '../cli/command.js';
import { addOptions } from '../cli/options.js';
import { OPTIONS } from './list-options.js';
import type { ListOptions } from './list-options.js';

export const name = 'list';

export { OPTIONS };

export function declare(program: Command, context: CommandContext): void {
  addOptions(program.command(name).description('list the checklists and their question counts'), OPTIONS)
    .addHelpText('after', '\nExamples:\n  $ breachready list\n  $ breachready list --level 1\n  $ breachready list --json > checklists.json\n  $ breachready list --checklist ./our-vendors.yaml')
    .action(async (options: ListOptions) => (await import('./list-run.js')).runList(options, context.globals()));
}
