#!/usr/bin/env node
'use strict';
// CommonJS on purpose: Node starts a classic script faster than an ES module, `--version` is
// answered before anything else loads, and the bundle's compiled code can be cached (below).
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
  const path = require('node:path');
  const dist = path.join(__dirname, '..', 'dist');
  let cache;
  try {
    cache = cacheSettings();
  } catch {
    // No home directory to be found, say: without a cache the CLI only starts slower.
  }
  // dist/vendor holds libraries that some commands load with require(), wrapped like the bundle.
  const Module = module.constructor;
  const compile = Module.prototype._compile;
  const vendor = path.join(dist, 'vendor');
  Module.prototype._compile = function compileBundled(content, filename) {
    return path.dirname(filename) === vendor ? runBundled(this, content, filename, cache) : compile.call(this, content, filename);
  };
  const cli = path.join(dist, 'cli.cjs');
  let source;
  try {
    source = require('node:fs').readFileSync(cli, 'utf8');
  } catch (error) {
    const why = error.code === 'ENOENT' ? 'is missing: build it with npm run build' : `cannot be read (${error.code})`;
    process.stderr.write(`breachready: ${cli} ${why}\n`);
    process.exit(70);
  }
  // Run from here rather than through require(), which would resolve the path, look for
  // package.json files and read the bundle again: a millisecond of every start.
  const bundle = new Module(cli, module);
  bundle.filename = cli;
  bundle.paths = [];
  runBundled(bundle, source, cli, cache);
  bundle.loaded = true;
}

/**
 * Where this run's code cache goes, or undefined for none. The bundle's files are compiled with
 * vm.Script and a cachedData, and a run stores, as it exits, all the code it compiled, so later
 * runs of the same kind skip compiling (a third of a short run). Not module.enableCompileCache
 * (Node >= 22.1): its cache is made when a module is compiled, before the functions a run goes on
 * to compile; on Node 24.21 `report` took 1.74x `node -e 0` with it and 1.51x with this. The cache
 * lives in $BREACHREADY_CACHE_DIR, else $XDG_CACHE_HOME/breachready, else ~/.cache/breachready;
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off. A cache that cannot be read or written only means no
 * cache: V8 rejects one that does not match the code, and the file name changes with every build.
 */
function cacheSettings() {
  const path = require('node:path');
  const env = process.env;
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  // $HOME as os.homedir() would read it, without loading node:os on every start.
  const userHome = env.XDG_CACHE_HOME ? undefined : env.HOME || require('node:os').homedir();
  const home = env.XDG_CACHE_HOME || (userHome && path.join(userHome, '.cache'));
  const dir = env.BREACHREADY_CACHE_DIR ? path.resolve(env.BREACHREADY_CACHE_DIR) : home && path.join(home, 'breachready');
  if (!dir) return undefined;
  // One cache per kind of run, so that each holds the code that kind compiles: the command, and help.
  const command = /^(list|validate|schema|report|diff|template|interview)$/.exec(args[0] ?? '')?.[0] ?? 'interview';
  const kind = `${command}${args.includes('--help') || args.includes('-h') ? '-help' : ''}`;
  // V8 rejects a cache made under other flags: runs with other Node options keep their own.
  const options = [...process.execArgv, env.NODE_OPTIONS ?? ''].join('\0');
  return { dir, kind, flags: options === '' ? '' : `-${fnv1a(options)}` };
}

/**
 * Runs a bundle file, which the build stored as `// breachready build <hash>` and a function
 * expression (scripts/build.mjs), as the module `target`, from the code cache when there is one.
 */
function runBundled(target, source, filename, cache) {
  const path = require('node:path');
  const fs = require('node:fs');
  const vm = require('node:vm');
  const build = /^\/\/ breachready build ([0-9a-f]+)\n/.exec(source)?.[1];
  // <file>-<kind>-<V8 version and flags>-<arch>-<build>.v8cache
  const prefix = cache && build && `${path.basename(filename, '.cjs')}-${cache.kind}-${process.versions.v8}${cache.flags}-${process.arch}-`;
  const cacheFile = prefix && path.join(cache.dir, `${prefix}${build}.v8cache`);
  let cachedData;
  try {
    cachedData = cacheFile ? fs.readFileSync(cacheFile) : undefined;
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(source, { filename, cachedData });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    // At exit the cache holds every function this run compiled, not only the top level. Only a
    // run that did its work (passed, failed its policy or was interrupted) writes one: a usage
    // error compiles little, and its cache would stand, unrejected, for every later run.
    process.once('exit', (code) => {
      if (code === 0 || code === 1 || code === 130) writeCache(fs, cacheFile, prefix, () => script.createCachedData());
    });
  }
  const wrapper = script.runInThisContext({ displayErrors: true });
  // The bundles require only Node's modules and each other, by relative path.
  return wrapper.call(target.exports, target.exports, (id) => target.require(id), target, filename, path.dirname(filename));
}

/** A short hash of a string (FNV-1a, 32 bits), for file names. */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16);
}

/** Writes a cache file atomically (a reader never sees half of one) and drops the files of older builds (same prefix). */
function writeCache(fs, cacheFile, prefix, data) {
  const path = require('node:path');
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    const dir = path.dirname(cacheFile);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, data(), { mode: 0o600 });
    fs.renameSync(temp, cacheFile);
    for (const file of fs.readdirSync(dir)) {
      if (file !== path.basename(cacheFile) && file.startsWith(prefix) && /^[0-9a-f]+\.v8cache$/.test(file.slice(prefix.length))) fs.rmSync(path.join(dir, file), { force: true });
    }
  } catch {
    // No cache this time (a full disk, say): nothing is lost, and no half-written file stays.
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // The directory itself is not writable.
    }
  }
}
