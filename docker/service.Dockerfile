# syntax=docker/dockerfile:1.7
#
# One image recipe for every Bonfire Node service. Build from the repository root:
#
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=gateway -t bonfire/gateway .
#
# The ignore list is docker/service.Dockerfile.dockerignore (BuildKit reads <Dockerfile>.dockerignore
# next to the Dockerfile, so a build from the repo root does not send node_modules, dist, .data …).
#
# Node 24 LTS is the project's runtime everywhere (dev, CI, images): keep NODE_IMAGE on that major.
#
# Voice (mediasoup SFU) — see the VOICE section at the bottom of this file.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------------------------------
# manifests: only the package.json files and the lockfile, with their folder structure, so the
# `npm ci` layer below is rebuilt only when dependencies change, not on every source edit. The root
# postinstall (tools/mediasoup/install-worker.mjs) runs inside `npm ci`, so it comes along.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /out \
 && find . -name package.json -not -path './node_modules/*' -not -path '*/node_modules/*' \
      -exec cp --parents {} /out/ \; \
 && cp package-lock.json /out/ \
 && cp --parents -r tools/mediasoup /out/ \
 && if [ -f .npmrc ]; then cp .npmrc /out/; fi

# ---------------------------------------------------------------------------------------------------
# build: full install (dev deps included), build the one service and the libs it depends on, then
# drop the dev dependencies.
FROM ${NODE_IMAGE} AS build
ARG SERVICE
# Debian packages needed to compile native modules (voice: mediasoup worker, see below).
ARG EXTRA_BUILD_APT_PACKAGES=""
RUN test -n "${SERVICE}" || (echo "build with --build-arg SERVICE=<gateway|auth|chat|…>" >&2; exit 1)
RUN if [ -n "${EXTRA_BUILD_APT_PACKAGES}" ]; then \
      apt-get update \
      && apt-get install -y --no-install-recommends ${EXTRA_BUILD_APT_PACKAGES} \
      && rm -rf /var/lib/apt/lists/*; \
    fi
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false \
    CI=true
WORKDIR /app
COPY --from=manifests /out/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund
COPY . .
RUN npx nx run "@bonfire/${SERVICE}:build" --outputStyle=static \
 && test -f "apps/${SERVICE}/dist/main.js"
# Production dependencies only. All third-party dependencies live in the root package.json, so this
# is the monorepo's production set (not per service); workspace links (node_modules/@bonfire/*)
# stay and point at libs/*/dist, which the runtime stage copies.
RUN --mount=type=cache,target=/root/.npm \
    npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/.cache .nx
# Assemble exactly what the runtime needs in /deploy: root manifests, production node_modules, every
# lib's package.json + dist (the workspace symlinks resolve to them) and this service's package.json +
# dist, plus the JSON files at the service's root that it reads at run time (package.json, the
# gateway's routes.json and openapi.json). Everything else a service reads must be in its dist.
RUN set -eu; \
    mkdir -p "/deploy/apps/${SERVICE}"; \
    cp -a package.json package-lock.json node_modules /deploy/; \
    for lib in libs/*/; do \
      mkdir -p "/deploy/${lib}"; cp "${lib}package.json" "/deploy/${lib}"; \
      if [ -d "${lib}dist" ]; then cp -a "${lib}dist" "/deploy/${lib}"; fi; \
    done; \
    find "apps/${SERVICE}" -maxdepth 1 -name '*.json' ! -name 'tsconfig*' -exec cp {} "/deploy/apps/${SERVICE}/" \; ; \
    cp -a "apps/${SERVICE}/dist" "/deploy/apps/${SERVICE}/"; \
    find /deploy/libs /deploy/apps -name '*.tsbuildinfo' -delete

# ---------------------------------------------------------------------------------------------------
# runtime: non-root, production deps, built libs and this one service's dist.
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
# Debian runtime libraries some services need (voice: the mediasoup worker's shared libraries).
ARG EXTRA_APT_PACKAGES=""
# tini as PID 1: forwards SIGTERM to node (graceful shutdown within SHUTDOWN_TIMEOUT_MS) and reaps
# zombie children (the voice service forks mediasoup worker processes).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini ${EXTRA_APT_PACKAGES} \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    BONFIRE_SERVICE=${SERVICE}
WORKDIR /app
COPY --from=build --chown=root:root /deploy/ ./
# The image's files are owned by root and read-only to the service user; the root filesystem can be
# mounted read-only (Kubernetes mounts an emptyDir on /tmp).
USER 1000:1000
# Equivalent to `node apps/<service>/dist/main.js` from /app (exec-form CMD cannot expand ARGs).
WORKDIR /app/apps/${SERVICE}
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/main.js"]
# No HEALTHCHECK: Kubernetes probes /health/live and /health/ready; compose has its own healthcheck.

# ---------------------------------------------------------------------------------------------------
# VOICE
# The mediasoup worker is built against Debian's libraries (no GitHub downloads on our build machines;
# see tools/mediasoup/build-worker.sh). `npm ci` runs the root postinstall, which builds it when the
# build tools are present — so the voice image passes them for the build stage and the shared libraries
# for the runtime stage:
#
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=voice \
#     --build-arg EXTRA_BUILD_APT_PACKAGES="meson ninja-build pkg-config g++ libssl-dev libuv1-dev \
#        libsrtp2-dev libusrsctp-dev libabsl-dev libflatbuffers-dev flatbuffers-compiler" \
#     --build-arg EXTRA_APT_PACKAGES="libuv1 libssl3 libsrtp2-1 libusrsctp2 libabsl20220623" \
#     -t bonfire/voice .
#
# Other services skip the worker (the postinstall prints a notice and carries on). Media uses UDP ports
# (VOICE_RTC_MIN_PORT..VOICE_RTC_MAX_PORT) that must be published and announced — see
# docker-compose.yml and the chart.
