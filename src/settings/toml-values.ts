// [tool.importgate] values as TOML gives them (strings, numbers, booleans,
// arrays, tables), checked: an error names the key as written, the value and
// what is accepted.
import { UsageError } from '../model/errors.js'
import { moduleNameProblem } from './module-name.js'
import { validateTargets } from './targets.js'
import { parseCount, parseDuration } from './units.js'

export const show = (value: unknown) => JSON.stringify(value)

export function text(value: unknown, where: string, accepted: string): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  throw new UsageError(`${where} = ${show(value)}: expected ${accepted}`)
}

export function globs(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim())) {
    throw new UsageError(
      `${where} = ${show(value)}: expected a list of file patterns, such as ["*.py", "pyproject.toml"], or ["*"] to measure every change`,
    )
  }
  if (value.length === 0)
    throw new UsageError(
      `${where} = []: no file could then affect importing, so no pull request would be measured; list patterns, such as ["*.py", "pyproject.toml"], or remove the key for the default`,
    )
  return value as string[]
}

export function modules(value: unknown, where: string, { commands = false } = {}): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new UsageError(
      `${where} = ${show(value)}: expected a list of module names, such as ["mypkg", "mypkg.cli"]${commands ? ' or commands, such as "cmd: mycli --help"' : ''}`,
    )
  }
  if (commands) return validateTargets(value as string[], where, { commands })
  for (const name of value as string[]) {
    const problem = moduleNameProblem(name)
    if (problem) throw new UsageError(`${where}: "${name}" is not a Python module name: ${problem}`)
  }
  return value as string[]
}

export const count =
  (min: number, max: number = Number.MAX_SAFE_INTEGER) =>
  (value: unknown, where: string) => {
    if (typeof value !== 'number' && typeof value !== 'string') {
      throw new UsageError(`${where} = ${show(value)}: expected a whole number of at least ${min}`)
    }
    return parseCount(where, String(value), min, max)
  }

/** A list of strings, or an error naming what the list holds and an example. */
export function stringList(value: unknown, where: string, what: string, example: string): string[] {
  if (!Array.isArray(value) || !value.every((m) => typeof m === 'string'))
    throw new UsageError(
      `${where} = ${show(value)}: expected a list of ${what}, such as ${example}`,
    )
  return value as string[]
}

/** [tool.importgate.budgets]: target = "duration", each checked. */
export function budgetTable(value: unknown, where: string): Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(
      `${where} = ${show(value)}: expected a table of target = "duration", such as [tool.importgate.budgets] mypkg = "300ms"`,
    )
  }
  const budgetsMs: Record<string, number> = {}
  for (const [target, limit] of Object.entries(value)) {
    const at = `${where}.${target.includes('.') ? `"${target}"` : target}`
    validateTargets([target], at, { commands: true })
    budgetsMs[target] = parseDuration(at, text(limit, at, 'a duration such as "300ms"'), 'ms')
  }
  return budgetsMs
}
