/** The one place the clock is read: reports are reproducible with --as-of. */
import { CliError } from './errors.js';
import { isIsoDate } from './iso-date.js';

/** `--as-of` validated, or today's local date (the clock is only read then). */
export function asOfDate(option: string | undefined): string {
  if (option === undefined) {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  if (!isIsoDate(option)) throw new CliError(`--as-of must be a date, YYYY-MM-DD (got "${option}")`);
  return option;
}
