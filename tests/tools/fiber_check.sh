#!/usr/bin/env bash
# fiber_check.sh -- swapping out suspended stacks changes nothing.
#
#   fiber_check.sh ASYNCSCOPE FILE.py...
#
# Runs every file with ASYNCSCOPE_FIBER_CHECK=1, which swaps out every
# suspended fiber at once and makes its stack inaccessible until it is
# resumed (core/sched/fiber.h), so that code reading a suspended task's stack
# crashes instead of reading stale bytes:
#   - `ASYNCSCOPE run FILE.py` must print what it prints without the check
#     (addresses 0x... masked);
#   - `ASYNCSCOPE trace FILE.py` (trace recording, the window's path, which
#     looks at suspended tasks' frames) must not die of a signal. Its text is
#     not compared: the order of a set of tasks in a recorded repr follows
#     object addresses, which the check's own allocations shift.
set -u
if [ $# -lt 2 ]; then
    echo "usage: fiber_check.sh ASYNCSCOPE FILE.py..." >&2
    exit 2
fi
asyncscope="$1"
shift
mask() { sed -E 's/0x[0-9a-f]+/0x?/g'; }
failed=0
for file in "$@"; do
    cd "$(dirname "$file")" || exit 2
    normal="$("$asyncscope" run "$file" 2>&1; echo "[exit $?]")"
    checked="$(ASYNCSCOPE_FIBER_CHECK=1 "$asyncscope" run "$file" 2>&1; echo "[exit $?]")"
    normal="$(printf '%s\n' "$normal" | mask)"
    checked="$(printf '%s\n' "$checked" | mask)"
    if [ "$normal" != "$checked" ]; then
        echo "FAIL $file: the output differs with every suspended stack swapped out"
        diff <(printf '%s\n' "$normal") <(printf '%s\n' "$checked") | head -20
        failed=1
    fi
    ASYNCSCOPE_FIBER_CHECK=1 "$asyncscope" trace "$file" > /dev/null 2>&1
    status=$?
    if [ $status -ge 128 ]; then
        echo "FAIL $file: trace killed by signal $((status - 128)) with every suspended stack swapped out"
        failed=1
    fi
done
[ $failed -eq 0 ] && echo "$# programs: same output, no crash, with every suspended stack swapped out"
exit $failed
