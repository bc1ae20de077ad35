/**
 * Writing to stdout and stderr without paying for their stream objects: Node creates
 * process.stdout and process.stderr when first used, and creating one costs milliseconds, a good
 * share of a short run. Until a stream exists, text goes straight to its file descriptor, as the
 * stream itself would write to a file, pipe or terminal on Linux; once something has made it
 * (the interview's prompts do), through it, so nothing is reordered.
 */
import { writeSync } from 'node:fs';
import { EXIT } from './errors.js';
import { describeWriteError } from './fs-atomic.js';

type StreamName = 'stdout' | 'stderr';

/** Streams whose creation is watched (see whenFirstUsed): only those are written around. */
const watched = new Set<StreamName>();
const created = new Set<StreamName>();

/** Runs `setup` on the stream when something first uses it. */
export function whenFirstUsed(name: StreamName, setup: (stream: NodeJS.WriteStream) => void): void {
  const descriptor = Object.getOwnPropertyDescriptor(process, name);
  if (!descriptor?.get || !descriptor.configurable) {
    setup(process[name]);
    return;
  }
  watched.add(name);
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: descriptor.enumerable ?? true,
    get() {
      // Node's own getter is put back first, so the stream is made (and set up) once.
      Object.defineProperty(process, name, descriptor);
      created.add(name);
      const stream = process[name];
      setup(stream);
      return stream;
    },
  });
}

/**
 * Whether everything written so far has reached its descriptor: nothing went through a stream
 * object (whose writes to a pipe finish later), so the process may exit at once.
 */
export function allWritten(): boolean {
  return created.size === 0;
}

/**
 * A failed write to stdout or stderr ends the run. A reader that stops early (`| head`) is not an
 * error: stop quietly. Anything else (a full disk) is: one line and a non-zero exit, so that a
 * truncated report (a SARIF file in CI) never passes for a complete one.
 */
export function exitOnWriteError(name: StreamName, error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  try {
    writeSync(2, `breachready: cannot write to standard ${name === 'stdout' ? 'output' : 'error'}: ${describeWriteError(error)}\n`);
  } catch {
    // Standard error itself failed: the exit code still tells.
  }
  process.exit(EXIT.usage);
}

/** Writes text to stdout or stderr (see above). */
export function write(name: StreamName, text: string): void {
  if (!watched.has(name) || created.has(name)) {
    process[name].write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(name === 'stdout' ? 1 : 2, bytes, offset);
  } catch (error) {
    // A full non-blocking pipe is the stream's to handle (libuv waits it out); anything else ends the run.
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') exitOnWriteError(name, error as NodeJS.ErrnoException);
    process[name].write(bytes.subarray(offset));
  }
}
