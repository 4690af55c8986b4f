#!/usr/bin/env bash
# Where the test suite's time goes, read from the surefire reports of the last run (mvn verify / mvn test):
# the slowest classes, the whole, and how many Spring applications the run started.
#
#   scripts/test-times.sh                 # top 15 of target/surefire-reports
#   scripts/test-times.sh 30 other/target/surefire-reports
#
# "test contexts" are the application contexts Spring's test framework built (one per distinct test configuration,
# cached for the rest of the run); "whole instances" are applications a test started by hand (support.Node, the
# property suite's HostileApp), which are never cached. Each start logs "Started <class> in N seconds".
set -euo pipefail
top="${1:-15}"
dir="${2:-target/surefire-reports}"
if ! ls "$dir"/TEST-*.xml >/dev/null 2>&1; then
  echo "no surefire reports in $dir: run mvn verify (or mvn test) first" >&2
  exit 1
fi

# one line per class: seconds, tests, class (the <testsuite> element's attributes, in whatever order)
table=$(for f in "$dir"/TEST-*.xml; do
  head -c 4000 "$f" | tr '\n' ' ' | grep -o '<testsuite [^>]*>' | head -1 |
    awk '{
      name = $0; sub(/.* name="/, "", name); sub(/".*/, "", name)
      time = $0; sub(/.* time="/, "", time); sub(/".*/, "", time); gsub(/,/, "", time)
      tests = $0; sub(/.* tests="/, "", tests); sub(/".*/, "", tests)
      printf "%.1f %s %s\n", time, tests, name
    }'
done | sort -k1,1 -rn)

echo "== slowest $top classes (seconds, tests, class)"
echo "$table" | head -n "$top" | awk '{ printf "%8.1f s %5d  %s\n", $1, $2, $3 }'

echo "== whole"
echo "$table" | awk '{ s += $1; t += $2; n++ } END { printf "%d classes, %d tests, %.0f s in test classes (%.1f min)\n", n, t, s, s / 60 }'

echo "== applications started (from the classes' output files)"
outputs=("$dir"/*-output.txt)
if [ ! -e "${outputs[0]}" ]; then
  echo "no *-output.txt (redirectTestOutputToFile off?)"
  exit 0
fi
starts=$(grep -ho 'Started [A-Za-z0-9_$]* in [0-9.,]* seconds' "$dir"/*-output.txt || true)
contexts=$(echo "$starts" | grep -vc '^Started CivicLoopApplication ' || true)
instances=$(echo "$starts" | grep -c '^Started CivicLoopApplication ' || true)
[ -z "$starts" ] && contexts=0 && instances=0
echo "test contexts: $contexts, whole instances: $instances"
echo "$starts" | awk 'NF { gsub(/,/, "", $4); s += $4 } END { printf "seconds spent starting them: %.0f\n", s }'
echo "== test contexts by the class that started them (seconds to start)"
grep -o 'Started [A-Za-z0-9_$]* in [0-9.,]* seconds' "$dir"/*-output.txt | grep -v 'Started CivicLoopApplication ' |
  sed -E 's#.*/([^/]*)-output\.txt:Started [^ ]* in ([0-9.,]*) seconds#\2 \1#' | sort -rn | awk '{ printf "%8s s  %s\n", $1, $2 }' || true
