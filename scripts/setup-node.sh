#!/usr/bin/env bash
# Install the npm packages the site's tests use into a cache folder (not committed, not shipped):
#   bash scripts/setup-node.sh            # into .cache/npm (or $TEI_NPM_CACHE)
# - axe-core: the accessibility checker the browser tests inject into each page of a site;
# - vnu-jar: the Nu Html Checker (the W3C's HTML5 validator; runs on the Java the suite has).
# Silent when they are there. Without npm the script says so and exits 0: the tests that need
# these packages skip with that reason, and the others run.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE=${TEI_NPM_CACHE:-.cache/npm}
PACKAGES=("axe-core@4.14.1" "vnu-jar@26.9.27")
have() {
  [ -f "$CACHE/node_modules/axe-core/axe.min.js" ] && [ -f "$CACHE/node_modules/vnu-jar/build/dist/vnu.jar" ]
}
if have; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "setup-node: npm is missing: the site's axe-core and HTML5 checks will be skipped" >&2
  echo "setup-node: install it (Debian: apt-get install npm), then run this script again" >&2
  exit 0
fi
mkdir -p "$CACHE"
echo "setup-node: installing ${PACKAGES[*]} into $CACHE" >&2
if ! npm install --silent --no-audit --no-fund --prefix "$CACHE" "${PACKAGES[@]}" >/dev/null; then
  echo "setup-node: npm install failed: the site's axe-core and HTML5 checks will be skipped" >&2
fi
exit 0
