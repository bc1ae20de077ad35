/** `breachready [interview]`, the default command: declaration (the work is in interview-run.ts, loaded when it runs). */
import type { Command } from 'commander';
import type { CommandContext } from '../cli/command.js';
import { CliError, EXIT } from '../errors.js';
import { addOptions } from '../cli/options.js';
import { OPTIONS } from './interview-options.js';
import type { InterviewOptions } from './interview-options.js';

export const name = 'interview';

export { OPTIONS };

export function declare(program: Command, context: CommandContext): void {
  addOptions(
    program.command(name, { isDefault: true }).description('interview in this terminal (the default command); answers are saved after every question'),
    OPTIONS,
  )
    .addHelpText(
      'after',
      `
    Examples:
      $ npx breachready                               start, or resume, breachready-answers.yaml
      $ breachready --answers acme.yaml --level 1     a client's essentials, in their own file
      $ breachready --answers acme.yaml --review      go over every answer again
      $ breachready --answers acme.yaml --revisit stale --max-age 12m
                                                      a year on: only what is stale, expired or unverified
      $ breachready --answers acme.yaml -o acme-report.md`,
    )
    .allowExcessArguments(true)
    .action(async (options: InterviewOptions, command: Command) => {
      // The default command receives whatever word was not a command: say so, with a suggestion.
      const [word] = command.args;
      if (word !== undefined) {
        const { didYouMean } = await import('../suggest.js');
        throw new CliError(`unknown command "${word}"${didYouMean(word, context.names)}`, EXIT.usage, 'See: breachready --help');
      }
      return (await import('./interview-run.js')).runInterviewCommand(options, context.globals());
    });
}
