#!/usr/bin/env bash
# The Docker stage of CI, in one command:
#   engine up → build every service image → compose up (docker/compose.host-infra.yml, against the local
#   servers) → wait until healthy → smoke test → compose down → engine stopped by its pid.
#
#   bash tools/docker/ci.sh
#
# Needs root, Go (once, for the engine's plugins), Node 24 with `npm ci` done, and the local servers running
# (`npm run infra:up`). Prints a timing table; exits non-zero when any step fails (the services' logs are
# printed then). Everything it builds stays cached for the next run (see setup-engine.sh); the images are
# tagged bonfire/<service>:ci and never pushed. Settings (environment):
#   BONFIRE_DOCKER_KEEP=1     leave the stack and the engine running at the end (to look around)
#   BONFIRE_HTTP_PORT …       the host ports of docker/compose.host-infra.yml (defaults 18080–18087, 19080, 17070)
#   BONFIRE_DOCKER_SERVICES   which images to build (default: all seven)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=../node/use-node24.sh
source tools/node/use-node24.sh >/dev/null

started=$SECONDS
for port in ${BONFIRE_POSTGRES_PORT:-5432} ${BONFIRE_REDIS_PORT:-6379} ${BONFIRE_KAFKA_PORT:-9092} ${BONFIRE_ELASTICSEARCH_PORT:-9200}; do
  node docker/init/host-server.mjs --check "$port" || {
    echo "✗ nothing answers on 127.0.0.1:$port: start the local servers first (npm run infra:up)"
    exit 1
  }
done
# The postgres stand-in prepares the stack's role and databases through the infra cluster's unix socket.
export BONFIRE_INFRA_DATA_DIR=${BONFIRE_INFRA_DATA_DIR:-$root/.data}
[ -S "$BONFIRE_INFRA_DATA_DIR/postgres/.s.PGSQL.${BONFIRE_POSTGRES_PORT:-5432}" ] || {
  echo "✗ no Postgres socket in $BONFIRE_INFRA_DATA_DIR/postgres: set BONFIRE_INFRA_DATA_DIR to infra's data folder"
  exit 1
}
services=(${BONFIRE_DOCKER_SERVICES:-gateway auth chat presence file search voice})
tag=ci
timings=()
logs=$(mktemp -d /tmp/bonfire-docker-ci.XXXXXX)
step() { printf '\n::: docker: %s (%ss)\n' "$*" "$((SECONDS - started))"; }
record() { timings+=("$(printf '%-34s %6s s  %s' "$1" "$2" "${3:-}")"); }

step "engine (tools/docker/setup-engine.sh setup)"
t0=$SECONDS
engine_was_running=0
bash tools/docker/setup-engine.sh status | grep -q '^dockerd: running' && engine_was_running=1
bash tools/docker/setup-engine.sh setup
eval "$(bash tools/docker/setup-engine.sh env)"
record "engine + base images" $((SECONDS - t0))

# Secrets for this run only (the stack runs with NODE_ENV=production: compose and the services refuse
# missing, shipped or short ones). 0600, removed at the end.
env_file=$logs/compose.env
umask 077
{
  for name in POSTGRES_PASSWORD S3_SECRET_ACCESS_KEY INTERNAL_IDENTITY_SECRET AUTH_KEY_ENCRYPTION_SECRET VOICE_TOKEN_SECRET; do
    echo "$name=$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('hex'))")"
  done
  echo "S3_ACCESS_KEY_ID=bonfire-compose-$(node -e "process.stdout.write(require('crypto').randomBytes(4).toString('hex'))")"
  echo "BONFIRE_TAG=$tag"
} >"$env_file"
umask 022
compose=(docker compose -p bonfire-ci --env-file "$env_file" -f docker/docker-compose.yml -f docker/compose.host-infra.yml)
http_port=${BONFIRE_HTTP_PORT:-18080}

stack_up=0
teardown() {
  local status=$?
  set +e
  if [ "$status" -ne 0 ] && [ "$stack_up" = 1 ]; then
    step "FAILED: the stack's state and logs"
    "${compose[@]}" ps -a
    "${compose[@]}" logs --no-color --tail 40
  fi
  if [ "${BONFIRE_DOCKER_KEEP:-0}" = 1 ]; then
    echo "BONFIRE_DOCKER_KEEP=1: stack and engine left running ($DOCKER_HOST; env file $env_file)"
    exit "$status"
  fi
  if [ "$stack_up" = 1 ]; then
    step "compose down"
    t0=$SECONDS
    "${compose[@]}" down --volumes --remove-orphans --timeout 30 >"$logs/down.log" 2>&1 || tail -20 "$logs/down.log"
    drop_databases
    "${compose[@]}" down --remove-orphans >>"$logs/down.log" 2>&1
    record "compose down" $((SECONDS - t0))
  fi
  # Keep the build cache bounded between runs, and drop images replaced by this run's.
  docker image prune -f >/dev/null 2>&1
  docker builder prune -f --keep-storage 8gb >/dev/null 2>&1
  if [ "$engine_was_running" = 0 ]; then bash tools/docker/setup-engine.sh stop; fi
  rm -f "$env_file"
  step "timings"
  printf '%s\n' "${timings[@]}"
  printf '%-34s %6s s\n' "total" $((SECONDS - started))
  if [ "$status" -eq 0 ]; then echo "docker: PASS"; else echo "docker: FAIL (logs in $logs)"; fi
  exit "$status"
}
trap teardown EXIT

