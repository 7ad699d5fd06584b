#!/usr/bin/env bash
# check_core_has_no_qt.sh CORE_DIR -- fails if the core library depends on Qt.
#
# core/ must build and run without Qt (DESIGN §2). This fails, naming each
# offending line, when a file under CORE_DIR includes a Qt header (<QString>,
# "QtCore/qglobal.h", <qobject.h>, ...) or when one of its CMake files uses Qt
# outside a comment (find_package(Qt6 ...), Qt6::Core, AUTOMOC, qt_add_...).
set -u
core="${1:?usage: check_core_has_no_qt.sh CORE_DIR}"
if [ ! -d "$core" ]; then
    echo "FAILED: $core is not a directory"
    exit 1
fi
status=0
includes="$(LC_ALL=C grep -rnE --include='*.h' --include='*.hpp' --include='*.cpp' --include='*.cc' --include='*.inl' \
    '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](Q[A-Za-z]|q[a-z0-9_]*\.h[">])' "$core")"
if [ -n "$includes" ]; then
    echo "FAILED: Qt headers included under $core:"
    echo "$includes" | sed 's/^/    /'
    status=1
fi
cmake_uses="$(find "$core" \( -name CMakeLists.txt -o -name '*.cmake' \) -print0 \
    | LC_ALL=C xargs -0 -r grep -HnE '^[^#]*(Qt[0-9]*::|find_package[[:space:]]*\([[:space:]]*Qt|AUTOMOC|AUTOUIC|AUTORCC|qt_add_|qt6_)' )"
if [ -n "$cmake_uses" ]; then
    echo "FAILED: Qt used in the CMake files of $core:"
    echo "$cmake_uses" | sed 's/^/    /'
    status=1
fi
[ "$status" -ne 0 ] || echo "ok: no Qt under $core"
exit "$status"
