# syntax=docker/dockerfile:1.7
#
# One image recipe for every Bonfire service. Build from the repository root:
#
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=gateway -t bonfire/gateway .
#
# SERVICE is one of gateway, auth, chat, presence, file, search, voice. The ignore list is
# docker/service.Dockerfile.dockerignore (BuildKit reads <Dockerfile>.dockerignore next to the Dockerfile).
#
# Stages, and what they share (BuildKit builds only the ones SERVICE needs and caches each):
#   manifests         package.json files + lockfile, so the installs below rerun only when dependencies change
#   deps              the full `npm ci`: ONE layer shared by every service (SERVICE is not declared above it)
#   build             builds every service, the libs and the web client once, sorted per service under /out
#   prod-deps         `npm ci --omit=dev`, slimmed (no types, maps, docs, worker sources): shared
#   mediasoup-worker  voice only: mediasoup's C++ worker compiled from Debian's libraries (tools/mediasoup)
#   runtime           Debian slim + the node binary + tini, then the shared production node_modules and libs,
#                     then the one service (+ the web client for the gateway). No npm, no compilers.
#   runtime-voice     runtime + the worker and the Debian libraries it links
#
# The images run as uid 1000, own none of their files and write nothing outside /tmp, so the root filesystem
# can be mounted read-only (compose: read_only + tmpfs /tmp; the chart: readOnlyRootFilesystem + emptyDir).
# Node 24 LTS is the project's runtime everywhere (dev, CI, images): keep NODE_IMAGE on that major, and
# BASE_IMAGE on the Debian release NODE_IMAGE is built on (the worker links that release's libraries).

ARG NODE_IMAGE=node:24-bookworm-slim
ARG BASE_IMAGE=debian:bookworm-slim
ARG SERVICE

FROM ${NODE_IMAGE} AS node

# ---------------------------------------------------------------------------------------------------
FROM node AS manifests
WORKDIR /src
COPY . .
RUN mkdir /out \
 && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /out/ \; \
 && cp package-lock.json /out/

# ---------------------------------------------------------------------------------------------------
# No install scripts: the native packages the build and the services load (argon2, sharp, swc, nx,
# rolldown) ship prebuilt binaries for linux-x64; mediasoup's worker is built in its own stage below.
FROM node AS deps
ENV CI=true \
    NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false
WORKDIR /app
COPY --from=manifests /out/ ./
RUN --mount=type=cache,id=bonfire-npm,target=/root/.npm,sharing=locked \
    npm ci --ignore-scripts --no-audit --no-fund

# ---------------------------------------------------------------------------------------------------
FROM deps AS build
COPY . .
RUN npx nx run-many -t build --outputStyle=static --parallel=2 --skipNxCache \
      --projects=@bonfire/gateway,@bonfire/auth,@bonfire/chat,@bonfire/presence,@bonfire/file,@bonfire/search,@bonfire/voice,@bonfire/web
