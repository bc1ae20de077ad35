/** Plain facts of the answers file format, apart from the zod schema (schema.ts) so that code which only needs them does not load zod. */

/** The answers file format version (`breachready: 1`). */
export const FORMAT_VERSION = 1;

/** Calendar dates as answers files write them. */
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A YYYY-MM-DD string that names a real day (not 2026-02-30). */
export const isCalendarDate = (value: string): boolean =>
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export const isIsoDate = (value: unknown): value is string => typeof value === 'string' && ISO_DATE.test(value) && isCalendarDate(value);
