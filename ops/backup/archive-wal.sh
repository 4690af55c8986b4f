#!/bin/sh
# PostgreSQL archive_command: copies one finished WAL segment to the archive, never overwriting one already there.
#   archive_command = '/opt/civicloop/ops/backup/archive-wal.sh %p %f /backup/wal'
# Exit status non-zero makes PostgreSQL keep the segment and retry (disk full, archive unmounted).
set -eu
src="$1"; name="$2"; archive="$3"
[ -f "$archive/$name" ] && cmp -s "$src" "$archive/$name" && exit 0
[ -f "$archive/$name" ] && { echo "archive-wal: $name exists with other content" >&2; exit 1; }
cp "$src" "$archive/$name.part"
sync "$archive/$name.part" 2>/dev/null || true
mv "$archive/$name.part" "$archive/$name"
