#!/bin/sh
# Fetches Dear ImGui's sources from Debian's `imgui` source package, pinned to one
# upstream version and checked against a known sha256, and unpacks them into $1.
# The mirror is the one this machine's own apt sources already name: no registry host
# is written here. Debian's binary package (libimgui-dev) lacks imgui.cpp, which the
# WebAssembly build needs, hence the source package.
set -eu
dest=${1:?usage: fetch-imgui.sh DEST_DIR}
version=1.90.1
debrev=1.90.1+ds-1
tarball=imgui_${version}+ds.orig.tar.xz
sha256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c

if [ -f "$dest/imgui-$version/imgui.cpp" ]; then exit 0; fi
work=$(dirname "$dest")/apt-imgui
mkdir -p "$work/lists/partial" "$dest"

if [ ! -f "$work/$tarball" ]; then
  uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1=="deb"{for(i=2;i<=NF;i++) if($i ~ /^[a-z]+:\/\//){print $i; exit}}' /etc/apt/sources.list)
  fi
  if [ -z "$uri" ]; then
    echo "fetch-imgui: cannot find a Debian mirror in this machine's apt sources" >&2; exit 1
  fi
  # trixie carries imgui 1.90.1; the same upstream tarball sits under every Debian revision.
  echo "deb-src $uri trixie main" > "$work/sources.list"
  o="-o Dir::Etc::SourceList=$work/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$work/lists -o APT::Sandbox::User=root"
  apt-get $o update -qq
  (cd "$work" && { apt-get $o source --download-only -qq "imgui=$debrev" || apt-get $o source --download-only -qq imgui; })
fi

echo "$sha256  $work/$tarball" | sha256sum -c --quiet - || {
  echo "fetch-imgui: $tarball does not match the pinned sha256; refusing to build with it" >&2; exit 1; }
tar xf "$work/$tarball" -C "$dest"
test -f "$dest/imgui-$version/imgui.cpp"
