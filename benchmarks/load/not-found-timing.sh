#!/usr/bin/env bash
# Does a 404 take as long for a learner the caller may not see as for a learner that never existed?
#   benchmarks/load/not-found-timing.sh            # starts the service (demo district, H2) and stops it after
#   BASE=http://127.0.0.1:8080 benchmarks/load/not-found-timing.sh   # against a service already running
# The demo teacher Ana Rivera (key demo-rivera-key) sees the learners of her class only; any other learner of the
# district is answered 404 exactly like a learner that never existed (ApiSurfaceSecurityTest checks the bodies are
# byte-identical). This script measures the time of both answers with curl, $ROUNDS times each, interleaved, on each
# learner endpoint, and prints the median of each and their difference in ms. A difference above $LIMIT_MS (20) is
# marked SLOWER and makes the exit status 1: the two paths should do the same work (one lookup by tenant and id).
# Environment: BASE (default: start the jar on 127.0.0.1:$PORT), PORT=28182 ROUNDS=31 LIMIT_MS=20
#              TEACHER_KEY=demo-rivera-key ADMIN_KEY=demo-admin-key JAVA_OPTS=-Xmx1g
set -euo pipefail
PORT=${PORT:-28182}; ROUNDS=${ROUNDS:-31}; LIMIT_MS=${LIMIT_MS:-20}; JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
TEACHER_KEY=${TEACHER_KEY:-demo-rivera-key}; ADMIN_KEY=${ADMIN_KEY:-demo-admin-key}
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)

SERVICE=""; WORK=$(mktemp -d /tmp/pathwise-timing-XXXX)
cleanup() {
  if [ -n "$SERVICE" ]; then kill "$SERVICE" 2>/dev/null || true; wait "$SERVICE" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${BASE:-}" ]; then
  BASE=http://127.0.0.1:$PORT
  if curl -s -o /dev/null "$BASE/actuator/health"; then echo "port $PORT is in use; set PORT or BASE" >&2; exit 1; fi
  jar() { ls "$ROOT"/api/target/pathwise-api-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -1 || true; }
  if [ -z "$(jar)" ]; then
    echo "building the service jar (mvn package, api module)..." >&2
    (cd "$ROOT" && { mvn -B -o -q -pl api -am package -DskipTests || mvn -B -q -pl api -am package -DskipTests; })
  fi
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$(jar)" --server.address=127.0.0.1 --server.port="$PORT" --pathwise.data-dir="$WORK/data" \
    --pathwise.demo.learners=30 > "$WORK/service.log" 2>&1 &
  SERVICE=$!
  for _ in $(seq 1 300); do
    if curl -sf "$BASE/actuator/health/readiness" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$SERVICE" 2>/dev/null; then tail -40 "$WORK/service.log" >&2; echo "service died" >&2; exit 1; fi
    sleep 1
  done
  curl -sf "$BASE/actuator/health/readiness" >/dev/null || { echo "service not ready after 300 s" >&2; exit 1; }
fi

ids() { # key -> the ids of the learners this key sees, one a line
  curl -sf "$BASE/v1/learners" -H "X-Api-Key: $1" \
    | python3 -c 'import json,sys; print("\n".join(l["id"] for l in json.load(sys.stdin)["learners"]))'
}
HIDDEN=$(comm -23 <(ids "$ADMIN_KEY" | sort) <(ids "$TEACHER_KEY" | sort) | head -1)
[ -n "$HIDDEN" ] || { echo "every learner is in the teacher's classes: nothing to compare" >&2; exit 1; }
GHOST=$(printf 'g%.0s' $(seq 1 ${#HIDDEN}))   # as long as the hidden id, so that the answers are as long

ms() { # path -> the time of the whole answer in ms
  curl -s -o /dev/null -w '%{time_total}\n' "$BASE$1" -H "X-Api-Key: $TEACHER_KEY" | awk '{printf "%.3f\n", $1 * 1000}'
}
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "=== $(date -u +%FT%TZ) $BASE: teacher's 404 for learner '$HIDDEN' (not in her classes) vs '$GHOST' (never existed)"
echo "rounds: $ROUNDS; $(uptime | sed 's/.*load average/load average/')"
printf '%-40s %14s %14s %12s\n' endpoint "hidden (ms)" "ghost (ms)" "difference"
status=0
for path in /v1/learners/%s /v1/learners/%s/mastery /v1/learners/%s/pathway /v1/learners/%s/next-steps \
            /v1/learners/%s/overrides /v1/reports/learners/%s/pathway; do
  hidden=$(printf "$path" "$HIDDEN"); ghost=$(printf "$path" "$GHOST")
  for code in "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$hidden" -H "X-Api-Key: $TEACHER_KEY")" \
              "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$ghost" -H "X-Api-Key: $TEACHER_KEY")"; do
    [ "$code" = 404 ] || { echo "$path: expected 404 for both, got $code" >&2; exit 1; }
  done
  : > "$WORK/hidden.ms"; : > "$WORK/ghost.ms"
  for _ in $(seq 1 "$ROUNDS"); do
    ms "$hidden" >> "$WORK/hidden.ms"
    ms "$ghost" >> "$WORK/ghost.ms"
  done
  h=$(median < "$WORK/hidden.ms"); g=$(median < "$WORK/ghost.ms")
  verdict=$(awk -v h="$h" -v g="$g" -v limit="$LIMIT_MS" 'BEGIN {d = h - g; if (d < 0) d = -d;
    printf "%.3f%s", d, (d >= limit ? " SLOWER" : "")}')
  printf '%-40s %14s %14s %12s\n' "$path" "$h" "$g" "$verdict"
  case "$verdict" in *SLOWER) status=1 ;; esac
done
exit $status
