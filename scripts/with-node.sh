#!/bin/sh
# Runs a command with Node >= 22.18 first on PATH (provisioned by use-node.sh where the machine's is
# older), so `npm test`, `npm run bench` and `npm start` work on a fresh machine with an old Node.
. "$(dirname "$0")/use-node.sh" || exit 1
exec "$@"
