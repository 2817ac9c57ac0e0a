// RESULTS.md's table of sampling time against the machine's noise: one run of
// the bench against another means little unless their pairs spread alike.
import { effectsOf, scenario, sizesOf, type Outcome } from './outcome.js'
import { median, pairSpread } from './stats.js'

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`

/** Below this pairs' spread, an hour counts as quiet in the noise table (issue 28 assumed 6.5% at ~150 ms). */
const QUIET_SPREAD = 0.07

/**
 * Sampling time against the machine's noise while each compare ran: a valid
 * procedure needs pairs in proportion to the spread's square, so one run's
 * figures mean little without the spread beside them. Nothing for runs that did not keep their pairs.
 */
export function noiseSection(outcomes: Outcome[]): string[] {
  if (!outcomes.some((o) => o.pairs_ms?.base.length)) return []
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`
  const timed = (os: Outcome[]) =>
    os.length && os.every((o) => o.samplingS !== undefined)
      ? `${median(os.map((o) => o.samplingS!)).toFixed(1)} s (${os.length})`
      : '–'
  const lines = [
    '',
    "## Time against the machine's noise",
    '',
    `Each compare's pairs' robust spread (1.4826 MAD of ln(head/base)), and the sampling to its verdict split at a spread of ${pct(QUIET_SPREAD)}: a procedure that holds its error rates needs pairs in proportion to the square of the spread, so this is what makes one run comparable with another.`,
    '',
    row([
      'import',
      'change',
      "pairs' spread, median (range)",
      `sampling, median (compares): spread < ${pct(QUIET_SPREAD)}`,
      `≥ ${pct(QUIET_SPREAD)}`,
    ]),
    row(['---', '---:', '---:', '---:', '---:']),
  ]
  for (const size of sizesOf(outcomes)) {
    for (const e of [0, ...effectsOf(outcomes)]) {
      const measured = scenario(outcomes, size, e).flatMap((o) => {
        const spread = pairSpread(o.pairs_ms)
        return spread === null ? [] : [{ o, spread }]
      })
      if (!measured.length) continue
      const spreads = measured.map((m) => m.spread)
      const quiet = measured.filter((m) => m.spread < QUIET_SPREAD).map((m) => m.o)
      const noisy = measured.filter((m) => m.spread >= QUIET_SPREAD).map((m) => m.o)
      lines.push(
        row([
          `~${size} ms`,
          e ? `+${e}%` : 'none',
          `${pct(median(spreads))} (${pct(Math.min(...spreads))}–${pct(Math.max(...spreads))})`,
          timed(quiet),
          timed(noisy),
        ]),
      )
    }
  }
  return lines
}
