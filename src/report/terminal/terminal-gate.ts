// Lines of the terminal reports shared by measure and compare: what decides
// beyond the statistics, and errors. Pure.
import { forbiddenBefore } from '../view/forbidden-text.js'
import { medianNoteText } from '../view/view-medians.js'
import { gapText } from '../view/gaps-text.js'
import type { Verdict } from '../../model/verdict.js'
import { formatChain, formatMs, signedPct } from '../view/format.js'
import type { Style } from './style.js'
import type { ReportView } from '../view/view.js'
import { undecidedPassText } from '../view/view-notes.js'

export function paint(verdict: Verdict, style: Style): (text: string) => string {
  if (verdict === 'improvement') return style.green
  if (verdict === 'pass') return (t) => t
  if (verdict === 'inconclusive') return style.yellow
  return style.red
}

/** Config changes, new targets, forbidden imports and budgets. */
export function gateLines(view: ReportView, style: Style): string[] {
  const out: string[] = []
  for (const c of view.configChanges) {
    out.push(
      style.yellow(
        `head changes [tool.importgate] ${c.key}: ${JSON.stringify(c.base)} → ${JSON.stringify(c.head)} (the gate used ${view.drift ? "head's" : "base's"})`,
      ),
    )
  }
  const targets = [...new Set(view.rows.map((r) => r.target))]
  for (const target of targets) {
    if (view.newTargets.includes(target))
      out.push(style.dim(`${target} is new in head: measured on head only`))
    for (const f of view.forbidden.filter((x) => x.target === target)) {
      out.push(
        style.red(
          `forbidden: ${f.name} is imported by ${target}${f.chain.length ? ` via ${formatChain(f.chain)}` : ''}${forbiddenBefore(f)}`,
        ),
      )
    }
    for (const b of view.budgets.filter((x) => x.target === target)) {
      const tone = b.ok ? style.dim : style.red
      const status = b.ok ? '(within)' : '(over)'
      out.push(
        tone(
          b.on === 'time'
            ? `budget: ${target} ${formatMs(b.actual)} of ${formatMs(b.limit)} ${status}`
            : `budget: ${target} loads ${b.actual} of ${b.limit} modules ${status}`,
        ),
      )
    }
  }
  for (const w of view.watched) {
    const tone =
      w.change === 'now eager'
        ? style.red
        : w.change === 'no longer imported'
          ? style.green
          : style.dim
    const via = w.chain.length > 1 ? ` via ${formatChain(w.chain)}` : ''
    out.push(tone(`watched: ${w.name} under ${w.target}: ${w.change}${via}`))
  }
  for (const n of view.undecidedPasses)
    out.push(style.yellow(`${n.target} ${undecidedPassText(n)}`))
  for (const w of view.widePasses)
    out.push(
      style.yellow(
        `${w.target}: a pass, but its ${Math.round(w.level * 100)}% interval still reaches ${signedPct(w.hiPct)}: not a regression ruled out past the ${view.run.settings.threshold_pct}% threshold`,
      ),
    )
  for (const n of view.medianNotes) out.push(style.yellow(medianNoteText(n, (s) => s)))
  for (const g of view.gaps)
    out.push(
      style.yellow(`${g.target}: ${gapText(g, (s) => (s === 'forbid' ? 'forbid' : `--${s}`))}`),
    )
  const unit = view.command === 'measure' ? 'samples' : 'pairs'
  for (const s of view.shortfalls) {
    // Only measure's minimum is --min-pairs; a comparison's is what its procedure needs.
    const orLower = view.command === 'measure' ? ', or lower --min-pairs' : ''
    const fix = s.suggestedMaxTimeS
      ? `raise --max-time to about ${s.suggestedMaxTimeS} s${orLower}`
      : `raise --max-time${orLower}`
    const sofar =
      s.delta && s.pairs
        ? ` (so far ${signedPct(s.delta.pct)}, p = ${s.delta.p.toPrecision(2)})`
        : ''
    if (s.reason === 'unsettled' && s.delta) {
      const ci = s.delta.ci_pct
        ? `, interval ${signedPct(s.delta.ci_pct[0])} … ${signedPct(s.delta.ci_pct[1])}`
        : ''
      out.push(
        style.yellow(
          `inconclusive: ${s.target}: undecided after ${s.pairs} ${unit} (estimate ${signedPct(s.delta.pct)}${ci}, reaching both inside and past the ±${view.run.settings.threshold_pct}% band); ` +
            (s.suggestedMaxPairs
              ? `raise --max-pairs to about ${s.suggestedMaxPairs}`
              : `raise --max-time to about ${s.suggestedMaxTimeS ?? '?'} s`),
        ),
      )
      continue
    }
    out.push(
      style.yellow(
        `inconclusive: ${s.target}: ${s.pairs} of the ${s.needed} ${unit} a verdict needs${sofar}; ${fix}`,
      ),
    )
  }
  return out.length ? ['', ...out] : []
}
