/** Calendar dates as breachready reads and writes them (YYYY-MM-DD): answers files and --as-of. */

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A YYYY-MM-DD string that names a real day (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const isIsoDate = (value: unknown): value is string => typeof value === 'string' && ISO_DATE.test(value) && isCalendarDate(value);
