#!/usr/bin/env bash
# Starts CharityCMS with a demo on a private PostgreSQL kept in .data/ (created on first run).
#
#   ./run.sh                  app on http://localhost:5000, PostgreSQL on 127.0.0.1:55432
#   ./run.sh --port 8080      another port for the app
#   ./run.sh --pg-port 55500  another port for PostgreSQL
#
# The first run seeds two fictional charities; later runs keep the data and seed nothing twice.
# Ctrl-C stops the app, then PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"

port=5000
pg_port=55432
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="${2:?--port needs a number}"; shift 2 ;;
    --pg-port) pg_port="${2:?--pg-port needs a number}"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "Unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
done
for value in "$port" "$pg_port"; do
  [[ "$value" =~ ^[0-9]+$ ]] && [ "$value" -ge 1024 ] && [ "$value" -le 65535 ] || {
    echo "Ports must be numbers from 1024 to 65535 (got '$value')." >&2; exit 2; }
done

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 1; }
source build/postgres.sh
pg_find_binaries

data=".data/pg"
echo "Building..."
dotnet build src/CharityCMS.Web -c Debug -nologo -v:quiet

pg_init "$data"
pg_start "$data" "$pg_port"
app_pid=""
stop() {
  trap - INT TERM EXIT
  # SIGTERM, not SIGINT: a background job of a script ignores SIGINT, and the app shuts down
  # gracefully on SIGTERM (finishing requests and jobs) before PostgreSQL is stopped.
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  pg_stop "$data"
  echo "Stopped the app and PostgreSQL. Your data is kept in .data/."
}
trap stop INT TERM EXIT
pg_ensure_database "$data" "$pg_port" charitycms
echo "PostgreSQL is running on 127.0.0.1:$pg_port (data in $data)."

export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://localhost:$port"
export ConnectionStrings__CharityCMS="$(pg_connection "$data" "$pg_port" charitycms)"
export Storage__SeedDemo=true
echo "Starting the app (the first run also seeds the demo, which takes a little while)..."
# The built app itself (not `dotnet run`, which would stand between this script and the app's signals).
(cd src/CharityCMS.Web && exec dotnet bin/Debug/net10.0/CharityCMS.Web.dll) &
app_pid=$!

# The readiness endpoint's HTTP status, with bash alone (curl may not be installed).
ready_status() {
  ( exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 0
    printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
    head -n 1 <&3 | cut -d' ' -f2 ) 2>/dev/null || true
}

for _ in $(seq 1 240); do
  if ! kill -0 "$app_pid" 2>/dev/null; then echo "The app stopped during start-up; see the messages above." >&2; exit 1; fi
  if [ "$(ready_status)" = "200" ]; then
    cat <<MSG

  CharityCMS is running: http://localhost:$port

  Sign in: open the address above and choose a demo person, for example
    Hannah Price  - caseworker at Riverside Women's Aid
    Grace Okoro   - manager at Riverside Women's Aid
    Priya Shah    - member of both charities (switch from the top bar)
    Sam Taylor    - platform operator (workspaces, background jobs at /jobs)
  Every person and client in the demo is fictional.

  Press Ctrl-C to stop.
MSG
    break
  fi
  sleep 0.5
done

wait "$app_pid"
