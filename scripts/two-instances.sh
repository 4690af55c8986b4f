#!/usr/bin/env bash
# Two instances on one PostgreSQL database, no sticky sessions (issue #8): starts the packaged app twice on
# ports 18281 and 18282, runs the load benchmark alternating between them, then stops both.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and ../shared/datasets/messages/unlabeled.csv.
# Usage: scripts/two-instances.sh [benchmark options, e.g. --clients=16 --count=5000 --rate-seconds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
DB=civicloop_two_$(date +%s)
psql -h 127.0.0.1 -U postgres -qc "create database $DB"
URL=jdbc:postgresql://127.0.0.1:5432/$DB
mvn -q -DskipTests package
start() {
  java -Xmx768m -jar target/civicloop-0.1.0-SNAPSHOT.jar --spring.profiles.active=postgres,demo \
    --spring.datasource.url="$URL" --server.port="$1" --civicloop.demo.seed-cases=false \
    --civicloop.security.rate-limit.enabled=false --civicloop.tracking-secret=two-instances-secret \
    --civicloop.security.audit.key=two-instances-audit-key-0123456789abcdef \
    --db-scheduler.scheduler-name="node-$1" \
    --logging.level.cn.civicloop.notify.internal.LoggingResidentChannel=WARN > "target/$DB-$1.log" 2>&1 &
  echo $!
}
A=$(start 18281)
sleep 20   # the first instance migrates the schema; the second starts on a migrated database
B=$(start 18282)
trap 'kill $A $B 2>/dev/null || true' EXIT
for port in 18281 18282; do
  until curl -sf -o /dev/null "http://127.0.0.1:$port/login"; do sleep 2; done
done
mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.load.LoadBenchmark \
    -Dexec.args="--url=http://127.0.0.1:18281,http://127.0.0.1:18282 --db=$URL $*"
