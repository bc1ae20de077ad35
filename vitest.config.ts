import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  plugins: [
    {
      // The build's virtual modules (scripts/build.mjs), for unit tests of the sources.
      name: 'breachready-virtual-modules',
      resolveId: (id) => (id.startsWith('breachready:') ? `\0${id}` : undefined),
      load(id) {
        if (id === '\0breachready:version') return `export default ${JSON.stringify(pkg.version)};`;
        if (id === '\0breachready:builtin-checklists') {
          const file = fileURLToPath(new URL('./.build/builtin-checklists.json', import.meta.url));
          return `const data = ${readFileSync(file, 'utf8')};\nexport default () => data;`;
        }
        return undefined;
      },
    },
  ],
  test: {
    include: ['tests/**/*.test.ts'],
    // The default output, then one line naming the tests skipped on purpose and why.
    reporters: ['default', './tests/helpers/skip-reporter.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
