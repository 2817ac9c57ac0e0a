// Import statements read from a line of Python source, by splitting text, not
// by regular expressions built from module names: the names come from the
// measured code (a module named `(a+)+b` once hung a run), and may be of any
// length. Good enough to point at a line; not a parse. Pure.

export interface ImportStatement {
  kind: 'import' | 'from'
  /** `import a.b as c, d` → ['a.b', 'd']; `from a.b import x` → ['a.b'] ('.'-led when relative). */
  modules: string[]
  /** `from … import x, y as z` → ['x', 'y']; empty for `import`. */
  names: string[]
}

const IDENT = /^[\w.]+$/

/** The first word of each comma-separated item: `a.b as c` → `a.b`. */
const heads = (list: string): string[] =>
  list
    .replace(/[()\\]/g, ' ')
    .split(',')
    .map((item) => item.trim().split(/\s+/)[0] ?? '')
    .filter((head) => IDENT.test(head))

/** The import statement a line starts (after indentation), or null. */
export function importStatement(line: string): ImportStatement | null {
  const hash = line.indexOf('#')
  const code = (hash >= 0 ? line.slice(0, hash) : line).trim()
  const [keyword, ...rest] = code.split(/\s+/)
  if (keyword === 'import') return { kind: 'import', modules: heads(rest.join(' ')), names: [] }
  if (keyword !== 'from' || rest[1] !== 'import' || !IDENT.test(rest[0] ?? '')) return null
  return { kind: 'from', modules: [rest[0]!], names: heads(rest.slice(2).join(' ')) }
}

/** `a.b.c` is `name` or inside it (`a.b` → `a.b`, `a.b.c`; not `a.bc`). */
export const within = (module: string, name: string): boolean =>
  module === name || module.startsWith(`${name}.`)

/**
 * The lines that call `short` (a bare name: an imported function's last part)
 * or apply it as a decorator, outside comments, at most `limit`, 1-based.
 */
export function callSites(source: string, short: string, limit: number): number[] {
  const lines: number[] = []
  const word = /\w/
  for (const [i, line] of source.split('\n').entries()) {
    const hash = line.indexOf('#')
    const code = hash >= 0 ? line.slice(0, hash) : line
    const trimmed = code.trimStart()
    const decorator =
      trimmed.startsWith('@') &&
      (trimmed.slice(1).match(/^[\w.]*/)?.[0] ?? '').split('.').includes(short)
    let call = false
    for (let at = code.indexOf(short); at >= 0 && !call; at = code.indexOf(short, at + 1)) {
      if (at > 0 && word.test(code[at - 1]!)) continue
      call = code
        .slice(at + short.length)
        .trimStart()
        .startsWith('(')
    }
    if (decorator || call) lines.push(i + 1)
    if (lines.length >= limit) break
  }
  return lines
}
