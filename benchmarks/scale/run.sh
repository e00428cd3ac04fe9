#!/usr/bin/env bash
# Scale-out benchmark on one machine, everything on loopback: a real Kafka broker (KRaft, the kafka_2.13 server jar
# from Maven Central at the version Spring Boot manages), PostgreSQL (Debian's, installed if missing), and three
# Pathwise nodes consuming the evidence topic as one group. Loads the demo district with $M learners (on node 1),
# then streams $N pieces of evidence for them (ScaleDriver.java) and reports durable evidence/s, consumer lag,
# produce-to-evaluation latency percentiles, database size and the load average. Stops everything on exit.
#   benchmarks/scale/run.sh
# Environment: N=1000000 M=100000 NODES=3 PARTITIONS=12 CONSUMERS=2 (threads per node) RATE=0 (0: as fast as the
#              producer goes) JAVA_OPTS=-Xmx1g KAFKA_OPTS=-Xmx1g PORT=28281 (nodes on PORT, PORT+1, ...)
#              KAFKA_PORT=29092 PGPORT=55434 KEEP=1 (keep the work dir) JAR=<service jar, default the built one>
#              PRINT_EVERY=2 (seconds between progress lines) MAX_MINUTES=30 (the driver stops watching after that)
# Results are appended to benchmarks/scale/results/<date>.txt.
set -euo pipefail
N=${N:-1000000}; M=${M:-100000}; NODES=${NODES:-3}; PARTITIONS=${PARTITIONS:-12}; CONSUMERS=${CONSUMERS:-2}
RATE=${RATE:-0}; JAVA_OPTS=${JAVA_OPTS:--Xmx1g}; KAFKA_OPTS=${KAFKA_OPTS:--Xmx1g}; PORT=${PORT:-28281}
KAFKA_PORT=${KAFKA_PORT:-29092}; CONTROLLER_PORT=$((KAFKA_PORT + 1)); PGPORT=${PGPORT:-55434}
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/results/$(date -u +%F).txt"; mkdir -p "$HERE/results"
[ "$M" -gt 30 ] || { echo "M must be above 30 (the demo's named learners come first)" >&2; exit 2; }

jar() { ls "$ROOT"/api/target/pathwise-api-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -1 || true; }
if [ -n "${JAR:-}" ]; then jar() { echo "$JAR"; }; fi
if [ -z "$(jar)" ]; then
  echo "building the service jar (mvn package, api module)..." >&2
  (cd "$ROOT" && mvn -B -q -pl api -am package -DskipTests)
fi
JAR=$(jar)

WORK=$(mktemp -d /tmp/pathwise-scale-XXXX); chmod 755 "$WORK"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${PGBIN:-}" ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true; fi
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else echo "kept $WORK" >&2; fi
}
trap cleanup EXIT

echo "resolving the Kafka broker and the JDBC driver (Maven Central)..." >&2
mvn -B -q -f "$HERE/libs-pom.xml" dependency:copy-dependencies -DoutputDirectory="$WORK/lib" >&2

