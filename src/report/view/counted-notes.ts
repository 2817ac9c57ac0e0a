// What the table's counted rows (instructions, fs-calls) rest on, said once
// under the table: the tool that counted, how many runs, what they cost, how
// far they disagree, why a row is inconclusive, and which system calls the
// file-system count is made of. Pure.
import { signedPct } from './format.js'
import { spreadText, type MetricRowView } from './view-rows.js'
import type { ReportView } from './view.js'
import { VARIANT_LABEL, variantNote } from '../../model/target.js'

/** One line per cache state other than warm in the table: "cold cache: the page cache dropped before each sample (…)". */
export function stateNotes(rows: readonly MetricRowView[], coldMethod?: string): string[] {
  const states = [...new Set(rows.map((r) => r.variant))]
  return states.flatMap((v) => {
    const note = variantNote(v, coldMethod)
    return note ? [`${VARIANT_LABEL[v]}: ${note}`] : []
  })
}

/** The calls that make up most of a file-system count: "newfstatat 812, openat 301, read 240". */
function topCalls(byCall: Record<string, number>, limit = 5): string {
  return Object.entries(byCall)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name, calls]) => `${name} ${calls}`)
    .join(', ')
}

export interface CountedNote {
  target: string
  label: string
  /** "3 and 3 runs (base, head) under …", "the runs agree within 0.002%", … */
  parts: string[]
}

/** One note per counted row: how it was counted, how far the runs agree, and why it is inconclusive. */
export function countedNotes(rows: readonly MetricRowView[]): CountedNote[] {
  return rows.flatMap((r) => {
    const how = r.counting
    if (!how) return []
    const c = r.counted
    const runs = c
      ? `${c.base_runs} and ${c.head_runs} runs (base, head)`
      : `${r.head?.n ?? 0} runs`
    const parts = [`${runs} under ${how.tool}, ${how.seconds.toFixed(0)} s${c ? ' a side' : ''}`]
    if (c && c.base_runs > 1 && c.head_runs > 1)
      parts.push(`the runs agree within ${spreadText(c.spread_pct)}`)
    if (c?.reason) parts.push(`inconclusive: ${c.reason}`)
    else if (how.failure) parts.push(how.failure)
    if (how.by_call) parts.push(`calls by kind: ${topCalls(how.by_call)}`)
    if (c && c.pct !== null && c.pct !== 0 && !c.reason)
      parts.push(`${signedPct(c.pct)} against a ${c.threshold_pct}% threshold`)
    return [{ target: r.target, label: r.label, parts }]
  })
}

/** The notes under a terminal table, as plain lines: the cache states first, then the counted rows. */
export function tableNotes(view: ReportView): string[] {
  return [
    ...stateNotes(view.rows, view.run.settings.cold_method),
    ...countedNotes(view.rows).map((n) => `${n.target} · ${n.label}: ${n.parts.join('; ')}`),
  ]
}
