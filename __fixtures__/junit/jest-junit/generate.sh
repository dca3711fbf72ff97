#!/usr/bin/env bash
# Regenerates report.xml with jest and the jest-junit reporter (default options but the output path).
# Tools come from an npm prefix, FIXTURE_TOOLS (default /tmp/fixture-tools; see ../install-tools.sh).
# The suite fails on purpose: jest exits 1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="${FIXTURE_TOOLS:-/tmp/fixture-tools}/node_modules"
work=/tmp/gate-fixtures/jest-junit
rm -rf "$work" && mkdir -p "$work"
cp "$here/dose.cjs" "$here/dose.test.cjs" "$here/jest.config.cjs" "$work/"
cd "$work"
echo "node $(node --version), jest $("$tools/.bin/jest" --version), jest-junit $(node -p "require('$tools/jest-junit/package.json').version")"
status=0
JEST_JUNIT_OUTPUT_DIR="$work" JEST_JUNIT_OUTPUT_NAME=report.xml \
  "$tools/.bin/jest" --ci --config jest.config.cjs --cacheDirectory "$work/.cache" \
  --reporters=default --reporters="$tools/jest-junit" || status=$?
[ "$status" -eq 1 ] || { echo "jest exited $status, expected 1 (deliberate failures)" >&2; exit 1; }
cp report.xml "$here/report.xml"
