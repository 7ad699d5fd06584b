#!/usr/bin/env bash
# same_twice.sh ASYNCSCOPE FILE.py -- run FILE twice with `run` and twice with
# `trace`; every pair must be byte-identical (output, exit status, trace).
set -u
bin="$1"; file="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for i in 1 2; do
    "$bin" run "$file" >"$tmp/run$i" 2>&1; echo "exit $?" >>"$tmp/run$i"
    "$bin" trace "$file" >"$tmp/trace$i" 2>&1
done
status=0
cmp -s "$tmp/run1" "$tmp/run2" || { echo "run output differs between two runs:"; diff "$tmp/run1" "$tmp/run2" | head -20; status=1; }
cmp -s "$tmp/trace1" "$tmp/trace2" || { echo "trace differs between two runs:"; diff "$tmp/trace1" "$tmp/trace2" | head -20; status=1; }
[ -s "$tmp/trace1" ] || { echo "empty trace"; status=1; }
[ $status = 0 ] && echo "identical: $(wc -l <"$tmp/trace1") trace lines"
exit $status
