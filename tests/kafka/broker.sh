#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A real Apache Kafka 4 broker on loopback for Porthole's real-broker tests, set up like Port's
# managed cluster: a SASL_SSL listener with SCRAM-SHA-512, a throw-away CA, ACLs that give the
# org's user {org}.runs, {org}.change.log and groups prefixed "{org}." only.
#
#   broker.sh fetch     download Kafka's jars (Maven, cached under ~/.m2) into the jar cache
#   broker.sh start     fresh broker; prints KEY=VALUE lines (also kept in $BROKER_DIR/broker.env)
#   broker.sh stop      end the broker and delete its state folder
#   broker.sh halt      end the broker process, keep its data (a fault for the tests)
#   broker.sh resume    start the halted broker again on the same ports, wait until it answers
#   broker.sh restart   halt + resume
#   broker.sh env       print the KEY=VALUE lines of the running broker
#
# Environment: BROKER_DIR (state folder, default /tmp/porthole-broker-$UID), BROKER_ORG
# (default org_PortholeTest01), BROKER_START_TIMEOUT (seconds, default 120),
# BROKER_KAFKA_VERSION (default: pom.xml's; see there why it is 3.9.1 and not 4.x),
# PORTHOLE_KAFKA_CACHE (jar cache, default ~/.cache/porthole/kafka).
# Needs java 17 (JDK: javac compiles the setup helper), mvn, openssl.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BROKER_DIR=${BROKER_DIR:-/tmp/porthole-broker-$(id -u)}
ORG=${BROKER_ORG:-org_PortholeTest01}
START_TIMEOUT=${BROKER_START_TIMEOUT:-120}
KAFKA_VERSION=${BROKER_KAFKA_VERSION:-$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")}
CACHE=${PORTHOLE_KAFKA_CACHE:-$HOME/.cache/porthole/kafka}/$KAFKA_VERSION
MARKER=.porthole-test-broker

say() { printf 'broker.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }
now_ms() { date +%s%3N; }

need_tools() {
  local t
  for t in java javac mvn openssl; do
    command -v "$t" >/dev/null || die "$t is missing (install the packages in scripts/packages/broker.txt)"
  done
}

# Jars + the compiled setup helper; a stamp (pom and helper checksums) makes this a no-op when warm.
fetch() {
  need_tools
  local stamp sum
  sum=$(cat "$here/pom.xml" "$here/broker/BrokerSetup.java" | sha256sum | cut -c1-16)
  stamp="$CACHE/.stamp-$sum"
  [ -e "$stamp" ] && return 0
  say "fetching Apache Kafka $KAFKA_VERSION with mvn into $CACHE"
  rm -rf "$CACHE" && mkdir -p "$CACHE/libs" "$CACHE/classes"
  mvn -B -q -f "$here/pom.xml" -Dkafka.version="$KAFKA_VERSION" dependency:copy-dependencies -DoutputDirectory="$CACHE/libs" >&2 ||
    die "mvn could not fetch Kafka $KAFKA_VERSION (see above)"
  javac -nowarn -cp "$CACHE/libs/*" -d "$CACHE/classes" "$here/broker/BrokerSetup.java" >&2 ||
    die "javac failed on BrokerSetup.java"
  touch "$stamp"
}

free_ports() { # three free loopback ports: plaintext, sasl_ssl, controller
  /usr/bin/python3 -c '
import socket
ss = [socket.socket() for _ in range(3)]
for s in ss: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in ss))'
}

