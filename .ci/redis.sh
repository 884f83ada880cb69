#!/usr/bin/env bash
# Make sure a Redis answers on 127.0.0.1:6379, then run the command given (if any) with
# DJANGO_CACHE_URL pointing at a Redis database of its own.
#
#   bash .ci/redis.sh                               only make sure Redis runs
#   bash .ci/redis.sh .venv/bin/python -m pytest    the suite with Redis as the shared store
#
# A Redis that already answers is used as it is and never stopped: others may use it. If none
# answers, redis-server is installed from Debian's packages when missing (root, or sudo
# without a password) and started in the background, bound to loopback, without persistence.
# The test suite flushes its database (FRIVILLIG_REDIS_DB, default 13) test by test: give it
# one that nothing else uses. FRIVILLIG_REDIS_PORT (6379) and FRIVILLIG_REDIS_WAIT (30 s)
# can be changed too.
set -euo pipefail

note() { echo "redis.sh: $*" >&2; }
die() {
    note "$*"
    exit 1
}

HOST=127.0.0.1
PORT="${FRIVILLIG_REDIS_PORT:-6379}"
DB="${FRIVILLIG_REDIS_DB:-13}"
WAIT="${FRIVILLIG_REDIS_WAIT:-30}"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "FRIVILLIG_REDIS_PORT must be a number"
[[ "$DB" =~ ^[0-9]+$ ]] || die "FRIVILLIG_REDIS_DB must be a number"
[[ "$WAIT" =~ ^[0-9]+$ ]] || die "FRIVILLIG_REDIS_WAIT must be a number"

ready() {
    # PING over bash's /dev/tcp: redis-cli (redis-tools) need not be installed.
    local reply=""
    { exec 3<>"/dev/tcp/${HOST}/${PORT}"; } 2>/dev/null || return 1
    printf 'PING\r\n' >&3
    read -r -t 2 reply <&3 || true
    exec 3>&- 3<&-
    [[ "$reply" == "+PONG"* ]]
}

as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        die "nothing answers on ${HOST}:${PORT} and installing redis-server needs root: apt-get install redis-server"
    fi
}

start_redis() {
    local server
    server="$(command -v redis-server || echo /usr/bin/redis-server)"
    local args=(--daemonize yes --bind 127.0.0.1 -::1 --port "$PORT" --save "" --appendonly no)
    if [[ "$(id -u)" -eq 0 ]] && id redis >/dev/null 2>&1 && [[ -d /var/lib/redis && -d /var/log/redis ]]; then
        # As the package's own user, in the package's own directories.
        (cd / && runuser -u redis -- "$server" "${args[@]}" \
            --dir /var/lib/redis --logfile "/var/log/redis/ci-${PORT}.log")
    else
        local dir="${TMPDIR:-/tmp}/frivillig-redis-${PORT}"
        mkdir -p "$dir"
        "$server" "${args[@]}" --dir "$dir" --logfile "$dir/redis.log"
    fi
}

if ! ready; then
    if ! command -v redis-server >/dev/null 2>&1 && [[ ! -x /usr/bin/redis-server ]]; then
        note "redis-server is missing; installing it from Debian's packages."
        as_root timeout 600 apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive timeout 600 \
            apt-get install -y -qq redis-server </dev/null
    fi
    # Installing may have started the package's own service.
    if ! ready; then
        note "nothing answers on ${HOST}:${PORT}; starting redis-server."
        start_redis || die "redis-server did not start."
        for ((i = 0; i < WAIT * 5; i++)); do
            ready && break
            sleep 0.2
        done
        ready || die "redis-server did not answer on ${HOST}:${PORT} within ${WAIT}s."
    fi
    note "Redis is ready on ${HOST}:${PORT}."
fi

if [[ $# -gt 0 ]]; then
    export DJANGO_CACHE_URL="redis://${HOST}:${PORT}/${DB}"
    note "DJANGO_CACHE_URL=${DJANGO_CACHE_URL}"
    exec "$@"
fi
