// How a module came to be no longer imported (or now imported), in words, for the Why of both
// the comment and the terminal (each renders names and places its own way).
// PEP 810's words kept apart: "declared lazy" is a `lazy import` or an entry
// in `__lazy_modules__`; an import moved into a function, one behind a
// module-level `__getattr__`, one under `if TYPE_CHECKING:` and one removed
// are other things. Pure.
import type { ImportMechanismJson } from '../../results/schema.js'

/**
 * The mechanism as a phrase: `code` renders a name or keyword (measured
 * code's names included), `at` is the place already rendered.
 */
export function mechanismText(
  how: ImportMechanismJson,
  at: string,
  code: (text: string) => string,
): string {
  switch (how.mechanism) {
    case 'lazy-statement':
      return `declared lazy by ${code('lazy import')} at ${at}`
    case 'lazy-modules':
      return `declared lazy in ${code('__lazy_modules__')} at ${at}`
    case 'function':
      return `import moved into ${code(`${how.function ?? '?'}()`)} at ${at}`
    case 'module-getattr':
      return `imported on first use by the module's ${code('__getattr__')} (PEP 562) at ${at}`
    case 'type-checking':
      return `imported only under ${code('if TYPE_CHECKING:')} at ${at}`
    case 'import-removed':
      return `its import at ${at} in base was removed`
    case 'import-added':
      return `imported at ${at}, an import new in head`
    case 'made-eager':
      return `imported at module level at ${at}; in base ${beforeText(how, code)}`
  }
}

/** What base's importer did instead, for a module made eager: "it was declared lazy by `lazy import` at line 3". */
function beforeText(how: ImportMechanismJson, code: (text: string) => string): string {
  const before = how.before
  if (!before) return 'it was not loaded'
  const line = `at line ${before.line}`
  switch (before.mechanism) {
    case 'lazy-statement':
      return `it was declared lazy by ${code('lazy import')} ${line}`
    case 'lazy-modules':
      return `it was declared lazy in ${code('__lazy_modules__')} ${line}`
    case 'function':
      return `the import was inside ${code(`${before.function ?? '?'}()`)} ${line}`
    case 'module-getattr':
      return `it was imported on first use by the module's ${code('__getattr__')} ${line}`
    case 'type-checking':
      return `it was imported only under ${code('if TYPE_CHECKING:')} ${line}`
    default:
      return 'it was not loaded'
  }
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
