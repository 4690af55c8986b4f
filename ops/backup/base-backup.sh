#!/bin/sh
# Physical base backup of the whole cluster (pg_basebackup, plain format, with the WAL needed to make it
# consistent and a SHA-256 manifest), checked with pg_verifybackup (PostgreSQL 15 verifies the plain format only). With the WAL archive (archive-wal.sh) it restores to any point in time
# after it. Connection as for psql: PGHOST, PGPORT, PGUSER (a role with REPLICATION), PGPASSWORD or ~/.pgpass.
#   ops/backup/base-backup.sh /backup/base
set -eu
target_root="$1"
dir="$target_root/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$dir"
pg_basebackup -D "$dir" -Fp -X fetch -c fast --label="civicloop $(date -u +%FT%TZ)" --manifest-checksums=SHA256
pg_verifybackup -q "$dir"
echo "$dir"
