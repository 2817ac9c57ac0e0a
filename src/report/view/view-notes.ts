// The notes a report shows beside its gate: what could not be explained or
// checked, and passes that rule less out than they seem. Built once for every
// report by buildView. Pure.
import { VARIANT_LABEL } from '../../model/target.js'
import type { ResultsDocument, TargetResult } from '../../results/schema.js'
import type { GapItem } from './gaps-text.js'
import { decidingInterval } from './view-rows.js'
import { signedPct } from './format.js'

/** A target as its notes name it: with its cache state when not warm. */
export const targetLabel = (t: TargetResult): string =>
  t.variant ? `${t.name} (${VARIANT_LABEL[t.variant]})` : t.name

/** Passes whose interval still reaches past the threshold: they do not rule out a regression that size. */
export function widePasses(
  doc: ResultsDocument,
): { target: string; hiPct: number; level: number }[] {
  return doc.targets.flatMap((t) => {
    // A pass is judged on the interval it was decided on (inside the band by
    // construction); files from before that was recorded, on the α one.
    const shown = t.delta ? decidingInterval(t.delta) : null
    const hi = shown?.ci?.[1]
    // The line is whichever threshold is larger for this import: +165% of a
    // 185 µs import is under the 0.5 ms min-delta, and ruled out.
    const base = t.base?.median_ms ?? 0
    const minDelta = doc.command === 'compare' ? doc.settings.min_delta_ms : 0
    const line = Math.max(doc.settings.threshold_pct, base > 0 ? (100 * minDelta) / base : 0)
    return t.verdict === 'pass' && !t.undecided_pass && hi !== undefined && hi > line
      ? [{ target: t.name, hiPct: hi, level: shown!.level }]
      : []
  })
}

/** What could not be explained or checked, per target, and why. */
export const gapsOf = (doc: ResultsDocument): GapItem[] =>
  doc.targets.flatMap((t) => (t.gaps ?? []).map((g) => ({ ...g, target: targetLabel(t) })))

/** Targets that passed undecided when sampling ended (`undecided = "warn"`), with what their interval rules out. */
export const undecidedPassesOf = (doc: ResultsDocument): UndecidedPassNote[] =>
  doc.targets.flatMap((t) =>
    t.undecided_pass
      ? [
          {
            target: targetLabel(t),
            ruledOutPct: t.undecided_pass.ruled_out_pct,
            bandPct: t.undecided_pass.band_pct,
            upperPct: t.undecided_pass.upper_pct,
          },
        ]
      : [],
  )

export interface UndecidedPassNote {
  target: string
  ruledOutPct: number
  bandPct: number
  upperPct: number
}

/** The warning an undecided pass carries, in words every report uses. */
const pct = (x: number) => `${x.toFixed(1)}%`

export const undecidedPassText = (n: UndecidedPassNote) =>
  `passed undecided when sampling ended: its interval reaches ${signedPct(n.upperPct)}, which rules out a regression of ${pct(n.ruledOutPct)} or more (twice the ${pct(n.bandPct)} band), not one between ${pct(n.bandPct)} and ${pct(n.ruledOutPct)}; undecided = "fail" makes this inconclusive, and a longer max-time may decide it`

/**
 * Module names that came (or went) with no import of their own: aliases the
 * modules above register in `sys.modules` themselves (`six.moves`, a vendored
 * package's old name). Plain words, no jargon; they cost no time.
 */
export function aliasText(n: number, eager: boolean): string {
  const names = `${n} more module name${n > 1 ? 's' : ''}`
  return eager
    ? `${names} came with these: aliases that the modules above register themselves, with no import or time of their own`
    : `${names} went with these: aliases that the modules above registered themselves, with no import or time of their own`
}
