#!/usr/bin/env bash
# The model server's benchmark: cold /ping and first 16 MP invocation in a fresh JVM, then 500
# requests from 32 SageMaker runtime clients (a tenth malformed) over loopback. Prints Markdown for
# docs/benchmarks.md. A test-scope program: the container jar carries no benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package
mvn -q -B -pl models/server -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
java -Djava.awt.headless=true -cp "models/server/target/test-classes:models/server/target/classes:$(cat models/server/target/bench.cp)" \
  dev.cuddlies.serve.bench.ServeBench
