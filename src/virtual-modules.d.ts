// Modules the build provides (scripts/build.mjs); vitest maps them in vitest.config.ts.
declare module 'breachready:builtin-checklists' {
  /** The compiled built-in checklists, read on the first call. */
  const load: () => unknown[];
  export default load;
}
declare module 'breachready:version' {
  const version: string;
  export default version;
}
