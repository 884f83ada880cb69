#!/usr/bin/env bash
# Run a command against a local PostgreSQL that this script makes ready.
#
#   bash .ci/postgres.sh CMD [ARGS...]      e.g. bash .ci/postgres.sh .venv/bin/python -m pytest
#
# - DATABASE_URL already set: nothing is touched, CMD runs with it.
# - Otherwise: start the local cluster if nothing answers on 127.0.0.1:PORT (it is never
#   stopped: others may use it), create or update our own role (LOGIN, CREATEDB, password)
#   and database through `runuser -u postgres -- psql` (peer auth on the socket), then run CMD
#   with DATABASE_URL=postgres://ROLE:PASSWORD@127.0.0.1:PORT/DB (works with trust or scram
#   password auth on 127.0.0.1).
#
# Environment overrides:
#   FRIVILLIG_PG_ROLE      (default frivillig_ci)
#   FRIVILLIG_PG_PASSWORD  (default frivillig-ci-local; letters, digits, - . _ ~ only)
#   FRIVILLIG_PG_DB        (default frivillig_ci; the test runner uses test_<DB>)
#   FRIVILLIG_PG_PORT      (default 5432)
#   FRIVILLIG_PG_VERSION / FRIVILLIG_PG_CLUSTER  (default: the cluster on PORT, else the
#                          newest version in /etc/postgresql and "main")
#   FRIVILLIG_PG_WAIT      seconds to wait for a started cluster (default 30)
set -euo pipefail

die() {
    echo "postgres.sh: $*" >&2
    exit 1
}
note() { echo "postgres.sh: $*" >&2; }

[[ $# -gt 0 ]] || die "usage: bash .ci/postgres.sh CMD [ARGS...]"

if [[ -n "${DATABASE_URL:-}" ]]; then
    note "DATABASE_URL is already set; using it as is."
    exec "$@"
fi

ROLE="${FRIVILLIG_PG_ROLE:-frivillig_ci}"
PASSWORD="${FRIVILLIG_PG_PASSWORD:-frivillig-ci-local}"
DB="${FRIVILLIG_PG_DB:-frivillig_ci}"
HOST=127.0.0.1
PORT="${FRIVILLIG_PG_PORT:-5432}"
WAIT="${FRIVILLIG_PG_WAIT:-30}"

# The password goes into a URL unescaped, so keep it to URL-safe characters.
[[ "$PASSWORD" =~ ^[A-Za-z0-9._~-]+$ ]] ||
    die "FRIVILLIG_PG_PASSWORD may only contain letters, digits and - . _ ~"
[[ "$ROLE" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "FRIVILLIG_PG_ROLE must be a plain identifier"
[[ "$DB" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "FRIVILLIG_PG_DB must be a plain identifier"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "FRIVILLIG_PG_PORT must be a number"

URL="postgres://${ROLE}:${PASSWORD}@${HOST}:${PORT}/${DB}"

how_to_set() {
    cat >&2 <<EOF
postgres.sh: to run against PostgreSQL without this set-up, point DATABASE_URL at a database
whose owner may create databases (the test runner creates test_<name>), for example:
    DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:${PORT}/DBNAME bash .ci/postgres.sh $*
or let a PostgreSQL superuser create the role and database once:
    sudo -u postgres psql -p ${PORT} -c "CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}'"
    sudo -u postgres createdb -p ${PORT} -O ${ROLE} ${DB}
and run this script again (it then connects as ${ROLE} without needing root).
EOF
}

ready() { pg_isready -q -h "$HOST" -p "$PORT" >/dev/null 2>&1; }

command -v pg_isready >/dev/null 2>&1 ||
    die "pg_isready not found: install PostgreSQL 15 (apt-get install postgresql) or set DATABASE_URL."

# 1. Make sure a server answers on 127.0.0.1:PORT.
if ! ready; then
    version="${FRIVILLIG_PG_VERSION:-}"
    cluster="${FRIVILLIG_PG_CLUSTER:-}"
    if [[ -z "$version" || -z "$cluster" ]] && command -v pg_lsclusters >/dev/null 2>&1; then
        # Columns: version cluster port status owner datadir logfile
        read -r found_version found_cluster _ < <(
            pg_lsclusters -h 2>/dev/null | awk -v p="$PORT" '$3 == p { print $1, $2; exit }'
        ) || true
        version="${version:-${found_version:-}}"
        cluster="${cluster:-${found_cluster:-}}"
    fi
    if [[ -z "$version" ]]; then
        version="$(ls /etc/postgresql 2>/dev/null | grep -E '^[0-9]+$' | sort -n | tail -n 1 || true)"
    fi
    cluster="${cluster:-main}"
    [[ -n "$version" ]] ||
        die "no PostgreSQL answers on ${HOST}:${PORT} and none is installed under /etc/postgresql."
    note "nothing answers on ${HOST}:${PORT}; starting cluster ${version}/${cluster}."
    if ! pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start; then
        # It may already be running but not listening where we look.
        ready || {
            how_to_set "$@"
            die "could not start PostgreSQL ${version}/${cluster} (pg_ctlcluster needs root or the postgres user)."
        }
    fi
    for ((i = 0; i < WAIT; i++)); do
        ready && break
        sleep 1
    done
    ready || die "PostgreSQL ${version}/${cluster} did not accept connections on ${HOST}:${PORT} within ${WAIT}s."
    note "PostgreSQL is ready on ${HOST}:${PORT}."
fi

# 2. Our own role and database. If they already work (e.g. set up once by an administrator),
#    no superuser access is needed.
can_connect() {
    command -v psql >/dev/null 2>&1 &&
        psql -X -q -w -d "$URL" -tAc 'SELECT 1' >/dev/null 2>&1
}

as_postgres() {
    # Run from / so that psql does not complain about an unreadable working directory.
    (cd / && runuser -u postgres -- "$@")
}

if [[ "$(id -u)" -eq 0 ]] && command -v runuser >/dev/null 2>&1 && id postgres >/dev/null 2>&1; then
    # Idempotent: create the role if missing, then (re)set its password and rights; create the
    # database if missing. psql variables are quoted with :'name', so nothing is spliced raw.
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres \
        -v role="$ROLE" -v password="$PASSWORD" >/dev/null <<'SQL' ||
SELECT format('CREATE ROLE %I', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'role', :'password') \gexec
SQL
        die "could not create or update role ${ROLE} through 'runuser -u postgres -- psql'."
    exists="$(as_postgres psql -X -q -tA -v ON_ERROR_STOP=1 -p "$PORT" -d postgres \
        -v db="$DB" <<<"SELECT count(*) FROM pg_database WHERE datname = :'db';")" ||
        die "could not query databases through 'runuser -u postgres -- psql'."
    if [[ "$exists" != "1" ]]; then
        as_postgres createdb -p "$PORT" -O "$ROLE" "$DB" ||
            die "could not create database ${DB} owned by ${ROLE}."
        note "created database ${DB} owned by ${ROLE}."
    fi
elif ! can_connect; then
    how_to_set "$@"
    die "not root (or no runuser/postgres user), and ${ROLE}@${HOST}:${PORT}/${DB} does not accept the configured password."
fi

can_connect || {
    how_to_set "$@"
    die "role ${ROLE} cannot connect to ${HOST}:${PORT}/${DB} with the configured password (check pg_hba.conf)."
}

export DATABASE_URL="$URL"
note "DATABASE_URL=postgres://${ROLE}:***@${HOST}:${PORT}/${DB}"
exec "$@"
