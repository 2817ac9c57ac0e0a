// "Why": the causes of a change, one entry each whatever the number of
// targets, with the line to look at, and a small graph of the imports that
// became eager or lazy. What a reviewer reads first, above the details. Pure.
import type { FunctionChangeJson } from '../../results/schema.js'
import { signedMs } from '../view/format.js'
import { linked, type SourceLinks } from './markdown-functions.js'
import type { ModuleName } from './markdown-sections.js'
import { code, rich } from './markdown-text.js'
import { leadsText, type FunctionCause, type ModuleCause } from '../view/view-causes.js'
import { mechanismLinked } from './markdown-mechanism.js'
import type { ReportView } from '../view/view.js'

const and = (items: string[]) =>
  items.length <= 2
    ? items.join(' and ')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`

/** ", in `a` and `b`" when the comparison has more than one target. */
function inTargets(view: ReportView, targets: string[]): string {
  const compared = new Set(view.rows.map((r) => r.target)).size
  return compared > 1 ? `, in ${and(targets.map(code))}` : ''
}

/** How the first lead stopped being imported: ` (declared lazy by …)`. */
const how = (cause: ModuleCause, links: SourceLinks | undefined) =>
  cause.how ? ` (${mechanismLinked(cause.how, links)})` : ''

function moduleItem(
  view: ReportView,
  cause: ModuleCause,
  name: ModuleName,
  links: SourceLinks | undefined,
): string {
  const [first] = cause.chains
  const importers = cause.importers.slice(0, 2).map((m) => name(first?.target ?? '', m))
  const more = cause.importers.length - importers.length
  const who = importers.length
    ? `${and(importers)}${more > 0 ? ` and ${more} more` : ''} ${cause.eager ? 'now import' : 'no longer import'}${importers.length + Math.max(0, more) > 1 ? '' : 's'} `
    : cause.eager
      ? 'Now imported: '
      : 'No longer imported: '
  // The figures of the first target it affects (the report's order), like the headline's.
  const { ms, modules } = cause.perTarget[cause.targets[0]!] ?? cause
  const count = `${modules} module${modules > 1 ? 's' : ''}`
  return `- ${who}**${rich(leadsText(cause))}**${how(cause, links)}: ${signedMs(ms)}, ${count}${inTargets(view, cause.targets)}`
}

function functionItem(
  view: ReportView,
  cause: FunctionCause,
  links: SourceLinks | undefined,
): string {
  const c: FunctionChangeJson = cause.change
  const defined = linked(code(c.name), c.source, c.side, links)
  const via = c.via.length ? `, via ${code(c.called_as)}` : ''
  const shown = c.callers.slice(0, 2).map((caller) => {
    const line = caller.lines[0]
    const at = line
      ? ` (${linked(`line ${line}`, { path: caller.path, line }, caller.side, links)})`
      : ''
    return `${code(caller.module)}${at}`
  })
  const more = c.callers.length - shown.length
  const from = shown.length
    ? `; called at import by ${shown.join(', ')}${more > 0 ? ` and ${more} more module${more > 1 ? 's' : ''}` : ''}`
    : ''
  return `- **${defined}** ${c.base_calls} → ${c.head_calls} calls at import (${signedMs(c.profiled_delta_ms)} in a profiled run)${via}${from}${inTargets(view, cause.targets)}`
}

/** The causes, most important first: new or dropped imports, then functions. */
export function why(
  view: ReportView,
  limit: number,
  name: ModuleName,
  links: SourceLinks | undefined,
): string[] {
  // In the view's order (the headline's cause first), modules and functions capped apart.
  let modules = 0
  let functions = 0
  const lines: string[] = []
  for (const cause of view.causes) {
    if (cause.kind === 'module' && modules++ < limit)
      lines.push(moduleItem(view, cause, name, links))
    if (cause.kind === 'function' && functions++ < Math.min(3, limit))
      lines.push(functionItem(view, cause, links))
  }
  if (modules > limit) lines.push(`- … and ${modules - limit} more, in the details below`)
  const rest = unexplained(view)
  // The headline named the own time: it leads here too.
  if (rest && view.ownTimeLeads) lines.unshift(rest)
  else if (rest) lines.push(rest)
  if (!lines.length) return []
  return ['#### Why', '', ...lines]
}

/**
 * When the new and dropped imports account for under half of the main
 * target's change, what else moved: own time of packages both sides load (a
 * −1.04 s improvement once listed causes adding up to a tenth of it, and
 * nothing said what the rest was).
 */
function unexplained(view: ReportView): string | null {
  const [main] = view.packages
  const row = view.rows.find((r) => r.primary && r.target === main?.target)
  if (!main || !row?.delta || row.verdict === 'pass') return null
  const imports = view.causes
    .filter((c): c is ModuleCause => c.kind === 'module')
    .reduce((sum, c) => sum + (c.perTarget[main.target]?.ms ?? 0), 0)
  const change = row.delta.ms
  if (Math.abs(imports) >= Math.abs(change) / 2) return null
  const moved = main.rows
    .filter((r) => !r.cause && r.base_self_ms !== null && r.head_self_ms !== null)
    .filter((r) => r.notable !== false && Math.abs(r.delta_ms) >= 1)
    .filter((r) => Math.sign(r.delta_ms) === Math.sign(change))
    .slice(0, 3)
  if (!moved.length) return null
  const named = moved
    .map((r) => `${code(r.name)}${r.own ? ' (this project)' : ''} ${signedMs(r.delta_ms)}`)
    .join(', ')
  const share = imports === 0 ? 'none' : signedMs(imports)
  return `- New or dropped imports account for ${share} of ${code(main.target)}'s ${signedMs(change)}; the rest is own time of modules both sides load: ${named} (untimed \`-X importtime\` runs)`
}

