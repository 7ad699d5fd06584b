#!/usr/bin/env bash
# regen.sh [PATTERN] -- regenerate every expected output under tests/ with CPython.
#
# Expected outputs are CPython's answers, never written by hand:
#   tests/lang/NAME.py        -> NAME.out, NAME.err, NAME.code   (python3 NAME.py, run in tests/lang)
#   tests/bad_input/NAME.py   -> the same, for files without an "# expect-exit:" header
#                                (those with one state asyncscope-only behaviour)
#   big bad inputs            -> tests/bad_input/KIND.{out,err,code}; the programs
#                                are written by make_big_input.cmake into a temp dir
#   tests/asyncio/NAME.py     -> NAME.expected     (python3 tools/vloop.py, virtual clock)
#   scenarios/NAME.py         -> tests/scenarios/NAME.expected
# PATTERN, if given, limits the run to file names containing it.
#
# Every program is run more than once; a file is written only if the runs agree
# (otherwise NONDETERMINISTIC is reported and the exit status is 1). The
# .expected format is that of ../shared/conformance/asyncio/check.sh: merged
# stdout+stderr, "[exit status N]" when N != 0, normalized by vloop.py.
# Needs python3 (CPython 3.11) and, for the big inputs, cmake.
set -u
TOOLS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TESTS="$(dirname "$TOOLS")"
ROOT="$(dirname "$TESTS")"
PATTERN="${1:-}"
BIG_INPUTS=(long_line_1mb long_operator_chain)

version="$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [ "$version" != "3.11" ]; then
    echo "regen.sh: python3 is $version; expected outputs must come from CPython 3.11" >&2
    exit 2
fi

# A clean, reproducible CPython: fixed hash seed, no debug or warning settings.
py() {
    env -u PYTHONWARNINGS -u PYTHONDEVMODE -u PYTHONASYNCIODEBUG -u PYTHONSTARTUP \
        -u PYTHONPATH -u PYTHONHOME PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 \
        PYTHONDONTWRITEBYTECODE=1 python3 "$@"
}

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
written=0
bad=0

matches() { [ -z "$PATTERN" ] || [[ "$1" == *"$PATTERN"* ]]; }

has_expect_header() {
    LC_ALL=C awk '!/^#/ { exit 1 } /^# expect-exit: / { found = 1; exit 0 } END { exit !found }' "$1"
}

# python_expected DIR NAME OUTDIR: python3 NAME.py in DIR -> OUTDIR/NAME.{out,err,code}
# CPython 3.11 shows the script's absolute path in tracebacks; "DIR/" is removed
# from stderr (as ../shared/conformance/lang/check.sh does), so NAME.err reads
# File "NAME.py", as the test harness sees it.
python_expected() {
    local dir="$1" name="$2" outdir="$3" i esc_dir
    esc_dir="$(printf '%s' "$dir/" | sed 's/[][\/.^$*&]/\\&/g')"
    for i in 1 2; do
        (cd "$dir" && py "$name.py") </dev/null >"$TMP/out$i" 2>"$TMP/err$i.raw"
        echo $? >"$TMP/code$i"
        LC_ALL=C sed "s/$esc_dir//g" "$TMP/err$i.raw" >"$TMP/err$i"
    done
    if cmp -s "$TMP/out1" "$TMP/out2" && cmp -s "$TMP/err1" "$TMP/err2" && cmp -s "$TMP/code1" "$TMP/code2"; then
        cp "$TMP/out1" "$outdir/$name.out"
        cp "$TMP/err1" "$outdir/$name.err"
        cp "$TMP/code1" "$outdir/$name.code"
        written=$((written + 1))
    else
        echo "NONDETERMINISTIC $dir/$name.py"
        bad=$((bad + 1))
    fi
}

# vloop_expected FILE EXPECTED: like ../shared/conformance/asyncio/regen.sh
vloop_expected() {
    local file="$1" expected="$2" i rc
    for i in 1 2 3; do
        (cd "$(dirname "$file")" && python3 "$TOOLS/vloop.py" "$file") </dev/null >"$TMP/raw$i" 2>&1
        rc=$?
        if [ "$rc" -ne 0 ]; then
            if [ -s "$TMP/raw$i" ] && [ "$(tail -c1 "$TMP/raw$i" | od -An -c | tr -d ' ')" != '\n' ]; then
                printf '\n' >>"$TMP/raw$i"
            fi
            printf '[exit status %d]\n' "$rc" >>"$TMP/raw$i"
        fi
    done
    if cmp -s "$TMP/raw1" "$TMP/raw2" && cmp -s "$TMP/raw1" "$TMP/raw3"; then
        python3 "$TOOLS/vloop.py" --normalize <"$TMP/raw1" >"$expected"
        written=$((written + 1))
    else
        echo "NONDETERMINISTIC $file"
        diff "$TMP/raw1" "$TMP/raw2" | head -n 20
        bad=$((bad + 1))
    fi
}

for f in "$TESTS"/lang/*.py; do
    [ -e "$f" ] || continue
    name="$(basename "$f" .py)"
    matches "$name" && python_expected "$TESTS/lang" "$name" "$TESTS/lang"
done

for f in "$TESTS"/bad_input/*.py; do
    [ -e "$f" ] || continue
    name="$(basename "$f" .py)"
    matches "$name" || continue
    has_expect_header "$f" || python_expected "$TESTS/bad_input" "$name" "$TESTS/bad_input"
done

mkdir -p "$TMP/big"
for kind in "${BIG_INPUTS[@]}"; do
    matches "$kind" || continue
    cmake -DKIND="$kind" -DOUT="$TMP/big/$kind.py" -P "$TOOLS/make_big_input.cmake" || exit 1
    python_expected "$TMP/big" "$kind" "$TESTS/bad_input"
done

for f in "$TESTS"/asyncio/*.py; do
    [ -e "$f" ] || continue
    name="$(basename "$f" .py)"
    matches "$name" && vloop_expected "$f" "$TESTS/asyncio/$name.expected"
done

mkdir -p "$TESTS/scenarios"
for f in "$ROOT"/scenarios/*.py; do
    [ -e "$f" ] || continue
    name="$(basename "$f" .py)"
    matches "$name" && vloop_expected "$f" "$TESTS/scenarios/$name.expected"
done

echo "wrote $written expected outputs, $bad nondeterministic"
[ "$bad" -eq 0 ]
