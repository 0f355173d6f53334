#!/usr/bin/env bash
# Start or stop a private dockerd (unix socket + mutual-TLS tcp port on 127.0.0.1) with the
# dtui-test/busybox:latest image imported, all state inside DIR.
#
#   scripts/test-engine.sh start /tmp/dtui-eng   # prints the socket path on stdout
#   scripts/test-engine.sh stop  /tmp/dtui-eng
#
# `start` also prints (on stderr) the DTUI_TEST_* exports that make `npx vitest` reuse this
# engine instead of starting its own. Keep DIR short: unix socket paths max out at 108 bytes.
#
# The logic lives in TypeScript (test/support/dockerd.ts), shared with the vitest global
# setup, so there is exactly one implementation; this wrapper only runs it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tsx="$root/node_modules/.bin/tsx"
if [[ ! -x "$tsx" ]]; then
  echo "test-engine: run 'npm ci' in $root first (needs tsx and dockerode)" >&2
  exit 1
fi
# The tsx binary (not `node --import tsx`) so this works from any working directory.
exec "$tsx" "$root/test/support/engine-cli.ts" "$@"
