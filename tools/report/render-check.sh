#!/usr/bin/env bash
# Renders the example drift report in headless Chromium and checks that it displays:
# the page loads without network, its DOM holds one SVG chart per column, and a screenshot
# is written to docs/images/drift-report.png.
#
# Needs Chromium (Debian: apt-get install chromium). Usage: tools/report/render-check.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$(pwd)/reco-examples/target/drift-report"
./mvnw -B -q -Pdemo package -DskipTests \
  -Ddemo.mainClass=dev.reco.examples.DriftReportExample -Ddemo.args="$out"
html="$out/drift.html"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
  --disable-background-networking --allow-file-access-from-files)
dom="$("$browser" "${flags[@]}" --dump-dom "file://$html" 2>/dev/null)"
columns="$(grep -o '<tr class="[a-z]*drift"' <<<"$dom" | wc -l)"
charts="$(grep -o '<svg ' <<<"$dom" | wc -l)"
summary="$(grep -o 'drift detected in [0-9]* of [0-9]* columns' <<<"$dom" | head -1)"
echo "rendered: $summary; $columns table rows; $charts charts"
if [[ "$columns" -lt 1 || "$charts" -ne "$columns" || -z "$summary" ]]; then
  echo "render check FAILED: expected one chart per column and a summary line" >&2
  exit 1
fi
"$browser" "${flags[@]}" --window-size=1100,1420 --screenshot="$(pwd)/docs/images/drift-report.png" \
  "file://$html" 2>/dev/null
echo "screenshot: docs/images/drift-report.png"
