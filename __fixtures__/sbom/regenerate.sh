#!/usr/bin/env bash
# Regenerates the SBOM fixtures with the real producers (needs network for npm):
#   npm sbom (CycloneDX and SPDX) on a tiny npm project with a lockfile, and
#   @cyclonedx/cdxgen on a Python requirements.txt (no pip needed) and on the npm project, installed into a
#   temporary prefix (not into package.json).
# Run from anywhere: bash __fixtures__/sbom/regenerate.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# npm: one runtime dependency, one development dependency, no install needed beyond the lockfile.
mkdir -p "$work/npm-app"
cat > "$work/npm-app/package.json" <<'JSON'
{
  "name": "infusion-pump-ui",
  "version": "2.1.0",
  "description": "fixture product for the SOUP check",
  "private": true,
  "license": "MIT",
  "dependencies": { "is-number": "7.0.0", "ms": "2.1.3" },
  "devDependencies": { "is-odd": "3.0.1" }
}
JSON
(cd "$work/npm-app" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund >/dev/null \
  && npm install --ignore-scripts --no-audit --no-fund >/dev/null \
  && npm sbom --sbom-format cyclonedx > "$here/npm-cyclonedx.json" \
  && npm sbom --sbom-format spdx > "$here/npm-spdx.json" \
  && npm sbom --sbom-format cyclonedx --omit dev > "$here/npm-cyclonedx-omit-dev.json")
cp "$work/npm-app/package.json" "$here/npm-app.package.json"
cp "$work/npm-app/package-lock.json" "$here/npm-app.package-lock.json"

# cdxgen on Python: the requirements file pins exact versions.
mkdir -p "$work/py-app"
printf 'requests==2.32.3\nurllib3==2.2.3\n' > "$work/py-app/requirements.txt"
npm install --prefix "$work/cdxgen" --no-audit --no-fund @cyclonedx/cdxgen >/dev/null
(cd "$work/py-app" && FETCH_LICENSE=false CDXGEN_DEBUG_MODE= "$work/cdxgen/node_modules/.bin/cdxgen" -t python --no-install-deps --spec-version 1.5 -o "$here/cdxgen-python.json" . >/dev/null)
cp "$work/py-app/requirements.txt" "$here/cdxgen-python.requirements.txt"

# cdxgen on the same npm project: it marks development dependencies with scope "optional" as well.
(cd "$work/npm-app" && FETCH_LICENSE=false "$work/cdxgen/node_modules/.bin/cdxgen" -t js --spec-version 1.5 -o "$here/cdxgen-npm.json" . >/dev/null)
echo "written to $here"
