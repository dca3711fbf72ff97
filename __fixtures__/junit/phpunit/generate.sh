#!/usr/bin/env bash
# Regenerates report.xml with PHPUnit's --log-junit (Debian phpunit).
# The suite fails on purpose: phpunit exits 2 when a test errors.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=/tmp/gate-fixtures/phpunit
rm -rf "$work" && mkdir -p "$work"
cp -r "$here/Dose.php" "$here/tests" "$work/"
cd "$work"
phpunit --version
status=0
phpunit --no-configuration --do-not-cache-result --bootstrap Dose.php --log-junit report.xml tests || status=$?
[ "$status" -eq 2 ] || { echo "phpunit exited $status, expected 2 (deliberate failure and error)" >&2; exit 1; }
cp report.xml "$here/report.xml"
