#!/bin/sh
# Source modules without a test file of their own, largest first: tests mirror src/
# (src/<dir>/<name>.ts -> test/<dir>/<name>.test.ts; static/<app>/src/<name>.ts -> test/static/<app>/<name>.test.ts).
# Pure type files, barrels and re-exports show up too; judge those by eye.
cd "$(dirname "$0")/.." || exit 1
for f in $(find src static/*/src -name '*.ts' | sort); do
  case $f in
    src/*) rel=${f#src/}; t=test/${rel%.ts}.test.ts ;;
    static/*) d=${f#static/}; app=${d%%/src/*}; n=${d#*/src/}; t=test/static/$app/${n%.ts}.test.ts ;;
  esac
  [ -f "$t" ] || [ -f "${t}x" ] || echo "$(wc -l < "$f") $f"
done | sort -rn
