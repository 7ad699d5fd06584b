#!/usr/bin/env bash
# fiber_check.sh -- swapping out suspended stacks changes nothing.
#
#   fiber_check.sh ASYNCSCOPE FILE.py...
#
# Runs `ASYNCSCOPE trace FILE.py` (the program with trace recording, the
# window's path) for every file twice: as usual, and with
# ASYNCSCOPE_FIBER_CHECK=1, which swaps out every suspended fiber at once and
# makes its stack inaccessible until it is resumed (core/sched/fiber.h), so
# that code reading a suspended task's stack crashes instead of reading stale
# bytes. Both traces must be identical once addresses (0x...) are masked, and
# the check run must not die of a signal.
set -u
if [ $# -lt 2 ]; then
    echo "usage: fiber_check.sh ASYNCSCOPE FILE.py..." >&2
    exit 2
fi
asyncscope="$1"
shift
failed=0
for file in "$@"; do
    cd "$(dirname "$file")" || exit 2
    normal="$("$asyncscope" trace "$file" 2>&1 | sed -E 's/0x[0-9a-f]+/0x?/g')"
    checked="$(ASYNCSCOPE_FIBER_CHECK=1 "$asyncscope" trace "$file" 2>&1; echo "[status $?]")"
    status="${checked##*\[status }"
    status="${status%]}"
    checked="$(printf '%s' "${checked%\[status *}" | sed -E 's/0x[0-9a-f]+/0x?/g')"
    if [ "$status" -ge 128 ]; then
        echo "FAIL $file: killed by signal $((status - 128)) with every suspended stack swapped out"
        failed=1
    elif [ "$normal" != "$checked" ]; then
        echo "FAIL $file: the trace differs with every suspended stack swapped out"
        diff <(printf '%s\n' "$normal") <(printf '%s\n' "$checked") | head -20
        failed=1
    fi
done
[ $failed -eq 0 ] && echo "$# programs: same trace with every suspended stack swapped out"
exit $failed
