// How a module came to be no longer imported, in words, for the Why of both
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
