#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb from an existing build tree, installs it into a throw-away dpkg root and
# checks what a user gets. usage: package_deb.sh BUILD_DIR SOURCE_DIR VERSION BUILD_PORTHOLE_CLI
set -euo pipefail
build=$1 src=$2 version=$3 build_cli=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $* ($(( $(date +%s%N) / 1000000 - t0 )) ms)"; }
t0=$(( $(date +%s%N) / 1000000 ))

echo "== cpack (installs this build tree into a staging folder, strips, packs)"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/out/porthole_"$version"_*.deb) || fail "no porthole_${version}_*.deb"
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"

step "control fields"
[ "$(dpkg-deb -f "$deb" Package)" = porthole ] || fail "Package"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version is not $version"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# shlibdeps must have found the libraries we link, and the run-time loads must be listed.
for dep in libjq1 librdkafka1 libqt6widgets6 'libqscintilla2-qt6-[0-9]+' libqt6keychain1 \
           libqt6httpserver6 libsecret-1-0 qt6-qpa-plugins qt6-wayland libqt6svg6; do
  grep -Eq "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep"
done

step "licence and maintainer"
# LICENSE is base-files' GPL-3 text; the package says GPL-3+ (Debian) and GPL-3.0-or-later (SPDX).
cmp -s "$src/LICENSE" /usr/share/common-licenses/GPL-3 || fail "LICENSE is not the GPL-3 text"
maintainer=$(sed -n 's/^set(CPACK_PACKAGE_CONTACT "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[ -n "$maintainer" ] && [ "$(dpkg-deb -f "$deb" Maintainer)" = "$maintainer" ] ||
  fail "Maintainer is not PORTHOLE_MAINTAINER ('$maintainer')"

step "the package's version everywhere"
[ "$(dpkg-parsechangelog -l "$src/packaging/debian/changelog" -S Version)" = "$version" ] ||
  fail "packaging/debian/changelog's newest entry is not $version"
grep -q "<release version=\"$version\"" "$src/packaging/linux/io.porthole.Porthole.metainfo.xml.in" ||
  fail "the metainfo has no <release> for $version (add its notes)"

step "install into a throw-away dpkg root"
root=$work/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
# The root has no libraries of its own: the programs run on this machine's, through the
# dependencies' check that is skipped here (the debootstrap install in README checks those).
dpkg --root="$root" --force-depends --force-script-chrootless -i "$deb" >"$work/dpkg.log" 2>&1 ||
  { cat "$work/dpkg.log"; fail "dpkg -i"; }
dpkg --root="$root" -s porthole | grep -q '^Status: install ok installed' || fail "not installed"
for f in /usr/bin/porthole /usr/bin/porthole-cli /usr/libexec/porthole/porthole-cli-net \
         /usr/share/applications/io.porthole.Porthole.desktop \
         /usr/share/metainfo/io.porthole.Porthole.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/io.porthole.Porthole.svg \
         /usr/share/icons/hicolor/48x48/apps/io.porthole.Porthole.png \
         /usr/share/icons/hicolor/256x256/apps/io.porthole.Porthole.png \
         /usr/share/man/man1/porthole.1.gz /usr/share/man/man1/porthole-cli.1.gz \
         /usr/share/doc/porthole/copyright /usr/share/doc/porthole/changelog.gz \
         /usr/share/porthole/examples/nodes/basic-publish-event.json; do
  [ -e "$root$f" ] || fail "$f is not installed"
  dpkg --root="$root" -S "$f" >/dev/null || fail "$f is not owned by the package"
done
file "$root/usr/share/icons/hicolor/48x48/apps/io.porthole.Porthole.png" | grep -q "48 x 48" ||
  fail "the 48x48 icon is not 48x48"

step "the installed programs"
unset DISPLAY WAYLAND_DISPLAY
[ "$("$root/usr/bin/porthole-cli" --version)" = "porthole $version" ] || fail "porthole-cli --version"
[ "$("$root/usr/bin/porthole" --version)" = "porthole $version" ] || fail "porthole --version without a display"
"$root/usr/bin/porthole" --help | grep -q '^Usage: porthole \[options\]' || fail "porthole --help"
# The network commands run as /usr/libexec/porthole/porthole-cli-net (src/cli/CMakeLists.txt).
"$root/usr/bin/porthole-cli" sandbox --help | grep -q '^Usage: porthole-cli sandbox' ||
  fail "installed porthole-cli sandbox --help (porthole-cli-net)"
ex=$root/usr/share/porthole/examples
# An example renders `now`: the two runs may fall in different seconds, so times are masked.
mask_times() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/<time>/g'; }
for node in "$ex"/nodes/*.json; do
  got=$("$root/usr/bin/porthole-cli" render "$node" --context "$ex/contexts/workflow.json" | mask_times) ||
    fail "installed porthole-cli render $(basename "$node")"
  want=$("$build_cli" render "$node" --context "$ex/contexts/workflow.json" | mask_times)
  [ -n "$got" ] && [ "$got" = "$want" ] || fail "render $(basename "$node") differs from the build's"
done
echo "rendered $(ls "$ex"/nodes/*.json | wc -l) installed examples like the build tree's porthole-cli"
for page in porthole porthole-cli; do
  cmp -s <(gzip -dc "$root/usr/share/man/man1/$page.1.gz") "$build/packaging/man/$page.1" ||
    fail "the packaged $page(1) is not the build's"
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
  [ -z "$warnings" ] || fail "man $page: $warnings"
done

step "the installed licence"
grep -qx 'License: GPL-3+' "$root/usr/share/doc/porthole/copyright" ||
  fail "the copyright file does not license the files as GPL-3+"
grep -q '<project_license>GPL-3.0-or-later</project_license>' \
  "$root/usr/share/metainfo/io.porthole.Porthole.metainfo.xml" ||
  fail "the metainfo's project_license is not GPL-3.0-or-later"

step "desktop-file-validate"
desktop-file-validate "$root/usr/share/applications/io.porthole.Porthole.desktop"
step "appstreamcli validate --no-net"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.porthole.Porthole.metainfo.xml"

step "lintian (errors fail; warnings are printed)"
lintian --fail-on error --tag-display-limit 0 "$deb" 2>&1 | tee "$work/lintian.log"

step "remove"
dpkg --root="$root" --force-script-chrootless -P porthole >/dev/null
left=$(find "$root" -path "$root/var" -prune -o -type f -print | head -5)
[ -z "$left" ] || fail "files left after purge: $left"
step "done"
