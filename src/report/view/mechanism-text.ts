// How a module came to be no longer imported (or now imported), in words, for the Why of both
// the comment and the terminal (each renders names and places its own way).
// PEP 810's words kept apart: "declared lazy" is a `lazy import` or an entry
// in `__lazy_modules__`; an import moved into a function, one behind a
// module-level `__getattr__`, one under `if TYPE_CHECKING:` and one removed
// are other things. Pure.
import type { ImportMechanismJson } from '../../results/schema.js'

type Code = (text: string) => string

type Kept = 'lazy-statement' | 'lazy-modules' | 'module-getattr' | 'type-checking'
/**
 * How an importer keeps a module from loading at import, the words both
 * directions share: what head does to a module no longer imported, what base
 * did to one now imported.
 */
const KEPT_FROM_LOADING: Record<Kept, (code: Code) => string> = {
  'lazy-statement': (code) => `declared lazy by ${code('lazy import')}`,
  'lazy-modules': (code) => `declared lazy in ${code('__lazy_modules__')}`,
  'module-getattr': (code) => `loaded on first attribute access (module ${code('__getattr__')})`,
  'type-checking': (code) => `imported only under ${code('if TYPE_CHECKING:')}`,
}

/**
 * The mechanism as a phrase: `code` renders a name or keyword (measured
 * code's names included), `at` is the place already rendered.
 */
export function mechanismText(how: ImportMechanismJson, at: string, code: Code): string {
  switch (how.mechanism) {
    case 'function':
      return `import moved into ${code(`${how.function ?? '?'}()`)} at ${at}`
    case 'import-removed':
      return `its import at ${at} in base was removed`
    case 'import-added':
      return `imported at ${at}, an import new in head${elsewhereText(how, code)}`
    case 'made-eager':
      return `imported at module level at ${at}; in base ${beforeText(how, code)}`
    case 'lazy-statement':
    case 'lazy-modules':
    case 'module-getattr':
    case 'type-checking':
      return `${KEPT_FROM_LOADING[how.mechanism](code)} at ${at}`
  }
}

/**
 * Where another module of base had the import, for one new in head's importer:
 * "; in base it was imported only inside `main()`, in `app.cli` at `src/app/cli.py:12`".
 */
function elsewhereText(how: ImportMechanismJson, code: Code): string {
  const b = how.before
  if (!b?.importer) return ''
  const place = b.path ? code(`${b.path}:${b.line}`) : `line ${b.line}`
  const where = `in ${code(b.importer)} at ${place}`
  if (b.mechanism === 'function')
    return `; in base it was imported only inside ${code(`${b.function ?? '?'}()`)}, ${where}`
  if (b.mechanism in KEPT_FROM_LOADING)
    return `; in base it was ${KEPT_FROM_LOADING[b.mechanism as Kept](code)}, ${where}`
  return ''
}

/** What base's importer did instead, for a module made eager: "it was declared lazy by `lazy import` at line 3". */
function beforeText(how: ImportMechanismJson, code: Code): string {
  const before = how.before
  if (!before) return 'it was not loaded'
  const line = `at line ${before.line}`
  if (before.mechanism === 'function')
    return `the import was inside ${code(`${before.function ?? '?'}()`)} ${line}`
  if (before.mechanism in KEPT_FROM_LOADING)
    return `it was ${KEPT_FROM_LOADING[before.mechanism as Kept](code)} ${line}`
  return 'it was not loaded'
}

/**
 * The place as plain text: `src/pkg/a.py:3`, or for a dependency's file (no
 * path in the checkout) the importer's module and line, "rich.console line 3";
 * `code` renders the file or module.
 */
export function mechanismPlace(
  how: ImportMechanismJson,
  code: (text: string) => string = (t) => t,
): string {
  return how.path ? code(`${how.path}:${how.line}`) : `${code(how.importer)} line ${how.line}`
}