/** A dotted edge's words: how the import went, when known (plain words: Mermaid reads the label). */
function edgeWords(cause: ModuleCause): string {
  switch (cause.how?.mechanism) {
    case 'lazy-statement':
    case 'lazy-modules':
      return 'declared lazy'
    case 'function':
      return 'moved into a function'
    case 'module-getattr':
      return 'on first attribute access'
    case 'type-checking':
      return 'type checking only'
    case 'import-removed':
      return 'import removed'
    default:
      return 'no longer imported'
  }
}

/** A Mermaid node label: module names only, nothing Mermaid could read as syntax. */
const label = (module: string) => module.replace(/[^\w.-]/g, '_')

/**
 * The imports that became eager (thick) or are no longer made (dotted), from each target to
 * each cause, labelled with their cost; intermediate modules between a target
 * and the module that imports the cause are folded into one dotted step.
 */
export function importGraph(view: ReportView, limit: number): string[] {
  const modules = view.causes.filter((c): c is ModuleCause => c.kind === 'module').slice(0, limit)
  if (!modules.length) return []
  const ids = new Map<string, string>()
  const node = (module: string) => {
    let id = ids.get(module)
    if (!id) {
      id = `m${ids.size}`
      ids.set(module, id)
      return `${id}["${label(module)}"]`
    }
    return id
  }
  const edges = new Set<string>()
  const lines: string[] = []
  const add = (line: string, key: string) => {
    if (edges.has(key)) return
    edges.add(key)
    lines.push(`  ${line}`)
  }
  for (const cause of modules) {
    // One target's chains: the others' differ only in their start, folded above.
    for (const { target, chain } of cause.chains) {
      const lead = chain[chain.length - 1]!
      if (!cause.leads.slice(0, 2).includes(lead)) continue
      const importer = chain[chain.length - 2] ?? target
      if (importer !== target && chain.length > 2) {
        const direct = chain.length === 3
        add(
          `${node(target)} ${direct ? '-->' : '-. … .->'} ${node(importer)}`,
          `${target}>${importer}`,
        )
      }
      const { ms } = cause.chains.find((c) => c.target === target && c.chain === chain)!
      const edge = cause.eager
        ? `== "${signedMs(ms)}" ==>`
        : `-. "${signedMs(ms)}, ${edgeWords(cause)}" .->`
      add(`${node(importer)} ${edge} ${node(lead)}`, `${importer}>${lead}`)
    }
  }
  return ['```mermaid', 'flowchart LR', ...lines, '```']
}
