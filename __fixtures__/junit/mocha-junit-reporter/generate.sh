#!/usr/bin/env bash
# Regenerates report.xml with mocha 10 and mocha-junit-reporter (default options but mochaFile).
# Tools come from an npm prefix, FIXTURE_TOOLS (default /tmp/fixture-tools; see ../install-tools.sh).
# The suite fails on purpose: mocha exits with the number of failed tests, 2.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="${FIXTURE_TOOLS:-/tmp/fixture-tools}/node_modules"
work=/tmp/gate-fixtures/mocha-junit-reporter
rm -rf "$work" && mkdir -p "$work"
cp "$here/dose.cjs" "$here/dose.spec.cjs" "$work/"
cd "$work"
echo "node $(node --version), mocha $("$tools/.bin/mocha" --version)," \
  "mocha-junit-reporter $(node -p "require('$tools/mocha-junit-reporter/package.json').version")"
status=0
"$tools/.bin/mocha" --no-config --no-package --reporter "$tools/mocha-junit-reporter" \
  --reporter-option mochaFile=report.xml dose.spec.cjs || status=$?
[ "$status" -eq 2 ] || { echo "mocha exited $status, expected 2 (deliberate failures)" >&2; exit 1; }
cp report.xml "$here/report.xml"
