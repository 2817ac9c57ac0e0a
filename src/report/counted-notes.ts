// What the table's counted rows (instructions, fs-calls) rest on, said once
// under the table: the tool that counted, how many runs, what they cost, how
// far they disagree, why a row is inconclusive, and which system calls the
// file-system count is made of. Pure.
import { signedPct } from './format.js'
import type { MetricRowView } from './view-rows.js'

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
    if (c) parts.push(`the runs agree within ${c.spread_pct.toFixed(3)}%`)
    if (c?.reason) parts.push(`inconclusive: ${c.reason}`)
    else if (how.failure) parts.push(how.failure)
    if (how.by_call) parts.push(`calls by kind: ${topCalls(how.by_call)}`)
    if (c && c.pct !== 0 && !c.reason)
      parts.push(`${signedPct(c.pct)} against a ${c.threshold_pct}% threshold`)
    return [{ target: r.target, label: r.label, parts }]
  })
}
