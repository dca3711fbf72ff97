#!/usr/bin/env bash
# Regenerates report.xml (default junit_family, xunit2) and report-xunit1.xml with pytest.
# Needs: Debian python3-pytest (/usr/bin/pytest-3). The suite fails on purpose: pytest exits 1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=/tmp/gate-fixtures/pytest
rm -rf "$work" && mkdir -p "$work"
cp "$here/dose.py" "$here/test_dose.py" "$work/"
cd "$work"
unset PYTEST_ADDOPTS
export PYTHONDONTWRITEBYTECODE=1
pytest-3 --version
run() {
  local status=0
  pytest-3 -p no:cacheprovider "$@" test_dose.py || status=$?
  [ "$status" -eq 1 ] || { echo "pytest exited $status, expected 1 (deliberate failures)" >&2; exit 1; }
}
run --junitxml=report.xml
run -o junit_family=xunit1 --junitxml=report-xunit1.xml
cp report.xml report-xunit1.xml "$here/"
