/** What the interview needs from a user interface; the terminal one is in prompts.ts. */
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
