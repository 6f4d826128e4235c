#!/usr/bin/env bash
# SQL injection scan of the production build with sqlmap (Debian: apt-get install -y sqlmap).
#
# Expects `npm run build` to have been run; builds nothing itself. It copies build/ (under a shared
# lock on /tmp/e2e.lock, so a parallel build cannot change it mid-copy), creates a scratch PostgreSQL
# database on $SQLMAP_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), starts
# `NODE_ENV=production node server.js` on it (the server migrates it and loads the demo network with
# DEMO_PASSWORD), waits for /healthz and runs sqlmap in batch mode against:
#   1. the sign-in form, POST /logga-in (email, password, redirectTo), anonymous;
#   2. the directory search, GET /katalog?q=…, signed in as the demo partner editor (no second factor).
# Then it prints one line per target and exits 1 when sqlmap reported an injectable parameter,
# 2 when a scan could not run to the end, 0 otherwise. It always stops the server and drops the
# database; sqlmap's output stays in the temp folder it names.
#
# Login throttling locks an account after 5 failures and an IP after 50. The server runs with
# TRUST_PROXY=loopback and sqlmap with --tamper=xforwardedfor (a random X-Forwarded-For per request),
# so the IP lock does not turn every later answer into the same 429. The account lock still applies to
# the unchanged e-mail while password and redirectTo are tested (neither of which reaches SQL).
#
# Knobs: SQLMAP_LEVEL (3), SQLMAP_RISK (2), SQLMAP_TIME_SEC (2, time-based delay), SQLMAP_PORT.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
admin_url="${SQLMAP_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
level="${SQLMAP_LEVEL:-3}"
risk="${SQLMAP_RISK:-2}"
time_sec="${SQLMAP_TIME_SEC:-2}"
demo_password="sqlmap-demo-lösenord-$RANDOM"
partner_email="per.holm@example.org"

command -v sqlmap >/dev/null || { echo "sqlmap is not installed (apt-get install -y sqlmap)" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql is not installed" >&2; exit 2; }
[ -f "$root/build/server/index.js" ] || { echo "build/server/index.js is missing: run npm run build first" >&2; exit 2; }

work="$(mktemp -d /tmp/sqlmap-portal.XXXXXX)"
app="$work/app"
out="$work/out"
mkdir -p "$app" "$out"
database="sqlmap_$$_$RANDOM"
database_url="${admin_url%/*}/$database"
port="${SQLMAP_PORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
base="http://127.0.0.1:$port"
server_pid=""

cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  psql -q "$admin_url" -c "drop database if exists \"$database\" with (force)" >/dev/null 2>&1 || true
  rm -rf "$app"
}
trap cleanup EXIT

flock -s /tmp/e2e.lock cp -r "$root/build" "$app/build"
cp -r "$root/server.js" "$root/package.json" "$root/drizzle" "$app/"
ln -s "$root/node_modules" "$app/node_modules"
psql -q "$admin_url" -c "create database \"$database\"" >/dev/null

(
  cd "$app"
  exec env -u PGLITE_DIR -u SMTP_URL -u PUBLIC_URL -u COOKIE_SECURE -u SEED_DEMO -u MAX_BODY_BYTES \
    NODE_ENV=production HOST=127.0.0.1 PORT="$port" PUBLIC_URL="http://127.0.0.1:$port" SEED_DEMO=true DATABASE_URL="$database_url" \
    DEMO_PASSWORD="$demo_password" LOG_LEVEL=warn TRUST_PROXY=loopback node server.js
) >"$work/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { echo "the server stopped:" >&2; cat "$work/server.log" >&2; exit 2; }
  sleep 1
done
curl -fsS -o /dev/null "$base/healthz" || { echo "no /healthz after 120 s" >&2; exit 2; }

# The partner editor's session, before any failed sign-in can lock anything.
jar="$work/cookies.txt"
curl -sS -o /dev/null -c "$jar" -H "Origin: $base" \
  --data-urlencode "email=$partner_email" --data-urlencode "password=$demo_password" --data-urlencode "redirectTo=/" \
  "$base/logga-in"
session="$(awk '$6 == "session" { print $7 }' "$jar")"
[ -n "$session" ] || { echo "signing in as $partner_email gave no session cookie" >&2; exit 2; }
directory_status="$(curl -sS -o /dev/null -w '%{http_code}' -b "session=$session" "$base/katalog?q=vargarda")"
[ "$directory_status" = 200 ] || { echo "GET /katalog as $partner_email answered $directory_status, not 200" >&2; exit 2; }

common=(--batch --level="$level" --risk="$risk" --time-sec="$time_sec" --dbms=PostgreSQL --output-dir="$out"
  --disable-coloring --flush-session)

scan() {
  local name="$1"
  shift
  local started=$SECONDS
  TERM=dumb sqlmap "${common[@]}" "$@" </dev/null >"$out/$name.log" 2>&1 || true
  local seconds=$((SECONDS - started))
  if grep -q "identified the following injection point" "$out/$name.log"; then
    echo "$name: INJECTABLE ($(grep -Eo "Parameter: [^ ]+ \([^)]*\)" "$out/$name.log" | sort -u | paste -sd, -)) in ${seconds}s"
    return 1
  elif grep -q "do not appear to be injectable" "$out/$name.log"; then
    echo "$name: no injectable parameter found (${seconds}s)"
  else
    echo "$name: scan did not finish: $(grep -E "\[(CRITICAL|ERROR)\]" "$out/$name.log" | tail -1) (${seconds}s)"
    return 2
  fi
}

status=0
scan login -u "$base/logga-in" --method=POST \
  --data="email=sqlmap-probe%40example.org&password=fel-l%C3%B6senord&redirectTo=%2F" \
  -p "email,password,redirectTo" --headers="Origin: $base" --tamper=xforwardedfor || status=$(( $? > status ? $? : status ))
scan directory -u "$base/katalog?q=vargarda" -p q --cookie="session=$session" \
  || status=$(( $? > status ? $? : status ))

echo "sqlmap output: $out (server log: $work/server.log)"
# Injectable (1) wins over unfinished (2).
if grep -q "identified the following injection point" "$out"/*.log; then exit 1; fi
exit "$status"
