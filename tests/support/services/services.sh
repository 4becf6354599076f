#!/usr/bin/env bash
# Real Postgres, Redis and RabbitMQ for the real-adapter test suites, on this machine, without Docker.
#
#   services.sh start         start the three servers (installing Debian's packages if missing), wait until each
#                             answers, print `export DATABASE_URL=…` lines on stdout; they keep running
#   services.sh stop          stop them and delete their data
#   services.sh env           print the export lines of servers already running
#   services.sh run CMD ARGS  start them, run CMD with the URLs in its environment, stop them on exit (even on failure)
#
# Each server listens on loopback only, on a port that is not its default (so it never meets a server a developer
# already runs), and keeps its data in a throwaway directory. Ports and the directory can be changed with the
# variables below. Logs go to stderr; stdout carries only the export lines, so `eval "$(services.sh start)"` works.
set -euo pipefail

PG_PORT="${FIELD_GUIDE_PG_PORT:-55432}"
REDIS_PORT="${FIELD_GUIDE_REDIS_PORT:-56379}"
AMQP_PORT="${FIELD_GUIDE_AMQP_PORT:-55672}"
RABBIT_DIST_PORT="${FIELD_GUIDE_RABBIT_DIST_PORT:-55682}"
EPMD_PORT="${FIELD_GUIDE_EPMD_PORT:-55369}"
STATE_DIR="${FIELD_GUIDE_SERVICES_DIR:-${TMPDIR:-/tmp}/field-guide-services}"
RABBIT_NODE="field-guide@localhost"
PG_BIN="${FIELD_GUIDE_PG_BIN:-}"
# Seconds to wait for each server to answer before giving up (RabbitMQ's Erlang boot is the slow one).
READY_TIMEOUT="${FIELD_GUIDE_SERVICES_TIMEOUT:-90}"

DATABASE_URL="postgres://field_guide:field_guide@127.0.0.1:${PG_PORT}/field_guide"
REDIS_URL="redis://127.0.0.1:${REDIS_PORT}"
AMQP_URL="amqp://guest:guest@127.0.0.1:${AMQP_PORT}"

say() { printf 'services: %s\n' "$*" >&2; }
die() {
  say "ERROR: $*"
  exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Servers run as their Debian system user when we are root (initdb refuses root), as ourselves otherwise.
as_user() {
  local user="$1"
  shift
  if is_root; then runuser -u "$user" -- "$@"; else "$@"; fi
}

owned_by() {
  local user="$1"
  shift
  if is_root; then chown -R "$user:" "$@"; fi
}

# --- installing -----------------------------------------------------------------------------------------------------

find_pg_bin() {
  if [ -n "$PG_BIN" ]; then return 0; fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ]; then
      PG_BIN="$dir"
      return 0
    fi
  done
}

install_missing() {
  local missing=()
  find_pg_bin
  [ -n "$PG_BIN" ] || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  [ "${#missing[@]}" -eq 0 ] && return 0
  is_root || die "missing ${missing[*]}: run this script as root once, or: sudo apt-get install -y ${missing[*]}"
  say "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  # policy-rc.d exit 101 keeps the packages' own services (default ports, /var/lib data) from starting.
  local policy=/usr/sbin/policy-rc.d created_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ -n "$created_policy" ] && rm -f "$policy"
  find_pg_bin
  [ -n "$PG_BIN" ] || die "postgresql installed, but no initdb under /usr/lib/postgresql/*/bin"
}

# --- waiting --------------------------------------------------------------------------------------------------------

# Runs "$@" until it succeeds, up to READY_TIMEOUT seconds; on timeout prints the server's log and fails.
wait_until() {
  local name="$1" log="$2"
  shift 2
  local deadline=$((SECONDS + READY_TIMEOUT))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "$name did not answer within ${READY_TIMEOUT} s; the end of its log ($log):"
      tail -n 40 "$log" >&2 2>/dev/null || true
      die "$name failed to start"
    fi
    sleep 0.3
  done
}

pid_alive() { [ -f "$1" ] && kill -0 "$(head -n 1 "$1")" 2>/dev/null; }

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

refuse_taken_port() {
  if port_taken "$2"; then
    die "port $2 (for $1) is already in use by another program; set FIELD_GUIDE_${3}_PORT to a free port"
  fi
}

# --- Postgres -------------------------------------------------------------------------------------------------------

