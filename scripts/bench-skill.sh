#!/usr/bin/env bash
# Skill latency: cold (fresh JVM running `cuddlies.jar invoke`, as Lambda would) and warm, against
# S3Mock and the model server on loopback. Prints Markdown for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package
mvn -q -B -pl cli -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
# S3Mock (Spring Boot) needs Logback as the only SLF4J binding: leave slf4j-simple out.
cp=$(tr ":" "\n" < cli/target/bench.cp | grep -v slf4j-simple | paste -sd: -)
java -Dlogback.configurationFile=cli/target/test-classes/logback-test.xml -cp "cli/target/test-classes:cli/target/classes:$cp" \
  dev.cuddlies.bench.SkillBench cli/target/cuddlies.jar
