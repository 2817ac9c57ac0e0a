// Check-run annotations: one per forbidden import (and, under enforce-lazy, per
// declared-lazy module loaded anyway, on its declaration) and per newly eager module
// of a regression, on the line that imports it when that line is in the
// checkout (head is the checked-out commit); one per regression that only
// another row found (an instruction count, a cold cache).
import { importLocation } from '../github/import-location.js'
import { traitsOf } from '../model/target.js'
import type { Verdict } from '../model/verdict.js'
import { formatChain, formatMs, howMuchWithin, signedMs } from '../report/view/format.js'
import { countedWords, STATE_WORDS } from '../report/view/headline.js'
import { decidingInterval, type MetricRowView } from '../report/view/view-rows.js'
import type { ReportView } from '../report/view/view.js'

export interface Annotation {
  verdict: Verdict
  message: string
  where: { title: string; file?: string; startLine?: number }
}

const MAX_PER_TARGET = 5

export function annotations(view: ReportView, workspace: string, projectDir: string): Annotation[] {
  const out: Annotation[] = []
  const at = (chain: string[], title: string): Annotation['where'] => {
    const [importer, imported] = chain.slice(-2)
    const location =
      importer && imported ? importLocation(workspace, projectDir, importer, imported) : null
    return location ? { title, file: location.file, startLine: location.line } : { title }
  }
  for (const row of view.rows.filter((r) => r.primary)) {
    const target = row.target
    for (const f of view.forbidden.filter((x) => x.target === target)) {
      out.push({
        verdict: 'forbidden',
        message: `${target} imports forbidden module ${f.name}${f.chain.length ? ` via ${formatChain(f.chain)}` : ''}`,
        where: at(f.chain, 'importgate: forbidden import'),
      })
    }
    out.push(...loadedAnyway(view, target))
    const over = view.budgets.filter((b) => b.target === target && !b.ok)
    if (row.verdict === 'budget' && over.length) {
      const b = over.find((x) => x.on === 'time') ?? over[0]!
      const what =
        b.on === 'time'
          ? `${formatMs(b.actual)} to import (budget ${formatMs(b.limit)})`
          : `${b.actual} modules (budget ${b.limit})`
      out.push({
        verdict: 'budget',
        message: `${target} takes ${what}`,
        where: { title: 'importgate: over budget' },
      })
    }
    if (row.verdict !== 'regression' || !row.delta) continue
    const eager = view.moduleChanges.find((l) => l.target === target && l.eager)
    const leads = (eager?.groups ?? []).slice(0, MAX_PER_TARGET)
    const summary = `${target} imports ${howMuchWithin(row.delta.pct, decidingInterval(row.delta).ci)} (${signedMs(row.delta.ms)})`
    if (leads.length === 0) {
      out.push({
        verdict: 'regression',
        message: summary,
        where: { title: 'importgate: import-time regression' },
      })
    }
    for (const { lead, more } of leads) {
      out.push({
        verdict: 'regression',
        message: `${summary}: ${lead.name} is now imported (${signedMs(lead.cumulative_ms)}${more ? `, with ${more} modules it imports` : ''}) via ${formatChain(lead.chain)}`,
        where: at(lead.chain, 'importgate: now eager'),
      })
    }
  }
  for (const row of otherRegressions(view.rows)) {
    out.push({
      verdict: 'regression',
      message: otherRowSummary(row),
      where: { title: 'importgate: import-time regression' },
    })
  }
  return out
}

/** enforce-lazy: on each declaration the import loaded anyway (its file is the commit's, when known). */
function loadedAnyway(view: ReportView, target: string): Annotation[] {
  if (view.run.settings.enforce_lazy !== true) return []
  const title = 'importgate: declared lazy, loaded anyway'
  return view.lazyImports
    .filter((item) => item.target === target)
    .flatMap((item) => item.lazy.loaded_anyway.slice(0, MAX_PER_TARGET))
    .map((l) => ({
      verdict: 'forbidden' as const,
      message: `${target}: ${l.module} is declared lazy here, but the import loads it anyway${l.loaded_at ? ` (first needed at ${l.loaded_at.file}:${l.loaded_at.line})` : ''}`,
      // `<head venv>/…`: an installed copy, no line of the checkout.
      where: l.file.startsWith('<') ? { title } : { title, file: l.file, startLine: l.line },
    }))
}

/**
 * Gating rows other than a target's main one that found a regression the main
 * row did not: a cache state's time, or a count. Where the main row found it
 * too, its own annotations already say so.
 */
function otherRegressions(rows: MetricRowView[]): MetricRowView[] {
  const mainFound = new Set(
    rows.filter((r) => r.primary && r.verdict === 'regression').map((r) => r.target),
  )
  return rows.filter(
    (r) =>
      !r.primary &&
      r.gating &&
      r.verdict === 'regression' &&
      !(r.counted && r.variant === 'warm' && mainFound.has(r.target)),
  )
}

/** "shop runs 1.0% more instructions at import (+363.7 k)", "shop imports 12% slower (+4.46 ms) from a cold page cache". */
function otherRowSummary(row: MetricRowView): string {
  const state = row.variant === 'warm' ? '' : STATE_WORDS[row.variant]
  if (row.counted) return `${row.target}${countedWords(row.label, row.unit, row.counted)}${state}`
  const verb = traitsOf(row.target).verb
  const change = row.delta
    ? ` ${howMuchWithin(row.delta.pct, decidingInterval(row.delta).ci)} (${signedMs(row.delta.ms)})`
    : ' more slowly'
  return `${row.target} ${verb}${change}${state}`
}