start_postgres() {
  local dir="$STATE_DIR/postgres"
  refuse_taken_port Postgres "$PG_PORT" PG
  mkdir -p "$dir"
  printf 'field_guide\n' >"$STATE_DIR/pg-password"
  owned_by postgres "$dir" "$STATE_DIR/pg-password"
  as_user postgres "$PG_BIN/initdb" -D "$dir/data" -U field_guide --pwfile="$STATE_DIR/pg-password" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    {
      tail -n 20 "$dir/initdb.log" >&2
      die "initdb failed"
    }
  # A throwaway database: durability settings off, which makes the tests' many small commits fast.
  as_user postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t "$READY_TIMEOUT" start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || {
    tail -n 40 "$dir/server.log" >&2
    die "Postgres failed to start"
  }
  wait_until Postgres "$dir/server.log" "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"
  PGPASSWORD=field_guide "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U field_guide field_guide
  say "Postgres ready on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
  local dir="$STATE_DIR/postgres"
  find_pg_bin
  if [ -f "$dir/data/postmaster.pid" ] && [ -n "$PG_BIN" ]; then
    as_user postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

# --- Redis ----------------------------------------------------------------------------------------------------------

start_redis() {
  local dir="$STATE_DIR/redis"
  refuse_taken_port Redis "$REDIS_PORT" REDIS
  mkdir -p "$dir"
  owned_by redis "$dir"
  # No persistence (no RDB snapshots, no AOF); bounded memory with LRU eviction, as a cache should run.
  as_user redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$dir" --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/server.log" --save "" --appendonly no \
    --maxmemory 64mb --maxmemory-policy allkeys-lru
  wait_until Redis "$dir/server.log" redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping
  say "Redis ready on 127.0.0.1:$REDIS_PORT"
}

stop_redis() {
  local dir="$STATE_DIR/redis"
  if pid_alive "$dir/redis.pid"; then
    stop_pid "$(head -n 1 "$dir/redis.pid")"
  fi
}

# --- RabbitMQ -------------------------------------------------------------------------------------------------------

# Everything RabbitMQ reads from its environment, pointing into the throwaway directory. Its own Erlang port mapper
# (epmd) on a port of its own, its own node name and distribution port bound to loopback (the CLI tools' too), no
# plugins (so no management UI).
rabbit_env() {
  local dir="$STATE_DIR/rabbitmq" loopback_dist="-kernel inet_dist_use_interface {127,0,0,1}"
  RABBIT_ENV=(
    HOME="$dir"
    RABBITMQ_NODENAME="$RABBIT_NODE" RABBITMQ_USE_LONGNAME=false
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$AMQP_PORT" RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT"
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="$loopback_dist" RABBITMQ_CTL_ERL_ARGS="$loopback_dist"
    RABBITMQ_CTL_DIST_PORT_MIN=$((RABBIT_DIST_PORT + 1)) RABBITMQ_CTL_DIST_PORT_MAX=$((RABBIT_DIST_PORT + 9))
    ERL_EPMD_PORT="$EPMD_PORT" ERL_EPMD_ADDRESS=127.0.0.1
    RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" RABBITMQ_CONFIG_FILE="$dir/rabbitmq"
    RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config" RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log"
  )
}

# Sends the AMQP 0-9-1 protocol header; a broker answers with a Connection.Start frame listing its capabilities.
amqp_answers() {
  local reply
  # shellcheck disable=SC2016 # expanded by the inner bash
  reply="$(timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"; printf "AMQP\0\0\11\1" >&3; head -c 64 <&3' _ "$AMQP_PORT" 2>/dev/null |
    tr -d '\0' || true)"
  [[ "$reply" == *capabilities* ]]
}

