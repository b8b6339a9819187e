#!/usr/bin/env bash
# Proves that the WAR built for Payara (target/mirrorwatch.war) also deploys and serves on WildFly 39
# standalone-full, with the server resources of mirrorwatch.cli in this folder. Prints PASS or FAIL and
# exits non-zero on failure.
#
#   MIRRORWATCH_DB_HOST=... MIRRORWATCH_DB_PORT=... MIRRORWATCH_DB_NAME=... \
#   MIRRORWATCH_DB_USER=... MIRRORWATCH_DB_PASSWORD=... server-config/wildfly/prove-on-wildfly.sh
#
# The database is an existing PostgreSQL; the application's Flyway migrations run in it at deploy.
# MIRRORWATCH_MAIL_HOST/PORT/FROM are optional here: the smoke test sends no mail, but the mail session
# needs values to start. Everything is unpacked afresh under target/wildfly (never committed), so each
# run starts from a pristine standalone-full.xml. The server listens on 127.0.0.1 only, on shifted ports.
set -euo pipefail

readonly WILDFLY_VERSION=39.0.1.Final
readonly PGJDBC_VERSION=42.7.14
readonly DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
readonly START_TIMEOUT=180   # seconds until WildFly reports it has started
readonly ANSWER_TIMEOUT=60   # seconds until the deployed application answers on /

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project=$(cd "$here/../.." && pwd)
war=$project/target/mirrorwatch.war
base=$project/target/wildfly
home=$base/wildfly-$WILDFLY_VERSION
log=$home/standalone/log/server.log
pidfile=$base/wildfly.pid

say() { printf '[prove-on-wildfly] %s\n' "$*"; }

failures=()
fail() { failures+=("$*"); say "FAILED: $*"; }

