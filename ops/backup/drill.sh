#!/bin/bash
# Restore drill: a throw-away PostgreSQL cluster of its own (port DRILL_PORT) with WAL archiving, loaded with the
# CivicLoop schema and CASES synthetic cases and audit rows; a base backup and a logical dump; more writes; a
# point in time T noted with the checksums of every case and audit row at T; writes after T; then the cluster is
# destroyed, restored from the base backup + WAL archive to T, and every case and audit row is checked (counts and
# checksums) against T; the logical dump is restored into a second database and checked too.
# Prints RPO/RTO figures. Touches nothing but DRILL_DIR and its own cluster.
#
#   SCHEMA_FROM=civicloop ops/backup/drill.sh        # schema copied (pg_dump --schema-only) from a migrated database
#   env: DRILL_DIR (/tmp/civicloop-drill), DRILL_PORT (55439), CASES (200000; twice as many audit rows),
#        PGHOST/PGUSER of the database SCHEMA_FROM lives in (127.0.0.1/postgres)
set -euo pipefail
SCHEMA_FROM="${SCHEMA_FROM:?name a database migrated by CivicLoop, e.g. SCHEMA_FROM=civicloop}"
DRILL_DIR="${DRILL_DIR:-/tmp/civicloop-drill}"
PORT="${DRILL_PORT:-55439}"
CASES="${CASES:-200000}"
HERE="$(cd "$(dirname "$0")" && pwd)"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PGU=postgres
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u "$PGU" -- "$@"; else "$@"; fi; }
now() { date +%s.%N; }
secs() { awk "BEGIN{printf \"%.1f\", $2 - $1}"; }
q() { as_pg "$BIN/psql" -h "$DRILL_DIR/sock" -p "$PORT" -U "$PGU" -d "${2:-civicloop}" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }

CHECK="select 'cases', count(*), md5(coalesce(string_agg(md5(c::text), '' order by id), '')) from cases_case c
       union all
       select 'audit', count(*), md5(coalesce(string_agg(md5(a::text), '' order by seq), '')) from security_audit_log a
       order by 1"

if [ -f "$DRILL_DIR/data/postmaster.pid" ]; then as_pg "$BIN/pg_ctl" -D "$DRILL_DIR/data" -m immediate stop || true; fi
rm -rf "$DRILL_DIR"
mkdir -p "$DRILL_DIR"/{data,wal,base,dump,sock}
chown -R "$PGU" "$DRILL_DIR" 2>/dev/null || true
cp "$HERE/archive-wal.sh" "$DRILL_DIR/archive-wal.sh"

echo "== cluster with WAL archiving on port $PORT"
as_pg "$BIN/initdb" -D "$DRILL_DIR/data" -U "$PGU" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >> "$DRILL_DIR/data/postgresql.conf" <<CONF
port = $PORT
listen_addresses = ''
unix_socket_directories = '$DRILL_DIR/sock'
wal_level = replica
archive_mode = on
archive_command = '$DRILL_DIR/archive-wal.sh %p %f $DRILL_DIR/wal'
archive_timeout = 60
CONF
as_pg "$BIN/pg_ctl" -D "$DRILL_DIR/data" -l "$DRILL_DIR/server.log" -w start >/dev/null

echo "== schema from $SCHEMA_FROM, $CASES cases and $((CASES * 2)) audit rows"
q "create database civicloop" postgres
pg_dump -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" --schema-only --no-owner --no-privileges "$SCHEMA_FROM" \
  > "$DRILL_DIR/schema.sql"
as_pg "$BIN/psql" -h "$DRILL_DIR/sock" -p "$PORT" -U "$PGU" -d civicloop -qX -v ON_ERROR_STOP=1 -f "$DRILL_DIR/schema.sql" >/dev/null
load() { # $1 first id, $2 count
  q "insert into cases_case (id, number, status, channel, external_ref, kind, urgency, category, title, content,
       address, contact_name, contact_phone, contact_phone_hash, anonymous, fingerprint, due_at, created_at, updated_at, version)
     select i, 'SZ-DRILL-' || lpad(i::text, 9, '0'), 'CLOSED', 'HOTLINE', 'D-' || i, 'COMPLAINT', 'NORMAL', '城乡建设',
       '演练工单 ' || i, repeat('演练内容', 20), 'sm4:demo-1:' || md5(i::text), 'sm4:demo-1:' || md5('n' || i),
       'sm4:demo-1:' || md5('p' || i), md5('h' || i), false, md5('f' || i), now() + interval '5 days', now(), now(), 0
     from generate_series($1, $1 + $2 - 1) i"
  q "insert into security_audit_log (seq, occurred_at, actor, action, target, outcome, detail, client_address, prev_hash, row_hash)
     select s, now(), 'operator', 'POST', '/api/v1/cases/SZ-DRILL-' || s, 'OK', 'drill', '127.0.0.1', md5('p' || s), md5('r' || s)
     from generate_series($1, $1 + $2 * 2 - 1) s"
}
t0=$(now)
load 1000000 "$CASES"
echo "   loaded in $(secs "$t0" "$(now)") s; database $(q "select pg_size_pretty(pg_database_size('civicloop'))")"

