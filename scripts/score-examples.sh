#!/usr/bin/env bash
# Scores the outline engine on the shared cartoon set with its own scorer.
#   scripts/score-examples.sh [SET_DIR] [PRED_DIR]   (SCORER=path/to/score.py when not beside SET_DIR)
# Needs the built jar (mvn -q -DskipTests package) and Debian's python3-pil python3-numpy.
set -euo pipefail
cd "$(dirname "$0")/.."
set_dir=${1:-../shared/examples/cartoons}
pred=${2:-target/example-predictions}
jar=cli/target/cuddlies.jar
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
rm -rf "$pred" && mkdir -p "$pred"
for image in "$set_dir"/images/*; do
  name=$(basename "${image%.*}")
  if ! java -jar "$jar" outline "$image" --json "$pred/$name.json" >/dev/null 2>"$pred/$name.err"; then
    mv "$pred/$name.err" "$pred/$name.error"
  else
    rm -f "$pred/$name.err"
  fi
done
/usr/bin/python3 "${SCORER:-$set_dir/../score.py}" --set "$set_dir" --pred "$pred"
