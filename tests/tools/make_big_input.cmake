# make_big_input.cmake -- writes the bad-input test programs too big to keep in git.
#
#   cmake -DKIND=<kind> -DOUT=<file.py> -P make_big_input.cmake
#
# Both the build (at configure time) and tests/tools/regen.sh (to ask python3
# for the expected output) call this script, so they see the same bytes.
#   long_line_1mb        one line of 1,000,005 bytes: a list display of 333,333 sevens
#   long_operator_chain  x = 1+1+...+1 with 100,000 operators (a 200 kB left-deep tree)
if(NOT DEFINED KIND OR NOT DEFINED OUT)
    message(FATAL_ERROR "usage: cmake -DKIND=<kind> -DOUT=<file.py> -P make_big_input.cmake")
endif()

if(KIND STREQUAL "long_line_1mb")
    string(REPEAT "7, " 333332 items)
    set(text "# A single line of about 1 MB: a list display with 333,333 elements.\n")
    string(APPEND text "values = [${items}7]\n")
    string(APPEND text "print(len(values), sum(values))\n")
elseif(KIND STREQUAL "long_operator_chain")
    string(REPEAT "1+" 100000 terms)
    set(text "# An expression 100,000 operators long: a very deep syntax tree.\n")
    string(APPEND text "x = ${terms}1\n")
    string(APPEND text "print(x)\n")
else()
    message(FATAL_ERROR "make_big_input.cmake: unknown KIND '${KIND}'")
endif()

# Rewrite only when the content changes, so tests do not rerun needlessly.
set(old "")
if(EXISTS "${OUT}")
    file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL text)
    file(WRITE "${OUT}" "${text}")
endif()
