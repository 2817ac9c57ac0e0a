// A target is a module name as `import` accepts it: dotted identifiers. It is
// passed to the interpreter as one argument (never through a shell), but a
// clear refusal here beats a ModuleNotFoundError after installing everything.

const KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try ' +
    'while with yield'
  ).split(' '),
)

// Python identifiers (PEP 3131): XID_Start then XID_Continue; this is the
// Unicode-category approximation of those two properties.
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u

/** Why `name` is not a valid dotted module name, or null when it is. */
export function moduleNameProblem(name: string): string | null {
  if (name.trim() === '') return 'it is empty'
  if (name !== name.trim()) return 'it has leading or trailing spaces'
  if (name.startsWith('.')) return 'relative names are not accepted; give the absolute module name'
  if (/[/\\]/.test(name) || name.endsWith('.py')) {
    return 'it looks like a file path; give the dotted module name (src/mypkg/cli.py → mypkg.cli)'
  }
  // `-t=x` reaches us as "=x": a short option takes its value after a space.
  if (name.startsWith('='))
    return 'it starts with "="; write -t NAME or --target=NAME (a short option takes no "=")'
  if (name.includes('-')) {
    const guess = name.replaceAll('-', '_')
    // "_c" for "-c" would be a guess at nothing: only suggest a name that is one.
    const hint = /^[\p{L}\p{Nl}]/u.test(guess) ? `; did you mean ${guess}?` : ''
    return `module names have no hyphens (distribution names do)${hint}`
  }
  for (const part of name.split('.')) {
    if (part === '') return 'it has an empty part between dots'
    if (KEYWORDS.has(part))
      return `"${part}" is a Python keyword, which no importable module can be named`
    if (!IDENTIFIER.test(part)) {
      return `"${part}" is not a Python identifier (letters, digits and underscores, not starting with a digit)`
    }
  }
  return null
}
