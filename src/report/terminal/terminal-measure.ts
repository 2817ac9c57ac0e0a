// The terminal summary of `importgate measure`. Pure: results in, text out.
import type { TargetError } from '../../results/schema.js'
import { countOf, formatChain, formatMs, formatValue, warmupsRun } from '../view/format.js'
import { tableNotes } from '../view/counted-notes.js'
import { columns, type Style } from './style.js'
import { lazyImportLines } from './terminal-lazy.js'
import { gateLines } from './terminal-gate.js'
import { buildView, type ReportView } from '../view/view.js'
import type { ResultsDocument } from '../../results/schema.js'

function errorLines(target: string, error: TargetError, style: Style): string[] {
  const lines = [style.red(`${target}: ${error.kind}: ${error.message}`)]
  for (const frame of error.traceback.slice(-3)) lines.push(style.dim(`    ${frame}`))
  if (error.stderr_tail) {
    lines.push(style.dim('    last lines of stderr:'))
    for (const line of error.stderr_tail.split('\n').slice(-5))
      lines.push(style.dim(`      ${line}`))
  }
  return lines
}

export const measureReport = (doc: ResultsDocument, style: Style, slowest = 8): string =>
  measureReportOfView(buildView(doc), style, slowest)

/** measure's terminal report, laid out from the view model (built once per report by the caller). */
export function measureReportOfView(view: ReportView, style: Style, slowest = 8): string {
  const { run } = view
  const out: string[] = []
  const head = run.head
  const tree = head.sha
    ? `${head.sha.slice(0, 10)}${head.dirty ? ' + uncommitted changes' : ''}`
    : 'not a git commit'
  out.push(
    style.bold(
      `importgate measure · Python ${run.python.split(' ')[0]} · ${run.platform} · ${tree}`,
    ),
  )
  out.push('')
  const rows = [
    ['target', 'median', 'IQR', 'range', 'n', 'modules', 'package'].map((h) => style.dim(h)),
  ]
  for (const r of view.rows) {
    const name = r.suffix ? `${r.target} · ${r.suffix}` : r.target
    const side = r.head
    if (!side) {
      // No samples: an import that failed, or a budget that left no room for one.
      const cell =
        r.verdict === 'error'
          ? style.red('error')
          : style.yellow(r.counting ? 'no counts' : 'no samples')
      rows.push([name, cell, '', '', '', '', ''])
      continue
    }
    rows.push([
      name,
      style.bold(formatValue(r.unit, side.median)),
      `${formatValue(r.unit, side.q1)} – ${formatValue(r.unit, side.q3)}`,
      `${formatValue(r.unit, side.min)} – ${formatValue(r.unit, side.max)}`,
      String(side.n),
      String(side.moduleCount),
      String(side.packageModuleCount),
    ])
  }
  out.push(...columns(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r']).map((line) => `  ${line}`))
  out.push(...tableNotes(view).map((n) => style.dim(`  ${n}`)))
  out.push(...gateLines(view, style))
  out.push(...lazyImportLines(view, style))
  if (run.truncated) {
    out.push(
      '',
      style.yellow(
        `--max-time ended sampling after ${countOf(run.rounds, 'round')}, before --min-pairs; figures are less certain`,
      ),
    )
  }
  const targets = [...new Set(view.rows.map((r) => r.target))]
  for (const target of targets) {
    const failed = view.errors.find((e) => e.target === target)
    if (failed) {
      out.push('', ...errorLines(target, failed.error, style))
      continue
    }
    const profile = view.slowest.find((s) => s.target === target)
    if (!profile) continue
    out.push('')
    out.push(
      `${style.bold(target)}: slowest modules by self time ${style.dim(`(median of ${profile.runs} -X importtime runs; these runs are slower than the timed ones)`)}`,
    )
    const header = ['self', 'module', 'imported through'].map((h) => style.dim(h))
    const modRows = profile.modules
      .slice(0, slowest)
      .map((cost) => [
        formatMs(cost.self_ms),
        cost.name,
        style.dim(formatChain(cost.chain.slice(0, -1)) || '(the target itself)'),
      ])
    out.push(...columns([header, ...modRows], ['r', 'l', 'l']).map((line) => `  ${line}`))
    if (profile.unstable) {
      out.push(
        style.yellow(
          '  note: profile runs loaded different sets of modules (an import that depends on timing or environment)',
        ),
      )
    }
  }
  out.push('')
  out.push(
    style.dim(
      `${countOf(run.rounds, 'round')} after ${warmupsRun(run.warmupRounds, run.settings.warmups)} warm-up${run.settings.warmups === 1 ? '' : 's'}, each sample a fresh interpreter; median of the import itself (perf_counter); ${run.durationS.toFixed(1)} s in all`,
    ),
  )
  return out.join('\n')
}