# Kafka, one node that is both broker and controller (KRaft), its log on the work dir.
cat > "$WORK/kafka.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$WORK/kafka-logs
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
CLUSTER=$(java -cp "$WORK/lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
java -cp "$WORK/lib/*" kafka.tools.StorageTool format -t "$CLUSTER" -c "$WORK/kafka.properties" >/dev/null 2>&1
java $KAFKA_OPTS -cp "$WORK/lib/*" kafka.Kafka "$WORK/kafka.properties" >"$WORK/kafka.log" 2>&1 &
PIDS+=($!)

# PostgreSQL (Debian's), fsync on: durable means durable.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" -A trust -U postgres >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 \
  -c max_connections=200 -c shared_buffers=512MB" -l "$WORK/pg/server.log" -w start >/dev/null
for i in $(seq 1 60); do (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null && break; sleep 1; done

# The nodes: node 1 loads the demo district ($M learners) and starts first, so the schema is migrated once.
COMMON=(--server.address=127.0.0.1 --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/postgres"
        --spring.datasource.username=postgres --spring.datasource.password=
        --pathwise.kafka.enabled=true --spring.kafka.bootstrap-servers="127.0.0.1:$KAFKA_PORT"
        --pathwise.kafka.partitions="$PARTITIONS" --pathwise.kafka.consumers="$CONSUMERS")
for node in $(seq 1 "$NODES"); do
  demo=false; [ "$node" = 1 ] && demo=true
  java $JAVA_OPTS -jar "$JAR" "${COMMON[@]}" --server.port=$((PORT + node - 1)) --pathwise.data-dir="$WORK/node$node" \
    --pathwise.demo.enabled=$demo --pathwise.demo.learners="$M" >"$WORK/node$node.log" 2>&1 &
  PIDS+=($!)
  for i in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$((PORT + node - 1))/actuator/health" && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || { echo "node $node died; see $WORK/node$node.log" >&2; tail -20 "$WORK/node$node.log" >&2; KEEP=1; exit 1; }
    sleep 1
  done
  echo "node $node up on port $((PORT + node - 1))" >&2
done

# the first leaf competencies of the demo framework (the list names frameworks; each is read for its competencies)
API="http://127.0.0.1:$PORT/v1/frameworks"
FRAMEWORK=$(curl -sf -H 'X-Api-Key: demo-curriculum-key' "$API" | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
COMPETENCIES=$(curl -sf -H 'X-Api-Key: demo-curriculum-key' "$API/$FRAMEWORK" | python3 -c '
import json, sys
print(",".join([c["id"] for c in json.load(sys.stdin)["competencies"] if c.get("parentId")][:4]))')
[ -n "$COMPETENCIES" ] || { echo "no competencies read from the demo district" >&2; exit 1; }

# CPU seconds of a process (user + system), and of every PostgreSQL process
cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pgcpu() { ps -u postgres -o times= | awk '{s += $1} END {print s + 0}'; }
cpus() { local nodes=0; for pid in "${PIDS[@]:1}"; do nodes=$(echo "$nodes + $(cpu "$pid")" | bc); done
         echo "$nodes $(cpu "${PIDS[0]}") $(pgcpu)"; }
{
  echo "== $(date -u +%FT%TZ) scale run: N=$N M=$M NODES=$NODES PARTITIONS=$PARTITIONS CONSUMERS=$CONSUMERS RATE=$RATE"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; load average before: $(cat /proc/loadavg)"
  read -r nodes0 kafka0 pg0 <<< "$(cpus)"
  start=$(date +%s.%N)
  BOOTSTRAP="127.0.0.1:$KAFKA_PORT" N="$N" M="$M" RATE="$RATE" COMPETENCIES="$COMPETENCIES" \
    JDBC="jdbc:postgresql://127.0.0.1:$PGPORT/postgres?user=postgres" \
    java -cp "$WORK/lib/*" "$HERE/ScaleDriver.java"
  read -r nodes1 kafka1 pg1 <<< "$(cpus)"
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  awk -v n="$N" -v w="$wall" -v a="$(echo "$nodes1 - $nodes0" | bc)" -v k="$(echo "$kafka1 - $kafka0" | bc)" \
      -v p="$(echo "$pg1 - $pg0" | bc)" 'BEGIN {
    printf "CPU during the run (%.0f s wall): Pathwise nodes %.1f s, Kafka %.1f s, PostgreSQL %.1f s\n", w, a, k, p
    printf "CPU per evidence: Pathwise %.3f ms, Kafka %.3f ms, PostgreSQL %.3f ms, all %.3f ms\n",
      a * 1000 / n, k * 1000 / n, p * 1000 / n, (a + k + p) * 1000 / n }'
  echo "load average after: $(cat /proc/loadavg)"
} 2>&1 | tee -a "$OUT"
