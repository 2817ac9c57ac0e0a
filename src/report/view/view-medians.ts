// When the medians the table shows disagree with Δ. Pure.
//
// Δ compares each base sample with the head sample run beside it; the Base and
// Head columns are each side's median. When an import's times fall into two
// groups (a cache that is warm in some runs, a CPU that changes speed), a
// side's median lands on either side of the gap by chance, and "18.1 ms →
// 20.9 ms | +0.67% | ✅ pass" reads as a contradiction (issue 48: 8). The note
// says which figure to read, and why.
import type { ResultsDocument } from '../../results/schema.js'
import { formatMs, signedPct } from './format.js'
import { decidingInterval } from './view-rows.js'
import { targetLabel } from './view-notes.js'

export interface MedianNote {
  target: string
  baseMs: number
  headMs: number
  /** The medians' change, head over base, as a percentage. */
  medianPct: number
  /** Δ's interval, and its level, that the medians' change lies outside. */
  ci: [number, number]
  level: number
  /** The two groups the samples of both sides fall into, when they do: [low, high] ms ranges. */
  groups: [[number, number], [number, number]] | null
}

export function medianNotes(doc: ResultsDocument): MedianNote[] {
  return doc.targets.flatMap((t) => {
    const shown = t.delta ? decidingInterval(t.delta) : null
    if (!shown?.ci || !t.base?.median_ms || !t.head?.median_ms) return []
    const medianPct = 100 * (t.head.median_ms / t.base.median_ms - 1)
    const [lo, hi] = shown.ci
    if (medianPct >= lo && medianPct <= hi) return []
    return [
      {
        target: targetLabel(t),
        baseMs: t.base.median_ms,
        headMs: t.head.median_ms,
        medianPct,
        ci: shown.ci,
        level: shown.level,
        groups: twoGroups([...t.base.samples_ms, ...t.head.samples_ms]),
      },
    ]
  })
}

/** The widest relative gap that makes two groups: at least 10% between them. */
const GAP = 1.1
/** Each group holds at least this share of the samples. */
const SHARE = 0.15

/**
 * Two groups of times, when the samples split at a gap of at least 10%
 * between neighbours with at least 15% of them on each side; null otherwise.
 * The gap is looked for between the 10th and 90th percentiles, so that a few
 * stragglers never make a group.
 */
export function twoGroups(samples: readonly number[]): [[number, number], [number, number]] | null {
  const sorted = samples.filter((x) => x > 0).sort((a, b) => a - b)
  const n = sorted.length
  if (n < 10) return null
  let best = -1
  let ratio = GAP
  for (let i = Math.max(Math.ceil(SHARE * n) - 1, Math.floor(0.1 * n)); i < n - 1; i++) {
    if (n - (i + 1) < SHARE * n) break
    const r = sorted[i + 1]! / sorted[i]!
    if (r >= ratio) {
      ratio = r
      best = i
    }
  }
  if (best < 0) return null
  return [
    [sorted[0]!, sorted[best]!],
    [sorted[best + 1]!, sorted[n - 1]!],
  ]
}

/** The note in words every report uses; `code` renders the target's name. */
export function medianNoteText(n: MedianNote, code: (s: string) => string): string {
  const medians = `${formatMs(n.baseMs)} → ${formatMs(n.headMs)}, ${signedPct(n.medianPct)}`
  const interval = `${signedPct(n.ci[0])} … ${signedPct(n.ci[1])}`
  const why = n.groups
    ? `the samples fall into two groups (${range(n.groups[0])} and ${range(n.groups[1])}), and a side's median lands in one or the other, or between them, by chance`
    : "the sides' spreads differ more than the pairs do"
  return `${code(n.target)}: the medians (${medians}) lie outside Δ's ${Math.round(n.level * 100)}% interval (${interval}): ${why}. Δ compares each base sample with the head sample run beside it; the verdict rests on Δ, not on the medians`
}

const range = ([lo, hi]: [number, number]) => `${formatMs(lo)}–${formatMs(hi)}`
