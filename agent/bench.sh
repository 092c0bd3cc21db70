#!/usr/bin/env bash
# JMH micro-benchmarks of the agent's engine. On demand only: never part of `mvn verify`, never a
# pass/fail gate. The benchmarks live in src/test/java/dev/airlock/agent/bench and
# src/test/java/dev/airlock/agent/cache/*Benchmark.java (the exact cache hit), and
# src/test/java/dev/airlock/agent/pii/PiiScanThroughputBenchmark.java (the PII scan on the
# evaluation corpora; `agent/bench.sh PiiScan` runs it and PiiScannerBenchmark); JMH annotations,
# not JUnit tests: surefire does not run them.
#
#   agent/bench.sh                       # build, run every benchmark (~6 min on 2 cores), print the table
#   agent/bench.sh PipelineBenchmark     # only benchmarks matching a JMH regex (any JMH argument works)
#   QUICK=1 agent/bench.sh               # smoke run (~1 min): numbers are not trustworthy
#   SKIP_BUILD=1 agent/bench.sh ...      # reuse the last build (target/jmh-classes, target/bench.classpath)
#   MVN_FLAGS="-B -q -o" agent/bench.sh  # extra Maven flags (here: offline)
#
# Output: target/jmh-result.json (JMH's own), target/jmh-report.md (the table printed at the end:
# every benchmark next to the baseline of its class measured in the same run, as a ratio and as the
# time it adds, with allocation per operation, MB/s and events/s).
#
# Default settings, chosen for a 2-core machine: 1 fork, 3 warm-up iterations of 1 s, 5 measured
# iterations of 1 s, 1 thread, with the GC profiler (allocation per operation). One fork gives a
# single JVM's JIT decisions; for publication-grade numbers raise it (JMH_ARGS="-f 3 ...").
set -euo pipefail

AGENT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$AGENT_DIR/.." && pwd)"
TARGET="$AGENT_DIR/target"
MVN="${MVN:-mvn}"
MVN_FLAGS="${MVN_FLAGS:--B -q}"
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
PII_TEST="$AGENT_DIR/src/test/java/dev/airlock/agent/pii"
if [[ -n "${QUICK:-}" ]]; then
  DEFAULT_JMH_ARGS="-f 1 -wi 1 -w 300ms -i 2 -r 300ms -t 1 -prof gc"
else
  DEFAULT_JMH_ARGS="-f 1 -wi 3 -w 1s -i 5 -r 1s -t 1 -prof gc"
fi
JMH_ARGS="${JMH_ARGS:-$DEFAULT_JMH_ARGS}"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== building the agent's classes and its test classpath" >&2
  # shellcheck disable=SC2086
  "$MVN" $MVN_FLAGS -f "$ROOT/pom.xml" -pl agent -am -DskipTests compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
  echo "== compiling the benchmarks with the JMH annotation processor" >&2
  # Explicit -processor: works on every JDK (23+ no longer runs discovered processors implicitly).
  rm -rf "$TARGET/jmh-classes" "$TARGET/jmh-generated"
  mkdir -p "$TARGET/jmh-classes" "$TARGET/jmh-generated"
  "$JAVAC_BIN" -nowarn --release 11 \
    -cp "$TARGET/classes:$(cat "$TARGET/bench.classpath")" \
    -processor org.openjdk.jmh.generators.BenchmarkProcessor \
    -d "$TARGET/jmh-classes" -s "$TARGET/jmh-generated" \
    "$AGENT_DIR"/src/test/java/dev/airlock/agent/bench/*.java \
    "$AGENT_DIR"/src/test/java/dev/airlock/agent/cache/*Benchmark.java \
    "$PII_TEST"/PiiScanThroughputBenchmark.java "$PII_TEST"/ScanCorpus.java \
    "$PII_TEST"/PiiEvaluation.java "$PII_TEST"/PiiThroughputReport.java
fi

# The test resources hold the evaluation sets the PII throughput benchmark scans; the load
# harness's resources its example policy, which PipelineBenchmark.ExampleEngine runs.
CP="$TARGET/jmh-classes:$TARGET/classes:$AGENT_DIR/src/test/resources:$ROOT/sample-apps/load-harness/src/main/resources"
CP="$CP:$(cat "$TARGET/bench.classpath")"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "== running JMH: $JMH_ARGS $* (load average before: $LOAD_BEFORE)" >&2
# shellcheck disable=SC2086
"$JAVA_BIN" -cp "$CP" org.openjdk.jmh.Main $JMH_ARGS -foe true \
  -rf json -rff "$TARGET/jmh-result.json" "$@"

echo "== report (also in target/jmh-report.md)" >&2
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
"$JAVA_BIN" -cp "$CP" "-Dbench.settings=$JMH_ARGS" "-Dbench.loadBefore=$LOAD_BEFORE" "-Dbench.loadAfter=$LOAD_AFTER" \
  dev.airlock.agent.bench.BenchReport "$TARGET/jmh-result.json" | tee "$TARGET/jmh-report.md"
# MB/s of the PII scan on the evaluation corpora, with its ratio to the same run's char-scan
# baseline (prints nothing when PiiScanThroughputBenchmark did not run).
"$JAVA_BIN" -cp "$CP" dev.airlock.agent.pii.PiiThroughputReport "$TARGET/jmh-result.json" \
  | tee -a "$TARGET/jmh-report.md"
