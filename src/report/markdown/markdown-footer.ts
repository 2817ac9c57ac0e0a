// The markdown report's sections about the run itself: what the verdict cost,
// how it was measured, and why nothing was measured. Pure.
import { countOf, warmupsRun } from '../view/format.js'
import { code, plain } from './markdown-text.js'
import { costText, pairsNote, type ReportView } from '../view/view.js'
import { SETTINGS } from '../../settings/registry.js'

/** "main at `1a2b3c4d5e6f`", or just the short SHA when the ref is the SHA. */
function commit(c: { ref: string; sha: string | null }): string {
  const short = c.sha ? code(c.sha.slice(0, 12)) : '–'
  return c.sha && c.ref === c.sha ? short : `${code(c.ref)} at ${short}`
}

const pctLevel = (alpha: number) => `${Math.round((1 - 2 * alpha) * 1000) / 10}%`

/** The footer under the details: what the verdict cost. */
export function cost(view: ReportView): string[] {
  const text = costText(view)
  return text ? [`<sub>${text.charAt(0).toUpperCase()}${text.slice(1)}.</sub>`] : []
}

/** How the rounds shared the cores: one core a round, or not pinned (and nothing for older documents). */
function pinnedText(
  cores: number[] | null | undefined,
  sideBySide: { most: number; rounds: number } | undefined,
  rounds: number,
): string {
  if (cores === undefined) return ''
  if (cores === null) return ', not pinned to a core'
  const oneCore = `all runs of a round on one core, cores ${cores.join(', ')} in turn`
  if (!sideBySide) return `, ${oneCore}`
  // "0 of the 20 rounds ran 2 at a time ... while nothing else used the CPUs" read as a fault.
  if (sideBySide.rounds === 0)
    return `, ${oneCore}; every round ran alone, as other work was using the CPUs (rounds run ${sideBySide.most} at a time, each on its own core, only while nothing else does)`
  return `, ${oneCore}; ${sideBySide.rounds} of the ${rounds} rounds ran ${sideBySide.most} at a time, each on its own core, while nothing else used the CPUs`
}

/** Who ran the measured code, and what was left out when it was importgate's own user. */
function boundaryLine(boundary: ReportView['run']['boundary']): string[] {
  if (!boundary) return []
  if (boundary.user)
    return [
      `- The measured code (its install included) ran as the user ${code(boundary.user)}: it could not read importgate's environment or files, nor signal its processes.`,
    ]
  return [
    `- ⚠️ No boundary: ${plain(boundary.missing ?? '')}. It could have read what importgate's user may read; the token stayed out of its environment (docs/robustness.md).`,
  ]
}

/**
 * The settings the registry marks as shown that this run set otherwise than
 * their defaults, as `name` = value (in the results' units).
 */
function settingsLine(settings: ReportView['run']['settings']): string[] {
  const recorded: Record<string, unknown> = settings
  const set = SETTINGS.flatMap((spec) => {
    if (!spec.shown || !spec.json) return []
    const value = recorded[spec.json.key]
    const byDefault =
      typeof spec.default === 'number' ? spec.default / (spec.json.per ?? 1) : spec.default
    if (value === undefined || JSON.stringify(value) === JSON.stringify(byDefault)) return []
    return [
      `${code(spec.name)} = ${code(typeof value === 'string' ? value : JSON.stringify(value))}`,
    ]
  })
  return set.length ? [`- Set otherwise than by default: ${set.join(', ')}.`] : []
}

export function methodology(view: ReportView): string[] {
  const { run } = view
  const s = run.settings
  const sha = (x: string | null | undefined) => (x ? code(x.slice(0, 12)) : '–')
  const compare = view.command === 'compare'
  const proved = view.proofs.filter((p) => p.decided).map((p) => code(p.target))
  const proof = view.proofs.length
    ? [
        `- The proof came first: each side's import ran twice under a tracer (every line it runs in the files that differ, every module with its file, every path its code opens, lists or looks up), then the two sides were compared with the installed distributions; ${proved.length ? `it decided ${proved.join(', ')} without timing` : 'it decided no target'}. What it checks and what it cannot see: docs/statistics.md, "Which path decides".`,
      ]
    : []
  const allProved = view.rows.length > 0 && view.rows.every((r) => r.proved)
  const lines = [
    ...proof,
    ...(allProved
      ? []
      : [
          `- ${countOf(run.rounds, 'interleaved round')}${pairsNote(view)} after ${warmupsRun(run.warmupRounds, s.warmups)} warm-up round${s.warmups === 1 ? '' : 's'}; every sample a fresh interpreter timing the import alone; ${compare ? 'base and head' : 'targets'} alternate in a random order each round (seed ${String(s.seed)})${pinnedText(run.pinnedCores, run.sideBySide, run.rounds)}.`,
          compare
            ? `- Decided by a sequential test on the median of paired log-ratios (a confidence sequence from the pairs' signs, which holds however often it looks and assumes nothing of the spread): a regression (mirrored, an improvement) needs its ${pctLevel(s.alpha)} interval above half the band and its estimate past the band, a pass needs its 90% interval inside the band, where the band is ±${String(s.threshold_pct)}% or ±${String(s.min_delta_ms)} ms, whichever is wider; sampling stops at a decision.`
            : '- Spread is the interquartile range of the samples.',
        ]),
    '- Module own times come from untimed `-X importtime` runs with the cyclic garbage collector off (a collection that happens to run in a module is not charged to it) and with `importlib.import_module` sent through the import that `-X importtime` logs.',
    `- Python ${plain(run.python.split(' ')[0] ?? run.python)} on ${plain(run.platform)}; install: ${code(String(s.install))}.`,
    ...(run.install ? [`- ${plain(run.install)}.`] : []),
    ...settingsLine(s),
    ...boundaryLine(run.boundary),
    run.base
      ? `- Base ${commit(run.base)}, head ${commit(run.head)}.`
      : `- Working tree at ${sha(run.head.sha)}${run.head.dirty ? ' with uncommitted changes' : ''}.`,
    `- ${run.durationS.toFixed(1)} s in all${run.phases ? ` (${run.phases})` : ''}; importgate ${run.version}.${run.truncated ? ' The time budget ended sampling before the minimum number of pairs.' : ''}`,
  ]
  return ['<details><summary>How this was measured</summary>', '', ...lines, '', '</details>']
}

/** Why nothing was measured: the changed files, none matching `affects`. */
export function skipped(view: ReportView): string {
  const s = view.skipped!
  if (s.count === 0)
    return `No file differs between base and head, so nothing was installed or measured; importgate ${view.run.version}, ${view.run.durationS.toFixed(1)} s.`
  const more = s.count - s.files.length
  const files = s.files.map(code).join(', ') + (more > 0 ? ` and ${more} more` : '')
  return `Changed: ${files}. None matches \`affects\` (${s.affects.map(code).join(', ')}), and each is documentation, CI or editor settings, an image or a test, which no import reads; so nothing was installed or measured; importgate ${view.run.version}, ${view.run.durationS.toFixed(1)} s.`
}
