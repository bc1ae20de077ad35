import { describe, expect, it } from 'vitest';
import { invocationOf, shellQuote } from '../../src/invocation.js';

describe('invocationOf(): breachready as the person started it', () => {
  const cwd = '/home/jane/audit';
  it('npx and npm exec', () => {
    expect(invocationOf({ script: '/home/jane/.npm/_npx/1/node_modules/.bin/breachready', env: { npm_command: 'exec' }, cwd })).toBe('npx breachready');
  });
  it('a command on PATH', () => {
    expect(invocationOf({ script: '/usr/local/bin/breachready', env: {}, cwd })).toBe('breachready');
  });
  it('a local install, run from an npm script or by its path', () => {
    expect(invocationOf({ script: '/home/jane/audit/node_modules/.bin/breachready', env: { npm_command: 'run-script' }, cwd })).toBe('npx breachready');
  });
  it('node and the script: relative below the working directory, absolute elsewhere, quoted when needed', () => {
    expect(invocationOf({ script: '/home/jane/audit/tools/bin/breachready.cjs', env: {}, cwd })).toBe('node tools/bin/breachready.cjs');
    expect(invocationOf({ script: '/opt/breach ready/bin/breachready.cjs', env: {}, cwd })).toBe("node '/opt/breach ready/bin/breachready.cjs'");
  });
  it('shellQuote leaves plain words bare and single-quotes the rest', () => {
    expect(shellQuote('acme.yaml')).toBe('acme.yaml');
    expect(shellQuote("it's here.yaml")).toBe(`'it'\\''s here.yaml'`);
  });
});
