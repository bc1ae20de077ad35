/**
 * The only importer of @inquirer/prompts: small ask helpers behind the Prompter interface, so the
 * interview logic can be driven by tests and the heavy prompt code loads only for the interview.
 */
import { confirm, input, select, Separator } from '@inquirer/prompts';
import type { Choice, Prompter } from './prompter.js';

/** A Prompter on the real terminal. */
export function terminalPrompter(output: NodeJS.WriteStream = process.stdout): Prompter {
  const context = { output, clearPromptOnDone: false };
  return {
    select: <T>(message: string, choices: Choice<T>[], defaultValue?: T) =>
      select<T>(
        {
          message,
          choices: choices.map((c) => (c.separator ? new Separator() : { name: c.name, value: c.value as T, description: c.description, disabled: c.disabled })),
          default: defaultValue,
          pageSize: Math.max(choices.length, 7),
          loop: false,
        },
        context,
      ),
    input: (message, options = {}) =>
      input(
        {
          message,
          default: options.default,
          required: options.required,
          validate: options.required ? (value: string) => (value.trim() ? true : 'Please write a short justification.') : undefined,
        },
        context,
      ),
    confirm: (message, defaultValue) => confirm({ message, default: defaultValue }, context),
    print: (text) => output.write(text),
  };
}

/** True for the error Inquirer throws when the user presses Ctrl-C at a prompt. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}
