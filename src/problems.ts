/** A problem found in an input file, located at a 1-based line and column. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
}

/** `file:line:col: message`, the one format every input problem is reported in. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.col}: ${problem.message}`;
}

/** Appends many problems without spreading them into call arguments (which overflows the stack). */
export function addAll(target: Problem[], more: readonly Problem[]): void {
  for (const problem of more) target.push(problem);
}

/** Orders problems by file, then position, so reports are stable. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col,
  );
}
