/** The one place the clock is read: reports are reproducible with --as-of. */
import { CliError } from './errors.js';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** `--as-of` validated, or today's local date. */
export function asOfDate(option: string | undefined, now: Date = new Date()): string {
  if (option === undefined) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  const valid = ISO_DATE.test(option) && new Date(`${option}T00:00:00Z`).toISOString().startsWith(option);
  if (!valid) throw new CliError(`--as-of must be a date, YYYY-MM-DD (got "${option}")`);
  return option;
}
