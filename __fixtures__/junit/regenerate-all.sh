#!/usr/bin/env bash
# Runs every <producer>/generate.sh (tools from ./install-tools.sh). Each builds in
# /tmp/gate-fixtures/<producer> and copies its report(s) back beside its suite.
# expected.json files are not rewritten: after regenerating, check that the names still match.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
failed=()
for script in "$here"/*/generate.sh; do
  producer="$(basename "$(dirname "$script")")"
  echo "=== $producer"
  if ! bash "$script"; then
    failed+=("$producer")
  fi
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "generate.sh failed for: ${failed[*]}" >&2
  exit 1
fi
echo "all reports regenerated"
