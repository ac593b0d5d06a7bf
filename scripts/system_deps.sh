#!/usr/bin/env bash
# Checks what PySide6, the tests and PDF checks need from the system (measured on a clean
# Debian 12): Qt's libraries, fonts-noto-cjk (Chinese documents), poppler-utils (pdftotext,
# reading printed PDFs back in the tests). As root with apt-get: installs what is missing.
# Otherwise: prints the exact apt-get line and fails.
set -u
missing=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
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
py=${PYTHON:-python3}
if ! "$py" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    ver=$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")' 2>/dev/null || echo 3)
    missing+=("python${ver}-venv")
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    exit $?
fi
echo "Missing system packages. Install them with:" >&2
echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
exit 1
