/**
 * Standard input as an answers file, named once: `-` on the command line and in the model
 * (Answers.file), `<stdin>` where a problem names its file. Every output tests for it here.
 */
export const STDIN = '-';
export const STDIN_NAME = '<stdin>';

/** Whether a file name stands for standard input (either spelling). */
export function isStdin(file: string | undefined): boolean {
  return file === STDIN || file === STDIN_NAME;
}

/** A file name for outputs that point at a file (JUnit, annotations, SARIF): none for standard input. */
export function answersFileName(file: string | undefined): string | undefined {
  return file === undefined || file.trim() === '' || isStdin(file) ? undefined : file;
}
