#!/usr/bin/env bash
# expect_run.sh -- run one command and check what it did.
#
#   expect_run.sh [options] -- COMMAND [ARG...]
#
# The engine behind the CTest tests that run the asyncscope binary. The command
# runs with stdin from /dev/null; its stdout and stderr are captured apart.
#
#   --cwd DIR                run the command in DIR (default: current directory)
#   --strip-stderr TEXT      remove every occurrence of TEXT from stderr before
#                            judging it (an absolute directory an interpreter may
#                            print in tracebacks, as CPython does)
#   --timeout SECS           wall-clock limit (default 60); running out is a failure
#   --max-vm-mb MB           address-space limit of the command (ulimit -v), a
#                            safety net so that a broken memory budget fails
#                            the test instead of exhausting the machine
#   --code N                 the exit status must be N
#   --stdout-file F          stdout must equal the file F, byte for byte
#   --stderr-file F          stderr must equal the file F, byte for byte
#   --stderr-last-file F     the last non-blank stderr line must equal the last
#                            non-blank line of F (how conformance/lang/check.sh
#                            judges stderr)
#   --stdout-regex RE        some stdout line must match RE entirely (grep -Ex)
#   --stderr-regex RE        some stderr line must match RE entirely
#   --stderr-last-regex RE   the last non-blank stderr line must match RE entirely
#
# Every check is made (not only the first failing one); each failure prints what
# was expected and what came out, with a diff for whole files. Exit status: 0 if
# every check passed, 1 otherwise, 2 on a usage error.
set -u

cwd="."
limit=60
strip=""
max_vm_mb=""
checks=()
while [ $# -gt 0 ]; do
    case "$1" in
        --cwd) cwd="$2"; shift 2 ;;
        --timeout) limit="$2"; shift 2 ;;
        --strip-stderr) strip="$2"; shift 2 ;;
        --max-vm-mb) max_vm_mb="$2"; shift 2 ;;
        --code|--stdout-file|--stderr-file|--stderr-last-file|--stdout-regex|--stderr-regex|--stderr-last-regex)
            checks+=("$1" "$2"); shift 2 ;;
        --) shift; break ;;
        *) echo "expect_run.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ $# -eq 0 ]; then
    echo "usage: expect_run.sh [options] -- COMMAND [ARG...]" >&2
    exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$cwd" && { [ -z "$max_vm_mb" ] || ulimit -v $((max_vm_mb * 1024)); } && exec timeout -k 5 "$limit" "$@") </dev/null >"$tmp/stdout" 2>"$tmp/stderr"
code=$?
if [ -n "$strip" ]; then
    esc="$(printf '%s' "$strip" | sed 's/[][\/.^$*&]/\\&/g')"
    LC_ALL=C sed "s/$esc//g" "$tmp/stderr" >"$tmp/stderr.stripped"
    mv "$tmp/stderr.stripped" "$tmp/stderr"
fi

# last non-blank line of a file ("" if none)
last_line() { LC_ALL=C awk 'NF { l = $0 } END { printf "%s", l }' "$1"; }

show_text() {  # show_text TITLE FILE: at most 40 lines, each long line cut
    echo "--- $1:"
    LC_ALL=C head -n 40 "$2" | LC_ALL=C cut -c1-300 | sed 's/^/    /'
}

failed=0
fail() { echo "FAILED: $*"; failed=1; }

i=0
while [ $i -lt ${#checks[@]} ]; do
    kind="${checks[$i]}"
    want="${checks[$((i + 1))]}"
    i=$((i + 2))
    case "$kind" in
        --code)
            if [ "$code" != "$want" ]; then
                if [ "$code" = 124 ] || [ "$code" = 137 ]; then
                    fail "timed out after ${limit}s (exit status $code), expected exit status $want"
                else
                    fail "exit status $code, expected $want"
                fi
            fi ;;
        --stdout-file|--stderr-file)
            stream="${kind#--}"; stream="${stream%-file}"
            if ! cmp -s "$want" "$tmp/$stream"; then
                fail "$stream differs from $(basename "$want")"
                diff -u --label "expected/$(basename "$want")" --label "got/$stream" \
                    "$want" "$tmp/$stream" | LC_ALL=C head -n 60 | LC_ALL=C cut -c1-300
            fi ;;
        --stderr-last-file)
            got="$(last_line "$tmp/stderr")"
            expected="$(last_line "$want")"
            if [ "$got" != "$expected" ]; then
                fail "last stderr line differs"
                echo "    expected: $expected"
                echo "    got:      $got"
            fi ;;
        --stdout-regex|--stderr-regex)
            stream="${kind#--}"; stream="${stream%-regex}"
            if ! LC_ALL=C grep -aEqx -- "$want" "$tmp/$stream"; then
                fail "no $stream line matches /$want/"
                show_text "$stream" "$tmp/$stream"
            fi ;;
        --stderr-last-regex)
            got="$(last_line "$tmp/stderr")"
            if ! printf '%s\n' "$got" | LC_ALL=C grep -aEqx -- "$want"; then
                fail "last stderr line does not match /$want/"
                echo "    got: $got"
            fi ;;
    esac
done

if [ "$failed" -ne 0 ]; then
    echo "command: (cd $cwd && $*)"
    echo "exit status: $code"
    show_text "stdout" "$tmp/stdout"
    show_text "stderr" "$tmp/stderr"
    exit 1
fi
echo "ok: exit status $code"
exit 0
