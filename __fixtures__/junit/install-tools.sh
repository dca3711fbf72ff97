#!/usr/bin/env bash
# Installs every tool the <producer>/generate.sh scripts use:
#  - Debian packages (Debian 12 "bookworm" versions are the ones the committed reports were made with);
#  - npm packages, pinned, into a scratch prefix FIXTURE_TOOLS (default /tmp/fixture-tools),
#    never into the project's own node_modules.
# Node.js 20 (node, npm) must already be installed.
set -euo pipefail
prefix="${FIXTURE_TOOLS:-/tmp/fixture-tools}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo

$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends \
  python3-pytest \
  g++ cmake libgtest-dev catch2 \
  phpunit \
  openjdk-17-jdk-headless junit5 \
  golang-go gotestsum

mkdir -p "$prefix"
[ -f "$prefix/package.json" ] || echo '{ "private": true }' > "$prefix/package.json"
npm install --prefix "$prefix" --no-audit --no-fund --save-exact \
  jest@30.5.2 jest-junit@17.0.0 \
  vitest@4.1.12 \
  mocha@10.8.2 mocha-junit-reporter@2.2.1
