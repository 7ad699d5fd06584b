#!/usr/bin/env bash
# build.sh -- configure and build asyncscope with CMake and Ninja.
#
#   scripts/build.sh [extra CMake options, e.g. -DASYNCSCOPE_REQUIRE_ASYNCIO=ON]
#
# Builds into build/ beside the sources (BUILD_DIR overrides it), as
# RelWithDebInfo (BUILD_TYPE overrides it). The program is build/asyncscope.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" "$@"
cmake --build "$build"
