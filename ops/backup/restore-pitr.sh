#!/bin/sh
# Restores a base backup into an empty data directory and replays the WAL archive up to a point in time, then
# promotes. Run as the operating-system user of PostgreSQL, with the server stopped.
#   ops/backup/restore-pitr.sh /backup/base/20261206T140000Z /var/lib/postgresql/15/main /backup/wal '2026-12-06 14:20:00+00'
set -eu
backup="$1"; data="$2"; archive="$3"; target="${4:-}"
[ -z "$(ls -A "$data" 2>/dev/null)" ] || { echo "restore-pitr: $data is not empty" >&2; exit 1; }
mkdir -p "$data"
cp -a "$backup/." "$data/"
chmod 700 "$data"
rm -f "$data/backup_manifest" "$data/postmaster.pid"
{
  echo "restore_command = 'cp $archive/%f %p'"
  if [ -n "$target" ]; then
    echo "recovery_target_time = '$target'"
    echo "recovery_target_action = 'promote'"
  fi
} >> "$data/postgresql.auto.conf"
touch "$data/recovery.signal"
echo "restored into $data; start the server: it replays the archive${target:+ up to $target} and promotes"
