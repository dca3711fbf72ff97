#!/usr/bin/env bash
# Regenerates the legacy XML reports of the JUnit Platform console launcher (Debian junit5, Java 17).
# The launcher writes one TEST-<engine>.xml per engine into --reports-dir.
# The suite fails on purpose: the launcher exits 1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=/tmp/gate-fixtures/junit-platform
launcher=/usr/share/java/junit-platform-console-standalone.jar
api=/usr/share/java/junit-jupiter-api.jar:/usr/share/java/apiguardian-api.jar:/usr/share/java/opentest4j.jar
rm -rf "$work" && mkdir -p "$work"
cp -r "$here/src" "$work/"
cd "$work"
java -version 2>&1 | head -n 1
echo "junit5 $(dpkg-query -W -f='${Version}' junit5)"
javac -encoding UTF-8 -d classes -cp "$api" src/dose/*.java
status=0
java -jar "$launcher" --disable-banner --details=tree --class-path classes --scan-class-path \
  --reports-dir reports || status=$?
[ "$status" -eq 1 ] || { echo "launcher exited $status, expected 1 (deliberate failures)" >&2; exit 1; }
ls reports
cp reports/TEST-*.xml "$here/"
