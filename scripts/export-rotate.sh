#!/bin/sh
# The nightly export (README, "I drift"; run by docs/drift/omradesansvar-export.timer):
# `npm run db:export` into a dated file in EXPORT_DIR, then keeps the newest EXPORT_KEEP of them.
#
#   EXPORT_DIR   where the files go (default ./data/export, relative to the checkout)
#   EXPORT_KEEP  how many dated files to keep (default 14: two weeks of nights)
#   DATABASE_URL / PGLITE_DIR  the database, as for the server (same environment file)
#
# The embedded database (no DATABASE_URL) is held by the running server: stop it first (the
# timer's service does). A file is written under a hidden name, synced, and only then renamed
# to omradesansvar-<UTC time>.ndjson.gz, so a cut-off export never counts as one of the kept
# files. Exports hold every person's contact details and password hashes: they are made
# readable by their owner only; copy them off the machine.
set -eu

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export_dir="${EXPORT_DIR:-./data/export}"
keep="${EXPORT_KEEP:-14}"

case "$keep" in
  '' | *[!0-9]* | 0)
    echo "EXPORT_KEEP måste vara ett heltal större än 0 / must be a whole number above 0 (now: '$keep')" >&2
    exit 2
    ;;
esac

# db:export opens (and would create) the folder it is pointed at: a wrong PGLITE_DIR must not
# produce a nightly export of a new, empty database.
if [ -z "${DATABASE_URL:-}" ]; then
  data_dir="${PGLITE_DIR:-./data/pglite}"
  if [ ! -f "$data_dir/PG_VERSION" ]; then
    echo "Databasmappen $data_dir finns inte eller är ingen databas; inget exporterat. /" >&2
    echo "The database folder $data_dir does not exist or holds no database; nothing exported." >&2
    exit 1
  fi
fi

umask 077
mkdir -p "$export_dir"
stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
name="omradesansvar-$stamp.ndjson.gz"
partial="$export_dir/.$name"
trap 'rm -f "$partial"' EXIT

npm run --silent db:export -- "$partial"
sync "$partial"
mv "$partial" "$export_dir/$name"
sync "$export_dir"
echo "Export: $export_dir/$name"

# The newest $keep completed exports stay (the UTC time in the name sorts them); older ones go.
ls -1 "$export_dir" |
  grep -E '^omradesansvar-[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{6}Z\.ndjson\.gz$' |
  sort -r |
  tail -n "+$((keep + 1))" |
  while IFS= read -r old; do
    rm -f -- "$export_dir/$old"
    echo "Borttagen / removed: $export_dir/$old"
  done
