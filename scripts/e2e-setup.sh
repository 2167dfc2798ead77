#!/usr/bin/env bash
# Installs what the real-editor tests need, offline apart from Debian apt and the npm registry:
# Debian packages (chromium, ripgrep, build tools for code-server's native modules) when missing,
# and code-server from npm into a cache outside the repo, keyed by version (recipe: shared/docs/e2e-vscode.md §1-2).
# Prints the code-server entry point on its last line. Idempotent: a finished install is reused.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE_ROOT="${AKS_LINT_E2E_CACHE:-$HOME/.cache/aks-lint-e2e}"
DEST="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"

log() { echo "[e2e-setup] $*" >&2; }

# 1. Debian packages, only when something is missing (apt-get update is the slow part).
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/rg ] || need_apt+=(ripgrep)
if [ ! -f "$DEST/.complete" ]; then
  # Build dependencies are only needed to compile code-server's native modules.
  for p in libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev pkg-config build-essential python3; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_apt+=("$p")
  done
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  start=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
  log "apt done in $(( $(date +%s) - start )) s"
fi

# 2. code-server, built into a temporary folder and renamed into place, so an interrupted install is never reused.
if [ -f "$DEST/.complete" ]; then
  log "code-server $CODE_SERVER_VERSION cached at $DEST"
  echo "$ENTRY"
  exit 0
fi
start=$(date +%s)
mkdir -p "$CACHE_ROOT"
TMP_DEST="$(mktemp -d "$CACHE_ROOT/.install-XXXXXX")"
trap 'rm -rf "$TMP_DEST"' EXIT
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
log "installing code-server $CODE_SERVER_VERSION into $TMP_DEST"
cd "$TMP_DEST"
echo '{"name":"aks-lint-e2e-code-server","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2
# @vscode/ripgrep's postinstall downloads from GitHub; Debian's rg replaces it.
mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
npm rebuild --loglevel=error >&2   # node-pty, spdlog, kerberos, native-watchdog ... from source (node headers in /usr)
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --no-audit --no-fund --loglevel=error >&2)
cd "$TMP_DEST" && npm rebuild argon2 --loglevel=error >&2   # its prebuilt download fails; builds from source
[ -f "$TMP_DEST/node_modules/code-server/out/node/entry.js" ] || { log "code-server entry missing after install"; exit 1; }
touch "$TMP_DEST/.complete"
rm -rf "$DEST"
mv "$TMP_DEST" "$DEST"
trap - EXIT
log "code-server installed in $(( $(date +%s) - start )) s"
echo "$ENTRY"
