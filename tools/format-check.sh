#!/usr/bin/env bash
# Verifies the code follows .editorconfig (whitespace, code style, analyzer fixes) without changing anything.
# Exit code 0 when no file would change; otherwise lists the files and exits non-zero.
# Usage: tools/format-check.sh [solution-or-project]   (default: FeedWatch.Tests.slnf)
# To apply the fixes: dotnet format FeedWatch.Tests.slnf
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-FeedWatch.Tests.slnf}"
workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
report="$workdir/format-report.json"
status=0
# --verify-no-changes exits 2 when something would be formatted; the report names each file and diagnostic.
dotnet format "$target" --verify-no-changes --report "$report" --verbosity quiet || status=$?
files=$(python3 -c 'import json,sys; print(len({d["FilePath"] for d in json.load(open(sys.argv[1]))}))' "$report" 2>/dev/null || echo "?")
if [ "$status" -eq 0 ]; then
  echo "format check: no file would change ($target)"
else
  echo "format check: $files file(s) would change ($target); run: dotnet format $target" >&2
fi
exit "$status"
