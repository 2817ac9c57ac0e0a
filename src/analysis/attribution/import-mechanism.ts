// How a module came to be no longer imported, or now imported: from where the
// importer's source imports it on each side (read by import_sites.py with the interpreter's own
// ast), the mechanism and the line that did it. Pure.
//
// Words (PEP 810 gave "lazy" a precise meaning, so the reports keep these
// apart): a module is "no longer imported" when head's import of the target
// does not load it; it is "declared lazy" by a `lazy import` statement or an
// entry in `__lazy_modules__`; an import "moved into a function" runs when the
// function is called; a module-level `__getattr__` (PEP 562) imports on first
// attribute access; an import under `if TYPE_CHECKING:` never runs; and an
// import that is gone from the importer's source was "removed".
import type { Side } from '../../model/target.js'
import { within } from './python-imports.js'

/** Where an import statement sits in its module. */
export type ImportScope = 'module' | 'function' | 'getattr' | 'type-checking' | 'conditional'

/** One import statement, as import_sites.py read it. */
export interface ImportSite {
  line: number
  kind: 'import' | 'from'
  /** Absolute names (a relative from-import resolved against its module). */
  modules: string[]
  /** `from m import a, b`: ['a', 'b']; empty for `import`. */
  names: string[]
  /** Declared lazy by the statement itself (`lazy import`, Python 3.15+). */
  lazy: boolean
  scope: ImportScope
  /** The outermost function it is in, when it is in one. */
  function: string | null
}

/** A module's import statements and its `__lazy_modules__` list, when it has one. */
export interface FileImports {
  sites: ImportSite[]
  lazyModules: { line: number; names: string[] } | null
}

export const MECHANISMS = [
  'lazy-statement',
  'lazy-modules',
  'function',
  'module-getattr',
  'type-checking',
  'import-removed',
  // A module now imported: head's module-level import, and what base had.
  'import-added',
  'made-eager',
] as const
export type Mechanism = (typeof MECHANISMS)[number]

/** How head's importer stopped loading a module: the mechanism, and its line on that side. */
export interface ImportMechanism {
  mechanism: Mechanism
  /** The module whose source changed: the last link of the chain still loaded in head. */
  importer: string
  /** head for every mechanism but import-removed, whose line is base's. */
  side: Side
  /** The importer's file in the repository, or null (a dependency's). */
  path: string | null
  line: number
  /** function: the function the import moved into. */
  function: string | null
  /**
   * made-eager: how base's importer kept it from loading (a mechanism of the
   * no-longer-imported kind, its line in base's file).
   */
  before?: {
    mechanism: Mechanism
    line: number
    function: string | null
    /** import-added: the other module of base whose source had the import, and its file. */
    importer?: string
    path?: string | null
  }
}

/** Whether running `site` loads `module` (itself, or as a package of what it imports). */
export function loads(site: ImportSite, module: string): boolean {
  if (site.modules.some((m) => within(m, module))) return true
  const [from] = site.modules
  return site.kind === 'from' && site.names.some((name) => `${from}.${name}` === module)
}

/**
 * The importer's statements that load `module`: those that name it, else the
 * from-imports of its package (`from pydantic import BaseModel` loads
 * `pydantic.main` through the package's `__getattr__`, and a submodule that
 * the package loads when its name is imported is that statement's doing).
 */
export function sitesLoading(file: FileImports, module: string): ImportSite[] {
  const named = file.sites.filter((s) => loads(s, module))
  if (named.length) return named
  return file.sites.filter((s) => s.kind === 'from' && module.startsWith(`${s.modules[0]}.`))
}

/**
 * The mechanism by which head's `importer` no longer loads `module` during
 * the import, from the importer's imports on both sides; null when its
 * source does not say (a module-level import that is still there, under a
 * condition or not: something else changed).
 */
export function mechanismOf(
  module: string,
  importer: string,
  base: FileImports | null,
  head: FileImports | null,
): Omit<ImportMechanism, 'path'> | null {
  if (!head) return null
  const at = (mechanism: Mechanism, site: { line: number }, fn: string | null = null) => ({
    mechanism,
    importer,
    side: 'head' as Side,
    line: site.line,
    function: fn,
  })
  const sites = sitesLoading(head, module)
  const lazy = sites.find((s) => s.lazy)
  if (lazy) return at('lazy-statement', lazy)
  const eager = sites.filter((s) => s.scope === 'module')
  if (eager.length) {
    // PEP 810: an import is lazy when the module it names is listed.
    const listed = head.lazyModules
    const names = new Set(listed?.names ?? [])
    const declared = eager.find((s) => s.modules.some((m) => names.has(m)))
    return declared && listed ? at('lazy-modules', listed) : null
  }
  const getattr = sites.find((s) => s.scope === 'getattr')
  if (getattr) return at('module-getattr', getattr, getattr.function)
  // An import in a function still runs when it is called: with one under
  // TYPE_CHECKING beside it (for annotations), "imported only under if
  // TYPE_CHECKING" told a reviewer the module never loads at run time.
  const inFunction = sites.find((s) => s.scope === 'function')
  if (inFunction) return at('function', inFunction, inFunction.function)
  const typing = sites.find((s) => s.scope === 'type-checking')
  if (typing) return at('type-checking', typing)
  if (sites.length) return null
  const was = base ? sitesLoading(base, module)[0] : undefined
  return was ? { ...at('import-removed', was), side: 'base' } : null
}

/**
 * The mirror, for a module head's `importer` now loads and base's did not:
 * head's module-level import that loads it, and whether base's source had no
 * such import (import-added) or kept it from loading (made-eager, with how:
 * base's side read by mechanismOf with the sides swapped); null when the
 * sources do not say (the same import on both sides: something else changed).
 */
export function eagerMechanismOf(
  module: string,
  importer: string,
  base: FileImports | null,
  head: FileImports | null,
): Omit<ImportMechanism, 'path'> | null {
  if (!base || !head) return null
  const listed = new Set(head.lazyModules?.names ?? [])
  const now = sitesLoading(head, module).find(
    (s) => s.scope === 'module' && !s.lazy && !s.modules.some((m) => listed.has(m)),
  )
  if (!now) return null
  const at = { importer, side: 'head' as Side, line: now.line, function: null }
  const was = mechanismOf(module, importer, head, base)
  if (!was) return null
  // Swapped, "removed" means base had no import of it: head added one.
  if (was.mechanism === 'import-removed') return { mechanism: 'import-added', ...at }
  return {
    mechanism: 'made-eager',
    ...at,
    before: { mechanism: was.mechanism, line: was.line, function: was.function },
  }
}

/** What each scope that keeps an import from running at module level is called. */
const KEPT: Partial<Record<ImportScope, Mechanism>> = {
  function: 'function',
  getattr: 'module-getattr',
  'type-checking': 'type-checking',
}

/**
 * For a module head imports anew (import-added): where base's own source had
 * an import of it that did not run at import, in another module (the CLI's
 * `main()` importing `rich`, which head's `app.output` now imports at module
 * level). The first such site, in the order given; null when none.
 */
export function importedElsewhere(
  module: string,
  files: ReadonlyMap<string, { importer: string; imports: FileImports }>,
): {
  mechanism: Mechanism
  line: number
  function: string | null
  importer: string
  file: string
} | null {
  for (const [file, { importer, imports }] of files) {
    const site = sitesLoading(imports, module).find((s) => KEPT[s.scope] && !s.lazy)
    if (site)
      return {
        mechanism: KEPT[site.scope]!,
        line: site.line,
        function: site.function,
        importer,
        file,
      }
  }
  return null
}
