#!/usr/bin/env node
'use strict';
// CommonJS on purpose: Node loads it faster than an ES module, so `--version` never waits for the
// bundle; everything else imports it (with the compile cache on where Node has one, >= 22.1).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('node:module').enableCompileCache?.();
  import('../dist/cli.js');
}
