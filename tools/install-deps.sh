#!/bin/sh
# Installs what a fresh Debian machine lacks for building and testing Parley.
# Idempotent and quiet when everything is present, so every make target can call it.
#   tools/install-deps.sh build   -> compilers, Emscripten, headers, fonts
#   tools/install-deps.sh test    -> the above plus Chromium, git and the npm test tooling
#   tools/install-deps.sh bench   -> the build set plus Node.js (make bench runs under Node),
#                                    Chromium and the pinned npm packages of the diff benchmark
#   tools/install-deps.sh fuzz    -> the build set plus clang and its libFuzzer runtime
set -eu
what=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)

need=""
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for p in build-essential cmake emscripten nlohmann-json3-dev doctest-dev fonts-inter fonts-dejavu-core xz-utils; do
  have_pkg "$p" || need="$need $p"
done
if [ "$what" = test ] || [ "$what" = bench ]; then
  # The machine may bring its own Node.js; only install Debian's when there is none.
  command -v node >/dev/null 2>&1 || need="$need nodejs"
fi
if [ "$what" = test ] || [ "$what" = bench ]; then
  have_pkg chromium || need="$need chromium"
  command -v npm >/dev/null 2>&1 || need="$need npm"
fi
if [ "$what" = test ]; then
  # tests/browser/merge-cli.test.mjs runs real git with `parley merge` as its merge driver.
  command -v git >/dev/null 2>&1 || need="$need git"
fi
if [ "$what" = fuzz ]; then
  # clang-14 is the compiler Debian 12's libFuzzer runtime (libclang-rt-14-dev) belongs to.
  for p in clang libclang-rt-14-dev; do
    have_pkg "$p" || need="$need $p"
  done
fi
if [ -n "$need" ]; then
  echo "install-deps: installing$need"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need
fi

"$root/tools/fetch-imgui.sh" "$root/build/third_party"

if [ "$what" = test ]; then
  cd "$root/tests/browser"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi

if [ "$what" = bench ]; then
  # jsdiff and diff-match-patch at pinned versions, and playwright-core to drive Chromium.
  cd "$root/bench/diff"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
