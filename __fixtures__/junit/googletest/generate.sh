#!/usr/bin/env bash
# Regenerates report.xml with googletest (Debian libgtest-dev, g++).
# The suite fails on purpose: the test binary exits 1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=/tmp/gate-fixtures/googletest
rm -rf "$work" && mkdir -p "$work"
cp "$here/dose.hpp" "$here/dose_test.cpp" "$work/"
cd "$work"
echo "googletest $(dpkg-query -W -f='${Version}' libgtest-dev)"
g++ -std=c++17 -O0 -o dose_test dose_test.cpp -lgtest -lgtest_main -pthread
status=0
./dose_test --gtest_output=xml:report.xml || status=$?
[ "$status" -eq 1 ] || { echo "dose_test exited $status, expected 1 (deliberate failures)" >&2; exit 1; }
cp report.xml "$here/report.xml"