echo "== base backup and logical dump"
t0=$(now)
base=$(PGHOST="$DRILL_DIR/sock" PGPORT=$PORT PGUSER=$PGU as_pg env PATH="$BIN:$PATH" "$HERE/base-backup.sh" "$DRILL_DIR/base" | tail -1)
t_base=$(secs "$t0" "$(now)")
t0=$(now)
dump=$(PGHOST="$DRILL_DIR/sock" PGPORT=$PORT PGUSER=$PGU as_pg env PATH="$BIN:$PATH" "$HERE/logical-dump.sh" civicloop "$DRILL_DIR/dump" | tail -1)
t_dump=$(secs "$t0" "$(now)")
echo "   base backup $t_base s ($(du -sh "$base" | cut -f1)), logical dump $t_dump s ($(du -sh "$dump" | cut -f1))"
dump_check=$(q "$CHECK")

echo "== writes after the backup, the point in time T, writes after T"
load 5000000 1000
sleep 1
T=$(q "select now()")
at_T=$(q "$CHECK")
sleep 1
load 6000000 500
q "select pg_switch_wal()" >/dev/null
# the archiver has the segment holding T and the later writes when the switched segment is in the archive
seg=$(q "select pg_walfile_name(pg_current_wal_lsn() - 1)")
for _ in $(seq 1 120); do [ -f "$DRILL_DIR/wal/$seg" ] && break; sleep 0.5; done
[ -f "$DRILL_DIR/wal/$seg" ] || { echo "WAL segment $seg never archived" >&2; exit 1; }

echo "== destroy"
t_fail=$(now)
as_pg "$BIN/pg_ctl" -D "$DRILL_DIR/data" -m immediate stop >/dev/null
rm -rf "$DRILL_DIR/data"; mkdir "$DRILL_DIR/data"; chown "$PGU" "$DRILL_DIR/data" 2>/dev/null || true

echo "== restore to T = $T"
as_pg "$HERE/restore-pitr.sh" "$base" "$DRILL_DIR/data" "$DRILL_DIR/wal" "$T" >/dev/null
as_pg "$BIN/pg_ctl" -D "$DRILL_DIR/data" -l "$DRILL_DIR/server.log" -w -t 600 start >/dev/null
for _ in $(seq 1 600); do [ "$(q "select pg_is_in_recovery()" postgres 2>/dev/null)" = f ] && break; sleep 0.5; done
restored=$(q "$CHECK")
t_ok=$(now)
if [ "$restored" != "$at_T" ]; then
  echo "MISMATCH at T"; echo "expected: $at_T"; echo "restored: $restored"; exit 1
fi
echo "   every case and audit row as at T: $(echo "$restored" | tr '\n' ' ')"

echo "== logical dump restored into a second database"
t0=$(now)
q "create database civicloop_from_dump" postgres
as_pg "$BIN/pg_restore" -h "$DRILL_DIR/sock" -p "$PORT" -U "$PGU" -d civicloop_from_dump --no-owner -j 2 "$dump"
from_dump=$(q "$CHECK" civicloop_from_dump)
t_restore_dump=$(secs "$t0" "$(now)")
[ "$from_dump" = "$dump_check" ] || { echo "MISMATCH in the logical dump"; echo "$dump_check"; echo "$from_dump"; exit 1; }
echo "   every case and audit row as at the dump: $(echo "$from_dump" | tr '\n' ' ')"

echo
echo "[drill] cases $CASES + 1500, audit rows $((CASES * 2)) + 3000"
echo "[drill] base backup $t_base s, logical dump $t_dump s, logical restore $t_restore_dump s"
echo "[drill] RTO (destroyed → restored to T, promoted and checked): $(secs "$t_fail" "$t_ok") s"
echo "[drill] RPO: 0 rows lost up to T (the last archived segment); bound in production = archive_timeout 60 s"
as_pg "$BIN/pg_ctl" -D "$DRILL_DIR/data" -m fast stop >/dev/null
