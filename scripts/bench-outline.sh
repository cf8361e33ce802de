#!/usr/bin/env bash
# The outline engine side by side with the textbook recipe (OpenCV: decode, grey, Otsu, largest
# contour; scripts/outline_recipe.py) on the same files: a cartoon (PNG at 0.25 and 2.5 MP, JPEG at
# 16 MP), a phone photo of a printed cartoon and a whole photo of a child's drawing on a table (JPEG),
# each at about 0.25, 2.5 and 16 megapixels. One core (taskset), decode included, warm.
#   scripts/bench-outline.sh [wall|callgrind|both] [ROUNDS]
# wall: ROUNDS (default 5) alternating rounds, recipe then engine, each a fresh process with warm-up
#   runs; per file the best round's median (other engineers' builds only ever add time).
# callgrind: instructions per measured run under valgrind --tool=callgrind, counted from after the
#   warm-up to the end of the measured runs (scripts/callgrind_count.py), the repeatable measure on a
#   shared machine.
# Needs ../shared/examples (the cartoon and photo), Debian's python3-opencv python3-pil and valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-both}
rounds=${2:-5}
out=target/bench-outline
core=${BENCH_CORE:-0}
mkdir -p "$out"

mvn -q -o -B test-compile -pl models/outline >&2
mvn -q -o -B org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath -pl models/outline \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test >&2
# A copy of the classes: rebuilding while the benchmark runs must not change what it measures.
rm -rf "$out/classes" && mkdir -p "$out/classes"
cp -r models/outline/target/classes "$out/classes/main"
cp -r models/outline/target/test-classes "$out/classes/test"
cp="$out/classes/test:$out/classes/main:$(cat models/outline/target/test.classpath)"

java -Djava.awt.headless=true -cp "$cp" dev.cuddlies.outline.drawings.DrawingSetWriter "$out/drawing-set" tuning 1 >/dev/null
/usr/bin/python3 scripts/bench_pictures.py "$out/pictures" \
  cartoon=../shared/examples/cartoons/images/p_65a51559.png \
  photo=../shared/examples/cartoons/images/p_de401275.jpg:jpg \
  drawing="$out/drawing-set/images/whole_table_tuning_1.jpg:jpg" >/dev/null
files=()
for name in cartoon photo drawing; do
  for size in 0.25MP 2.5MP 16MP; do
    files+=("$(ls "$out"/pictures/$name-$size.*)")
  done
done

recipe=(/usr/bin/python3 scripts/outline_recipe.py)
engine=(java -XX:+UseSerialGC -Xms1g -Xmx1g -Djava.awt.headless=true -cp "$cp" dev.cuddlies.outline.bench.OutlineBench)

describe() {
  echo "$(date -u +%F), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores (one used)," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); Python $(/usr/bin/python3 -c 'import cv2, sys; print(sys.version.split()[0], "OpenCV", cv2.__version__)')"
}

if [ "$mode" = wall ] || [ "$mode" = both ]; then
  : > "$out/wall.txt"
  for r in $(seq "$rounds"); do
    taskset -c "$core" "${recipe[@]}" 10 30 "${files[@]}" | sed 's/^/recipe /' >> "$out/wall.txt"
    taskset -c "$core" "${engine[@]}" 40 30 "${files[@]}" | sed 's/^/engine /' >> "$out/wall.txt"
  done
  echo "## Wall time, best of $rounds rounds (median ms of 30 warm runs each)"
  describe
  echo
  echo "| picture | bytes | recipe ms | engine ms | engine / recipe |"
  echo "|---|---:|---:|---:|---:|"
  for f in "${files[@]}"; do
    n=$(basename "$f")
    a=$(awk -v n="$n" '$1 == "recipe" && $2 == n { print $3 }' "$out/wall.txt" | sort -g | head -1)
    b=$(awk -v n="$n" '$1 == "engine" && $2 == n { print $3 }' "$out/wall.txt" | sort -g | head -1)
    printf '| %s | %d | %.1f | %.1f | %.2f |\n' "$n" "$(stat -c %s "$f")" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { print b / a }')"
  done
  echo
fi

if [ "$mode" = callgrind ] || [ "$mode" = both ]; then
  echo "## Instructions per run (callgrind, after warm-up: recipe 5, engine 60 runs with -Xbatch; 5 measured runs)"
  describe
  echo
  echo "| picture | recipe Minstr | engine Minstr | engine / recipe |"
  echo "|---|---:|---:|---:|"
  for f in "${files[@]}"; do
    n=$(basename "$f")
    a=$(/usr/bin/python3 scripts/callgrind_count.py "$out/callgrind" "${recipe[@]}" --handshake 5 5 "$f" 2>/dev/null)
    b=$(/usr/bin/python3 scripts/callgrind_count.py "$out/callgrind" java -XX:+UseSerialGC -Xms1g -Xmx1g -Xbatch \
      -Djava.awt.headless=true -cp "$cp" dev.cuddlies.outline.bench.OutlineBench --handshake 60 5 "$f" 2>/dev/null)
    printf '| %s | %.1f | %.1f | %.2f |\n' "$n" "$(awk -v a="$a" 'BEGIN { print a / 5e6 }')" \
      "$(awk -v b="$b" 'BEGIN { print b / 5e6 }')" "$(awk -v a="$a" -v b="$b" 'BEGIN { print b / a }')"
  done
fi
