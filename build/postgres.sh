# Private PostgreSQL clusters for ./run.sh and ./test.sh. Source this file; it defines functions only.
#
# A cluster lives in one folder, listens on 127.0.0.1 only (no Unix socket), and has one
# superuser `postgres` whose password is kept beside the data in `password` (mode 600).
# The Debian binaries refuse to run as root, so as root they run as the `postgres` user.

# apt_install PACKAGE...: installs Debian packages, refreshing the package lists first when they
# are empty or stale (a fresh machine has none).
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$@" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
}

pg_find_binaries() {
  PG_BIN=""
  for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then PG_BIN="$candidate"; break; fi
  done
  if [ -z "$PG_BIN" ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
      echo "PostgreSQL is not installed: installing the Debian package 'postgresql'..." >&2
      apt_install postgresql || { echo "apt-get could not install postgresql." >&2; return 1; }
      pg_find_binaries
      return $?
    fi
    cat >&2 <<'MSG'
PostgreSQL server binaries were not found (looked in /usr/lib/postgresql/*/bin).
Install them, then run this again:
    sudo apt-get install -y postgresql
MSG
    return 1
  fi
  # psql comes with the server package; createdb below needs it.
  PG_PSQL="$PG_BIN/psql"
  [ -x "$PG_PSQL" ] || PG_PSQL="$(command -v psql)"
}

# Runs a PostgreSQL binary as the cluster owner.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# A folder the cluster owner can reach. As root, a repository under a private home folder
# (such as /root) is out of reach of the postgres user: the data then lives under
# /var/lib/charitycms and the requested path becomes a link to it.
pg_prepare_folder() {
  local dir
  dir="$(realpath -m "$1")"
  if [ "$(id -u)" -ne 0 ]; then mkdir -p "$dir"; return 0; fi
  if [ -L "$dir" ]; then return 0; fi
  mkdir -p "$(dirname "$dir")"
  if (cd / && runuser -u postgres -- test -x "$(dirname "$dir")"); then
    install -d -o postgres -g postgres -m 700 "$dir"
  else
    local hidden="/var/lib/charitycms/$(printf '%s' "$dir" | sha256sum | cut -c1-16)"
    install -d -o postgres -g postgres -m 700 "$hidden"
    ln -sfn "$hidden" "$dir"
    echo "Note: the postgres user cannot reach $(dirname "$dir"); the data is kept in $hidden (linked from $dir)." >&2
  fi
}

# pg_init DIR: creates a cluster in DIR/cluster unless one is there. Prints nothing on success.
pg_init() {
  local dir="$1"
  pg_prepare_folder "$dir"
  dir="$(readlink -f "$dir")"
  [ -f "$dir/cluster/PG_VERSION" ] && return 0
  local password
  password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
  local pwfile="$dir/password"
  printf '%s\n' "$password" > "$pwfile"
  chmod 600 "$pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pwfile"
  pg_as_owner "$PG_BIN/initdb" -D "$dir/cluster" -U postgres --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2; echo "initdb failed (log above)." >&2; return 1; }
}

pg_password() { tr -d '\n' < "$1/password"; }

# pg_start DIR PORT: starts the cluster in DIR on 127.0.0.1:PORT and waits until it accepts connections.
pg_start() {
  local dir port="$2"
  dir="$(readlink -f "$1")"
  if pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/cluster" status >/dev/null 2>&1; then
    echo "PostgreSQL in $dir is already running; stop it first (or use another --pg-port)." >&2
    return 1
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is already in use; choose another with --pg-port." >&2
    return 1
  fi
  # A session of its own: Ctrl-C in the terminal reaches the app, which then stops PostgreSQL in order.
  pg_as_owner setsid -w "$PG_BIN/pg_ctl" -D "$dir/cluster" -l "$dir/postgres.log" -w -t 60 \
    -o "-p $port -k '' -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${PG_FSYNC:-on}" start >/dev/null || {
      tail -n 20 "$dir/postgres.log" >&2; echo "PostgreSQL did not start (log above)." >&2; return 1; }
}

pg_stop() {
  local dir
  dir="$(readlink -f "$1")"
  pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/cluster" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_connection DIR PORT [DATABASE]: an Npgsql connection string.
pg_connection() {
  local dir="$1" port="$2" db="${3:-postgres}"
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=postgres;Password=%s' "$port" "$db" "$(pg_password "$dir")"
}

# pg_ensure_database DIR PORT NAME
pg_ensure_database() {
  local dir="$1" port="$2" db="$3"
  local exists
  exists="$(PGPASSWORD="$(pg_password "$dir")" "$PG_PSQL" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
    "select 1 from pg_database where datname = '$db'")" || return 1
  [ "$exists" = "1" ] || PGPASSWORD="$(pg_password "$dir")" "$PG_PSQL" -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -qc "create database \"$db\"" || return 1
}

# A free TCP port on 127.0.0.1, picked at random from the dynamic range.
pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    # Below Linux's ephemeral range (32768 and up), where outgoing connections take their local ports.
    port=$(( 20000 + RANDOM % 12000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "No free port found." >&2
  return 1
}
