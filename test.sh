#!/usr/bin/env bash
# Runs every test: domain tests on PostgreSQL, component and HTTP tests, browser tests in Chromium.
# The run gets its own private PostgreSQL cluster (stopped and deleted at the end) and each test
# class its own database in it. Exits non-zero if anything fails.
#
#   ./test.sh                 everything
#   ./test.sh --filter Name   passed to dotnet test (e.g. --filter FullyQualifiedName~Clients)
set -euo pipefail
cd "$(dirname "$0")"
source build/postgres.sh

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Chromium for the browser tests..."
    apt_install chromium || { echo "apt-get could not install chromium." >&2; exit 1; }
  else
    echo "The browser tests need Chromium: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi

pg_find_binaries
run_dir="$(mktemp -d "${TMPDIR:-/tmp}/charitycms-test.XXXXXX")"
chmod 755 "$run_dir"
cleanup() {
  pg_stop "$run_dir/pg"
  rm -rf "$(readlink -f "$run_dir/pg")" "$run_dir"
}
trap cleanup EXIT

# Test databases are thrown away: durability buys nothing here and costs minutes.
PG_FSYNC=off
pg_init "$run_dir/pg"
# A port can be taken between the check and the start: try a few.
for attempt in 1 2 3 4 5; do
  port="$(pg_free_port)"
  pg_start "$run_dir/pg" "$port" && break
  [ "$attempt" -lt 5 ] || exit 1
  echo "Trying another port..."
done
export CHARITYCMS_TEST_POSTGRES="$(pg_connection "$run_dir/pg" "$port")"
echo "Test PostgreSQL running on 127.0.0.1:$port"

dotnet test CharityCMS.sln --logger "console;verbosity=normal" "$@"
