#!/usr/bin/env bash
# install-deps.sh -- install the Debian packages asyncscope needs, if missing.
#
# Debian 12 (bookworm) packages only; nothing is downloaded from elsewhere.
# Installs only what is not installed yet, without questions; run it as root,
# or as a user who may use sudo. On a system without dpkg it only lists what
# to install and carries on.
set -euo pipefail

packages=(
    cmake ninja-build g++            # the build
    qt6-base-dev                     # Qt 6 Core, Gui, Widgets, Test (the window)
    libboost-dev libboost-context-dev  # Boost.Multiprecision, Boost.Context (the core)
    libgtest-dev                     # unit tests
    python3                          # the test harness (CPython's answers) and the benchmark
)

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "install-deps: not a Debian system; please install the equivalents of: ${packages[*]}" >&2
    exit 0
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all needed packages are installed"
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "install-deps: missing packages (${missing[*]}); run this script as root to install them" >&2
        exit 1
    fi
    sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
