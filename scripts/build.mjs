#!/usr/bin/env node
// Builds dist/: validates and compiles the built-in checklists to JSON, then bundles the CLI
// with esbuild into a small entry plus lazily loaded chunks (one per command path).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * zod re-exports every locale as `z.locales` (about 260 KB minified) and a namespace import keeps
 * them all; breachready writes its own messages and zod registers English by itself, so the
 * locales namespace is replaced by an empty module.
 */
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

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
const bundle = await build({
  ...common,
  metafile: true,
  entryPoints: { cli: join(root, 'src/cli.ts') },
  outdir: join(root, 'dist'),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  legalComments: 'linked',
  plugins: [virtualModules(builtinJson), zodWithoutLocales],
});

// 3. The bundled packages' licences ship beside the bundle (MIT and ISC ask for their notices).
const packages = new Map();
for (const input of Object.keys(bundle.metafile.inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) packages.set(match[1], join(root, input.slice(0, match.index + match[0].length)));
}
const notices = [...packages.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, dir]) => {
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = licenseFile ? readFileSync(join(dir, licenseFile), 'utf8').trim() : `License: ${meta.license}`;
    return `${name}@${meta.version} (${meta.license})\n\n${text}\n`;
  });
writeFileSync(join(root, 'dist', 'THIRD-PARTY-LICENSES.txt'), `breachready bundles these packages:\n\n${notices.join('\n' + '-'.repeat(72) + '\n\n')}`);
