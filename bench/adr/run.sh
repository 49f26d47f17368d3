#!/usr/bin/env bash
# Measures the git executable against JGit for decision 0008 (docs/decisions/0008-workspaces-on-git.md).
# Usage: bench/adr/run.sh REPO [ROUNDS]; generate REPO first with
#   java bench/src/main/java/io/agentd/bench/LargeRepo.java REPO
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/../../mvnw" -B -q -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$here/target/cp.txt"
exec "$JAVA_HOME/bin/java" -cp "$(cat "$here/target/cp.txt")" "$here/GitVsJGit.java" "$@"
