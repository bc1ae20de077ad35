#!/usr/bin/env node
// Builds dist/: validates and compiles the built-in checklists to JSON, then bundles the CLI with
// esbuild into plain CommonJS files: dist/cli.cjs, which bin/breachready.cjs requires, and the
// large libraries that only some paths need (yaml, zod, Inquirer) each in its own file under
// dist/vendor/, required when first used. CommonJS because Node loads it faster than an ES module
// graph, and in the bundle a module that is imported dynamically is also evaluated only then.
// Needs only devDependencies and no network, so `prepare` works for a git install.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = join(root, '.build');
mkdirSync(work, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
};

/** Resolves the build's virtual modules: the version and the compiled built-in checklists. */
const virtualModules = (builtinJson) => ({
  name: 'virtual-modules',
  setup(b) {
    b.onResolve({ filter: /^breachready:/ }, (args) => ({ path: args.path, namespace: 'virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'virtual' }, (args) => {
      if (args.path === 'breachready:version') return { contents: JSON.stringify(pkg.version), loader: 'json' };
      if (args.path === 'breachready:builtin-checklists') {
        // The bundle reads them from dist/builtin-checklists.json when first needed: kept out of the
        // code, they do not weigh on every start. The compile stage has none.
        if (builtinJson === '[]') return { contents: 'export default () => [];', loader: 'js' };
        return {
          contents: [
            "import { readFileSync } from 'node:fs';",
            "import { join } from 'node:path';",
            'let data;',
            "export default () => (data ??= JSON.parse(readFileSync(join(__dirname, 'builtin-checklists.json'), 'utf8')));",
          ].join('\n'),
          loader: 'js',
        };
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

/**
 * Libraries bundled on their own (dist/vendor/<name>.cjs): large, and needed only by some commands.
 * Each file exports what src/ imports (`*`, or the names, which lets esbuild leave the rest out).
 */
const VENDOR = {
  yaml: { library: 'yaml', exports: '*' },
  zod: { library: 'zod', exports: '*' },
  inquirer: { library: '@inquirer/prompts', exports: '{ confirm, input, select, Separator }' },
};
/** `up`: how a bundle in dist/ (`./`) or in a folder of it (`../`) reaches dist/. */
const vendorLibraries = (up) => ({
  name: 'vendor-libraries',
  setup(b) {
    const names = Object.fromEntries(Object.entries(VENDOR).map(([name, { library }]) => [library, name]));
    b.onResolve({ filter: /.*/ }, (args) => (names[args.path] ? { path: `${up}vendor/${names[args.path]}.cjs`, external: true } : undefined));
  },
});

/**
 * The JSON Schemas that `breachready schema` prints ship as files in schema/ (package.json "files"):
 * the bundle reads the one asked for from there, instead of carrying all three (about 19 KB of
 * object literals) for every start to parse. `up`: how the bundle's folder reaches the package root.
 */
const shippedSchemas = (up) => ({
  name: 'shipped-schemas',
  setup(b) {
    b.onResolve({ filter: /[\\/]schema[\\/][a-z-]+\.schema\.json$/ }, (args) => ({ path: basename(args.path), namespace: 'shipped-schema' }));
    b.onLoad({ filter: /.*/, namespace: 'shipped-schema' }, (args) => ({
      contents: `module.exports = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, '${up}schema', ${JSON.stringify(args.path)}), 'utf8'));`,
      loader: 'js',
    }));
  },
});

/**
 * Modules that only some runs reach, bundled on their own (dist/chunks/<name>.cjs) and required
 * when first imported: every run would otherwise pay to parse them at start-up. Each chunk carries
 * its own copy of the small pure modules it shares with the main bundle (a renderer that would
 * carry the answers schema, and so zod, stays in the main bundle: each run of it would build them twice).
 */
const CHUNKS = {
  'report-html': 'src/report/html/render.ts',
  'trend-html': 'src/report/html/trend.ts',
  'rollup-html': 'src/report/html/rollup.ts',
  'oscal-ar': 'src/report/oscal/assessment-results.ts',
  'oscal-poam': 'src/report/oscal/poam.ts',
  csv: 'src/report/csv.ts',
  sarif: 'src/report/sarif.ts',
  summary: 'src/report/summary.ts',
  github: 'src/report/github.ts',
  'rollup-markdown': 'src/report/rollup-markdown.ts',
  'rollup-json': 'src/report/rollup-json.ts',
  'trend-markdown': 'src/report/trend-markdown.ts',
  'trend-json': 'src/report/trend-json.ts',
};
/**
 * Modules a chunk may not carry a copy of: the CLI tells its errors by class, and the standard
 * streams' writer keeps the state of the streams it has set up, so both must be the main bundle's.
 */
const MAIN_ONLY = ['src/errors.ts', 'src/std-streams.ts'];
const chunkOf = Object.fromEntries(Object.entries(CHUNKS).map(([name, entry]) => [join(root, entry), name]));
/** In the main bundle, an import of a chunk's entry becomes a require() of the chunk file. */
const chunkImports = (up) => ({
  name: 'chunk-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const name = chunkOf[resolve(dirname(args.importer), args.path.replace(/\.js$/, '.ts'))];
      return name && args.kind === 'dynamic-import' ? { path: `${up}chunks/${name}.cjs`, external: true } : undefined;
    });
  },
});

/**
 * chalk detects the terminal's colour support when it loads (supports-color, which loads node:tty);
 * breachready decides colour itself (src/color.ts) and always gives chalk a level, so chalk gets
 * "no support detected" instead, the way its own non-Node build does.
 */
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /[\\/]chalk[\\/]/.test(args.importer) ? { path: 'supports-color', namespace: 'no-detection' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-detection' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};

/**
 * Built-in modules that cost several milliseconds to load and that most runs never use, required
 * on first use instead: node:child_process, which commander requires at load time for executable
 * subcommands breachready never has, and node:crypto (with the streams it loads), needed only to
 * hash evidence files, SARIF fingerprints, OSCAL ids and lock names. A stand-in exports the names
 * the sources import (the build fails on any other) and a default that loads the module when read.
 */
const LAZY_BUILTINS = {
  child_process: { importer: /[\\/]commander[\\/]/, names: [] },
  crypto: { importer: /./, names: ['createHash', 'randomBytes'] },
};
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    for (const [name, { importer }] of Object.entries(LAZY_BUILTINS)) {
      b.onResolve({ filter: new RegExp(`^(node:)?${name}$`) }, (args) =>
        // The stand-in's own require() is the real module.
        args.namespace !== 'lazy-builtin' && importer.test(args.importer) ? { path: name, namespace: 'lazy-builtin' } : undefined,
      );
    }
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      // Required once, on first use; later calls reuse it.
      const load = `(() => { let mod; return () => (mod ??= require('node:${args.path}')); })()`;
      const { names } = LAZY_BUILTINS[args.path];
      // commander require()s child_process: CommonJS. The sources import crypto's names: an ES module.
      if (!names.length) return { contents: `const load = ${load}; module.exports = new Proxy({}, { get: (_, key) => load()[key] });`, loader: 'js' };
      return {
        contents: [
          `const load = ${load};`,
          ...names.map((n) => `export const ${n} = (...args) => load().${n}(...args);`),
          'export default new Proxy({}, { get: (_, key) => load()[key] });',
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

// 1. Compile the built-in checklists with the real loader; fail the build on any problem.
await build({
  ...common,
  format: 'esm',
  // yaml and zod are ES modules, but the bundle may still meet a CommonJS require().
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  entryPoints: [join(root, 'src/checklist/compile.ts')],
  outfile: join(work, 'compile.mjs'),
  plugins: [virtualModules('[]')],
});
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

// 2. Bundle the CLI, into a fresh folder that replaces dist/ only when complete: a breachready
// already running (a test, an interview) never finds dist/ half-written or gone.
const next = join(work, 'dist-next');
rmSync(next, { recursive: true, force: true });
mkdirSync(next);
writeFileSync(join(next, 'builtin-checklists.json'), builtinJson);
const bundle = await build({
  ...common,
  format: 'cjs',
  metafile: true,
  entryPoints: [join(root, 'src/cli.ts')],
  outfile: join(next, 'cli.cjs'),
  minify: true,
  legalComments: 'linked',
  // The sources are ES modules; in the CommonJS bundle their import.meta.url is the bundle's
  // (worked out when first asked for).
  define: { 'import.meta': '__bundleMeta' },
  banner: { js: "var __bundleMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  plugins: [virtualModules(builtinJson), vendorLibraries('./'), lazyBuiltins, chalkWithoutDetection, chunkImports('./'), shippedSchemas('../')],
});
for (const [name, entry] of Object.entries(CHUNKS)) {
  // One folder down from cli.cjs: a chunk reaches the libraries at ../vendor/.
  await build({
    ...common,
    format: 'cjs',
    entryPoints: [join(root, entry)],
    outfile: join(next, 'chunks', `${name}.cjs`),
    minify: true,
    legalComments: 'linked',
    metafile: true,
    define: { 'import.meta': '__bundleMeta' },
    banner: { js: "var __bundleMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
    plugins: [virtualModules(builtinJson), vendorLibraries('../'), lazyBuiltins, chalkWithoutDetection, chunkImports('../'), shippedSchemas('../../')],
  }).then((result) => {
    const copied = MAIN_ONLY.filter((module) => result.metafile.inputs[module]);
    if (copied.length) {
      console.error(`build: chunk ${name} would carry its own copy of ${copied.join(', ')}: its errors would not be recognised (exit 70)`);
      process.exit(2);
    }
    Object.assign(bundle.metafile.inputs, result.metafile.inputs);
  });
}
for (const [name, { library, exports }] of Object.entries(VENDOR)) {
  await build({
    ...common,
    format: 'cjs',
    stdin: { contents: `export ${exports} from '${library}';`, resolveDir: root, loader: 'js', sourcefile: `vendor-${name}.js` },
    outfile: join(next, 'vendor', `${name}.cjs`),
    minify: true,
    legalComments: 'linked',
    metafile: true,
    plugins: [zodWithoutLocales],
  }).then((result) => Object.assign(bundle.metafile.inputs, result.metafile.inputs));
}

// What went into the bundle, for size analysis (e.g. esbuild's analyzer), next to the other build notes.
writeFileSync(join(work, 'meta.json'), JSON.stringify(bundle.metafile));

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
writeFileSync(join(next, 'THIRD-PARTY-LICENSES.txt'), `breachready bundles these packages:\n\n${notices.join('\n' + '-'.repeat(72) + '\n\n')}`);

// 4. Move the new files into dist/ one by one (each rename is atomic), then drop what the build no
// longer makes: no moment when a file a running breachready may still require is missing.
const dist = join(root, 'dist');
const built = readdirSync(next, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
const keep = new Set();
for (const entry of built) {
  const relative = join(entry.parentPath, entry.name).slice(next.length + 1);
  mkdirSync(dirname(join(dist, relative)), { recursive: true });
  renameSync(join(next, relative), join(dist, relative));
  keep.add(relative);
}
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  const relative = join(entry.parentPath, entry.name).slice(dist.length + 1);
  if (entry.isFile() && !keep.has(relative)) rmSync(join(dist, relative), { force: true });
}
rmSync(next, { recursive: true, force: true });
