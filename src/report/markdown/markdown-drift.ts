// The drift check's section of the markdown report: the reference, the
// bisection when asked for, and the commits since that changed what the
// import can run, collapsed. Pure.
import {
  durationWords,
  importedWords,
  sentence,
  stepPct,
  type DriftCommitView,
} from '../view/view-drift.js'
import type { ReportView } from '../view/view.js'
import { code, plain } from './markdown-text.js'

const named = (c: DriftCommitView) =>
  `${code(c.short)}${c.pr !== null ? ` #${c.pr}` : ''} ${plain(c.subject)}`

/** Commits "Where to look" names; past that, a count, and the marks in the list. */
const WHERE_TO_LOOK = 5

export function driftSection(doc: ReportView, cap: number): string[] {
  const drift = doc.drift
  if (!drift) return []
  const lines = [
    `**Since ${code(drift.since.ref)}** (${drift.since.how}): ${drift.commits} first-parent commits, ${drift.merged.length} of them changed a file that can affect importing; the drift check took ${durationWords(drift.durationS)}.`,
  ]
  const look = drift.runAtImport
  if (look)
    lines.push(
      '',
      !look.length
        ? 'No changed line of these commits runs at import (traced): what changed is what the import loads, or its dependencies.'
        : look.length <= WHERE_TO_LOOK
          ? `**Where to look**: ${drift.byLine ? 'lines that run at import (traced) were written or removed by' : 'files whose changed lines run at import (traced) were changed by'} ${look.map(named).join('; ')}.`
          : `**Where to look**: ${look.length} of these commits ${drift.byLine ? 'wrote or removed lines that run at import (traced)' : 'changed files whose changed lines run at import (traced, file by file over the whole change)'}, marked below${drift.bisect ? '' : '; bisecting narrows a change to one'}.`,
    )
  const bisect = drift.bisect
  if (bisect) {
    lines.push('')
    if (bisect.firstBad)
      lines.push(
        `**Bisected** in ${bisect.steps.length} paired compare${bisect.steps.length === 1 ? '' : 's'} with ${code(drift.since.ref)}: the ${bisect.direction} first shows at ${named(bisect.firstBad)}.${bisect.note ? ` ${plain(sentence(bisect.note))}.` : ''}`,
      )
    else lines.push(`Not bisected: ${plain(bisect.note ?? 'nothing to bisect')}.`)
    if (bisect.steps.length) {
      lines.push('', '| step | commit | verdict | Δ % |', '| ---: | --- | --- | ---: |')
      bisect.steps.forEach((s, i) =>
        lines.push(
          `| ${i + 1} | ${named(s)} | ${s.verdict} | ${s.pct === null ? '–' : `${stepPct(s.pct)}`} |`,
        ),
      )
    }
  }
  if (drift.merged.length) {
    const shown = drift.merged.slice(-cap * 2)
    lines.push(
      '',
      `<details><summary>${drift.merged.length} commits that changed what the import can run${shown.length < drift.merged.length ? ` (the last ${shown.length})` : ''}</summary>`,
      '',
      ...shown.map((m) => {
        const files = m.files.map((f) => {
          const seen = importedWords(m, f)
          return seen ? `${code(f)} (**${seen}**)` : code(f)
        })
        return `- ${named(m)}: ${files.join(', ')}${m.moreFiles ? ` and ${m.moreFiles} more` : ''}`
      }),
      '',
      '</details>',
    )
  }
  return lines
}
