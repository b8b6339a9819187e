#!/usr/bin/env bash
# Proves on WildFly 39 standalone-full the one thing the black-box tests of `mvn verify -Pwildfly` cannot:
# that the container's timer starts probe rounds by itself. The shared server of those tests runs with the
# timer off, as every test server does, so that no round starts in the middle of a test; on Payara the
# timer is covered by ProbeTimerIT, an in-container test. Everything else this script once checked (the
# deployment, the console, logins and roles, the API, mail) is covered by that profile. Prints PASS or FAIL
# and exits non-zero on failure.
#
#   MIRRORWATCH_DB_HOST=... MIRRORWATCH_DB_PORT=... MIRRORWATCH_DB_NAME=... \
#   MIRRORWATCH_DB_USER=... MIRRORWATCH_DB_PASSWORD=... server-config/wildfly/prove-timer-on-wildfly.sh
#
# The database is an existing PostgreSQL whose default schema is EMPTY: the application's Flyway migrations
# run in it at deploy, and the script then writes a small world into it (a series with one published .deb
# and two archive mirrors), so use a throwaway database. It needs psql, python3 and curl.
#
# The server starts with a 5-second probe interval, and the EJB timer's round must probe both mirrors. One
# mirror is a python3 http.server on 127.0.0.2 that carries the index and the pool file, and must come out
# with freshness UP and enabled; the other is a port on 127.0.0.3 where nothing listens, and must be
# disabled by the prober, with a "Verification of ... failed" mail that the outbox delivers to an SMTP
# sink that this script runs on 127.0.0.1 (MIRRORWATCH_MAIL_HOST/PORT are always set to it;
# MIRRORWATCH_MAIL_FROM is optional). Everything is unpacked afresh under target/wildfly-timer (never
# committed), so each run starts from a pristine standalone-full.xml. The server listens on 127.0.0.1
# only, on shifted ports; every helper it starts is stopped at the end.
set -euo pipefail

readonly WILDFLY_VERSION=39.0.1.Final
readonly PGJDBC_VERSION=42.7.14
readonly DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
readonly START_TIMEOUT=180   # seconds until WildFly reports it has started
readonly ANSWER_TIMEOUT=60   # seconds until the deployed application answers on /
readonly PROBE_TIMEOUT=60    # seconds until the timer's round has probed both mirrors
readonly MAIL_TIMEOUT=30     # seconds until the outbox has delivered the mail about the failed mirror
readonly PROBE_INTERVAL=PT5S # the timer's first tick comes one interval after the deploy
readonly GOOD_HOST=127.0.0.2 # the mirror that carries the content
readonly BAD_HOST=127.0.0.3  # the mirror where nothing listens

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project=$(cd "$here/../.." && pwd)
war=$project/target/mirrorwatch.war
base=$project/target/wildfly-timer
home=$base/wildfly-$WILDFLY_VERSION
log=$home/standalone/log/server.log
pidfile=$base/wildfly.pid

say() { printf '[prove-timer-on-wildfly] %s\n' "$*"; }

failures=()
fail() { failures+=("$*"); say "FAILED: $*"; }

