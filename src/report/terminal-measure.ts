// The terminal summary of `importgate measure`. Pure: results in, text out.
import { formatChain, formatMs } from './format.js'
import type { ResultsDocument, TargetResult } from './results.js'
import { columns, type Style } from './style.js'
import { gateLines } from './terminal-compare.js'

function errorLines(target: TargetResult, style: Style): string[] {
  const error = target.error!
  const lines = [style.red(`${target.name}: ${error.kind}: ${error.message}`)]
  for (const frame of error.traceback.slice(-3)) lines.push(style.dim(`    ${frame}`))
  if (error.stderr_tail) {
    lines.push(style.dim('    last lines of stderr:'))
    for (const line of error.stderr_tail.split('\n').slice(-5))
      lines.push(style.dim(`      ${line}`))
  }
  return lines
}

export function measureReport(doc: ResultsDocument, style: Style, slowest = 8): string {
  const out: string[] = []
  const head = doc.head
  const tree = head.sha
    ? `${head.sha.slice(0, 10)}${head.dirty ? ' + uncommitted changes' : ''}`
    : 'not a git commit'
  out.push(
    style.bold(
      `importgate measure · Python ${doc.python.split(' ')[0]} · ${doc.platform} · ${tree}`,
    ),
  )
  out.push('')
  const rows = [
    ['target', 'median', 'IQR', 'range', 'n', 'modules', 'package'].map((h) => style.dim(h)),
  ]
  for (const target of doc.targets) {
    const side = target.head
    if (!side) {
      rows.push([target.name, style.red('error'), '', '', '', '', ''])
      continue
    }
    rows.push([
      target.name,
      style.bold(formatMs(side.median_ms)),
      `${formatMs(side.q1_ms)} – ${formatMs(side.q3_ms)}`,
      `${formatMs(side.min_ms)} – ${formatMs(side.max_ms)}`,
      String(side.samples_ms.length),
      String(side.module_count),
      String(side.package_module_count),
    ])
  }
  out.push(...columns(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r']).map((line) => `  ${line}`))
  out.push(...gateLines(doc, style))
  if (doc.truncated) {
    out.push(
      '',
      style.yellow(
        `--max-time ended sampling after ${doc.rounds} round(s), before --min-pairs; figures are less certain`,
      ),
    )
  }
  for (const target of doc.targets) {
    if (target.error) {
      out.push('', ...errorLines(target, style))
      continue
    }
    const side = target.head!
    if (side.profile.slowest.length === 0) continue
    out.push('')
    out.push(
      `${style.bold(target.name)}: slowest modules by self time ${style.dim(`(median of ${side.profile.runs} -X importtime runs; these runs are slower than the timed ones)`)}`,
    )
    const header = ['self', 'module', 'imported through'].map((h) => style.dim(h))
    const modRows = side.profile.slowest
      .slice(0, slowest)
      .map((cost) => [
        formatMs(cost.self_ms),
        cost.name,
        style.dim(formatChain(cost.chain.slice(0, -1)) || '(the target itself)'),
      ])
    out.push(...columns([header, ...modRows], ['r', 'l', 'l']).map((line) => `  ${line}`))
    if (side.profile.unstable_modules) {
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
      `${doc.rounds} round(s) after ${String(doc.settings.warmups)} warm-up(s), each sample a fresh interpreter; median of the import itself (perf_counter); ${doc.duration_s.toFixed(1)} s in all`,
    ),
  )
  return out.join('\n')
}
