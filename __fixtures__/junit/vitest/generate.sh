#!/usr/bin/env bash
# Regenerates report.xml with vitest's built-in junit reporter (default options but the output file).
# Tools come from an npm prefix, FIXTURE_TOOLS (default /tmp/fixture-tools; see ../install-tools.sh).
# The suite fails on purpose: vitest exits 1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="${FIXTURE_TOOLS:-/tmp/fixture-tools}/node_modules"
work=/tmp/gate-fixtures/vitest
rm -rf "$work" && mkdir -p "$work"
cp "$here/dose.ts" "$here/dose.test.ts" "$work/"
# The suite imports 'vitest'; resolve it from the tool prefix.
ln -s "$tools" "$work/node_modules"
cd "$work"
echo "node $(node --version), $("$tools/.bin/vitest" --version)"
status=0
"$tools/.bin/vitest" run --root "$work" --reporter=default --reporter=junit --outputFile.junit=report.xml \
  || status=$?
[ "$status" -eq 1 ] || { echo "vitest exited $status, expected 1 (deliberate failures)" >&2; exit 1; }
cp report.xml "$here/report.xml"
