#!/usr/bin/env bash
# run.sh -- install what is missing, build, and open the window.
#
#   scripts/run.sh [FILE.py]      without a file: the first course scenario
#
# Any arguments are passed to build/asyncscope (see `build/asyncscope --help`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "run.sh: built $build/asyncscope, but there is no display to open the window on." >&2
    echo "  Headless:   $build/asyncscope run scenarios/05_two_sleepers.py" >&2
    echo "  A picture:  QT_QPA_PLATFORM=offscreen $build/asyncscope --screenshot window.png" >&2
    exit 1
fi
exec "$build/asyncscope" "$@"
