#!/usr/bin/env bash
# Runs the end-to-end tests against the built CLI under Node 24 (users run 22 and 24; these
# machines run 20). Node 24 comes from the npm registry's `node` package.
set -euo pipefail
cd "$(dirname "$0")/.."
node24=$(npx -y node@24 -p process.execPath)
echo "e2e tests under $("$node24" --version) ($node24)"
BREACHREADY_TEST_NODE="$node24" npx vitest run tests/e2e
