// Parses the output of `python -X importtime` into the import tree.
//
// CPython prints one line per module when its import finishes, so children come
// before their parent, and nests by indenting the name two spaces per level:
//
//   import time: self [us] | cumulative | imported package
//   import time:       885 |        885 |     asyncio.streams
//   import time:      1206 |      96636 |   asyncio
//   import time:       341 |      96976 | pkg.sub
//
// 3.7 to 3.13 share that format; 3.14's `-X importtime=2` adds lines whose two
// columns read `cached` for modules that were already loaded. The measured code
// writes to stderr too, so anything that is not such a line is ignored, and the
// line may be found after stray bytes the measured code left without a newline.

export interface ImportNode {
  name: string
  /** Microseconds spent in this module's own body (children excluded). */
  selfUs: number
  /** Microseconds from the start to the end of this module's import. */
  cumulativeUs: number
  /** Nesting level: 0 for a module imported directly by the probe. */
  depth: number
  /** A 3.14 `cached` line: the module was already loaded; no time was spent. */
  cached: boolean
  children: ImportNode[]
  parent: ImportNode | null
}

export interface ImportTree {
  /** Top-level imports, in the order they finished. */
  roots: ImportNode[]
  /** Lines nested deeper than MAX_IMPORT_DEPTH were left out: no real import chain is that deep. */
  tooDeep?: boolean
  /** Every module that was actually loaded (not `cached`), by name. */
  loaded: Map<string, ImportNode>
}

const LINE = /import time:\s+(\d+|cached) \|\s+(\d+|cached) \| ( *)(\S+)\s*$/

interface ParsedLine {
  name: string
  selfUs: number
  cumulativeUs: number
  depth: number
  cached: boolean
}

export function parseImportTimeLine(line: string): ParsedLine | null {
  const match = LINE.exec(line)
  if (!match) return null
  // Every group is in the pattern, so each is matched text.
  const [, self = '', cumulative = '', indent = '', name = ''] = match
  const cached = self === 'cached' || cumulative === 'cached'
  return {
    name,
    selfUs: cached ? 0 : Number(self),
    cumulativeUs: cached ? 0 : Number(cumulative),
    depth: Math.floor(indent.length / 2),
    cached,
  }
}

/**
 * The lines strictly between the last `begin` marker and the first `end`
 * marker after it; all lines when there is no `begin` marker.
 */
export function sliceBetweenMarkers(lines: string[], begin: string, end: string): string[] {
  let start = -1
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.includes(begin)) {
      start = i
      break
    }
  }
  if (start < 0) return lines
  const stop = lines.findIndex((line, i) => i > start && line.includes(end))
  return lines.slice(start + 1, stop < 0 ? lines.length : stop)
}

export interface ParseOptions {
  /** Only parse the lines between these two markers (the probe writes them). */
  markers?: { begin: string; end: string }
}

/**
 * The deepest nesting read. Real chains are a few dozen links (sympy's deepest
 * is about 20); a forged log thousands deep made every chain cost its depth.
 */
export const MAX_IMPORT_DEPTH = 200

export function parseImportTime(text: string, options: ParseOptions = {}): ImportTree {
  let lines = text.split(/\r?\n/)
  if (options.markers)
    lines = sliceBetweenMarkers(lines, options.markers.begin, options.markers.end)
  // pending[d] holds finished nodes at depth d still waiting for their parent,
  // which is the next line at depth d - 1.
  const pending = new Map<number, ImportNode[]>()
  const loaded = new Map<string, ImportNode>()
  let tooDeep = false
  for (const line of lines) {
    const parsed = parseImportTimeLine(line)
    if (!parsed) continue
    if (parsed.depth > MAX_IMPORT_DEPTH) {
      tooDeep = true
      continue
    }
    const node: ImportNode = { ...parsed, children: [], parent: null }
    const children = pending.get(node.depth + 1) ?? []
    pending.delete(node.depth + 1)
    for (const child of children) child.parent = node
    node.children = children
    const siblings = pending.get(node.depth) ?? []
    siblings.push(node)
    pending.set(node.depth, siblings)
    if (!node.cached && !loaded.has(node.name)) loaded.set(node.name, node)
  }
  // What is left has no parent in the output: the top-level imports, plus any
  // orphans a garbled or multi-threaded log left behind, shallowest first.
  const roots = [...pending.entries()].sort(([a], [b]) => a - b).flatMap(([, nodes]) => nodes)
  return { roots, loaded, ...(tooDeep ? { tooDeep } : {}) }
}

/** The chain of imports that first loaded `name`: outermost importer first. */
export function importChain(tree: ImportTree, name: string): string[] | null {
  let node = tree.loaded.get(name) ?? null
  if (!node) return null
  // Up the parents, then reversed: linear in the depth (a forged 7,000-deep
  // chain made unshift and the filter below quadratic per module).
  const up: string[] = []
  for (; node; node = node.parent) up.push(node.name)
  const chain = up.reverse()
  // Python loads a package before its submodule, so importing a.b logs a
  // line for a.b with its package a nested inside. When a's __init__ imports
  // a.b itself, the real load of a.b sits in there too, and the name appears
  // twice: t → t.q → t.cat.cat → t.cat → t.cat.cat → decimal. The outer one
  // was only the request that set this off: drop it, and nothing else, so the
  // chain still starts where the import started (t → t.q → t.cat →
  // t.cat.cat → decimal).
  const last = new Map(chain.map((link, i) => [link, i]))
  return chain.filter((link, i) => last.get(link) === i)
}
