/** `breachready template`: declaration (the work is in template-run.ts, loaded when it runs). */
import type { Command } from 'commander';
import { addOptions } from '../cli/options.js';
import { OPTIONS } from './template-options.js';
import type { TemplateOptions } from './template-options.js';

export const name = 'template';

export { OPTIONS };

export function declare(program: Command): void {
  addOptions(program.command(name).description('write an answers file with every applicable question, to fill in by hand'), OPTIONS)
    .addHelpText(
      'after',
      `
    Examples:
      $ breachready template -o breachready-answers.yaml
      $ breachready template --level 1 --checklist social-media --checklist backup-recovery`,
    )
    .action(async (options: TemplateOptions) => (await import('./template-run.js')).runTemplate(options));
}
