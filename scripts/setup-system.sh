#!/usr/bin/env bash
# Install the system programs the test suite uses, where they are missing and this can.
#   bash scripts/setup-system.sh
# - Java runs jing, the reference RELAX NG validator, for the official tei_all level;
# - Chromium loads the HTML renderings in the browser tests;
# - xsltproc runs the stylesheets in converters/ as other platforms do (same bytes as lxml).
# As root, or with passwordless sudo, on a system with apt-get, the missing Debian packages are
# installed. Otherwise, or when installing fails, the script says what is missing and how to
# install it, and still exits 0: the tests that need a program skip with that reason, and the
# others run. Silent when everything is there, so calling it before every test run costs nothing.
set -euo pipefail

say() { echo "setup-system: $*" >&2; }

have_java() { command -v java >/dev/null 2>&1; }
have_chromium() {
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}
have_xsltproc() { command -v xsltproc >/dev/null 2>&1; }

# Debian package for each program that is missing
missing() {
  have_java || echo default-jre-headless
  have_chromium || echo chromium
  have_xsltproc || echo xsltproc
}

packages=$(missing)
if [ -z "$packages" ]; then
  exit 0
fi
packages=$(echo $packages) # one line

explain() {
  have_java || say "missing: Java 17 or later (runs jing for the tei_all tests)"
  have_chromium || say "missing: Chromium (loads the HTML renderings in the browser tests)"
  have_xsltproc || say "missing: xsltproc (runs converters/ as other platforms do)"
  if command -v apt-get >/dev/null 2>&1; then
    say "install as root: apt-get update &&" \
      "apt-get install --no-install-recommends $(echo $(missing))"
  else
    say "install Java 17 or later, Chromium and xsltproc with your system's package manager"
  fi
  say "the tests that need them will be skipped"
}

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root="sudo -n"
else
  explain
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  explain
  exit 0
fi

apt_get() { $as_root env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }

say "installing $packages"
if ! apt_get update -qq; then
  say "apt-get update failed"
fi
# One transaction when it works; otherwise one package at a time, so a package this release
# does not have (Ubuntu ships chromium as a snap) does not keep Java from being installed.
if ! apt_get install -y -qq --no-install-recommends $packages >/dev/null; then
  for package in $packages; do
    if ! apt_get install -y -qq --no-install-recommends "$package" >/dev/null; then
      say "could not install $package"
    fi
  done
fi
if [ -n "$(missing)" ]; then
  explain
fi
exit 0
