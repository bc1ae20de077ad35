// Modules the build provides (scripts/build.mjs); vitest maps them in vitest.config.ts.
declare module 'breachready:builtin-checklists' {
  const checklists: unknown[];
  export default checklists;
}
declare module 'breachready:version' {
  const version: string;
  export default version;
}
