// "Why" in the terminal: the causes of a change, merged across targets, in the
// order of the markdown report. Pure.
import { signedMs } from '../view/format.js'
import { mechanismPlace, mechanismText } from '../view/mechanism-text.js'
import { plainText } from '../view/headline.js'
import { columns, type Style } from './style.js'
import { leadsText, type FunctionCause, type ModuleCause } from '../view/view-causes.js'
import type { ReportView } from '../view/view.js'

function moduleRow(cause: ModuleCause, many: boolean, style: Style): string[] {
  const { ms, modules } = cause.perTarget[cause.targets[0]!] ?? cause
  const mark = cause.eager ? style.red('+ ') : style.green('− ')
  const by = cause.importers.length
    ? `${cause.eager ? 'imported by' : 'no longer imported by'} ${cause.importers.slice(0, 2).join(', ')}${cause.importers.length > 2 ? ` and ${cause.importers.length - 2} more` : ''}`
    : ''
  const how = cause.how ? `; ${mechanismText(cause.how, mechanismPlace(cause.how), (t) => t)}` : ''
  return [
    mark + plainText(leadsText(cause)),
    signedMs(ms),
    `${modules} module${modules > 1 ? 's' : ''}`,
    style.dim(by + how + (many ? ` (${cause.targets.join(', ')})` : '')),
  ]
}

function functionLine(cause: FunctionCause, many: boolean, style: Style): string {
  const c = cause.change
  const via = c.via.length ? `, via ${c.called_as}` : ''
  const inner = c.mostly_in ? `, mostly in ${c.mostly_in.name}` : ''
  const callers = c.callers.slice(0, 2).map((k) => {
    const line = k.path && k.lines.length ? ` ${k.path}:${k.lines[0]}` : ''
    return `${k.module}${line}`
  })
  const more = c.callers.length - callers.length
  const from = callers.length
    ? `; called at import by ${callers.join(', ')}${more > 0 ? ` and ${more} more` : ''}`
    : ''
  const where = many ? style.dim(` (${cause.targets.join(', ')})`) : ''
  return `  ${c.name} ${c.base_calls} → ${c.head_calls} calls at import (${signedMs(c.profiled_delta_ms)} profiled)${via}${inner}${from}${where}`
}

export function whyLines(view: ReportView, style: Style, limit: number): string[] {
  const many = new Set(view.rows.map((r) => r.target)).size > 1
  const modules = view.causes.filter((c): c is ModuleCause => c.kind === 'module')
  const functions = view.causes.filter((c): c is FunctionCause => c.kind === 'function')
  if (!modules.length && !functions.length) return []
  const out = [
    '',
    style.bold('Why') +
      style.dim(' (cumulative -X importtime time; functions from one cProfile run per side)'),
  ]
  // The headline's cause first, as in the markdown report.
  const functionFirst = view.causes[0]?.kind === 'function'
  const moduleLines = columns(
    modules.slice(0, limit).map((c) => moduleRow(c, many, style)),
    ['l', 'r', 'r', 'l'],
  ).map((line) => `  ${line}`)
  if (modules.length > limit) moduleLines.push(style.dim(`  … and ${modules.length - limit} more`))
  const functionLines = functions.slice(0, 3).map((c) => functionLine(c, many, style))
  out.push(
    ...(functionFirst ? [...functionLines, ...moduleLines] : [...moduleLines, ...functionLines]),
  )
  return out
}
