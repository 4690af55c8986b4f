#!/usr/bin/env bash
# Crash test (issue #8): kill -9 the app under load, restart it "30 h later", check nothing was lost.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and ../shared/datasets/messages/unlabeled.csv.
# Usage: scripts/crash-test.sh [--clients=8] [--kill-after-seconds=20] [--offset=PT30H] [--port=18181]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests package
mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.load.CrashTest \
    -Dexec.args="$*"
