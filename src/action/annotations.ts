// Check-run annotations: one per forbidden import and per newly eager module
// of a regression, on the line that imports it when that line is in the
// checkout (head is the checked-out commit).
import type { Verdict } from '../analysis/gate.js'
import { importLocation } from '../github/import-location.js'
import { formatChain, formatMs, signedMs } from '../report/format.js'
import { howMuch } from '../report/markdown-text.js'
import { grouped } from '../report/groups.js'
import type { ResultsDocument } from '../report/results.js'

export interface Annotation {
  verdict: Verdict
  message: string
  where: { title: string; file?: string; startLine?: number }
}

const MAX_PER_TARGET = 5

export function annotations(
  doc: ResultsDocument,
  workspace: string,
  projectDir: string,
): Annotation[] {
  const out: Annotation[] = []
  const at = (chain: string[], title: string): Annotation['where'] => {
    const [importer, imported] = chain.slice(-2)
    const location =
      importer && imported ? importLocation(workspace, projectDir, importer, imported) : null
    return location ? { title, file: location.file, startLine: location.line } : { title }
  }
  for (const t of doc.targets) {
    for (const f of t.forbidden) {
      out.push({
        verdict: 'forbidden',
        message: `${t.name} imports forbidden module ${f.name}${f.chain.length ? ` via ${formatChain(f.chain)}` : ''}`,
        where: at(f.chain, 'importgate: forbidden import'),
      })
    }
    if (t.verdict === 'budget' && t.budget) {
      const b = t.budget
      const what =
        b.time && !b.time.ok
          ? `${formatMs(b.time.median_ms)} to import (budget ${formatMs(b.time.limit_ms)})`
          : `${b.modules!.count} modules (budget ${b.modules!.limit})`
      out.push({
        verdict: 'budget',
        message: `${t.name} takes ${what}`,
        where: { title: 'importgate: over budget' },
      })
    }
    if (t.verdict !== 'regression' || !t.delta) continue
    const leads = grouped(t.modules?.added ?? []).slice(0, MAX_PER_TARGET)
    const summary = `${t.name} imports ${howMuch(t.delta.pct)} (${signedMs(t.delta.ms)})`
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
  return out
}
