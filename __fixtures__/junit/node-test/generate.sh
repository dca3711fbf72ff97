#!/usr/bin/env bash
# Regenerates report.xml with node's own test runner and its junit reporter (node >= 20).
# The suite fails on purpose: node --test exits 1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=/tmp/gate-fixtures/node-test
rm -rf "$work" && mkdir -p "$work"
cp "$here/dose.mjs" "$here/dose.test.mjs" "$work/"
cd "$work"
echo "node $(node --version)"
status=0
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination=report.xml dose.test.mjs || status=$?
[ "$status" -eq 1 ] || { echo "node --test exited $status, expected 1 (deliberate failures)" >&2; exit 1; }
cp report.xml "$here/report.xml"
