#!/usr/bin/env bash
# Builds everything (tests skipped) and runs the demo: the mock provider, the sample apps under
# the agent, and a summary of what the agent saw.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q package -DskipTests
exec java -jar sample-apps/demo/target/demo.jar "$@"
