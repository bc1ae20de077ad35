/**
 * The entry point: answers `--version` at once, and loads the command-line program (commander and
 * the command registry) only for everything else, so the most common scripted call stays near
 * bare-node start-up.
 */
import module from 'node:module';
import version from 'breachready:version';

const [first, ...rest] = process.argv.slice(2);
if ((first === '--version' || first === '-v') && rest.length === 0) {
  process.stdout.write(`${version}\n`);
} else {
  // Node >= 22.1 can cache compiled code between runs (the chunks below are most of the start-up).
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  await import('./cli.js');
}
