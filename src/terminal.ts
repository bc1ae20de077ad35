/** Small terminal helpers shared by the text outputs. */
import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import { useColor } from './color.js';

/** A chalk instance for stdout that honours NO_COLOR, --no-color and non-TTY output. */
export function stdoutChalk(flag: boolean | undefined): ChalkInstance {
  return new Chalk({ level: useColor('stdout', flag) ? 1 : 0 });
}

/** Pads or truncates to a display width (text is sanitised before it gets here). */
export function fit(text: string, width: number): string {
  const chars = [...text];
  if (chars.length > width) return chars.slice(0, Math.max(0, width - 1)).join('') + '…';
  return text + ' '.repeat(width - chars.length);
}

/** Columns to lay text out in: the terminal's (a pty may report 0), at most 100 for readability. */
export function terminalWidth(): number {
  return Math.min(process.stdout.columns || 80, 100);
}
