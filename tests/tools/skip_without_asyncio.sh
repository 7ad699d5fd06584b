#!/usr/bin/env bash
# skip_without_asyncio.sh -- run a command, or report "skipped" (exit 77) when
# the asyncscope binary cannot import asyncio yet.
#
#   skip_without_asyncio.sh ASYNCSCOPE -- COMMAND [ARG...]
#
# Used for the asyncio conformance suite while asyncscope has no asyncio module:
# CTest then lists the test as skipped instead of failing it, and the test runs
# for real as soon as `import asyncio` works.
set -u
if [ $# -lt 3 ] || [ "$2" != "--" ]; then
    echo "usage: skip_without_asyncio.sh ASYNCSCOPE -- COMMAND [ARG...]" >&2
    exit 2
fi
exe="$1"
shift 2
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf 'import asyncio\n' >"$tmp/probe.py"
if (cd "$tmp" && timeout 30 "$exe" run probe.py) </dev/null 2>&1 \
        | LC_ALL=C grep -aqx "ModuleNotFoundError: No module named 'asyncio'"; then
    echo "SKIPPED: asyncscope has no asyncio module yet"
    exit 77
fi
"$@"
