// The budget ratchet: where the default branch imports a target well under
// its time budget, the tighter budget that would hold the gain, as the one
// line of [tool.importgate.budgets] to change. Pure.
import type { CompareResults } from '../../results/schema.js'

export interface RatchetSuggestion {
  target: string
  limitMs: number
  headMs: number
  suggestedMs: number
  /** The [tool.importgate.budgets] line: `"mypkg" = "210ms"`. */
  line: string
}

/** Under this share of its budget, a target is well under it. */
export const WELL_UNDER = 0.75
/**
 * The room a suggested budget leaves above head's median: a budget is checked
 * on one runner, and runners of one kind differ by 10-20% in absolute time
 * (a paired verdict is immune to that; a budget is not).
 */
export const HEADROOM = 1.2

/** Rounded up to two significant figures: 2016 → 2100, 99.6 → 100. */
export function roundUpFigures(ms: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(ms)) - 1)
  return Math.ceil(ms / step - 1e-9) * step
}

export function budgetRatchet(doc: CompareResults): RatchetSuggestion[] {
  return doc.targets.flatMap((t) => {
    const time = t.budget?.time
    if (t.variant || !time?.ok || time.median_ms > time.limit_ms * WELL_UNDER) return []
    const suggestedMs = roundUpFigures(time.median_ms * HEADROOM)
    if (suggestedMs >= time.limit_ms) return []
    return [
      {
        target: t.name,
        limitMs: time.limit_ms,
        headMs: time.median_ms,
        suggestedMs,
        line: `${JSON.stringify(t.name)} = "${suggestedMs}ms"`,
      },
    ]
  })
}
