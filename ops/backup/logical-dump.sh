#!/bin/sh
# Logical dump of the CivicLoop database (custom format, restorable table by table with pg_restore), e.g. daily,
# kept beside the base backups: it survives a corruption that a physical copy would carry along.
#   ops/backup/logical-dump.sh civicloop /backup/dump
set -eu
db="$1"; target_root="$2"
mkdir -p "$target_root"
file="$target_root/$db-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump -Fc -Z 6 -d "$db" -f "$file"
pg_restore -l "$file" >/dev/null
echo "$file"
