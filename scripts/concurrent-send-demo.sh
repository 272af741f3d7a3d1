#!/usr/bin/env bash
# Reproduces issue 11's report with real processes: 600 recipients, two sends at once plus a
# --resume while they live; then kill -9 of a holder and --resume. Counts copies per address at the sink.
# Usage (from the repository root, after npm run build): bash scripts/concurrent-send-demo.sh
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
G="node $REPO/dist/src/cli/main.js"
D=$(mktemp -d /tmp/demo-XXXX); cd "$D"
$G init >/dev/null
python3 - <<'PY'
import json; c=json.load(open('gazette.config.json'))
c.update({"from":"Demo <digest@example.com>","base_url":"https://example.com/news/","list_id":"Demo <demo.example.com>","address":"1 Example Street, Springfield","unsubscribe":{"url":"https://example.com/unsubscribe","secret":"demo-secret-0123456789"}})
json.dump(c,open('gazette.config.json','w'))
open('list.csv','w').write('email,name\n'+''.join(f'r{i}@example.com,R{i}\n' for i in range(600)))
PY
$G build >/dev/null 2>&1
count() { python3 -c "
import json,collections,sys
c=collections.Counter()
for l in open('$1/log.jsonl'):
  for t in json.loads(l)['to']: c[t]+=1
v=collections.Counter(c.values()); print(f'{len(c)} addresses; copies per address: {dict(sorted(v.items()))}')"; }
sink() { mkdir -p "$1"; node "$REPO/dist/test/support/smtp-sink.js" "{\"dir\":\"$D/$1\",\"delayMs\":$2}" > "$1.port" & echo $! > "$1.pid"; for _ in $(seq 50); do [ -s "$1.port" ] && break; sleep 0.1; done; }
echo "== two sends of one issue at once, and a --resume while they run"
sink s1 20; P=$(cat s1.port)
$G send --list list.csv --smtp smtp://127.0.0.1:$P > a.out 2> a.err & A=$!
$G send --list list.csv --smtp smtp://127.0.0.1:$P > b.out 2> b.err & B=$!
sleep 2; rc=0; $G send --resume --smtp smtp://127.0.0.1:$P > c.out 2> c.err || rc=$?; echo "resume while alive: exit $rc: $(tail -1 c.err)"
rc=0; wait $A || rc=$?; echo "first: exit $rc $(tail -1 a.err)"; rc=0; wait $B || rc=$?; echo "second: exit $rc $(tail -1 b.err)"
count s1; kill $(cat s1.pid)
echo "== kill -9 of the holder, then --resume"
rm -rf .gazette; sink s2 20; P=$(cat s2.port)
$G send --list list.csv --smtp smtp://127.0.0.1:$P --json > k.out 2> k.err & K=$!
while [ "$( (wc -l < s2/log.jsonl) 2>/dev/null || echo 0)" -lt 200 ]; do sleep 0.05; done
kill -9 $K; wait $K 2>/dev/null || true; echo "killed after $(wc -l < s2/log.jsonl) accepted"
$G send --resume --smtp smtp://127.0.0.1:$P --json > r.out 2> r.err || true
python3 -c "import json; s=json.load(open('r.out')); print('resume: alreadySent', s['alreadySent'], 'sent', s['sent'], 'inDoubt', len(s['inDoubt']))"
count s2
$G send --resume --resend-in-flight --smtp smtp://127.0.0.1:$P --json > r2.out 2> r2.err || true
echo "after --resend-in-flight:"; count s2; kill $(cat s2.pid)
