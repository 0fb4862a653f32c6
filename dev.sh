#!/usr/bin/env bash
# IAM Studio's two set-up commands (see README.md, "Quick start"):
#   ./dev.sh run    install what is missing, build, run the app
#   ./dev.sh test   install what is missing, build, run every test with ctest
# Both are idempotent: with everything in place they only rebuild what changed.
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 packages the build, the tests and the headless run need.
PACKAGES=(cmake ninja-build g++ pkg-config python3 qt6-base-dev nlohmann-json3-dev libqscintilla2-qt6-dev
          libgl-dev fonts-dejavu-core xvfb xauth)

install_missing() {
    local missing=() p
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    ((${#missing[@]} == 0)) && return 0
    echo "dev.sh: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# build DIR [cmake options...] [--target T]: configure once, then build (T, or all) incrementally.
build() {
    local dir=$1 target=()
    shift
    if [ "${*: -2:1}" = "--target" ]; then
        target=(--target "${*: -1}")
        set -- "${@:1:$#-2}"
    fi
    [ -f "$dir/build.ninja" ] || cmake -S . -B "$dir" -G Ninja "$@"
    cmake --build "$dir" "${target[@]}"
}

case "${1:-}" in
run)
    install_missing
    build build
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        exec build/bin/iam-studio
    fi
    # No display: the PassRole walkthrough through the real widgets, offscreen,
    # printing each step and its API calls, a screenshot per step in screenshots/.
    QT_QPA_PLATFORM=offscreen build/bin/iam-studio --walkthrough screenshots 2> >(grep -v -e propagateSizeHints -e XDG_RUNTIME_DIR >&2)
    ;;
test)
    install_missing
    build build
    ctest --test-dir build --output-on-failure -j2
    # The engine's suites again, under AddressSanitizer and UndefinedBehaviorSanitizer.
    # (Everything Qt-free builds that way, -DIAMSTUDIO_SANITIZE=ON -DIAMSTUDIO_ENGINE_ONLY=ON;
    # CI runs the engine's part, which fits in its time.)
    build build-asan -DIAMSTUDIO_SANITIZE=ON -DIAMSTUDIO_ENGINE_ONLY=ON -DCMAKE_BUILD_TYPE=Debug --target tests-policy
    ctest --test-dir build-asan -L policy --output-on-failure -j2
    ;;
*)
    echo "usage: ./dev.sh run | test" >&2
    exit 2
    ;;
esac
