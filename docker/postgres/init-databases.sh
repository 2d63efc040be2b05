#!/bin/sh
# Runs once, on the first start of an empty data volume (postgres image: /docker-entrypoint-initdb.d).
# One database per owning service, owned by POSTGRES_USER. Keep in line with *_DATABASE_URL.
set -eu
for db in ${BONFIRE_DATABASES:-bonfire_auth bonfire_chat bonfire_file}; do
  echo "creating database ${db}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -c "CREATE DATABASE \"${db}\" OWNER \"${POSTGRES_USER}\""
done
