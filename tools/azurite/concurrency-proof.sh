#!/usr/bin/env bash
# Concurrency proof for the Azure Storage backend: three `feedwatch run` processes compete on the same Azurite
# queues over a replayed corpus (the five seed articles + 45 BASIL noise articles, read in place from ../shared).
# Expect: every run reports 50 articles stored (no loss, no duplicate article blob) and `alerts` lists each
# (story, outlet) exactly once. Usage: tools/azurite/concurrency-proof.sh   (after `dotnet build -c Release src/FeedWatch.Cli`)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FW="$ROOT/src/FeedWatch.Cli/bin/Release/net10.0/feedwatch"
AZURITE="$ROOT/tools/azurite/node_modules/.bin/azurite"
WORK=$(mktemp -d /tmp/feedwatch-concurrency-XXXX)
BLOB=31000 QUEUE=31001 TABLE=31002 REPLAY=31080
cat "$ROOT/../shared/data/stories/seeds.jsonl" > "$WORK/corpus.jsonl"
head -45 "$ROOT/../shared/data/stories/basil.jsonl" >> "$WORK/corpus.jsonl"
KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==" # Azurite's public dev key
S="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:$BLOB/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE/devstoreaccount1"

"$AZURITE" --location "$WORK/azurite" --blobPort $BLOB --queuePort $QUEUE --tablePort $TABLE --silent --skipApiVersionCheck --loose --disableTelemetry > "$WORK/azurite.log" 2>&1 &
AZ_PID=$!
"$FW" replay --corpus "$WORK/corpus.jsonl" --port $REPLAY --speed all --feeds-out "$WORK/feeds.json" > "$WORK/replay.log" 2>&1 &
REPLAY_PID=$!
trap 'kill -9 $REPLAY_PID 2>/dev/null; kill $AZ_PID 2>/dev/null' EXIT
for _ in $(seq 1 60); do [ -f "$WORK/feeds.json" ] && break; sleep 1; done
cd "$WORK"

SEED_PAGE="http://seed-b.example:$REPLAY/2020/09/28/iraq-worries-us-could-shut-its-embassy-in-preparation-for-mi-seed-001.html"
env "FeedWatch__Http__HostMap__seed-b.example=127.0.0.1" "$FW" track add --url "$SEED_PAGE" --storage "$S"
PIDS=()
for n in 1 2 3; do
  "$FW" run --until-quiet --quiet --feeds feeds.json --storage "$S" > "run-$n.log" 2>&1 &
  PIDS+=($!)
done
wait "${PIDS[@]}"
for n in 1 2 3; do grep "^Done:" "run-$n.log"; done
"$FW" alerts --json --storage "$S" > alerts.jsonl
python3 - "$WORK/alerts.jsonl" <<'PY'
import json, sys, collections
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
pairs = collections.Counter((r.get("data", r).get("storyId"), r.get("data", r).get("outlet")) for r in rows)
print(f"alerts: {len(rows)}, distinct (story, outlet): {len(pairs)}, duplicated: {[p for p, c in pairs.items() if c > 1]}")
PY
