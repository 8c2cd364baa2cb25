#!/bin/bash
# RUSTC_WRAPPER that appends "crate opt-level user sys wall" per rustc run to $RUSTC_CPU_LOG.
name=$(printf '%s\n' "$@" | grep -A1 -x -- '--crate-name' | tail -1)
opt=$(printf '%s\n' "$@" | grep -o 'opt-level=[0-9sz]' | head -1)
[ -n "$name" ] || exec "$@"
exec /usr/bin/time -f "$name ${opt:-opt-level=0} %U %S %e" -a -o "$RUSTC_CPU_LOG" "$@"
