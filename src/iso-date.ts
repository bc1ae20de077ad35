/** Calendar dates as breachready reads and writes them (YYYY-MM-DD): answers files and --as-of. */

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A YYYY-MM-DD string that names a real day (not 2026-02-30), in the proleptic Gregorian calendar as Date has it. */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  // Counted rather than parsed with Date, whose first use costs a short run more than the rest.
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

export const isIsoDate = (value: unknown): value is string => typeof value === 'string' && isCalendarDate(value);

/** The calendar date `days` after a YYYY-MM-DD date (negative goes back), counted in UTC so no time zone shifts it. */
export function addDays(date: string, days: number): string {
  const time = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}
