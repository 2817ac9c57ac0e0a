// What a target still undecided when its budget and overtime end is given.
// The sequential procedure has not decided. With `undecided = "fail"` that is
// inconclusive, which fails the check. With `"warn"` (the default) it passes,
// with a warning, when its pass interval (one-sided β, valid however long
// sampling ran) lies below twice the band: a regression of twice the band or
// more passes this way with probability at most β, one between the band and
// twice it may slip through, which the comment says and the drift check
// catches when such changes add up. docs/statistics.md has the figures. Pure.
import { band, type SequentialLook } from '../stats/sequential.js'
import type { Thresholds } from '../../settings/setting-values.js'

/** How far past the band an undecided target's interval may reach and still pass with a warning. */
export const WARN_BAND_FACTOR = 2

export type UndecidedPolicy = 'warn' | 'fail'

/** 'pass' when an undecided look's pass interval rules out a regression of WARN_BAND_FACTOR times the band. */
export function endOfBudget(
  look: Pick<SequentialLook, 'decision' | 'passInterval'>,
  gate: Pick<Thresholds, 'thresholdPct' | 'minDeltaMs'>,
  baseMedianMs: number,
): 'pass' | 'inconclusive' {
  if (look.decision !== 'continue' || !look.passInterval) return 'inconclusive'
  const { width } = band(gate, baseMedianMs)
  return look.passInterval[1] < Math.log(1 + WARN_BAND_FACTOR * width) ? 'pass' : 'inconclusive'
}
