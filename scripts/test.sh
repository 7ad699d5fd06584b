#!/usr/bin/env bash
# test.sh -- install what is missing, build, and run the whole test suite.
#
#   scripts/test.sh [ctest options, e.g. -L lang or -R scenario_05]
#
# This is what .ci/run runs. Tests are listed by label in tests/CMakeLists.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
ctest --test-dir "$build" --output-on-failure -j2 "$@"
