#!/usr/bin/env bash
# A third LSP client no one here wrote: batch Emacs 28 with eglot + flymake
# drives `node dist/server.cjs --stdio` on seed reports and checks the
# diagnostics flymake shows, at Emacs's character columns
# (test/editors/emacs-check.el). Installs Debian's emacs-nox and elpa-eglot
# when missing (root + apt), builds dist/ when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v emacs >/dev/null 2>&1 || ! emacs --batch --eval '(require (quote eglot))' >/dev/null 2>&1; then
  bash scripts/apt-install-missing.sh emacs-nox elpa-eglot
fi
[ -f dist/server.cjs ] || node scripts/build.mjs
repo="$PWD"
export FAZHI_SERVER="$repo/dist/server.cjs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
# Seeds with expectations on lines of Chinese text: 002 (simplified, full-width
# punctuation) and 003 (traditional text with pinyin residue). The copy keeps
# the seed's name: emacs-check.el looks its expectations up by file name.
for seed in 002_0376ecbf1b3a9eef 003_1ada4594c569a830; do
  cp "test/fixtures/corpus/$seed.txt" "$work/$seed.txt"
  echo "== $seed"
  # No -Q: Debian's site-start puts elpa-eglot on the load path. Emacs's own
  # messages (eglot connected/terminated) go to stderr; the results to stdout.
  if ! (cd "$work" && timeout 60 emacs --batch -l "$repo/test/editors/emacs-check.el" "$work/$seed.txt" 2>"$work/$seed.log"); then
    status=1
    cat "$work/$seed.log" >&2
  fi
done
if [ "$status" -eq 0 ]; then echo "emacs: all expectations met"; else echo "emacs: FAILED" >&2; fi
exit "$status"