running_pid() {
  local pid
  [ -f "$BROKER_DIR/broker.pid" ] || return 1
  pid=$(cat "$BROKER_DIR/broker.pid")
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

tools_java() { # a short-lived JVM for format/setup: client compiler only, starts faster
  java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$here/broker/log4j2-tools.properties" \
    -cp "$CACHE/libs/*:$CACHE/classes" "$@"
}

make_tls() {
  local d=$BROKER_DIR/tls
  mkdir -p "$d"
  ( cd "$d"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Porthole test CA" \
      -keyout ca.key -out ca.pem -addext basicConstraints=critical,CA:TRUE \
      -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout broker.key -out broker.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > ext.cnf
    openssl x509 -req -in broker.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
      -extfile ext.cnf -out broker.pem 2>/dev/null
    openssl pkcs12 -export -in broker.pem -inkey broker.key -certfile ca.pem -name broker \
      -passout "pass:$KEYSTORE_PASSWORD" -out broker.p12
    # An unrelated CA: a client trusting only this one must fail TLS verification.
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Some other CA" \
      -keyout other-ca.key -out other-ca.pem -addext basicConstraints=critical,CA:TRUE 2>/dev/null
    rm -f broker.csr ext.cnf ca.srl ca.key other-ca.key )
}

launch() { # starts the JVM detached (own session, no inherited pipes: ctest must not wait on it).
  # The client compiler only (TieredStopAtLevel=1): on a busy 2-core machine it halves start-up
  # (measured 37-50 s -> 21-28 s) and a test broker needs no peak throughput.
  setsid java -Xms256m -Xmx768m -XX:+UseG1GC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$here/broker/log4j2-broker.properties" \
    -cp "$CACHE/libs/*" kafka.Kafka "$BROKER_DIR/server.properties" \
    </dev/null >>"$BROKER_DIR/broker.log" 2>&1 &
  echo $! >"$BROKER_DIR/broker.pid"
}

wait_ready() {
  # shellcheck disable=SC1091
  . "$BROKER_DIR/broker.env"
  local pid; pid=$(cat "$BROKER_DIR/broker.pid")
  if ! KAFKA_PASSWORD=$KAFKA_PASSWORD tools_java BrokerSetup "$KAFKA_BOOTSTRAP" \
      "$KAFKA_SASL_SSL_BOOTSTRAP" "$KAFKA_CA_FILE" "$KAFKA_USERNAME" "$KAFKA_ORG" \
      "$KAFKA_FORBIDDEN_TOPIC" "$START_TIMEOUT" >&2; then
    say "the broker did not become ready; last lines of $BROKER_DIR/broker.log:"
    tail -n 30 "$BROKER_DIR/broker.log" >&2 || true
    kill -0 "$pid" 2>/dev/null || say "(the broker process $pid has exited)"
    return 1
  fi
}

start() {
  fetch
  # A broker left over from an interrupted run in this folder is ours: replace it.
  if pid=$(running_pid) && [ -e "$BROKER_DIR/$MARKER" ]; then
    say "stopping the previous test broker in $BROKER_DIR (pid $pid)"
    stop_process
  fi
  local t0; t0=$(now_ms)
  [ -e "$BROKER_DIR" ] && [ ! -e "$BROKER_DIR/$MARKER" ] && [ -n "$(ls -A "$BROKER_DIR")" ] &&
    die "$BROKER_DIR exists and is not a test broker folder; choose another BROKER_DIR"
  rm -rf "$BROKER_DIR"
  mkdir -p "$BROKER_DIR/data" && chmod 700 "$BROKER_DIR" && touch "$BROKER_DIR/$MARKER"
  read -r plain sasl ctrl <<<"$(free_ports)"
  KEYSTORE_PASSWORD=$(openssl rand -hex 12)
  local user="${ORG}-user" password; password=$(openssl rand -hex 16)
  make_tls
  sed -e "s|@PLAINTEXT_PORT@|$plain|g; s|@SASL_SSL_PORT@|$sasl|g; s|@CONTROLLER_PORT@|$ctrl|g" \
      -e "s|@BROKER_DIR@|$BROKER_DIR|g; s|@KEYSTORE_PASSWORD@|$KEYSTORE_PASSWORD|g" \
      "$here/broker/server.properties.in" >"$BROKER_DIR/server.properties"
  cat >"$BROKER_DIR/broker.env" <<EOF
KAFKA_BOOTSTRAP=127.0.0.1:$plain
KAFKA_SASL_SSL_BOOTSTRAP=127.0.0.1:$sasl
KAFKA_CA_FILE=$BROKER_DIR/tls/ca.pem
KAFKA_OTHER_CA_FILE=$BROKER_DIR/tls/other-ca.pem
KAFKA_USERNAME=$user
KAFKA_PASSWORD=$password
KAFKA_ORG=$ORG
KAFKA_FORBIDDEN_TOPIC=org_SomeoneElse.runs
BROKER_DIR=$BROKER_DIR
EOF
  # Cluster id: 16 random bytes, URL-safe base64 without padding (what `random-uuid` prints).
  local cluster_id; cluster_id=$(openssl rand 16 | base64 | tr '+/' '-_' | tr -d '=')
  tools_java kafka.tools.StorageTool format -t "$cluster_id" -c "$BROKER_DIR/server.properties" \
    --add-scram "SCRAM-SHA-512=[name=$user,password=$password]" >"$BROKER_DIR/format.log" 2>&1 ||
    { cat "$BROKER_DIR/format.log" >&2; die "formatting the KRaft store failed"; }
  launch
  wait_ready || { stop_process; exit 1; }
  say "broker ready in $(( $(now_ms) - t0 )) ms (Kafka $KAFKA_VERSION, log: $BROKER_DIR/broker.log)"
  cat "$BROKER_DIR/broker.env"
}

stop_process() { # SIGTERM (clean shutdown), SIGKILL after 30 s
  local pid i
  pid=$(running_pid) || { rm -f "$BROKER_DIR/broker.pid"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "broker $pid ignored SIGTERM for 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$BROKER_DIR/broker.pid"
}

stop() {
  stop_process
  if [ -e "$BROKER_DIR/$MARKER" ]; then rm -rf "$BROKER_DIR"; fi
}

resume() {
  [ -e "$BROKER_DIR/$MARKER" ] || die "no halted broker in $BROKER_DIR (use start)"
  if pid=$(running_pid); then die "the broker is already running (pid $pid)"; fi
  fetch
  local t0; t0=$(now_ms)
  launch
  wait_ready || exit 1
  say "broker back in $(( $(now_ms) - t0 )) ms"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  halt) stop_process ;;
  resume) resume ;;
  restart) stop_process; resume ;;
  env) running_pid >/dev/null || die "no broker running in $BROKER_DIR"; cat "$BROKER_DIR/broker.env" ;;
  *) echo "usage: broker.sh fetch|start|stop|halt|resume|restart|env" >&2; exit 2 ;;
esac
