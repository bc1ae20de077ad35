/**
 * The only importer of @inquirer/prompts: small ask helpers behind the Prompter interface, so the
 * interview logic can be driven by tests and the heavy prompt code loads only for the interview.
 */
import { confirm, input, select, Separator } from '@inquirer/prompts';
import { cleanPrompter } from './prompter.js';
import type { Choice, Prompter } from './prompter.js';

/** The `select` configuration for a list of choices (separators included). */
export function selectConfig<T>(message: string, choices: Choice<T>[], defaultValue?: T) {
  return {
    message,
    choices: choices.map((c) => (c.separator ? new Separator() : { name: c.name, value: c.value, description: c.description, disabled: c.disabled })),
    default: defaultValue,
    pageSize: Math.max(choices.length, 7),
    loop: false,
  };
}

/** The `input` configuration; a required input refuses blank answers with a hint. */
export function inputConfig(message: string, options: { default?: string; required?: boolean } = {}) {
  return {
    message,
    default: options.default,
    validate: options.required ? (value: string) => (value.trim() ? true : 'Please write a short justification.') : undefined,
  };
}

/**
 * When the terminal goes away (the window closed, the pty killed), a prompt can resolve with
 * nothing instead of rejecting: treat that as the end of the sitting, never as an answer.
 */
async function answered<T>(pending: Promise<T>): Promise<T> {
  const value = await pending;
  if (value === undefined || process.stdin.destroyed || process.stdin.readableEnded) {
    throw Object.assign(new Error('the terminal was closed'), { name: 'ExitPromptError' });
  }
  return value;
}

/**
 * A Prompter on the real terminal; all it shows passes through cleanPrompter. Once `signal` is
 * aborted, the prompt in progress and every later one reject as Ctrl-C does.
 */
export function terminalPrompter(output: NodeJS.WriteStream = process.stdout, signal?: AbortSignal): Prompter {
  const context = { output, clearPromptOnDone: false, signal };
  return cleanPrompter({
    select: <T>(message: string, choices: Choice<T>[], defaultValue?: T) => answered(select<T>(selectConfig(message, choices, defaultValue), context)),
    input: (message, options) => answered(input(inputConfig(message, options), context)),
    confirm: (message, defaultValue) => answered(confirm({ message, default: defaultValue }, context)),
    print: (text) => output.write(text),
  });
}

/** True for the error Inquirer throws when the user presses Ctrl-C at a prompt. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}
