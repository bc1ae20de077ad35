#!/usr/bin/env node
// Builds dist/: validates and compiles the built-in checklists to JSON, then bundles the CLI
// with esbuild into a small entry plus lazily loaded chunks (one per command path).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = join(root, '.build');
mkdirSync(work, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // commander is CommonJS: give the ESM bundle a require() for it.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

/** Resolves the build's virtual modules: the version and the compiled built-in checklists. */
const virtualModules = (builtinJson) => ({
  name: 'virtual-modules',
  setup(b) {
    b.onResolve({ filter: /^breachready:/ }, (args) => ({ path: args.path, namespace: 'virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'virtual' }, (args) => {
      if (args.path === 'breachready:version') return { contents: JSON.stringify(pkg.version), loader: 'json' };
      if (args.path === 'breachready:builtin-checklists') {
        // JSON.parse of a string literal is faster for V8 than an equivalent object literal.
        return { contents: `export default JSON.parse(${JSON.stringify(builtinJson)});`, loader: 'js' };
      }
      return undefined;
    });
  },
});

// 1. Compile the built-in checklists with the real loader; fail the build on any problem.
await build({ ...common, entryPoints: [join(root, 'src/checklist/compile.ts')], outfile: join(work, 'compile.mjs'), plugins: [virtualModules('[]')] });
let builtinJson;
try {
  builtinJson = execFileSync(process.execPath, [join(work, 'compile.mjs'), join(root, 'checklists')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    cwd: root,
  });
} catch {
  console.error('build: the built-in checklists have problems (above)');
  process.exit(2);
}
writeFileSync(join(work, 'builtin-checklists.json'), builtinJson);

// 2. Bundle the CLI.
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: join(root, 'src/cli.ts') },
  outdir: join(root, 'dist'),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  legalComments: 'linked',
  plugins: [virtualModules(builtinJson)],
});
