// The sections of the markdown report about the gate: forbidden imports,
// budgets, configuration changes and errors. Pure.
import { forbiddenBefore } from '../view/forbidden-text.js'
import { medianNoteText } from '../view/view-medians.js'
import { formatMs, signedPct } from '../view/format.js'
import { capped, chain, code, plain, rich, table } from './markdown-text.js'
import type { WatchSideJson } from '../../results/schema.js'
import type { ReportView } from '../view/view.js'
import { gapText } from '../view/gaps-text.js'
import { undecidedPassText } from '../view/view-notes.js'

export function budgets(view: ReportView): string[] {
  const rows = view.budgets.map((b) => [
    code(b.target),
    b.on === 'time' ? 'import time' : 'modules',
    b.on === 'time' ? formatMs(b.limit) : String(b.limit),
    b.on === 'time' ? formatMs(b.actual) : String(b.actual),
    b.ok ? '✅ within' : '❌ over',
  ])
  if (!rows.length) return []
  return [
    '#### Budgets',
    '',
    table(['Target', 'Budget on', 'Limit', 'Head', 'Status'], rows, ['l', 'l', 'r', 'r', 'l']),
  ]
}

export function forbidden(view: ReportView, limit: number): string[] {
  if (!view.forbidden.length) return []
  const lines = capped(view.forbidden, limit, (h) => {
    const via = h.chain.length ? `, via ${chain(h.chain)}` : ''
    const count = h.count > 1 ? ` (${h.count} modules under ${code(h.rule)})` : ''
    return `- ⛔ ${code(h.name)} is imported by ${code(h.target)}${via}${count}${forbiddenBefore(h)}`
  })
  return ['#### Forbidden imports', '', ...lines]
}

export function configChanges(view: ReportView): string[] {
  if (!view.configChanges.length) return []
  const items = view.configChanges.map(
    (c) => `${code(c.key)}: ${code(JSON.stringify(c.base))} → ${code(JSON.stringify(c.head))}`,
  )
  // A drift check's gate is the default branch's own, as it is now.
  const lead = view.drift
    ? `\`[tool.importgate]\` changed since ${code(view.drift.since.ref)}; the check used head's settings.`
    : "This pull request changes `[tool.importgate]`; the gate used the base branch's settings."
  return [view.drift ? '> [!NOTE]' : `> [!WARNING]`, `> ${lead} ${items.join('; ')}`]
}

export function errors(view: ReportView): string[] {
  if (!view.errors.length) return []
  const out = ['#### Errors', '']
  for (const { target, error: e } of view.errors) {
    out.push(`- ${code(target)} (${e.side}): **${plain(e.kind)}**: ${plain(e.message)}`)
    const detail = [...e.traceback, ...(e.stderr_tail ? ['', e.stderr_tail] : [])]
      .join('\n')
      .replace(/```/g, "'''")
    if (detail.trim()) out.push('', '  ```', ...detail.split('\n').map((l) => `  ${l}`), '  ```')
  }
  return out
}

/** What an inconclusive target measured, and what would let it reach a verdict. */
export function shortfalls(view: ReportView): string[] {
  if (!view.shortfalls.length) return []
  const unit = view.command === 'measure' ? 'samples' : 'pairs'
  const overtime = view.run.settings.overtime_s
  const budget = `${view.run.settings.max_time_s} s${overtime ? ` and its ${overtime} s of overtime` : ''}`
  const lines = view.shortfalls.map((s) => {
    const taken = s.pairs ? `${s.pairs} ${unit}` : `no ${unit}`
    const d = s.delta
    const sofar =
      d && s.pairs
        ? `; the estimate so far is ${signedPct(d.pct)} (p = ${d.p.toPrecision(2)}), which ${s.pairs} ${unit} cannot make significant`
        : ''
    if (s.reason === 'unsettled' && d) {
      const ci = d.ci_pct
        ? `its ${Math.round(d.ci_level * 1000) / 10}% interval ${signedPct(d.ci_pct[0])} … ${signedPct(d.ci_pct[1])}`
        : 'its interval'
      const band = `±${view.run.settings.threshold_pct}% band`
      const ended = s.suggestedMaxPairs
        ? `\`max-pairs\` ended sampling`
        : `the time budget of ${budget} ended sampling`
      const raise = s.suggestedMaxPairs
        ? `Raise \`max-pairs\` to about ${s.suggestedMaxPairs} for these imports.`
        : `Raise \`max-time\` to about ${s.suggestedMaxTimeS ?? '?'} s for these imports.`
      return `- ${code(s.target)}: the estimate is ${signedPct(d.pct)} after ${s.pairs} ${unit}, and ${ci} reaches both inside and past the ${band}: neither a pass nor a change is shown when ${ended}. It may be a regression. ${raise}`
    }
    // Only measure's minimum is min-pairs; a comparison's is what its procedure needs.
    const orLower = view.command === 'measure' ? ', or lower `min-pairs`' : ''
    const fix = s.suggestedMaxTimeS
      ? `Raise \`max-time\` to about ${s.suggestedMaxTimeS} s for these imports${orLower}.`
      : `Raise \`max-time\`${orLower}.`
    return `- ${code(s.target)}: ${taken} of the ${s.needed} a verdict needs, within the time budget of ${budget}${sofar}. ${fix}`
  })
  return ['#### Not enough evidence', '', ...lines]
}

/** What could not be explained or checked, and passes that rule less out than they seem, where a reviewer sees it. */
export function gaps(view: ReportView): string[] {
  const threshold = view.run.settings.threshold_pct
  return [
    ...view.undecidedPasses.map((n) => `⚠️ ${code(n.target)} ${undecidedPassText(n)}.`),
    ...view.widePasses.map(
      (w) =>
        `ℹ️ ${code(w.target)}: a pass, but its ${Math.round(w.level * 100)}% interval still reaches ${signedPct(w.hiPct)}: the pairs this budget allowed do not rule out a regression past the ${threshold}% threshold.`,
    ),
    ...view.medianNotes.map((n) => `ℹ️ ${medianNoteText(n, code)}.`),
    ...view.gaps.map((g) => `ℹ️ ${code(g.target)}: ${gapText(g, (s) => `\`${s}\``)}.`),
  ]
}

/** Each watched module under each target, whatever the grouping of the module diff does. */
export function watched(view: ReportView): string[] {
  if (!view.watched.length) return []
  const cell = (s: WatchSideJson | null) =>
    !s
      ? '–'
      : s.loaded
        ? `loaded${s.cumulative_ms === null ? '' : ` (${formatMs(s.cumulative_ms)})`}`
        : 'not loaded'
  const rows = view.watched.map((w) => [
    code(w.name),
    code(w.target),
    cell(w.base),
    cell(w.head),
    (w.change === 'now eager'
      ? '⚠️ now eager'
      : w.change === 'no longer imported'
        ? '✅ no longer imported'
        : w.change) + (w.chain.length > 1 ? `, via ${chain(w.chain)}` : ''),
  ])
  return [
    '#### Watched modules',
    '',
    table(['Module', 'Target', 'Base', 'Head', 'Change'], rows, ['l', 'l', 'l', 'l', 'l']),
  ]
}

/**
 * Which path decided each target: the proof, with its evidence, or the
 * sampling, with the one reason the proof did not hold. Sits under the table.
 */
export function proofs(view: ReportView): string[] {
  return view.proofs.map((p) =>
    p.decided
      ? `✅ ${code(p.target)} is unchanged at import. ${rich(p.text)}`
      : `⏱️ ${code(p.target)} was ${rich(p.text)}.`,
  )
}
