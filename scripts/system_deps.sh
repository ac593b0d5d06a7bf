#!/usr/bin/env bash
# Checks what PySide6, the tests and PDF checks need from the system (measured on a clean
# Debian 12): Qt's libraries, fonts-noto-cjk (Chinese documents), poppler-utils (pdftotext,
# reading printed PDFs back in the tests). As root with apt-get: installs what is missing.
# Otherwise: prints the exact apt-get line and fails.
# With --desktop (make run): also the libraries of Qt's xcb platform plugin, which a real window
# on an X11/XWayland desktop loads (the error otherwise: Could not load the Qt platform plugin "xcb").
set -u
missing=()
desktop=0
[ "${1:-}" = "--desktop" ] && desktop=1
# ldconfig lives in /sbin, which is not on an ordinary user's PATH on Debian: without the full
# path every library would be reported missing to a clerk who is not root.
ldconfig_bin=$(command -v ldconfig || echo /sbin/ldconfig)
have_lib() { "$ldconfig_bin" -p 2>/dev/null | grep -q "$1"; }
have_lib 'libGL.so.1'           || missing+=(libgl1)
have_lib 'libEGL.so.1'          || missing+=(libegl1)
have_lib 'libxkbcommon.so.0'    || missing+=(libxkbcommon0)
have_lib 'libglib-2.0.so.0'     || missing+=(libglib2.0-0)
have_lib 'libfreetype.so.6'     || missing+=(libfreetype6)
have_lib 'libfontconfig.so.1'   || missing+=(libfontconfig1)
have_lib 'libdbus-1.so.3'       || missing+=(libdbus-1-3)
# Chinese printing: Noto CJK is the CJK font Debian installs by default (the document tests
# run with every Chinese font present; WenQuanYi, if installed too, is tested as well).
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
if ! fc-list :lang=zh family 2>/dev/null | grep -q 'Noto Sans CJK SC'; then
    missing+=(fonts-noto-cjk)
fi
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# PostgreSQL: make test runs the suite a second time on a throw-away cluster (scripts/pg_cluster.sh),
# and server backups call pg_dump. Debian's package brings initdb, pg_ctl, pg_dump and psql.
if [ "$desktop" = "0" ] && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null 2>&1; then
    missing+=(postgresql)
fi
if [ "$desktop" = "1" ]; then
    # What libqxcb.so and libQt6XcbQpa.so.6 of PySide6 6.11 link against (ldd), by Debian package.
    for pair in libX11.so.6:libx11-6 libX11-xcb.so.1:libx11-xcb1 libxcb.so.1:libxcb1 \
                libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 libxcb-util.so.1:libxcb-util1 \
                libxcb-image.so.0:libxcb-image0 libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-randr.so.0:libxcb-randr0 \
                libxcb-render.so.0:libxcb-render0 libxcb-render-util.so.0:libxcb-render-util0 \
                libxcb-shape.so.0:libxcb-shape0 libxcb-shm.so.0:libxcb-shm0 libxcb-sync.so.1:libxcb-sync1 \
                libxcb-xfixes.so.0:libxcb-xfixes0 libxcb-xkb.so.1:libxcb-xkb1 \
                libxkbcommon-x11.so.0:libxkbcommon-x11-0; do
        have_lib "${pair%%:*}" || missing+=("${pair##*:}")
    done
fi
py=${PYTHON:-python3}
if ! "$py" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    ver=$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")' 2>/dev/null || echo 3)
    missing+=("python${ver}-venv")
fi
# initdb and pg_ctl refuse to run as root: the test cluster runs as this unprivileged system user.
make_pg_user() {
    if [ "$desktop" = "0" ] && [ "$(id -u)" = "0" ] && ! id resettle-pg >/dev/null 2>&1 && command -v useradd >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin resettle-pg
    fi
}
if [ ${#missing[@]} -eq 0 ]; then
    make_pg_user
    exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || exit $?
    make_pg_user
    exit 0
fi
echo "Missing system packages. Install them with:" >&2
echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
echo "(without sudo: su -c 'apt-get update && apt-get install -y --no-install-recommends ${missing[*]}')" >&2
exit 1
