#!/usr/bin/env bash
# Cold start side by side: a minimal ASK SDK skill that builds S3 and SageMaker clients at init
# (../shared/anchors/askcold, LaunchRequest) against the project's Lambda jar answering MakeCuddlie
# and LaunchRequest in a fresh JVM (local storage, outline in-process). Alternating runs, A B A B …;
# prints each pair and the median of the pairwise ratios (absolute times drift on a shared machine,
# ratios measured side by side do not).   scripts/bench-cold.sh [PAIRS]
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-9}
anchor_src=../shared/anchors/askcold
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$anchor_src" "$work/askcold"
(cd "$work/askcold" && mvn -q -B -DskipTests package)
anchor_jar=$(ls "$work"/askcold/target/askcold-*.jar | grep -v original | head -1)
mvn -q -B -DskipTests package
mvn -q -B -pl cli -am test-compile
lambda_cp="lambda/target/cuddlies-lambda.jar:cli/target/test-classes"
envelopes=lambda/src/test/resources/envelopes
user=$(grep -o '"userId": *"[^"]*"' $envelopes/make-cuddlie.json | head -1 | sed 's/.*"\(amzn[^"]*\)"/\1/')
export CUDDLIES_HOME="$work/data"

ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }

for request in make-cuddlie launch; do
  echo "## $request: askcold LaunchRequest vs cuddlies $request (ms)"
  ratios=()
  for i in $(seq "$pairs"); do
    if [ "$request" = make-cuddlie ]; then
      java -jar cli/target/cuddlies.jar upload examples/dodo.png --user "$user" >/dev/null
    fi
    a=$(ms java -cp "$anchor_jar" askcold.Runner "$anchor_src/launch.json")
    b=$(ms java -cp "$lambda_cp" dev.cuddlies.bench.ColdInvoke "$envelopes/$request.json")
    ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }')
    ratios+=("$ratio")
    echo "pair $i: askcold $a, cuddlies $b, ratio $ratio"
  done
  printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { printf "median ratio %.2f over %d pairs\n\n", (NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2), NR }'
done
echo "$(date -u +%F), $(nproc) cores, $(java -version 2>&1 | head -1)"
