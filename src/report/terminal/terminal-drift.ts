// The drift check's lines in the terminal report: the reference, the
// bisection's steps and the commit it names, the commits that changed what
// the import can run. Pure.
import { durationWords, importedWords, stepPct, type DriftCommitView } from '../view/view-drift.js'
import type { ReportView } from '../view/view.js'
import type { Style } from './style.js'

const named = (c: DriftCommitView) => `${c.short}${c.pr !== null ? ` #${c.pr}` : ''} ${c.subject}`

const withWords = (file: string, words: string | null) => (words ? `${file} (${words})` : file)

export function driftLines(view: ReportView, style: Style, limit: number): string[] {
  const drift = view.drift
  if (!drift) return []
  const out = [
    '',
    style.bold(`Since ${drift.since.ref} (${drift.since.how})`) +
      `: ${drift.commits} first-parent commits, ${drift.merged.length} changed a file that can affect importing; ${durationWords(drift.durationS)} in all`,
  ]
  if (drift.runAtImport?.length && drift.runAtImport.length <= 5)
    out.push(
      `  where to look: ${drift.byLine ? 'lines that run at import were written or removed by' : 'files whose changed lines run at import were changed by'} ${drift.runAtImport.map(named).join('; ')}`,
    )
  const bisect = drift.bisect
  if (bisect) {
    for (const [i, s] of bisect.steps.entries())
      out.push(
        `  bisect ${i + 1}: ${named(s)}: ${s.verdict}${s.pct === null ? '' : ` (${stepPct(s.pct)})`}`,
      )
    out.push(
      bisect.firstBad
        ? `  the ${bisect.direction} first shows at ${style.bold(named(bisect.firstBad))}${bisect.note ? ` (${bisect.note})` : ''}`
        : `  not bisected: ${bisect.note ?? 'nothing to bisect'}`,
    )
  }
  const shown = drift.merged.slice(-limit)
  if (shown.length) {
    out.push(
      `  commits that changed what the import can run${shown.length < drift.merged.length ? ` (the last ${shown.length})` : ''}:`,
    )
    for (const m of shown)
      out.push(
        `    ${named(m)}: ${m.files.map((f) => withWords(f, importedWords(m, f))).join(', ')}${m.moreFiles ? ` and ${m.moreFiles} more` : ''}`,
      )
  }
  return out
}
