// What a target still undecided when its budget and overtime end is given.
// The sequential procedure has not decided. With `undecided = "fail"` that is
// inconclusive, which fails the check. With `"warn"` (the default) it passes,
// with a warning, when its pass interval (one-sided β, valid however long
// sampling ran) lies below twice the band: a regression of twice the band or
// more passes this way with probability at most β; one between the band and
// twice it may slip through, which the comment says, and which the drift check
// catches when such changes add up. docs/statistics.md has the figures. Pure.
import { band } from '../stats/sequential.js'
import type { Thresholds } from '../../settings/setting-values.js'

/** How far past the band an undecided target's interval may reach and still pass with a warning. */
export const WARN_BAND_FACTOR = 2

/** A pass at the end of the budget: what its interval rules out, and how far it reaches. */
export interface UndecidedPass {
  /** The regression it rules out, in percent: twice the band. */
  ruledOutPct: number
  /** The band itself, in percent: a change between it and ruledOutPct may have slipped through. */
  bandPct: number
  /** The pass interval's upper end, in percent. */
  upperPct: number
}

/**
 * An undecided look's pass at the end, or null: its pass interval's upper end
 * (a log-ratio) must lie below twice the band. `decision` is the procedure's.
 */
export function endOfBudget(
  look: { decision: string; passInterval: readonly [number, number] | null },
  gate: Pick<Thresholds, 'thresholdPct' | 'minDeltaMs'>,
  baseMedianMs: number,
): UndecidedPass | null {
  if (look.decision !== 'continue' || !look.passInterval) return null
  const { width } = band(gate, baseMedianMs)
  const upper = look.passInterval[1]
  if (!(upper < Math.log(1 + WARN_BAND_FACTOR * width))) return null
  return {
    ruledOutPct: 100 * WARN_BAND_FACTOR * width,
    bandPct: 100 * width,
    upperPct: 100 * Math.expm1(upper),
  }
}
