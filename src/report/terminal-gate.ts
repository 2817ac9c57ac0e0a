// Lines of the terminal reports shared by measure and compare: what decides
// beyond the statistics, and errors. Pure.
import type { Verdict } from '../model/verdict.js'
import { formatChain, formatMs } from './format.js'
import type { Style } from './style.js'
import type { ReportView } from './view.js'

export function paint(verdict: Verdict, style: Style): (text: string) => string {
  if (verdict === 'improvement') return style.green
  if (verdict === 'pass') return (t) => t
  return style.red
}

/** Config changes, new targets, forbidden imports and budgets. */
export function gateLines(view: ReportView, style: Style): string[] {
  const out: string[] = []
  for (const c of view.configChanges) {
    out.push(
      style.yellow(
        `head changes [tool.importgate] ${c.key}: ${JSON.stringify(c.base)} → ${JSON.stringify(c.head)} (the gate used base's)`,
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
          `forbidden: ${f.name} is imported by ${target}${f.chain.length ? ` via ${formatChain(f.chain)}` : ''}`,
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
  return out.length ? ['', ...out] : []
}