finish() {
    local status=$?
    stop_wildfly
    if ((status == 0 && ${#failures[@]} == 0)); then
        say "PASS: target/mirrorwatch.war deployed and served on WildFly $WILDFLY_VERSION (${SECONDS}s)"
        exit 0
    fi
    ((${#failures[@]})) || failures+=("aborted (exit status $status)")
    # Only this run's log: the folder may still hold the previous run's.
    [[ -n ${launcher:-} && -f $log ]] && { say "last lines of $log:"; tail -n 40 "$log"; }
    say "FAIL (${SECONDS}s):"
    printf '  - %s\n' "${failures[@]}"
    exit 1
}

cli() { "$home/bin/jboss-cli.sh" "$@"; }

# A graceful shutdown through the management port lets WildFly undeploy cleanly; the signal is the
# fallback when the management layer does not answer.
stop_wildfly() {
    [[ -f $pidfile ]] || return 0
    local pid
    pid=$(<"$pidfile")
    # Only a Java started from this WildFly home: after a crash the pid may belong to someone else.
    if kill -0 "$pid" 2>/dev/null && grep -qF "$home" "/proc/$pid/cmdline" 2>/dev/null; then
        say "stopping WildFly (pid $pid)"
        [[ -n ${mgmt_port:-} ]] && cli --connect --controller="remote+http://127.0.0.1:$mgmt_port" \
            --command=:shutdown >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
        for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -0 "$pid" 2>/dev/null && { say "WildFly ignored the shutdown; killing it"; kill -9 "$pid" 2>/dev/null || true; }
    fi
    rm -f "$pidfile"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# An offset under which every port of standalone-full's socket bindings is free. It is drawn at random
# so that two runs, or another WildFly on the default ports, do not collide.
choose_port_offset() {
    local offset port taken
    for _ in $(seq 50); do
        offset=$((2000 + RANDOM % 20000))
        taken=
        for port in 8009 8080 8443 3528 3529 9990 9993 4712 4713; do
            port_in_use $((port + offset)) && { taken=1; break; }
        done
        [[ -z $taken ]] && { echo "$offset"; return 0; }
    done
    return 1
}

trap finish EXIT

for name in MIRRORWATCH_DB_HOST MIRRORWATCH_DB_PORT MIRRORWATCH_DB_NAME MIRRORWATCH_DB_USER MIRRORWATCH_DB_PASSWORD; do
    [[ -n ${!name:-} ]] || { fail "$name is not set"; exit 1; }
done
# The server resolves the expressions that mirrorwatch.cli writes from these variables when it boots.
export MIRRORWATCH_DB_HOST MIRRORWATCH_DB_PORT MIRRORWATCH_DB_NAME MIRRORWATCH_DB_USER MIRRORWATCH_DB_PASSWORD
export MIRRORWATCH_MAIL_HOST=${MIRRORWATCH_MAIL_HOST:-localhost}
export MIRRORWATCH_MAIL_PORT=${MIRRORWATCH_MAIL_PORT:-25}
export MIRRORWATCH_MAIL_FROM=${MIRRORWATCH_MAIL_FROM:-mirrorwatch@localhost}

if [[ ! -f $war ]]; then
    say "building $war"
    (cd "$project" && mvn -B -ntp -o -q package -DskipTests)
fi

# A server left over from an interrupted run would hold its ports and files.
stop_wildfly
rm -rf "$base"
mkdir -p "$base"

# Maven runs outside the project, so that a pom under edit cannot break the download; the plugin
# version is pinned because there is no pom to manage it. overWriteReleases stops the plugin from
# skipping the unpack because of an old marker file. Its output goes to a file: Debian's Maven prints
# colour codes even in batch mode, and the log is only of interest when it fails.
fetch() {
    (cd "$base" && mvn -B -ntp "$DEPENDENCY_PLUGIN:$1" -Dartifact="$2" -DoutputDirectory="$base" \
        -Dmdep.overWriteReleases=true) >"$base/maven.log" 2>&1 \
        || { cat "$base/maven.log"; fail "Maven could not resolve $2"; exit 1; }
}
say "resolving WildFly $WILDFLY_VERSION and the PostgreSQL driver $PGJDBC_VERSION from Maven"
fetch unpack "org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip"
fetch copy "org.postgresql:postgresql:$PGJDBC_VERSION"
# Without a project the plugin keeps its markers under a folder literally named "${project.basedir}".
rm -rf "$base/\${project.basedir}"

say "applying mirrorwatch.cli"
cli --file="$here/mirrorwatch.cli" -Dmirrorwatch.jdbc.driver.jar="$base/postgresql-$PGJDBC_VERSION.jar" \
    || { fail "mirrorwatch.cli did not apply"; exit 1; }

offset=$(choose_port_offset) || { fail "found no port offset with all ports free"; exit 1; }
http_port=$((8080 + offset))
mgmt_port=$((9990 + offset))
say "starting WildFly standalone-full on http $http_port, management $mgmt_port"
# LAUNCH_JBOSS_IN_BACKGROUND makes standalone.sh pass signals on to Java; JBOSS_PIDFILE names Java's pid.
LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE=$pidfile \
    "$home/bin/standalone.sh" -c standalone-full.xml -Djboss.socket.binding.port-offset="$offset" \
    >"$base/console.log" 2>&1 &
launcher=$!

started=
for _ in $(seq "$START_TIMEOUT"); do
    if grep -qE 'WFLYSRV0025|WFLYSRV0026' "$base/console.log" 2>/dev/null; then started=1; break; fi
    kill -0 "$launcher" 2>/dev/null || break   # WildFly died during boot
    sleep 1
done
[[ -n $started ]] || { fail "WildFly did not start within ${START_TIMEOUT}s (see $base/console.log)"; exit 1; }

# A CLI deploy is synchronous: it returns only when the deployment is up or rolled back, and prints why.
say "deploying $war"
deployed=1
cli --connect --controller="remote+http://127.0.0.1:$mgmt_port" --command="deploy $war --name=mirrorwatch.war" \
    || { fail "the deploy operation failed"; deployed=; }

# Waiting makes sense only for a deployment that is up; a failed one gets a single request, for the report.
url=http://127.0.0.1:$http_port/
tries=$ANSWER_TIMEOUT
[[ -n $deployed ]] || tries=1
status=000
for _ in $(seq "$tries"); do
    status=$(curl -s -o "$base/index.html" -w '%{http_code}' "$url" || true)
    [[ $status == 200 ]] && break
    sleep 1
done

say "smoke test"
if [[ $status == 200 ]]; then say "GET $url -> 200"; else fail "GET $url answered $status, not 200"; fi
grep -q 'Mirrors' "$base/index.html" 2>/dev/null && say "the page contains \"Mirrors\"" \
    || fail "the page at $url does not contain \"Mirrors\" (saved in $base/index.html)"
grep -q 'WFLYSRV0010: Deployed "mirrorwatch.war"' "$log" || fail "server.log has no WFLYSRV0010 Deployed \"mirrorwatch.war\""
# Failed services, missing dependencies, rolled-back deployments and failed operations.
if grep -nE 'MSC000001|WFLYCTL0013|WFLYCTL0184|WFLYCTL0186|WFLYSRV0021|WFLYSRV0026' "$log"; then
    fail "server.log reports a failure (lines above)"
fi
if flyway=$(grep -m1 'Database schema at version' "$log"); then say "${flyway#*INFO  }"; else fail "Flyway did not log \"Database schema at version\""; fi
((${#failures[@]} == 0))
