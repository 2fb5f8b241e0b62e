#!/usr/bin/env bash
# Renders every page of the sample report as a manager sees it, in en and zh-CN, into docs/screenshots/:
#   <locale>-<sheet number>-<sheet>[-<page of the sheet>].png   e.g. en-01-summary.png, zh-CN-03-breakdowns-2.png
# The workbook is the quick start's (sample-data/inbox, report date 2026-11-22, as of 2026-11-23 06:00 +08:00),
# printed by LibreOffice (soffice --headless --convert-to pdf) and rasterised by pdftoppm at 70 dpi. A page belongs
# to the sheet named in its header (the templates print the sheet name top right); the zh-CN workbook has the same
# sheets in the same order, so its files carry the English sheet names.
# Needs: Java + Maven (the ./kpi launcher), libreoffice-calc, poppler-utils, fonts-wqy-zenhei / fonts-noto-cjk.
# Usage: docs/screenshots/render.sh [--keep]     (--keep leaves the work directory for a look at the PDFs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shots="$root/docs/screenshots"
work="$(mktemp -d)"
[[ "${1:-}" == "--keep" ]] || trap 'rm -rf "$work"' EXIT
cd "$root"
date=2026-11-22
asof=2026-11-23T06:00:00+08:00
./kpi ingest --inbox sample-data/inbox --data-dir "$work/data" >"$work/ingest.log"
declare -a en_sheets=()
for loc in en zh-CN; do
  out="$work/$loc"
  ./kpi report --date "$date" --as-of "$asof" --locale "$loc" --data-dir "$work/data" --out "$out" >"$work/report-$loc.log"
  (cd "$out" && soffice --headless --convert-to pdf "kpi-report_$date.xlsx" >/dev/null 2>&1)
  pdf="$out/kpi-report_$date.pdf"
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')
  rm -f "$shots/$loc"-[0-9][0-9]-*.png
  sheet=0 prev="" part=0
  for ((p = 1; p <= pages; p++)); do
    head=$(pdftotext -layout -f "$p" -l "$p" "$pdf" - | awk 'NF && !done {print; done = 1}' | sed -E 's/^ +//; s/.*   +//')
    if [[ "$head" != "$prev" ]]; then
      sheet=$((sheet + 1)) prev="$head" part=1
      if [[ $loc == en ]]; then
        en_sheets[$sheet]=$(echo "$head" | tr 'A-Z' 'a-z' | sed -E 's/[^a-z0-9]+/-/g; s/^-|-$//g')
      fi
    else
      part=$((part + 1))
    fi
    name="${en_sheets[$sheet]:-sheet}"
    suffix=$([[ $part -gt 1 ]] && echo "-$part" || true)
    file=$(printf '%s-%02d-%s%s' "$loc" "$sheet" "$name" "$suffix")
    pdftoppm -png -r 70 -singlefile -f "$p" -l "$p" "$pdf" "$shots/$file"
    echo "$file.png  (page $p: $head)"
  done
done
