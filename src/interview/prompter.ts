/** What the interview needs from a user interface; the terminal one is in prompts.ts. */
import { stripControl, terminalLine } from '../text.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  disabled?: boolean | string;
  separator?: boolean;
}

export interface Prompter {
  select<T>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T>;
  input(message: string, options?: { default?: string; required?: boolean }): Promise<string>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  print(text: string): void;
}

// The colours the interview paints its own lines with: the only escape sequence print lets through.
const SGR = /(\u001b\[[0-9;]*m)/;

/**
 * The one door to the screen: every text a prompter shows (messages, choices, defaults, printed
 * lines) is stripped of terminal control sequences here, so text from a checklist, an answers
 * file or a file name can never set the title, clear the screen, write the clipboard or plant a
 * link, whichever prompt it reaches. Printed lines keep colour codes only (the interview's own).
 */
export function cleanPrompter(inner: Prompter): Prompter {
  return {
    select: (message, choices, defaultValue) =>
      inner.select(
        stripControl(message),
        choices.map((c) => ({
          ...c,
          name: stripControl(c.name),
          description: c.description === undefined ? undefined : stripControl(c.description),
          disabled: typeof c.disabled === 'string' ? stripControl(c.disabled) : c.disabled,
        })),
        defaultValue,
      ),
    input: (message, options) => inner.input(stripControl(message), options && { ...options, default: options.default === undefined ? undefined : terminalLine(options.default) }),
    confirm: (message, defaultValue) => inner.confirm(stripControl(message), defaultValue),
    print: (text) => inner.print(screenText(text)),
  };
}

/** Text for the screen: control sequences removed, except colour codes. */
export function screenText(text: string): string {
  return text
    .split(SGR)
    .map((part, i) => (i % 2 ? part : stripControl(part)))
    .join('');
}
