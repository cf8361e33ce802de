#!/usr/bin/env bash
# Generates the synthetic children's-drawing set (test code, seeded) and scores the engine on it with
# the shared scorer, like score-examples.sh does for the cartoons.
#   scripts/score-drawings.sh [tuning|held_out] [PER_GROUP] [OUT_DIR]
# Needs the built jar (mvn -q -DskipTests package), ../shared/examples (the silhouettes and score.py)
# and Debian's python3-pil python3-numpy.
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-tuning}
per_group=${2:-6}
out=${3:-target/drawings-$split}
mvn -q -o -B test-compile -pl models/outline
mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath -pl models/outline -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
cp="models/outline/target/test-classes:models/outline/target/classes:$(cat models/outline/target/test.classpath)"
rm -rf "$out" && mkdir -p "$out"
java -Djava.awt.headless=true -cp "$cp" dev.cuddlies.outline.drawings.DrawingSetWriter "$out/set" "$split" "$per_group"
SCORER=../shared/examples/score.py scripts/score-examples.sh "$out/set" "$out/predictions"