start_rabbitmq() {
  local dir="$STATE_DIR/rabbitmq"
  refuse_taken_port RabbitMQ "$AMQP_PORT" AMQP
  refuse_taken_port "RabbitMQ's distribution" "$RABBIT_DIST_PORT" RABBIT_DIST
  refuse_taken_port "RabbitMQ's epmd" "$EPMD_PORT" EPMD
  mkdir -p "$dir/mnesia" "$dir/log"
  : >"$dir/rabbitmq-env.conf"
  echo '[].' >"$dir/enabled_plugins"
  cat >"$dir/rabbitmq.conf" <<CONF
loopback_users.guest = true
log.console = false
log.file.level = info
# CI disks can be small; the default 50 MB free-space alarm is fine, but keep it explicit.
disk_free_limit.absolute = 50MB
CONF
  owned_by rabbitmq "$dir"
  # epmd in the foreground, backgrounded here, so we know its pid and can stop it (a -daemon one would outlive us).
  # shellcheck disable=SC2016 # $$ and $0 belong to the inner shell
  as_user rabbitmq setsid sh -c 'echo $$ >"$0"; exec epmd -port "$1" -address 127.0.0.1' \
    "$dir/epmd.pid" "$EPMD_PORT" >>"$dir/log/epmd.log" 2>&1 &
  rabbit_env
  # Its start script stays in front of the Erlang VM and turns SIGTERM into a graceful stop: that is the pid we keep.
  # shellcheck disable=SC2016
  as_user rabbitmq env "${RABBIT_ENV[@]}" setsid sh -c 'echo $$ >"$0"; exec /usr/lib/rabbitmq/bin/rabbitmq-server' \
    "$dir/rabbitmq.pid" >"$dir/log/server.out" 2>&1 &
}

wait_for_rabbitmq() {
  # RabbitMQ opens its AMQP listener last in its boot, so an AMQP handshake answering means it is ready
  # (and is much faster to check than rabbitmqctl, which boots an Erlang VM of its own per try).
  wait_until RabbitMQ "$STATE_DIR/rabbitmq/log/server.out" amqp_answers
  say "RabbitMQ ready on 127.0.0.1:$AMQP_PORT (node $RABBIT_NODE)"
}

stop_rabbitmq() {
  local dir="$STATE_DIR/rabbitmq"
    # The broker first (its start script stops the Erlang VM gracefully on SIGTERM), then its epmd.
  for pidfile in "$dir/rabbitmq.pid" "$dir/epmd.pid"; do
    if pid_alive "$pidfile"; then stop_pid "$(head -n 1 "$pidfile")"; fi
  done
}

# Sends SIGTERM to one process and waits up to 30 s for it to exit, then kills it.
stop_pid() {
  local pid="$1" deadline=$((SECONDS + 30))
  kill "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      kill -9 "$pid" 2>/dev/null || true
      return 0
    fi
    sleep 0.2
  done
}

# --- commands -------------------------------------------------------------------------------------------------------

print_env() {
  printf 'export DATABASE_URL=%q\nexport REDIS_URL=%q\nexport AMQP_URL=%q\n' "$DATABASE_URL" "$REDIS_URL" "$AMQP_URL"
}

# Started by us and all three still alive (a machine handed back after a crash may keep a stale directory).
running() {
  [ -f "$STATE_DIR/started" ] && pid_alive "$STATE_DIR/postgres/data/postmaster.pid" &&
    pid_alive "$STATE_DIR/redis/redis.pid" && pid_alive "$STATE_DIR/rabbitmq/rabbitmq.pid"
}

start() {
  if running; then
    say "already running (state in $STATE_DIR); 'services.sh stop' first for fresh data"
    print_env
    return 0
  fi
  install_missing
  if [ -d "$STATE_DIR" ]; then
    say "clearing what a previous start left in $STATE_DIR"
    stop_all
  fi
  mkdir -p "$STATE_DIR"
  chmod 755 "$STATE_DIR"
  local began=$SECONDS
  # If any server fails, stop the ones already started rather than leave them behind.
  trap stop_all EXIT
  # RabbitMQ's Erlang boot is the slow part: launch it first, and start the others while it boots.
  start_rabbitmq
  start_postgres
  start_redis
  wait_for_rabbitmq
  trap - EXIT
  touch "$STATE_DIR/started"
  say "all three up in $((SECONDS - began)) s; data in $STATE_DIR (deleted by 'services.sh stop')"
  print_env
}

stop_all() {
  # All three at once: RabbitMQ's graceful stop takes seconds, the others need not wait for it.
  stop_rabbitmq &
  stop_redis &
  stop_postgres &
  wait
  rm -rf "$STATE_DIR"
}

stop() {
  if [ ! -d "$STATE_DIR" ]; then
    say "nothing running ($STATE_DIR does not exist)"
    return 0
  fi
  stop_all
  say "stopped; $STATE_DIR deleted"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env)
    running || die "not running: 'services.sh start' first"
    print_env
    ;;
  run)
    shift
    [ "$#" -gt 0 ] || die "usage: services.sh run COMMAND [ARGS...]"
    trap stop EXIT
    exports="$(start)"
    eval "$exports"
    "$@"
    ;;
  *)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
