#!/usr/bin/env bash
# Regenerates report.xml with gotestsum's --junitfile (Debian gotestsum and golang-go).
# The suite fails on purpose: gotestsum exits 1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=/tmp/gate-fixtures/gotestsum
rm -rf "$work" && mkdir -p "$work"
cp "$here/go.mod" "$here/dose.go" "$here/dose_test.go" "$work/"
cd "$work"
go version
# The Debian build of gotestsum reports its version as "dev".
echo "gotestsum $(dpkg-query -W -f='${Version}' gotestsum)"
export GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local
status=0
gotestsum --format standard-verbose --junitfile report.xml -- -count=1 ./... || status=$?
[ "$status" -eq 1 ] || { echo "gotestsum exited $status, expected 1 (deliberate failures)" >&2; exit 1; }
cp report.xml "$here/report.xml"
