#!/usr/bin/env bash
# skip_without_asyncio.sh -- run a command; report "skipped" (exit 77) instead of a
# failure while tests/asyncio_pending.txt lists conformance_asyncio.
#
#   skip_without_asyncio.sh ASYNCSCOPE -- COMMAND [ARG...]
#
# Used for the asyncio conformance suite while the asyncio module is being
# written: when the suite fails and tests/asyncio_pending.txt lists
# `conformance_asyncio`, CTest reports it as skipped (with the failures
# printed); remove the entry when issue 3 is done.
set -u
if [ $# -lt 3 ] || [ "$2" != "--" ]; then
    echo "usage: skip_without_asyncio.sh ASYNCSCOPE -- COMMAND [ARG...]" >&2
    exit 2
fi
exe="$1"
shift 2
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$@"
rc=$?
if [ "$rc" -ne 0 ] && LC_ALL=C grep -qx "conformance_asyncio" "$here/../asyncio_pending.txt" 2>/dev/null; then
    # The asyncio module is still being written (issue 3): the suite's
    # failures above are reported, and the test counts as skipped until the
    # entry is removed from tests/asyncio_pending.txt.
    echo "SKIPPED: conformance_asyncio is listed in tests/asyncio_pending.txt (asyncio not complete yet)"
    exit 77
fi
exit "$rc"
