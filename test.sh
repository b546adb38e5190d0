#!/usr/bin/env bash
# Runs every test FeedWatch has. Installs what the tests need (the pinned Azurite from npm, Debian's chromium) on first use.
# Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"
if [ -f tools/azurite/package.json ] && [ ! -x tools/azurite/node_modules/.bin/azurite ]; then
  echo "Installing the pinned Azurite (tools/azurite/package.json) ..."
  npm ci --prefix tools/azurite --no-audit --no-fund
fi
# The dashboard's browser test drives Debian's headless Chromium (it fails, never skips, without it).
if ! command -v chromium >/dev/null; then
  echo "Installing Debian's chromium for the dashboard's browser test ..."
  apt-get update -q && apt-get install -y -q chromium
fi
dotnet test FeedWatch.Tests.slnf -c Release "$@"
