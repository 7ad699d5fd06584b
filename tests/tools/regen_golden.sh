#!/usr/bin/env bash
# regen_golden.sh BUILD_DIR -- rewrite the stage's golden frames (tests/app/golden/*.png).
#
# The frame tests compare what the stage paints with these images and never
# rewrite them on their own. After a deliberate change of the stage's look,
# run this, LOOK at every image it wrote (git diff --stat shows which), and
# commit them with the change that explains them.
set -euo pipefail
if [ $# -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
build="$1"
ninja -C "$build" stage_frame_tests asyncscope >/dev/null
ASYNCSCOPE_REGEN_GOLDEN=1 QT_QPA_PLATFORM=offscreen "$build/tests/app/stage_frame_tests" goldenFrames
