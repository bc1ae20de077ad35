#!/usr/bin/env node
'use strict';
// Runs the bundle this package ships, dist/cli.cjs, with a plain require(): no code is read from
// anywhere else. CommonJS because Node starts a classic script faster than an ES module.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // Straight to the descriptor: creating process.stdout would cost more than the rest of this run.
  const line = `${require('../package.json').version}\n`;
  try {
    require('node:fs').writeSync(1, line);
  } catch (error) {
    if (error.code !== 'EPIPE') process.stdout.write(line);
  }
} else {
  const cli = require('node:path').join(__dirname, '..', 'dist', 'cli.cjs');
  try {
    require(cli);
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND' || require('node:fs').existsSync(cli)) throw error;
    process.stderr.write(`breachready: ${cli} is missing: build it with npm run build\n`);
    process.exit(70);
  }
}
