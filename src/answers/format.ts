/** The answers file format version (`breachready: 1`), apart from the zod schema so that code which only needs it does not load zod. */
export const FORMAT_VERSION = 1;