# /out/libs: every lib's package.json + dist (node_modules/@bonfire/* link to them).
# /out/apps/<service>: what that service adds at /app — its package.json, the JSON files at its root it reads
# at run time (the gateway's routes.json and openapi.json) and its dist; the gateway also carries the web
# client at apps/web/dist, where it serves it from by default (WEB_DIST_DIR), and search the index
# definition at infra/elasticsearch/messages.json (SEARCH_INDEX_DEFINITION's default).
RUN set -eu; \
    for lib in libs/*/; do \
      mkdir -p "/out/${lib}"; cp "${lib}package.json" "/out/${lib}"; cp -a "${lib}dist" "/out/${lib}"; \
    done; \
    for service in gateway auth chat presence file search voice; do \
      target="/out/apps/${service}/apps/${service}"; mkdir -p "${target}"; \
      find "apps/${service}" -maxdepth 1 -name '*.json' ! -name 'tsconfig*' -exec cp {} "${target}/" \; ; \
      cp -a "apps/${service}/dist" "${target}/"; \
    done; \
    mkdir -p /out/apps/gateway/apps/web && cp -a apps/web/dist /out/apps/gateway/apps/web/; \
    test -f /out/apps/gateway/apps/web/dist/index.html; \
    mkdir -p /out/apps/search/infra/elasticsearch && cp infra/elasticsearch/messages.json /out/apps/search/infra/elasticsearch/; \
    find /out \( -name '*.tsbuildinfo' -o -name '*.d.ts' -o -name '*.d.ts.map' \) -delete

# ---------------------------------------------------------------------------------------------------
# The production dependency set of the monorepo (all third-party dependencies live in the root
# package.json), one layer for every service image. Dropped from it: type declarations, source maps and
# docs; mediasoup's worker sources (voice adds the built worker); and the web client's own dependencies
# (react, react-dom, mediasoup-client), which vite bundles into apps/web/dist and no service loads.
FROM node AS prod-deps
WORKDIR /app
COPY --from=manifests /out/ ./
RUN --mount=type=cache,id=bonfire-npm,target=/root/.npm,sharing=locked \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/@types node_modules/mediasoup/worker node_modules/.cache \
      node_modules/react node_modules/react-dom node_modules/scheduler node_modules/mediasoup-client \
 && find node_modules -type f \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' \
      -o -name '*.md' -o -name '*.markdown' -o -name '*.tsbuildinfo' \) -delete \
 && mkdir /deploy \
 && cp -a package.json package-lock.json node_modules /deploy/ \
 && for nested in apps/*/node_modules libs/*/node_modules; do \
      if [ -d "${nested}" ]; then cp -a --parents "${nested}" /deploy/; fi; \
    done

# ---------------------------------------------------------------------------------------------------
# VOICE: mediasoup's worker, built against Debian's libraries (its own build downloads from GitHub, which
# our build machines cannot reach). Rebuilt only when the mediasoup package or the recipe changes.
FROM node AS mediasoup-worker
RUN apt-get update \
 && apt-get install -y --no-install-recommends meson ninja-build pkg-config g++ libssl-dev libuv1-dev \
      libsrtp2-dev libusrsctp-dev libabsl-dev libflatbuffers-dev flatbuffers-compiler \
 && rm -rf /var/lib/apt/lists/*
COPY --from=deps /app/node_modules/mediasoup/worker /src/worker
COPY tools/mediasoup/build-worker.sh /src/build-worker.sh
# The runtime stage installs the Debian packages that own the libraries the binary links (runtime-packages).
RUN bash /src/build-worker.sh /src/worker /out/mediasoup-worker \
 && for lib in $(ldd /out/mediasoup-worker | awk '$3 ~ /^\// { print $3 }'); do \
      dpkg -S "${lib}" 2>/dev/null || dpkg -S "$(realpath "${lib}")"; \
    done | cut -d: -f1 | sort -u >/out/runtime-packages \
 && cat /out/runtime-packages

# ---------------------------------------------------------------------------------------------------
FROM ${BASE_IMAGE} AS runtime
# tini as PID 1 forwards SIGTERM to node (graceful shutdown within SHUTDOWN_TIMEOUT_MS) and reaps zombies
# (voice forks mediasoup workers). The service user owns nothing in the image.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/log/* \
 && groupadd --gid 1000 node \
 && useradd --uid 1000 --gid node --home-dir /tmp --no-create-home --shell /usr/sbin/nologin node
COPY --from=node /usr/local/bin/node /usr/local/bin/node
WORKDIR /app
# Shared by every service image (identical layers, stored once): production deps, libs, the health check.
COPY --from=prod-deps /deploy/ ./
COPY --from=build /out/libs/ ./libs/
COPY tools/docker/healthcheck.mjs /usr/local/lib/bonfire/healthcheck.mjs
# From here on, per service.
ARG SERVICE
COPY --from=build /out/apps/${SERVICE}/ ./
ENV NODE_ENV=production \
    BONFIRE_SERVICE=${SERVICE}
USER 1000:1000
WORKDIR /app/apps/${SERVICE}
# GET /health/ready on the service's port (<SERVICE>_PORT). Kubernetes uses its own probes on the same paths.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "/usr/local/lib/bonfire/healthcheck.mjs"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# `node dist/main.js migrate` applies the service's migrations and exits (compose one-shots, Helm hook).
CMD ["node", "dist/main.js"]

FROM runtime AS runtime-voice
USER root
RUN --mount=type=bind,from=mediasoup-worker,source=/out,target=/worker \
    apt-get update \
 && apt-get install -y --no-install-recommends $(cat /worker/runtime-packages) \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/log/*
COPY --from=mediasoup-worker /out/mediasoup-worker /app/node_modules/mediasoup/worker/out/Release/mediasoup-worker
USER 1000:1000
# Media is UDP/TCP on VOICE_RTC_MIN_PORT..VOICE_RTC_MAX_PORT: publish that range and announce an address
# clients reach (VOICE_RTC_ANNOUNCED_IP) — see docker-compose.yml and the chart.

# ---------------------------------------------------------------------------------------------------
# The image for SERVICE: voice is the only one with extra parts.
FROM runtime AS service-gateway
FROM runtime AS service-auth
FROM runtime AS service-chat
FROM runtime AS service-presence
FROM runtime AS service-file
FROM runtime AS service-search
FROM runtime-voice AS service-voice
FROM service-${SERVICE}
