#!/usr/bin/env bash
# Regenerates report.xml with Catch2 v2 (Debian catch2, header-only) and its JUnit reporter.
# The suite fails on purpose: the test binary exits with the number of failed test cases.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=/tmp/gate-fixtures/catch2
rm -rf "$work" && mkdir -p "$work"
cp "$here/dose.hpp" "$here/dose_test.cpp" "$work/"
cd "$work"
echo "Catch2 $(dpkg-query -W -f='${Version}' catch2)"
g++ -std=c++17 -O0 -o dose_test dose_test.cpp
status=0
./dose_test --reporter junit --out report.xml || status=$?
[ "$status" -eq 2 ] || { echo "dose_test exited $status, expected 2 (deliberate failure and error)" >&2; exit 1; }
cp report.xml "$here/report.xml"
