// "Functions called at import": the reason behind a change at the level a
// developer fixes it, each function and calling line linked to the commit
// that has it. Pure.
import type { FunctionChangeJson, SourceJson } from '../../results/schema.js'
import { signedMs } from '../view/format.js'
import { code, plain } from './markdown-text.js'
import type { ReportView } from '../view/view.js'

/** Where the repository is browsed, for links to lines: `https://github.com/owner/repo`. */
export interface SourceLinks {
  repoUrl: string
  /** The commits the two sides ran, by side. */
  sha: { base: string | null; head: string | null }
}

/** A link to `path` (at `line`) on `side`'s commit; the bare text without links or a path. */
export function linked(
  text: string,
  source: SourceJson,
  side: 'base' | 'head',
  links: SourceLinks | undefined,
): string {
  const sha = links?.sha[side]
  if (!links || !sha || !source.path) return text
  const path = source.path.split('/').map(encodeURIComponent).join('/')
  const anchor = source.line ? `#L${source.line}` : ''
  return `[${text}](${links.repoUrl}/blob/${sha}/${path}${anchor})`
}

const where = (source: SourceJson) =>
  source.path ? plain(`${source.path}${source.line ? `:${source.line}` : ''}`) : null

function calls(c: { base_calls: number; head_calls: number }): string {
  return `${c.base_calls} → ${c.head_calls} calls`
}

function item(change: FunctionChangeJson, links: SourceLinks | undefined, limit: number): string {
  const at = where(change.source)
  const name = code(change.name)
  const head = `${name}${at ? ` (${linked(at, change.source, change.side, links)})` : ''}`
  const inner = change.mostly_in
    ? `, mostly in ${linked(code(change.mostly_in.name), change.mostly_in.source, change.side, links)}`
    : ''
  const via = change.via.length ? `, via ${change.via.map(code).join(' ← ')}` : ''
  const shown = change.callers.slice(0, limit).map((caller) => {
    const lines = caller.lines.map((line) =>
      linked(`line ${line}`, { path: caller.path, line }, caller.side, links),
    )
    const count =
      caller.base_calls === caller.head_calls ? '' : ` ${calls(caller).replace(' calls', '')}`
    return `${code(caller.module)}${count}${lines.length ? ` (${lines.join(', ')})` : ''}`
  })
  const more = change.callers.length - shown.length
  const modules = change.callers.length
  const from = modules
    ? `; ${code(change.called_as)} is called at import by ${modules} module${modules > 1 ? 's' : ''}: ${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''}`
    : ''
  return `- ${head}: **${signedMs(change.profiled_delta_ms)}**, ${calls(change)}${via}${inner}${from}`
}

export function functionsCalledAtImport(
  view: ReportView,
  limit: number,
  links?: SourceLinks,
): string[] {
  const out: string[] = []
  for (const { target, changes } of view.functions) {
    if (view.functions.length > 1) out.push(`**${code(target)}**`, '')
    out.push(...changes.slice(0, limit).map((c) => item(c, links, Math.min(limit, 5))), '')
  }
  if (!out.length) return []
  return [
    '#### Functions called at import',
    '',
    ...out,
    '<sub>Functions that modules both sides load now call a different number of times during the import, and the module code that leads to them. Times are from one cProfile run per side, which slows Python code: they show the size of a cause, not a measurement.</sub>',
  ]
}

/**
 * A module name in code, linked to its file (at the line that imports the next
 * link of its chain, when known) on the commit that has it.
 */
export function moduleLinker(
  view: ReportView,
  links: SourceLinks | undefined,
): (target: string, module: string) => string {
  return (target, module) => {
    const source = view.sources[target]?.[module]
    if (!source) return code(module)
    return linked(code(module), { path: source.path, line: source.line }, source.side, links)
  }
}
