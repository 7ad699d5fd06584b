#!/usr/bin/env bash
# regen.sh -- writes the expected outputs of tests/syntax with python3 3.11:
#   NAME.ast  CPython's AST of NAME.py (astdump.py), when python3 compiles it
#   NAME.err  what `python3 NAME.py` writes to stderr, when it does not
# Never edit an expected file by hand. parser_test.cpp (SyntaxCorpus) reads them.
set -eu
cd "$(dirname "$0")"
for file in *.py; do
    [ "$file" = astdump.py ] && continue
    name="${file%.py}"
    rm -f "$name.ast" "$name.err"
    if python3 -c 'import sys; compile(open(sys.argv[1], "rb").read(), sys.argv[1], "exec")' "$file" 2>/dev/null; then
        python3 astdump.py "$file" > "$name.ast"
    else
        python3 astdump.py --error "$file" > "$name.err"
    fi
done
