# Sourced by scripts/proxy-e2e and scripts/bench-proxy: installs the client, starts the mock provider and
# `jcodex proxy` in front of it, and stops both (by their own PIDs) on exit.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JCODEX="$ROOT/bin/jcodex"
[ -x "$JCODEX" ] || "$ROOT/scripts/build"
CACHE="${JCODEX_CLIENTS_CACHE:-$HOME/.cache/jcodex-clients}/proxy"
OPENAI_VERSION=6.49.0 # the newest openai that supports Node 20 (7.x wants Node 22)
mkdir -p "$CACHE"
if ! node -e "process.exit(require('$CACHE/node_modules/openai/package.json').version === '$OPENAI_VERSION' ? 0 : 1)" 2>/dev/null; then
  echo "proxy: installing openai@$OPENAI_VERSION into $CACHE" >&2
  [ -f "$CACHE/package.json" ] || echo '{"name":"jcodex-proxy-e2e","private":true,"type":"module"}' > "$CACHE/package.json"
  (cd "$CACHE" && npm install --no-audit --no-fund --prefer-offline "openai@$OPENAI_VERSION" >&2)
fi
cp "$ROOT"/scripts/proxy/*.mjs "$CACHE/"

RUN=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$RUN"
}
trap cleanup EXIT

# wait_for FILE REGEX: the first match of REGEX's group 1 in FILE, within 30 s
wait_for() {
  for _ in $(seq 300); do
    local m
    m=$(sed -nE "s/$2/\\1/p" "$1" 2>/dev/null | head -1)
    [ -n "$m" ] && { echo "$m"; return 0; }
    sleep 0.1
  done
  echo "proxy: timed out waiting for /$2/ in $1:" >&2
  cat "$1" >&2
  return 1
}

start_mock() {
  node "$CACHE/mock-provider.mjs" > "$RUN/mock.out" 2>&1 &
  PIDS+=($!)
  MOCK_PORT=$(wait_for "$RUN/mock.out" '^PORT ([0-9]+)$')
  DIRECT="http://127.0.0.1:$MOCK_PORT/v1"
}

# start_proxy [jcodex proxy args...]: a CODEX_HOME whose active provider is the mock (env_key MOCK_API_KEY)
start_proxy() {
  mkdir -p "$RUN/home"
  cat > "$RUN/home/config.toml" <<TOML
model_provider = "mock"
[model_providers.mock]
name = "Loopback mock"
base_url = "$DIRECT"
env_key = "MOCK_API_KEY"
wire_api = "chat"
TOML
  CODEX_HOME="$RUN/home" MOCK_API_KEY=sk-from-env "$JCODEX" proxy --bind 127.0.0.1:0 "$@" 2> "$RUN/proxy.err" &
  PROXY_PID=$!
  PIDS+=($PROXY_PID)
  PROXY_PORT=$(wait_for "$RUN/proxy.err" '^.*listening on http:\/\/127\.0\.0\.1:([0-9]+)\/v1.*')
  PROXY="http://127.0.0.1:$PROXY_PORT"
}
