/**
 * Whether to colour a stream: off for non-TTYs, NO_COLOR, TERM=dumb and --no-color; FORCE_COLOR
 * forces it. The stream is looked at last: making process.stdout costs milliseconds that a run
 * settled by the flags or the environment does not pay.
 */
export function useColor(stream: 'stdout' | 'stderr', flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === false) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return process[stream].isTTY === true;
}