step "build images (docker/service.Dockerfile; logs in $logs)"
for service in "${services[@]}"; do
  t0=$SECONDS
  if ! docker buildx build --progress=plain -f docker/service.Dockerfile --build-arg SERVICE="$service" \
    -t "bonfire/$service:$tag" . >"$logs/build-$service.log" 2>&1; then
    tail -40 "$logs/build-$service.log"
    echo "✗ image $service failed to build"
    exit 1
  fi
  size=$(docker image inspect -f '{{.Size}}' "bonfire/$service:$tag")
  cached=$(grep -c ' CACHED$' "$logs/build-$service.log" || true)
  record "image $service" $((SECONDS - t0)) "$((size / 1000000)) MB ($cached steps cached)"
  echo "bonfire/$service:$tag  $((SECONDS - t0)) s  $((size / 1000000)) MB"
done
# What the images take on disk together (shared layers — base, node, production deps, libs — count once).
docker system df --format '{{.Type}}: {{.Size}}' | sed 's/^/  /'

step "image properties: non-root, HEALTHCHECK, no npm or compilers"
for service in "${services[@]}"; do
  image="bonfire/$service:$tag"
  user=$(docker image inspect -f '{{.Config.User}}' "$image")
  health=$(docker image inspect -f '{{if .Config.Healthcheck}}{{index .Config.Healthcheck.Test 1}}{{end}}' "$image")
  [ "$user" = 1000:1000 ] || { echo "✗ $image runs as '$user'"; exit 1; }
  [ -n "$health" ] || { echo "✗ $image has no HEALTHCHECK"; exit 1; }
  if docker run --rm --entrypoint sh "$image" -c 'command -v npm || command -v gcc || command -v g++ || command -v make' >/dev/null; then
    echo "✗ $image carries npm or a compiler"
    exit 1
  fi
  echo "✓ $image: user $user, healthcheck, no npm/compilers"
done

step "compose up (docker-compose.yml + compose.host-infra.yml, against the local servers)"
"${compose[@]}" config --quiet
# A fresh deployment every run: drop what an earlier run left on the host's Postgres (its secrets differ).
drop_databases() { "${compose[@]}" run --rm --no-deps -T postgres --drop 2>&1 | grep -v -E 'Creating|Created|Starting|Started' || true; }
drop_databases
t0=$SECONDS
stack_up=1
"${compose[@]}" up -d --no-build >"$logs/up.log" 2>&1 || {
  cat "$logs/up.log"
  exit 1
}
# Healthy = every long-running service's HEALTHCHECK passes (GET /health/ready).
long_running=(gateway auth chat presence file search voice)
deadline=$((SECONDS + 300))
while :; do
  waiting=()
  for service in "${long_running[@]}"; do
    id=$("${compose[@]}" ps -q "$service")
    state=$(docker inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' "$id" 2>/dev/null || echo missing)
    case "$state" in
      'running healthy') ;;
      exited* | dead* | missing)
        echo "✗ $service: $state"
        exit 1
        ;;
      *) waiting+=("$service:${state// /\/}") ;;
    esac
  done
  [ ${#waiting[@]} -eq 0 ] && break
  if [ $SECONDS -gt $deadline ]; then
    echo "✗ not healthy within 300 s: ${waiting[*]}"
    exit 1
  fi
  sleep 1
done
record "compose up → all healthy" $((SECONDS - t0))
"${compose[@]}" ps --format 'table {{.Service}}\t{{.Status}}'
for service in "${long_running[@]}"; do
  id=$("${compose[@]}" ps -q "$service")
  [ "$(docker inspect -f '{{.HostConfig.ReadonlyRootfs}}' "$id")" = true ] || {
    echo "✗ $service does not run on a read-only root filesystem"
    exit 1
  }
done
echo "✓ all ${#long_running[@]} services healthy on read-only root filesystems"

step "smoke test (tools/docker/smoke.mjs)"
t0=$SECONDS
node tools/docker/smoke.mjs "http://127.0.0.1:$http_port"
record "smoke test" $((SECONDS - t0))
