# Shared by the launchers: find a JDK >= 25 and (re)build a module's jar when sources are newer.
# Sourced, not executed.

AGENTD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
AGENTD_MIN_JAVA=25

# Prints the major version of the JDK at $1, or nothing.
agentd_jdk_major() {
  local home="$1" v=""
  [ -x "$home/bin/java" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  fi
  echo "$v"
}

# Sets JAVA_HOME to a JDK >= 25: $JAVA_HOME if it qualifies, else the usual install folders.
agentd_find_java() {
  local c major
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* "$HOME"/.local/share/jdk* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$c" ] && [ -d "$c" ] || continue
    major=$(agentd_jdk_major "$c")
    if [ -n "$major" ] && [ "$major" -ge "$AGENTD_MIN_JAVA" ] 2>/dev/null; then
      # javac is needed to build; a bare JRE only qualifies when nothing has to be built.
      if [ -x "$c/bin/javac" ] || [ "${AGENTD_NEED_JAVAC:-1}" = 0 ]; then
        export JAVA_HOME="$c"
        return 0
      fi
    fi
  done
  cat >&2 <<MSG
agentd needs a JDK $AGENTD_MIN_JAVA or newer and found none (checked \$JAVA_HOME and the usual JVM folders).
Install one, for example Eclipse Temurin 25 (https://adoptium.net) or your distribution's openjdk-25-jdk
package, then set JAVA_HOME to it and run this command again.
MSG
  return 1
}

# agentd_ensure_built MODULES JAR...: builds MODULES (comma-separated, and what they need) when a JAR is missing
# or older than any source. Nothing runs but one find when all are up to date.
agentd_ensure_built() {
  local modules="$1" jar stale=""
  shift
  for jar in "$@"; do
    if [ ! -f "$jar" ] || [ -n "$(find "$AGENTD_ROOT/pom.xml" "$AGENTD_ROOT"/*/pom.xml "$AGENTD_ROOT"/*/src/main \
          -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
      stale=1
      break
    fi
  done
  [ -z "$stale" ] && return 0
  echo "agentd: building $modules (first run or sources changed)..." >&2
  (cd "$AGENTD_ROOT" && ./mvnw -q -B -DskipTests -DskipITs -pl "$modules" -am package >&2) || {
    echo "agentd: build failed; run ./mvnw -pl $modules -am package to see why" >&2
    return 1
  }
  # Maven leaves an up-to-date jar untouched; without this, a change in another module would trigger a
  # rebuild on every run.
  for jar in "$@"; do
    [ -f "$jar" ] && touch "$jar"
  done
  return 0
}
