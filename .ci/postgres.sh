#!/usr/bin/env bash
# Install and start the local PostgreSQL cluster used by the central server tests (tests/central).
# Idempotent: safe to run again where it already ran. Needs root (CI runs as root). The tests create
# their own role and one database per test over TCP 127.0.0.1:5432.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd /

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    apt-get update -qq
    # policy-rc.d may forbid starting services in containers; the cluster is started below.
    apt-get install -y -qq postgresql >/dev/null
fi

# Start every cluster that is down (Debian creates "<version> main" on install).
pg_lsclusters -h | while read -r version name _port status _rest; do
    if [ "$status" != "online" ]; then
        pg_ctlcluster "$version" "$name" start
    fi
done

# Wait until the server accepts connections.
for _ in $(seq 1 60); do
    if su postgres -c "psql -qAt -c 'SELECT 1'" >/dev/null 2>&1; then
        echo "PostgreSQL is running: $(su postgres -c "psql -qAt -c 'SHOW server_version'")"
        exit 0
    fi
    sleep 0.5
done
echo "PostgreSQL did not start; see /var/log/postgresql/" >&2
exit 1
