#!/usr/bin/env bash
# run_python_test.sh -- run one Python test file through `asyncscope run` and
# judge it, the way `python3 NAME.py` would be judged.
#
#   run_python_test.sh [--stderr strict|last] [--expected-dir DIR] [--timeout SECS] ASYNCSCOPE FILE.py
#
# The file runs as `ASYNCSCOPE run [OPTIONS] NAME.py` in its own directory.
# What it must do comes from one of two places:
#
# 1. CPython's answer (the default): NAME.out, NAME.err and NAME.code, generated
#    by tests/tools/regen.sh with python3 (never written by hand), in DIR
#    (default: beside the file). stdout and the exit status must match exactly;
#    stderr must match byte for byte (--stderr strict, the default) or on its
#    last non-blank line (--stderr last). "DIR/" is removed from stderr first,
#    for an interpreter that shows absolute paths in tracebacks like CPython.
# 2. Header comments, for behaviour CPython does not share (a step budget, the
#    modules a scenario may not import). The header is the leading block of
#    comment lines:
#        # asyncscope-options: --max-steps 1000000     options before NAME.py
#        # expect-exit: 4                              exit status (required)
#        # expect-stdout-regex: RE                     some stdout line matches RE
#        # expect-stderr-last: RE                      last stderr line matches RE
#        # expect-stderr-regex: RE                     some stderr line matches RE
#                                                      (may be given several times)
#    REs are POSIX extended regular expressions matched against a whole line.
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

stderr_mode=strict
expected_dir=""
limit=60
while [ $# -gt 0 ]; do
    case "$1" in
        --stderr) stderr_mode="$2"; shift 2 ;;
        --expected-dir) expected_dir="$2"; shift 2 ;;
        --timeout) limit="$2"; shift 2 ;;
        *) break ;;
    esac
done
if [ $# -ne 2 ]; then
    echo "usage: run_python_test.sh [--stderr strict|last] [--expected-dir DIR] [--timeout SECS] ASYNCSCOPE FILE.py" >&2
    exit 2
fi
exe="$1"
file="$2"
dir="$(cd "$(dirname "$file")" && pwd)"
base="$(basename "$file")"
name="${base%.py}"
[ -n "$expected_dir" ] || expected_dir="$dir"

# directive VALUE of "# KEY: VALUE" in the leading comment block ("" if absent)
directive() {
    LC_ALL=C awk -v key="$1" '
        !/^#/ { exit }
        index($0, "# " key ": ") == 1 { print substr($0, length(key) + 5); exit }
    ' "$file"
}

# every VALUE of "# KEY: VALUE" lines in the leading comment block, one per line
directives() {
    LC_ALL=C awk -v key="$1" '
        !/^#/ { exit }
        index($0, "# " key ": ") == 1 { print substr($0, length(key) + 5) }
    ' "$file"
}

options="$(directive asyncscope-options)"
want_exit="$(directive expect-exit)"
checks=()
if [ -n "$want_exit" ]; then
    checks+=(--code "$want_exit")
    re="$(directive expect-stdout-regex)"
    [ -z "$re" ] || checks+=(--stdout-regex "$re")
    re="$(directive expect-stderr-last)"
    [ -z "$re" ] || checks+=(--stderr-last-regex "$re")
    while IFS= read -r re; do
        checks+=(--stderr-regex "$re")
    done < <(directives expect-stderr-regex)
else
    for ext in out err code; do
        if [ ! -f "$expected_dir/$name.$ext" ]; then
            echo "FAILED: $expected_dir/$name.$ext is missing; generate it with tests/tools/regen.sh"
            exit 1
        fi
    done
    checks+=(--code "$(tr -d '[:space:]' <"$expected_dir/$name.code")")
    checks+=(--stdout-file "$expected_dir/$name.out")
    if [ "$stderr_mode" = last ]; then
        checks+=(--stderr-last-file "$expected_dir/$name.err")
    else
        checks+=(--stderr-file "$expected_dir/$name.err")
    fi
fi

# shellcheck disable=SC2086  # options are words, as on a command line
# An 8 GB address-space cap: enough for a thousand 1 MB fiber stacks and the
# default 2 GB memory budget, and a guard should a memory budget not hold.
exec "$HERE/expect_run.sh" --cwd "$dir" --strip-stderr "$dir/" --max-vm-mb 8192 --timeout "$limit" "${checks[@]}" -- "$exe" run $options "$base"
