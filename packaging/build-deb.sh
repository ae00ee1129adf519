#!/usr/bin/env bash
# Builds the haproxynet .deb with dpkg-deb: the Native AOT binary, the haproxynet-tool companion (self-contained,
# in /usr/lib/haproxynet-tool with /usr/bin/haproxynet-tool pointing at it), man page, systemd unit, rsyslog snippet,
# /etc/default file and default configuration.
#   packaging/build-deb.sh [--binary PATH] [--tool DIR] [--out DIR]
# Without --binary it publishes the native binary first (needs clang and zlib1g-dev; .ci/run installs them); without
# --tool it publishes haproxynet-tool first (the command below; .ci/run does it into artifacts/tool).
# Prints the path of the .deb on stdout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
binary=""
tool=""
out="$root/artifacts"
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary="$2"; shift 2 ;;
        --tool) tool="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        *) echo "usage: $0 [--binary PATH] [--tool DIR] [--out DIR]" >&2; exit 2 ;;
    esac
done

if [ -z "$binary" ]; then
    dotnet publish "$root/src/HaproxyNet.Host" -c Release -r linux-x64 -p:PublishAot=true \
        -o "$root/artifacts/native" >&2
    binary="$root/artifacts/native/haproxynet"
fi
[ -x "$binary" ] || { echo "not an executable: $binary" >&2; exit 1; }
if [ -z "$tool" ]; then
    # Self-contained (no .NET runtime package in Debian): the runtime, SkiaSharp's dependency-free native library.
    dotnet publish "$root/src/HaproxyNet.Tool" -c Release -r linux-x64 --self-contained \
        -p:InvariantGlobalization=true -o "$root/artifacts/tool" >&2
    tool="$root/artifacts/tool"
fi
[ -x "$tool/haproxynet-tool" ] || { echo "no haproxynet-tool in $tool" >&2; exit 1; }

# The version is the one -v prints: "HaproxyNet version 0.1.0 2026/11/24".
version="$("$binary" -v | sed -n 's/^HaproxyNet version \([^ ]*\) .*/\1/p')"
[ -n "$version" ] || { echo "could not read the version from $binary -v" >&2; exit 1; }
arch="$(dpkg --print-architecture 2>/dev/null || echo amd64)"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
pkg="$stage/haproxynet"
install -D -m 0755 "$binary" "$pkg/usr/sbin/haproxynet"
# The tool's apphost finds its runtime beside its real path (/proc/self/exe), so the symlink is enough.
install -d "$pkg/usr/lib/haproxynet-tool" "$pkg/usr/bin"
cp -R "$tool/." "$pkg/usr/lib/haproxynet-tool/"
find "$pkg/usr/lib/haproxynet-tool" \( -name '*.pdb' -o -name '*.xml' -o -name '*.dbg' \) -delete
chmod -R u=rwX,go=rX "$pkg/usr/lib/haproxynet-tool"
ln -s ../lib/haproxynet-tool/haproxynet-tool "$pkg/usr/bin/haproxynet-tool"
install -d "$pkg/usr/share/man/man1"
gzip -9n < "$here/haproxynet.1" > "$pkg/usr/share/man/man1/haproxynet.1.gz"
chmod 0644 "$pkg/usr/share/man/man1/haproxynet.1.gz"
install -D -m 0644 "$here/haproxynet.service" "$pkg/lib/systemd/system/haproxynet.service"
install -D -m 0644 "$here/49-haproxynet.conf" "$pkg/etc/rsyslog.d/49-haproxynet.conf"
install -D -m 0644 "$here/haproxynet.default" "$pkg/etc/default/haproxynet"
install -D -m 0644 "$here/haproxynet.cfg" "$pkg/etc/haproxynet/haproxynet.cfg"
install -D -m 0644 "$root/README.md" "$pkg/usr/share/doc/haproxynet/README.md"
install -D -m 0644 "$root/haproxy-cfg-samples/seed-incident.cfg" "$pkg/usr/share/doc/haproxynet/examples/seed-incident.cfg"
install -D -m 0644 "$root/haproxy-cfg-samples/tcp-demo.cfg" "$pkg/usr/share/doc/haproxynet/examples/tcp-demo.cfg"

install -d "$pkg/DEBIAN"
size="$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)"
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: haproxynet
Version: $version
Architecture: $arch
Maintainer: HaproxyNet maintainers <maintainers@users.noreply.example>
Installed-Size: $size
Depends: libc6
Recommends: rsyslog
Section: net
Priority: optional
Homepage: https://example.invalid/haproxynet
Description: C# port of HAProxy 1.4.25 (TCP load balancer)
 Runs HAProxy 1.4 configurations with 1.4's command line, -c verdicts,
 signals and syslog lines; a per-session decision trace explains queueing.
 haproxynet-tool compares logs with 1.4's (logdiff), counts them (logstat),
 replays a load in virtual time (simulate) and lints a configuration.
 What it does not perform yet (stats, layer-7 rules) is announced at start.
CONTROL
cat > "$pkg/DEBIAN/conffiles" <<CONFFILES
/etc/haproxynet/haproxynet.cfg
/etc/default/haproxynet
/etc/rsyslog.d/49-haproxynet.conf
CONFFILES
cat > "$pkg/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
# Nothing to do for an install into another root (dpkg --root, DPKG_ROOT set).
if [ "$1" = "configure" ] && [ -z "${DPKG_ROOT:-}" ] && [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || true
    systemctl try-restart rsyslog.service >/dev/null 2>&1 || true
fi
exit 0
POSTINST
chmod 0755 "$pkg/DEBIAN/postinst"

mkdir -p "$out"
deb="$out/haproxynet_${version}_${arch}.deb"
# gzip: the tool makes the package ~95 MB unpacked, and xz at its default level takes minutes on a small machine.
dpkg-deb --root-owner-group -Zgzip --build "$pkg" "$deb" >&2
echo "$deb"
