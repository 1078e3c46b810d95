#!/usr/bin/env bash
# A second LSP client no one here wrote: headless Neovim (Debian's neovim,
# 0.7+) drives `node dist/server.cjs --stdio` on seed reports and checks the
# diagnostics it receives, including byte-column positions on Chinese text.
# Installs neovim when missing (root + apt). Run after `npm run build`
# (`npm run test:neovim` does both).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nvim >/dev/null 2>&1 || bash scripts/apt-install-missing.sh neovim
[ -f dist/server.cjs ] || node scripts/build.mjs
repo="$PWD"
export FAZHI_SERVER="$repo/dist/server.cjs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
# Seeds with expectations on lines of Chinese text: 002 (simplified, full-width
# punctuation) and 003 (traditional text with pinyin residue).
for seed in 002_0376ecbf1b3a9eef 003_1ada4594c569a830; do
  cp "test/fixtures/corpus/$seed.txt" "$work/$seed.txt"
  node -e '
    const lines = require("fs").readFileSync("test/fixtures/corpus/expected.jsonl", "utf8").split("\n").filter(Boolean).map(JSON.parse);
    const mine = lines.filter((e) => e.file === process.argv[1] + ".txt" && e.line && e.match);
    process.stdout.write(mine.map((e) => `${e.rule}|${e.line}|${e.match}`).join("\n") + "\n");
  ' "$seed" > "$work/$seed.expect"
  echo "== $seed ($(wc -l < "$work/$seed.expect") expectations)"
  if ! (cd "$work" && FAZHI_NVIM_EXPECT="$work/$seed.expect" timeout 60 nvim --headless --clean -n \
      -c "luafile $repo/test/editors/neovim-check.lua" "$work/$seed.txt"); then
    status=1
  fi
done
if [ "$status" -eq 0 ]; then echo "neovim: all expectations met"; else echo "neovim: FAILED" >&2; fi
exit "$status"
