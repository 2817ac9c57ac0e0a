// The HTML report (`--html`, and a file in the action's artifact): the
// headline, the table, and a diff icicle of each target's -X importtime tree,
// base and head as one tree coloured by change. Self-contained: no network.
// Pure: results in, one page out.
import type { ResultsDocument } from '../../results/schema.js'
import { formatMs, signedMs, signedPct } from '../view/format.js'
import { plainText } from '../view/headline.js'
import { SCRIPT, STYLE } from './html-client.js'
import { mergeTrees } from './html-tree.js'
import { escapeHtml } from '../view/untrusted.js'
import { buildView, type ReportView } from '../view/view.js'

export { escapeHtml }

/** JSON inside <script>: nothing in it can close the element or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** The HTML report of one results document. */
export const htmlReport = (document: ResultsDocument): string => htmlOfView(buildView(document))

/** The HTML report, laid out from the view model (built once per report by the caller). */
export function htmlOfView(view: ReportView): string {
  // The view's trees are the visible copy: module names are the measured code's text.
  const targets = view.importTrees.map(({ target, base, head }) => ({
    name: target,
    tree: mergeTrees(base, head),
  }))
  const compare = view.command === 'compare'
  const rows = view.rows
    .filter((r) => r.primary)
    .map((r) => {
      const cells = compare
        ? [
            r.base ? formatMs(r.base.median) : '–',
            r.head ? formatMs(r.head.median) : '–',
            r.delta ? signedMs(r.delta.ms) : '–',
            r.delta ? signedPct(r.delta.pct) : '–',
          ]
        : [r.head ? formatMs(r.head.median) : '–']
      return `<tr><td>${escapeHtml(r.target)}</td>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}<td class="verdict">${escapeHtml(r.verdict)}</td></tr>`
    })
    .join('\n')
  const header = compare
    ? '<tr><th>Target</th><th>Base</th><th>Head</th><th>Δ</th><th>Δ %</th><th>Verdict</th></tr>'
    : '<tr><th>Target</th><th>Median</th><th>Verdict</th></tr>'
  const { run } = view
  const sides = run.base
    ? `base ${run.base.ref} (${(run.base.sha ?? '?').slice(0, 12)}) → head ${run.head.ref} (${(run.head.sha ?? '?').slice(0, 12)})`
    : `${run.head.ref} (${(run.head.sha ?? '?').slice(0, 12)})`
  const headline = plainText(view.headline)
  const legend = compare
    ? '<span class="legend">Width: cumulative import time (the larger side). <span style="background:#f4a6a6"></span>now imported <span style="background:#a6dcb2"></span>no longer imported <span style="background:#d6e2f0"></span>moved to another importer <span style="background:rgb(235,120,120)"></span>slower <span style="background:rgb(110,200,130)"></span>faster <span style="background:#e6e9ed"></span>about the same</span>'
    : '<span class="legend">Width: cumulative import time.</span>'
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>importgate: ${escapeHtml(headline)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(headline)}</h1>
<p class="meta">${escapeHtml(`${sides} · Python ${run.python.split(' ')[0]} · importgate ${run.version}`)}</p>
<table>
${header}
${rows}
</table>
<div class="controls">
<label>Target <select id="target"></select></label>
<input id="search" type="search" placeholder="Find a module" aria-label="Find a module">
<button id="reset" type="button">Reset zoom</button>
${legend}
</div>
<div id="icicle" role="img" aria-label="Import tree of the selected target"></div>
<div id="detail">Hover over a module for its times; click to zoom in, click again to zoom out.</div>
<p class="meta">Times are medians of untimed <code>-X importtime</code> runs, which run slower than the timed samples; each module sits under the module that first imported it.</p>
<script type="application/json" id="data">${scriptJson({ targets })}</script>
<script>${SCRIPT}</script>
</body>
</html>
`
}
