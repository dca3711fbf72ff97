#!/usr/bin/env bash
# Regenerates report.xml with CTest's JUnit writer (cmake >= 3.21: ctest --output-junit).
# Two tests fail on purpose: ctest exits 8.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=/tmp/gate-fixtures/ctest
rm -rf "$work" && mkdir -p "$work/src"
cp "$here/CMakeLists.txt" "$here/dose.hpp" "$here/dose_check.cpp" "$work/src/"
cd "$work"
ctest --version | head -n 1
cmake -S src -B build > /dev/null
cmake --build build > /dev/null
status=0
# A relative --output-junit path is taken from the build directory, not from the current one.
ctest --test-dir build --output-junit report.xml || status=$?
[ "$status" -eq 8 ] || { echo "ctest exited $status, expected 8 (deliberate failures)" >&2; exit 1; }
cp build/report.xml "$here/report.xml"
