#!/usr/bin/env bash
# Runs a real coturn (Debian package "coturn") on 127.0.0.1 for the ice/ tests, in the foreground
# so that the caller owns the process and stops it with SIGTERM.
#   coturn.sh <work-dir> <listening-port> <min-relay-port> <max-relay-port> <user:password> <realm>
# Everything it writes (user db, pid file) stays in <work-dir>; the log goes to stdout.
# -n: ignore /etc/turnserver.conf; loopback peers must be allowed for relay-to-relay on 127.0.0.1
# (see the shared notes, real-peers.md section 2).
set -euo pipefail
dir=$1 port=$2 min=$3 max=$4 user=$5 realm=$6
exec turnserver -n --listening-ip=127.0.0.1 --relay-ip=127.0.0.1 --listening-port="$port" \
  --lt-cred-mech --user="$user" --realm="$realm" \
  --no-tls --no-dtls --no-cli --no-tcp-relay --allow-loopback-peers --fingerprint \
  --min-port="$min" --max-port="$max" --userdb="$dir/turndb" --pidfile="$dir/turnserver.pid" \
  -v --log-file=stdout --simple-log
