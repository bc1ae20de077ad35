/**
 * `-o` files, the same for every command that writes them: each file's format by its extension,
 * and a write that checks every target before the first is written (exit 2 means no file at all),
 * writes each atomically and says so on stderr.
 */
import { CliError } from '../errors.js';
import { checkWritable, writeFileAtomic } from '../fs-atomic.js';
import { formatForFile, knownExtensions } from '../report/formats.js';
import type { FormatName } from '../report/formats.js';
import { write } from '../std-streams.js';
import { stderrLine } from '../text.js';

export interface OutputFile<F extends FormatName> {
  file: string;
  format: F;
}

/** The `-o` files and their formats, among the formats this command writes. */
export function outputFiles<F extends FormatName>(files: readonly string[] | undefined, names: readonly F[]): OutputFile<F>[] {
  return (files ?? []).map((file) => {
    const format = formatForFile(file, names) as F | undefined;
    if (!format) throw new CliError(`cannot tell the format of "${file}" from its extension: use one of ${knownExtensions(names).join(', ')}`);
    return { file, format };
  });
}

/**
 * Renders each `-o` file (never in colour) and stdout's format (the one asked for, else text unless
 * `-o` is given), then writes the files and prints stdout: nothing is written when a render fails.
 */
export async function renderAndWrite<F extends FormatName>(
  outputs: readonly OutputFile<F>[],
  stdoutFormat: F | undefined,
  render: (format: F, color: boolean) => Promise<string>,
  stdoutColor: boolean,
): Promise<void> {
  const rendered = [];
  for (const o of outputs) rendered.push({ file: o.file, data: await render(o.format, false) });
  const format = stdoutFormat ?? (outputs.length ? undefined : ('text' as F));
  const stdoutText = format && (await render(format, stdoutColor));
  writeOutputs(rendered);
  if (stdoutText) write('stdout', stdoutText);
}

/** Writes the rendered files, every target checked first; one `wrote` line each. */
export function writeOutputs(rendered: readonly { file: string; data: string | Uint8Array }[]): void {
  for (const { file } of rendered) checkWritable(file);
  for (const { file, data } of rendered) {
    writeFileAtomic(file, data);
    write('stderr', `${stderrLine(`wrote ${file}`)}\n`);
  }
}
