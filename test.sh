#!/usr/bin/env bash
# Runs every test FeedWatch has. Installs what the tests need (the pinned Azurite from npm) on first use.
# Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"
if [ -f tools/azurite/package.json ] && [ ! -x tools/azurite/node_modules/.bin/azurite ]; then
  echo "Installing the pinned Azurite (tools/azurite/package.json) ..."
  npm ci --prefix tools/azurite --no-audit --no-fund
fi
dotnet test FeedWatch.Tests.slnf -c Release "$@"