finish() {
    local status=$?
    stop_wildfly
    stop_helpers
    if ((status == 0 && ${#failures[@]} == 0)); then
        say "PASS: the timer of target/mirrorwatch.war started a probe round on WildFly $WILDFLY_VERSION (${SECONDS}s)"
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

# The HTTP mirror and the SMTP sink: this script's own children, stopped by their pids.
helpers=()
stop_helpers() {
    local pid
    for pid in "${helpers[@]}"; do
        kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    done
    helpers=()
}

port_in_use() { (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null; }

# A query against the application's database; -At prints bare values, one row a line.
sql() {
    PGPASSWORD=$MIRRORWATCH_DB_PASSWORD psql -X -q -At -v ON_ERROR_STOP=1 -h "$MIRRORWATCH_DB_HOST" \
        -p "$MIRRORWATCH_DB_PORT" -U "$MIRRORWATCH_DB_USER" -d "$MIRRORWATCH_DB_NAME" "$@"
}

# Waits until the helper's output file holds a line that matches; prints the line.
await_line() {
    local file=$1 pattern=$2 pid=$3 line
    for _ in $(seq 100); do
        line=$(grep -m1 -E "$pattern" "$file" 2>/dev/null) && { echo "$line"; return 0; }
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    return 1
}

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
for tool in psql python3 curl; do
    command -v "$tool" >/dev/null || { fail "$tool is not installed"; exit 1; }
done
# The server resolves the expressions that mirrorwatch.cli writes from these variables when it boots.
export MIRRORWATCH_DB_HOST MIRRORWATCH_DB_PORT MIRRORWATCH_DB_NAME MIRRORWATCH_DB_USER MIRRORWATCH_DB_PASSWORD
export MIRRORWATCH_MAIL_FROM=${MIRRORWATCH_MAIL_FROM:-mirrorwatch@localhost}

# The smoke test writes its world into the database, and a mirror left from another run would be probed
# in the same round: only an empty schema gives a predictable round.
tables=$(sql -c "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()") \
    || { fail "cannot query the database $MIRRORWATCH_DB_NAME on $MIRRORWATCH_DB_HOST:$MIRRORWATCH_DB_PORT"; exit 1; }
((tables == 0)) || { fail "the database $MIRRORWATCH_DB_NAME is not empty ($tables tables); give the smoke test a fresh one"; exit 1; }

if [[ ! -f $war ]]; then
    say "building $war"
    (cd "$project" && mvn -B -ntp -o -q package -DskipTests)
fi

# A server left over from an interrupted run would hold its ports and files.
stop_wildfly
rm -rf "$base"
mkdir -p "$base"

# The good mirror's files: the one index and the one pool file that the world below makes it check; the
# prober sends HEAD requests only, so empty files do. Every other index answers 404.
mirror_root=$base/mirror
mkdir -p "$mirror_root/ubuntu/dists/noble/main/binary-amd64" "$mirror_root/ubuntu/pool/main/h/hello"
: >"$mirror_root/ubuntu/dists/noble/main/binary-amd64/Packages.gz"
: >"$mirror_root/ubuntu/pool/main/h/hello/hello_2.10-1_amd64.deb"
# Port 0: the kernel picks a free port, and the server prints it.
python3 -u -m http.server 0 --bind "$GOOD_HOST" --directory "$mirror_root" >"$base/mirror-http.log" 2>&1 &
helpers+=($!)
line=$(await_line "$base/mirror-http.log" 'Serving HTTP on .* port [0-9]+' "${helpers[-1]}") \
    || { cat "$base/mirror-http.log"; fail "the HTTP mirror on $GOOD_HOST did not start"; exit 1; }
[[ $line =~ port\ ([0-9]+) ]] && good_url=http://$GOOD_HOST:${BASH_REMATCH[1]}/ubuntu/

# The failing mirror: a port that was free a moment ago, and that nobody listens on now.
bad_port=$(python3 -c 'import socket, sys; s = socket.socket(); s.bind((sys.argv[1], 0)); print(s.getsockname()[1])' "$BAD_HOST")
port_in_use "$bad_port" "$BAD_HOST" && { fail "port $bad_port on $BAD_HOST is in use"; exit 1; }
bad_url=http://$BAD_HOST:$bad_port/ubuntu/

# A minimal SMTP sink: it accepts every mail and writes each one to a file in mail/, envelope first.
# Python 3.12 has no smtpd module any more, so it is written out here, on socketserver.
mkdir -p "$base/mail"
cat >"$base/smtp-sink.py" <<'EOF'
import os, socketserver, sys

maildir = sys.argv[1]
counter = iter(range(1, 1_000_000))

class Session(socketserver.StreamRequestHandler):
    def reply(self, text):
        self.wfile.write(text.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        self.reply("220 mirrorwatch-smoke-sink ESMTP")
        envelope_from, envelope_to = "", []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode("utf-8", "replace").strip()
            upper = verb.upper()
            if upper.startswith("EHLO"):
                self.reply("250-mirrorwatch-smoke-sink\r\n250 8BITMIME")
            elif upper.startswith("HELO"):
                self.reply("250 mirrorwatch-smoke-sink")
            elif upper.startswith("MAIL FROM:"):
                envelope_from, envelope_to = verb[10:].strip(), []
                self.reply("250 OK")
            elif upper.startswith("RCPT TO:"):
                envelope_to.append(verb[8:].strip())
                self.reply("250 OK")
            elif upper == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                body = []
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    body.append(data[1:] if data.startswith(b"..") else data)
                name = os.path.join(maildir, "mail-%d.eml" % next(counter))
                with open(name + ".part", "wb") as out:
                    out.write(("X-Envelope-From: %s\r\nX-Envelope-To: %s\r\n"
                               % (envelope_from, ", ".join(envelope_to))).encode())
                    out.writelines(body)
                os.rename(name + ".part", name)
                self.reply("250 OK queued")
            elif upper in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif upper == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")

socketserver.ThreadingTCPServer.allow_reuse_address = True
socketserver.ThreadingTCPServer.daemon_threads = True
with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Session) as server:
    print("SMTP sink on port %d" % server.server_address[1], flush=True)
    server.serve_forever()
EOF
python3 -u "$base/smtp-sink.py" "$base/mail" >"$base/smtp-sink.log" 2>&1 &
helpers+=($!)
line=$(await_line "$base/smtp-sink.log" 'SMTP sink on port [0-9]+' "${helpers[-1]}") \
    || { cat "$base/smtp-sink.log"; fail "the SMTP sink did not start"; exit 1; }
export MIRRORWATCH_MAIL_HOST=127.0.0.1 MIRRORWATCH_MAIL_PORT=${line##* }
say "mirrors: good $good_url, failing $bad_url; SMTP sink on 127.0.0.1:$MIRRORWATCH_MAIL_PORT"

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
    -Dmirrorwatch.probe.interval=$PROBE_INTERVAL -Dmirrorwatch.probe.timeout=PT5S \
    -Dmirrorwatch.probe.allowed-cidrs=127.0.0.0/8 -Dmirrorwatch.base-url="http://127.0.0.1:$((8080 + offset))" \
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

# The world of the probe test, in one transaction, so that a timer round sees all of it or none of it:
# the series noble with component main and architecture amd64, one .deb published ten minutes ago in its
# RELEASE pocket, and two enabled archive mirrors. The good one carries
# dists/noble/main/binary-amd64/Packages.gz and pool/main/h/hello/hello_2.10-1_amd64.deb.
if [[ -n $deployed ]]; then
    say "writing the probe test's world into the database"
    sql -1 -f - >"$base/world.log" 2>&1 <<EOF || { cat "$base/world.log"; fail "the world could not be written"; deployed=; }
INSERT INTO person (name, display_name, email, date_created)
VALUES ('wf-owner', 'Mirror Owner', 'owner@example.org', now());
INSERT INTO distribution (name, display_name, main_archive_url, main_releases_url)
VALUES ('ubuntu', 'Ubuntu', 'http://archive.ubuntu.com/ubuntu/', 'http://releases.ubuntu.com/');
INSERT INTO component (name) VALUES ('main');
INSERT INTO distro_release (distribution_id, name, version, status)
SELECT id, 'noble', '24.04', 'CURRENT' FROM distribution WHERE name = 'ubuntu';
INSERT INTO distro_release_component (distro_release_id, component_id, position)
SELECT r.id, c.id, 0 FROM distro_release r, component c WHERE r.name = 'noble' AND c.name = 'main';
INSERT INTO distro_arch_release (distro_release_id, architecture_tag, official)
SELECT id, 'amd64', true FROM distro_release WHERE name = 'noble';
INSERT INTO binary_package_publication (distro_arch_release_id, pocket, component_id, binary_package_name, version,
                                        source_package_name, status, date_published)
SELECT a.id, 'RELEASE', c.id, 'hello', '2.10-1', 'hello', 'PUBLISHED', now() - interval '10 minutes'
FROM distro_arch_release a, component c WHERE a.architecture_tag = 'amd64' AND c.name = 'main';
INSERT INTO binary_package_file (publication_id, filename, file_type)
SELECT id, 'hello_2.10-1_amd64.deb', 'DEB' FROM binary_package_publication WHERE binary_package_name = 'hello';
INSERT INTO distribution_mirror (distribution_id, owner_id, name, speed, country_id, content, pulse_type,
                                 http_base_url, enabled, review_status, date_created)
SELECT d.id, p.id, m.name, 'S1G', c.id, 'ARCHIVE', 'PULL', m.url, true, 'OFFICIAL', now()
FROM distribution d, person p, country c,
     (VALUES ('wf-good', '$good_url'), ('wf-bad', '$bad_url')) AS m (name, url)
WHERE d.name = 'ubuntu' AND p.name = 'wf-owner' AND c.iso_code = 'DE';
EOF
fi

# Waiting makes sense only for a deployment that is up; a failed one gets a single request, for the report.
url=http://127.0.0.1:$http_port/
tries=$ANSWER_TIMEOUT
[[ -n $deployed ]] || tries=1
status=000
for _ in $(seq "$tries"); do
    status=$(curl -s -o "$base/index.html" -w '%{http_code}' "$url" || true)
    # Only no answer, 404 and 503 may pass while the deployment comes up; a 500 is the application's.
    [[ $status == 000 || $status == 404 || $status == 503 ]] || break
    sleep 1
done

say "smoke test"
if [[ $status == 200 ]]; then say "GET $url -> 200"; else fail "GET $url answered $status, not 200"; fi
grep -q 'WFLYSRV0010: Deployed "mirrorwatch.war"' "$log" || fail "server.log has no WFLYSRV0010 Deployed \"mirrorwatch.war\""
# Failed services, missing dependencies, rolled-back deployments and failed operations.
if grep -nE 'MSC000001|WFLYCTL0013|WFLYCTL0184|WFLYCTL0186|WFLYSRV0021|WFLYSRV0026' "$log"; then
    fail "server.log reports a failure (lines above)"
fi
if flyway=$(grep -m1 'Database schema at version' "$log"); then say "${flyway#*INFO  }"; else fail "Flyway did not log \"Database schema at version\""; fi

# The prober: the EJB timer starts a round on the managed executor, Jetty's HttpClient probes both
# mirrors on threads of the ManagedThreadFactory, and the recorder writes the outcome. A round that the
# timer started before the world was written probes nothing; the next one, an interval later, probes both.
probe_test() {
    local round=
    say "waiting up to ${PROBE_TIMEOUT}s for the timer's round of both mirrors"
    for _ in $(seq "$PROBE_TIMEOUT"); do
        round=$(sql -c "SELECT id || ' ' || trigger || ' ' || state || ' ' || mirrors_done || ' ' || requests
                        || ' ' || failures FROM probe_run WHERE content = 'ARCHIVE' AND mirrors_total = 2
                        AND state <> 'RUNNING' ORDER BY id LIMIT 1") || true
        [[ -n $round ]] && break
        sleep 1
    done
    if [[ -z $round ]]; then
        fail "no ARCHIVE round of 2 mirrors ended within ${PROBE_TIMEOUT}s; the rounds so far:"
        sql -c "SELECT id, content, trigger, state, mirrors_total, mirrors_done, log FROM probe_run ORDER BY id" || true
        return
    fi
    local id trigger state done requests failed
    read -r id trigger state done requests failed <<<"$round"
    say "probe round $id: trigger $trigger, state $state, $done mirrors done, $requests requests, $failed failed"
    if [[ $trigger != TIMER || $state != DONE || $done != 2 ]]; then
        fail "probe round $id is $trigger $state with $done mirrors done, not TIMER DONE with 2; its log:"
        sql -c "SELECT log FROM probe_run WHERE id = $id" || true
        return
    fi

    local good bad
    good=$(sql -F ' ' -c "SELECT m.enabled, a.freshness FROM distribution_mirror m
                          JOIN mirror_distro_arch_release a ON a.distribution_mirror_id = m.id
                          WHERE m.name = 'wf-good' AND a.pocket = 'RELEASE'") || true
    if [[ $good == "t UP" ]]; then
        say "wf-good is enabled, and its noble amd64 RELEASE main is UP"
    else
        fail "wf-good should be enabled with noble amd64 RELEASE main UP; it is \"${good:-no content record}\""
    fi
    grep -q '"HEAD /ubuntu/pool/main/h/hello/hello_2.10-1_amd64.deb HTTP/1.1" 200' "$base/mirror-http.log" \
        && say "the HTTP mirror answered the prober's HEAD of the pool file with 200" \
        || fail "the HTTP mirror saw no HEAD of the pool file (see $base/mirror-http.log)"

    # The mail is queued in the transaction that disables the mirror: without that, there is none to wait for.
    local mail_wait=1
    bad=$(sql -F ' ' -c "SELECT enabled, coalesce(disabled_by, '-') FROM distribution_mirror WHERE name = 'wf-bad'") || true
    if [[ $bad == "f PROBER" ]]; then
        say "wf-bad is disabled by the PROBER"
        mail_wait=$MAIL_TIMEOUT
    else
        fail "wf-bad should be disabled by the PROBER; enabled and disabled_by are \"$bad\""
    fi

    local subject="Verification of wf-bad failed" mail= attempts sent error
    for _ in $(seq "$mail_wait"); do
        mail=$(sql -F ' ' -c "SELECT attempts, sent_at IS NOT NULL, coalesce(last_error, '-') FROM mail_outbox
                              WHERE subject = '$subject'") || true
        read -r attempts sent error <<<"$mail"
        [[ $sent == t ]] && break
        sleep 1
    done
    if [[ -z $mail ]]; then
        fail "mail_outbox has no mail \"$subject\""
    elif [[ $sent != t ]]; then
        fail "the mail \"$subject\" was not sent within ${mail_wait}s ($attempts attempts, last error: $error)"
    else
        say "mail_outbox sent \"$subject\" after $attempts attempt(s)"
    fi
    local received
    received=$(grep -ls "^Subject: $subject" "$base"/mail/*.eml 2>/dev/null | sed -n 1p) || true
    if [[ -n $received ]]; then
        say "the SMTP sink received \"$subject\" for $(sed -n 's/^X-Envelope-To: //p' "$received" | tr -d '\r')"
    else
        fail "the SMTP sink received no mail \"$subject\" (see $base/mail and $base/smtp-sink.log)"
    fi
}
if [[ -n $deployed ]]; then probe_test; fi

# The prober logs a round that broke, a probe that crashed or could not be recorded, at WARN or ERROR; a
# failed request shows as an ERROR of io.undertow.request. The first few, cut short: they repeat each round.
problems='Probe round [0-9]+ failed|failed unexpectedly|could not be recorded|not delivered, will retry|UT005023|RESTEASY002375|LazyInitializationException'
if grep -qE "$problems" "$log"; then
    grep -m 6 -nE "$problems" "$log" | cut -c1-400
    fail "server.log reports a failed request, round, probe or delivery $(grep -cE "$problems" "$log") times (the first above)"
fi
((${#failures[@]} == 0))
